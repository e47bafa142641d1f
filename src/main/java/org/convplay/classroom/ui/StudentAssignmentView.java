package org.convplay.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.Text;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.ui.TaskLinks;
import org.convplay.ui.MainLayout;

/**
 * A student's assignment: their own variant of each exercise, an answer box, attempts left, the
 * feedback of the last attempt and, when the rules allow, the worked solution.
 */
@Route(value = "classroom/assignments/:assignmentId", layout = MainLayout.class)
@PageTitle("Assignment")
@RolesAllowed("STUDENT")
public class StudentAssignmentView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver {

    private final AssignmentService assignments;
    private final ExerciseService exercises;
    private long assignmentId;
    private Views.StudentAssignmentDetail detail;
    /** The result of the latest submission per exercise, shown under it until the page is left. */
    private final Map<String, Views.SubmitResult> results = new HashMap<>();
    /** What the student typed per exercise, kept across re-renders. */
    private final Map<String, String> drafts = new HashMap<>();

    final H2 heading = new H2();
    final Span status = new Span();
    final Div exercisesBox = new Div();

    public StudentAssignmentView(AssignmentService assignments, ExerciseService exercises) {
        this.assignments = assignments;
        this.exercises = exercises;
        status.setId("status");
        exercisesBox.setWidthFull();
        add(heading, status, exercisesBox);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        assignmentId = event.getRouteParameters().getLong("assignmentId").orElse(-1L);
        try {
            detail = assignments.forStudent(assignmentId);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Denied.reroute(event);
            return;
        }
        render(getLocale());
    }

    void submit(String exerciseId) {
        results.put(exerciseId, assignments.submit(assignmentId, exerciseId, drafts.get(exerciseId)));
        detail = assignments.forStudent(assignmentId);
        render(getLocale());
    }

    private void render(Locale locale) {
        if (detail == null) {
            return;
        }
        Views.AssignmentSummary a = detail.assignment();
        heading.setText(a.title());
        status.setText(getTranslation("classroom.status." + detail.status().name().toLowerCase(Locale.ROOT)) + " · "
                + getTranslation("classroom.assignment.due") + ": " + Dates.format(a.dueAt(), locale) + " · "
                + getTranslation("classroom.grades.total") + ": " + Dates.percent(detail.scorePercent()));
        exercisesBox.removeAll();
        if (detail.status() == Views.Status.NOT_OPEN) {
            exercisesBox.add(new Paragraph(getTranslation("classroom.assignment.opensAt", Dates.format(a.opensAt(), locale))));
        }
        for (Views.StudentExercise e : detail.exercises()) {
            exercisesBox.add(exerciseCard(e, locale));
        }
    }

    private VerticalLayout exerciseCard(Views.StudentExercise e, Locale locale) {
        VerticalLayout card = new VerticalLayout();
        card.setId("exercise-" + e.exerciseId());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)");
        card.add(new H3(e.title().in(locale)), new Paragraph(e.prompt().in(locale)),
                new Pre(Parameters.describe(e.parameters())));
        Span attempts = new Span(getTranslation("classroom.assignment.attemptsUsed", e.attemptsUsed(), e.attemptsUsed() + e.attemptsLeft(),
                Dates.percent(e.bestScore() * 100)));
        attempts.setClassName("attempts");
        card.add(attempts);
        if (e.solved()) {
            Span done = new Span("✔ " + getTranslation("progress.done"));
            done.setClassName("done");
            done.getElement().getThemeList().add("badge success");
            card.add(done);
        }
        String page = exercises.exercise(e.exerciseId()).page();
        boolean canSubmit = e.attemptsLeft() > 0 && detail.status() != Views.Status.CLOSED;
        if (page != null) {
            // a practical is done on its page, whose task bar submits the page's state
            Anchor open = new Anchor(TaskLinks.assignment(page, e.exerciseId(), assignmentId), getTranslation("task.open." + page));
            open.setClassName("open-task");
            open.setEnabled(canSubmit);
            card.add(open);
        } else {
            card.add(answerBox(e, canSubmit));
        }
        addFeedback(card, e, results.get(e.exerciseId()), locale);
        return card;
    }

    private VerticalLayout answerBox(Views.StudentExercise e, boolean canSubmit) {
        TextArea answer = new TextArea(getTranslation("exercise.practice.answer"));
        answer.setClassName("answer");
        answer.setWidthFull();
        answer.setValue(drafts.computeIfAbsent(e.exerciseId(), k -> e.answerExample()));
        answer.addValueChangeListener(ev -> drafts.put(e.exerciseId(), ev.getValue()));
        Button submit = new Button(getTranslation("classroom.assignment.submit"), ev -> submit(e.exerciseId()));
        submit.setClassName("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        answer.setReadOnly(!canSubmit);
        submit.setEnabled(canSubmit);
        VerticalLayout box = new VerticalLayout(answer, submit);
        box.setPadding(false);
        return box;
    }

    private void addFeedback(VerticalLayout card, Views.StudentExercise e, Views.SubmitResult r, Locale locale) {
        Text feedback = r != null ? r.message() : e.lastFeedback();
        if (feedback != null) {
            String head = r == null ? getTranslation("classroom.assignment.lastFeedback")
                    : r.outcome() == Views.Outcome.GRADED ? getTranslation(r.correct() ? "exercise.feedback.correct" : "exercise.feedback.incorrect")
                    : getTranslation("classroom.outcome." + r.outcome().name().toLowerCase(Locale.ROOT));
            Pre text = new Pre(head + "\n" + feedback.in(locale));
            text.setClassName("feedback");
            card.add(text);
        }
        List<Text> steps = e.solution();
        if (steps != null) {
            UnorderedList list = new UnorderedList();
            list.setClassName("solution");
            steps.forEach(s -> list.add(new ListItem(s.in(locale))));
            card.add(new H3(getTranslation("exercise.practice.solution")), list);
            if (e.notes() != null) {
                card.add(new Paragraph(e.notes().in(locale)));
            }
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render(event.getLocale());
    }
}
