package org.convplay.classroom.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;

/** One student's grades across a class's assignments, for the class's teacher. */
@Route(value = "classroom/classes/:courseId/students/:studentId", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class StudentGradesView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final GradeService grades;
    private Views.StudentGrades data;

    final H2 heading = new H2();
    final Grid<Views.StudentGradeRow> grid = new Grid<>();

    public StudentGradesView(GradeService grades) {
        this.grades = grades;
        grid.setId("student-grades");
        grid.setAllRowsVisible(true);
        add(heading, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long course = event.getRouteParameters().getLong("courseId").orElse(-1L);
        long student = event.getRouteParameters().getLong("studentId").orElse(-1L);
        try {
            data = grades.forStudent(course, student);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Denied.reroute(event);
            return;
        }
        render();
    }

    private void render() {
        if (data == null) {
            return;
        }
        heading.setText(getTranslation("classroom.grades.student", data.student().displayName(), data.course().name()));
        grid.removeAllColumns();
        grid.addColumn(r -> r.assignment().title()).setHeader(getTranslation("classroom.assignment.title"));
        grid.addColumn(r -> Dates.format(r.assignment().dueAt(), getLocale())).setHeader(getTranslation("classroom.assignment.due"));
        grid.addColumn(Views.StudentGradeRow::attempts).setHeader(getTranslation("classroom.assignment.attempts"));
        grid.addColumn(r -> Dates.percent(r.scorePercent())).setHeader(getTranslation("classroom.grades.total"));
        Fields.fitColumns(grid);
        grid.setItems(data.rows());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.studentGrades");
    }
}
