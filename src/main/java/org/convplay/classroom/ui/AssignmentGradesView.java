package org.convplay.classroom.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.convplay.ui.MainLayout;

/** The grade table of one assignment (students x exercises) and its CSV download, for the class's teacher. */
@Route(value = "classroom/assignments/:assignmentId/grades", layout = MainLayout.class)
@PageTitle("Grades")
@RolesAllowed("TEACHER")
public class AssignmentGradesView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver {

    private final GradeService grades;
    private Views.GradeTable table;

    final H2 heading = new H2();
    final Grid<Views.GradeRow> grid = new Grid<>();
    final Anchor csv = new Anchor();

    public AssignmentGradesView(GradeService grades) {
        this.grades = grades;
        grid.setId("grades");
        grid.setAllRowsVisible(true);
        csv.setId("csv");
        // A plain link: the browser sends the session cookie, and the API checks the class is the teacher's.
        csv.getElement().setAttribute("router-ignore", true);
        add(heading, csv, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("assignmentId").orElse(-1L);
        try {
            table = grades.forAssignment(id);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Denied.reroute(event);
            return;
        }
        csv.setHref("/api/classroom/assignments/" + id + "/grades.csv");
        csv.getElement().setAttribute("download", true);
        render();
    }

    private void render() {
        if (table == null) {
            return;
        }
        heading.setText(getTranslation("classroom.grades.title", table.assignment().title()));
        csv.setText(getTranslation("classroom.grades.csv"));
        grid.removeAllColumns();
        grid.addColumn(r -> r.student().displayName()).setHeader(getTranslation("classroom.signup.displayName"));
        grid.addColumn(r -> r.student().username()).setHeader(getTranslation("classroom.signup.username"));
        List<String> ids = table.assignment().exerciseIds();
        for (int i = 0; i < ids.size(); i++) {
            int col = i;
            grid.addColumn(r -> {
                Views.ExerciseGrade g = r.exercises().get(col);
                return Dates.percent(g.bestScore() * 100) + " (" + g.attempts() + ")" + (g.late() ? " *" : "");
            }).setHeader(ids.get(i));
        }
        grid.addColumn(r -> Dates.percent(r.totalPercent())).setHeader(getTranslation("classroom.grades.total"));
        grid.setItems(table.rows());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }
}
