package org.convplay.classroom.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;

/** The grade table of one assignment (students x exercises) and its CSV download, for the class's teacher. */
@Route(value = "classroom/assignments/:assignmentId/grades", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class AssignmentGradesView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final GradeService grades;
    private Views.GradeTable table;

    final H2 heading = new H2();
    final Grid<Views.GradeRow> grid = new Grid<>();
    final Anchor csv = new Anchor();
    private final H3 statsTitle = new H3();
    /** Per exercise: attempts, the share right and the most common wrong answer. */
    final Grid<Views.ExerciseStats> stats = new Grid<>();

    public AssignmentGradesView(GradeService grades) {
        this.grades = grades;
        grid.setId("grades");
        grid.setAllRowsVisible(true);
        csv.setId("csv");
        // A plain link: the browser sends the session cookie, and the API checks the class is the teacher's.
        csv.getElement().setAttribute("router-ignore", true);
        stats.setId("exercise-stats");
        stats.setAllRowsVisible(true);
        add(heading, csv, grid, statsTitle, stats);
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
            grid.addComponentColumn(r -> {
                Views.ExerciseGrade g = r.exercises().get(col);
                Span cell = new Span(Dates.percent(g.bestScore() * 100) + " (" + g.attempts() + ")" + (g.late() ? " *" : ""));
                if (g.experimentId() != null) {
                    // the page state of the student's last practical attempt, opened as it was
                    Anchor open = new Anchor("e/" + g.experimentId(), " ↗");
                    open.setClassName("experiment-link");
                    open.setTitle(getTranslation("progress.experiment"));
                    cell.add(open);
                }
                return cell;
            }).setHeader(ids.get(i)).setKey("exercise-" + i);
        }
        grid.addColumn(r -> Dates.percent(r.totalPercent())).setHeader(getTranslation("classroom.grades.total"));
        Fields.fitColumns(grid);
        grid.setItems(table.rows());
        statsTitle.setText(getTranslation("progress.exercise"));
        stats.removeAllColumns();
        stats.addColumn(Views.ExerciseStats::exerciseId).setHeader(getTranslation("progress.exercise"));
        stats.addColumn(Views.ExerciseStats::attempts).setHeader(getTranslation("progress.attempts"));
        stats.addColumn(x -> x.attempts() == 0 ? "–" : Dates.percent(x.correctShare() * 100)).setHeader(getTranslation("progress.correct"));
        stats.addColumn(x -> x.commonWrong() == null ? "–" : x.commonWrong() + " (" + x.commonWrongCount() + "×)")
                .setHeader(getTranslation("progress.commonWrong")).setFlexGrow(3);
        Fields.fitColumns(stats);
        stats.setItems(table.exercises());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.grades");
    }
}
