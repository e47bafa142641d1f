package org.convplay.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.domain.SolutionPolicy;
import org.convplay.exercise.service.TeacherExerciseService;
import org.convplay.exercise.ui.TeacherExercisesView;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.ClassroomException;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.shared.Messages;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;

/** A teacher's class: its join code, its students (each linking to their grades), its assignments and a form for a new one. */
@Route(value = "classroom/classes/:courseId", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class CourseView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final CourseService courses;
    private final AssignmentService assignments;
    private Views.CourseDetail detail;

    final H2 heading = new H2();
    final Span joinCode = new Span();
    private final H3 studentsTitle = new H3();
    final Grid<Views.Person> students = new Grid<>();
    private final H3 assignmentsTitle = new H3();
    final Grid<Views.AssignmentSummary> assignmentGrid = new Grid<>();
    private final H3 newTitle = new H3();
    final TextField title = new TextField();
    final MultiSelectComboBox<Exercise> exercisePicker = new MultiSelectComboBox<>();
    final DateTimePicker opens = new DateTimePicker();
    final DateTimePicker due = new DateTimePicker();
    final IntegerField attempts = new IntegerField();
    final Select<LatePolicy> latePolicy = new Select<>();
    final IntegerField penalty = new IntegerField();
    final Select<SolutionPolicy> solutionPolicy = new Select<>();
    final RouterLink writeExercise = new RouterLink("", TeacherExercisesView.class);
    final Button create = new Button();
    final Span formError = new Span();

    public CourseView(CourseService courses, AssignmentService assignments, ExerciseService exercises,
                      TeacherExerciseService teacherExercises) {
        this.courses = courses;
        this.assignments = assignments;
        joinCode.setId("join-code");
        students.setId("students");
        students.setAllRowsVisible(true);
        assignmentGrid.setId("assignments");
        assignmentGrid.setAllRowsVisible(true);
        title.setId("assignment-title");
        title.setMaxLength(Assignment.TITLE_MAX);
        exercisePicker.setId("assignment-exercises");
        // The teacher's own exercises (stored under keys t<id>-...) come after the shipped ones.
        List<Exercise> choices = new ArrayList<>(exercises.list());
        choices.addAll(teacherExercises.mine());
        exercisePicker.setItems(choices);
        opens.setId("assignment-opens");
        due.setId("assignment-due");
        LocalDateTime now = LocalDateTime.now(Dates.ZONE).truncatedTo(ChronoUnit.HOURS);
        opens.setValue(now);
        due.setValue(now.plusDays(7));
        attempts.setId("assignment-attempts");
        attempts.setMin(1);
        attempts.setMax(Assignment.MAX_ATTEMPTS_LIMIT);
        attempts.setValue(3);
        attempts.setStepButtonsVisible(true);
        latePolicy.setId("assignment-late-policy");
        latePolicy.setItems(LatePolicy.values());
        latePolicy.setValue(LatePolicy.PENALTY);
        penalty.setId("assignment-penalty");
        penalty.setMin(0);
        penalty.setMax(100);
        penalty.setValue(20);
        latePolicy.addValueChangeListener(e -> penalty.setEnabled(e.getValue() == LatePolicy.PENALTY));
        solutionPolicy.setId("assignment-solution");
        solutionPolicy.setItems(SolutionPolicy.values());
        solutionPolicy.setValue(SolutionPolicy.AFTER_LAST_ATTEMPT);
        create.setId("create-assignment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> createAssignment());
        formError.setId("assignment-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        writeExercise.setId("write-exercise");
        FormLayout form = new FormLayout(title, exercisePicker, opens, due, attempts, latePolicy, penalty, solutionPolicy);
        add(heading, joinCode, studentsTitle, students, assignmentsTitle, assignmentGrid, newTitle, writeExercise, form, create, formError);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("courseId").orElse(-1L);
        try {
            detail = courses.detail(id);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Denied.reroute(event);
            return;
        }
        refresh();
    }

    void createAssignment() {
        try {
            assignments.create(detail.course().id(), new Views.AssignmentForm(title.getValue(), new ArrayList<>(
                    exercisePicker.getSelectedItems().stream().map(Exercise::id).toList()), Dates.toInstant(opens.getValue()),
                    Dates.toInstant(due.getValue()), attempts.getValue() == null ? 0 : attempts.getValue(), latePolicy.getValue(),
                    penalty.getValue() == null ? 0 : penalty.getValue(), solutionPolicy.getValue()));
            formError.setText("");
            title.clear();
            exercisePicker.clear();
            detail = courses.detail(detail.course().id());
            refresh();
        } catch (ClassroomException e) {
            formError.setText(Messages.explain(e, getLocale()));
        }
    }

    private void refresh() {
        if (detail == null) {
            return;
        }
        heading.setText(detail.course().name());
        joinCode.setText(getTranslation("classroom.class.joinCode") + ": " + detail.course().joinCode());
        students.setItems(detail.students());
        assignmentGrid.setItems(detail.assignments());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        studentsTitle.setText(getTranslation("classroom.class.students"));
        assignmentsTitle.setText(getTranslation("classroom.home.assignments"));
        newTitle.setText(getTranslation("classroom.assignment.new"));
        students.removeAllColumns();
        students.addComponentColumn(p -> new RouterLink(p.displayName(), StudentGradesView.class, new RouteParameters(
                        java.util.Map.of("courseId", Long.toString(detail.course().id()), "studentId", Long.toString(p.id())))))
                .setHeader(getTranslation("classroom.signup.displayName"));
        students.addColumn(Views.Person::username).setHeader(getTranslation("classroom.signup.username"));
        assignmentGrid.removeAllColumns();
        assignmentGrid.addComponentColumn(a -> new RouterLink(a.title(), AssignmentGradesView.class,
                new RouteParameters("assignmentId", Long.toString(a.id())))).setHeader(getTranslation("classroom.assignment.title"));
        assignmentGrid.addColumn(a -> Dates.format(a.opensAt(), locale)).setHeader(getTranslation("classroom.assignment.opens"));
        assignmentGrid.addColumn(a -> Dates.format(a.dueAt(), locale)).setHeader(getTranslation("classroom.assignment.due"));
        assignmentGrid.addColumn(Views.AssignmentSummary::maxAttempts).setHeader(getTranslation("classroom.assignment.attempts"));
        assignmentGrid.addColumn(a -> a.latePolicy() == LatePolicy.REFUSE ? getTranslation("classroom.late.refuse")
                : getTranslation("classroom.late.penaltyOf", a.latePenaltyPercent())).setHeader(getTranslation("classroom.assignment.latePolicy"));
        Fields.fitColumns(students);
        Fields.fitColumns(assignmentGrid);
        title.setLabel(getTranslation("classroom.assignment.title"));
        exercisePicker.setLabel(getTranslation("classroom.assignment.exercises"));
        opens.setLabel(getTranslation("classroom.assignment.opens"));
        due.setLabel(getTranslation("classroom.assignment.due"));
        attempts.setLabel(getTranslation("classroom.assignment.attempts"));
        latePolicy.setLabel(getTranslation("classroom.assignment.latePolicy"));
        latePolicy.setItemLabelGenerator(p -> getTranslation("classroom.late." + p.name().toLowerCase(Locale.ROOT)));
        penalty.setLabel(getTranslation("classroom.assignment.penalty"));
        solutionPolicy.setLabel(getTranslation("classroom.assignment.solutionPolicy"));
        writeExercise.setText(getTranslation("classroom.class.writeExercise"));
        solutionPolicy.setItemLabelGenerator(p -> getTranslation("classroom.solution." + p.name().toLowerCase(Locale.ROOT)));
        exercisePicker.setItemLabelGenerator(e -> TeacherExerciseService.isKey(e.id())
                ? getTranslation("classroom.assignment.ownExercise", e.title().in(locale)) : e.title().in(locale));
        create.setText(getTranslation("classroom.assignment.create"));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.course");
    }
}
