package org.convplay.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.ClassroomException;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.service.Views;
import org.convplay.shared.Messages;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;

/**
 * The classroom home. A teacher sees their classes and creates new ones; a student joins a class
 * with its code and sees every assignment with its deadline and grade so far.
 */
@Route(value = "classroom", layout = MainLayout.class)
@Menu(title = "classroom.nav.home", order = 30)
@RolesAllowed({"TEACHER", "STUDENT"})
public class ClassroomView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final CourseService courses;
    private final AssignmentService assignments;
    private final AccountRef me;

    private final H2 heading = new H2();
    private final H3 classesTitle = new H3();
    final Grid<Views.CourseSummary> classes = new Grid<>();
    final TextField name = new TextField();
    final Button create = new Button();
    final TextField code = new TextField();
    final Button join = new Button();
    private final H3 assignmentsTitle = new H3();
    final Grid<Views.StudentAssignmentRow> assignmentGrid = new Grid<>();

    public ClassroomView(AccountService accounts, CourseService courses, AssignmentService assignments) {
        this.courses = courses;
        this.assignments = assignments;
        this.me = accounts.requireCurrent();
        classes.setId("classes");
        classes.setAllRowsVisible(true);
        // who is signed in, and Sign out, are in the top bar
        add(heading, classesTitle, classes);
        if (me.role() == Role.TEACHER) {
            name.setId("class-name");
            create.setId("create-class");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> createClass());
            add(new HorizontalLayout(name, create));
        } else {
            code.setId("join-code");
            join.setId("join");
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            join.addClickListener(e -> joinClass());
            assignmentGrid.setId("assignments");
            assignmentGrid.setAllRowsVisible(true);
            add(new HorizontalLayout(code, join), assignmentsTitle, assignmentGrid);
        }
    }

    void createClass() {
        try {
            courses.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
        } catch (ClassroomException e) {
            name.setErrorMessage(Messages.explain(e, getLocale()));
            name.setInvalid(true);
        }
    }

    void joinClass() {
        try {
            courses.join(code.getValue());
            code.clear();
            code.setInvalid(false);
            refresh();
        } catch (ClassroomException e) {
            code.setErrorMessage(Messages.explain(e, getLocale()));
            code.setInvalid(true);
        }
    }

    private void refresh() {
        classes.setItems(courses.mine());
        if (me.role() == Role.STUDENT) {
            assignmentGrid.setItems(assignments.mine());
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        heading.setText(getTranslation("classroom.home.title"));
        classesTitle.setText(getTranslation("classroom.home.classes"));
        classes.removeAllColumns();
        if (me.role() == Role.TEACHER) {
            classes.addComponentColumn(c -> new RouterLink(c.name(), CourseView.class, new RouteParameters("courseId", Long.toString(c.id()))))
                    .setHeader(getTranslation("classroom.class.name"));
            classes.addColumn(Views.CourseSummary::joinCode).setHeader(getTranslation("classroom.class.joinCode"));
            classes.addColumn(Views.CourseSummary::students).setHeader(getTranslation("classroom.class.students"));
            name.setLabel(getTranslation("classroom.class.newName"));
            create.setText(getTranslation("classroom.class.create"));
        } else {
            classes.addColumn(Views.CourseSummary::name).setHeader(getTranslation("classroom.class.name"));
            classes.addColumn(Views.CourseSummary::teacherName).setHeader(getTranslation("classroom.class.teacher"));
            code.setLabel(getTranslation("classroom.class.joinCode"));
            join.setText(getTranslation("classroom.class.join"));
            assignmentsTitle.setText(getTranslation("classroom.home.assignments"));
            assignmentGrid.removeAllColumns();
            assignmentGrid.addComponentColumn(r -> new RouterLink(r.assignment().title(), StudentAssignmentView.class,
                    new RouteParameters("assignmentId", Long.toString(r.assignment().id())))).setHeader(getTranslation("classroom.assignment.title"));
            assignmentGrid.addColumn(r -> r.assignment().courseName()).setHeader(getTranslation("classroom.class.name"));
            assignmentGrid.addColumn(r -> Dates.format(r.assignment().dueAt(), locale)).setHeader(getTranslation("classroom.assignment.due"));
            assignmentGrid.addColumn(r -> getTranslation("classroom.status." + r.status().name().toLowerCase(Locale.ROOT)))
                    .setHeader(getTranslation("classroom.assignment.status"));
            assignmentGrid.addColumn(r -> Dates.percent(r.scorePercent())).setHeader(getTranslation("classroom.grades.total"));
            Fields.fitColumns(assignmentGrid);
        }
        Fields.fitColumns(classes);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.home.title");
    }
}
