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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.Views;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Text;
import org.convplay.exercise.ui.AnswerForm;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.ui.TaskLinks;
import org.convplay.ui.MainLayout;

/**
 * A student's assignment: their own variant of each exercise, an answer box, attempts left, the
 * feedback of the last attempt and, when the rules allow, the worked solution.
 */
@Route(value = "classroom/assignments/:assignmentId", layout = MainLayout.class)
@RolesAllowed("STUDENT")
public class StudentAssignmentView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final AssignmentService assignments;
    private final ExerciseService exercises;
    private long assignmentId;
    private Views.StudentAssignmentDetail detail;
    /** The result of the latest submission per exercise, shown under it until the page is left. */
    private final Map<String, Views.SubmitResult> results = new HashMap<>();
    /** What the student typed per exercise, kept across re-renders (JSON, for practical exercises without parts). */
    private final Map<String, String> drafts = new HashMap<>();
    /** The answer form per exercise, kept across re-renders so what was typed stays. */
    final Map<String, AnswerForm> forms = new HashMap<>();
    private final ObjectMapper json;

    final H2 heading = new H2();
    final Span status = new Span();
    final Div exercisesBox = new Div();

    public StudentAssignmentView(AssignmentService assignments, ObjectMapper json, ExerciseService exercises) {
        this.assignments = assignments;
        this.json = json;
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
        AnswerForm form = forms.get(exerciseId);
        String answer = drafts.get(exerciseId);
        if (form != null) {
            Optional<ObjectNode> read = form.read();
            if (read.isEmpty()) {
                // The messages sit at the fields; nothing is sent and no attempt is used.
                return;
            }
            answer = read.get().toString();
        }
        Views.SubmitResult result = assignments.submit(assignmentId, exerciseId, answer);
        results.put(exerciseId, result);
        if (form != null && !result.checks().isEmpty()) {
            form.showGrade(Grade.of(result.checks()));
        }
        detail = assignments.forStudent(assignmentId);
        render(getLocale());
    }

    private AnswerForm form(Views.StudentExercise e) {
        return forms.computeIfAbsent(e.exerciseId(), id -> {
            AnswerForm form = new AnswerForm(e.parts(), new Parameters(e.parameters()));
            form.setId("answer-form-" + id);
            if (e.lastAnswer() != null) {
                try {
                    form.fill(json.readTree(e.lastAnswer()));
                } catch (JsonProcessingException ex) {
                    // A stored answer is JSON we wrote; if not, the form simply starts empty.
                }
            }
            if (!e.lastChecks().isEmpty()) {
                form.showGrade(Grade.of(e.lastChecks()));
            }
            return form;
        });
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
        // teachers' own exercises are not in the shipped catalogue, and none of them is a practical
        String page = exercises.exists(e.exerciseId()) ? exercises.exercise(e.exerciseId()).page() : null;
        Button submit = new Button(getTranslation("classroom.assignment.submit"), ev -> submit(e.exerciseId()));
        submit.setClassName("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        boolean canSubmit = e.attemptsLeft() > 0 && detail.status() != Views.Status.CLOSED;
        submit.setEnabled(canSubmit);
        if (page != null) {
            // a practical is done on its page, whose task bar submits the page's state
            Anchor open = new Anchor(TaskLinks.assignment(page, e.exerciseId(), assignmentId), getTranslation("task.open." + page));
            open.setClassName("open-task");
            open.setEnabled(canSubmit);
            card.add(open);
        } else if (e.parts().isEmpty()) {
            TextArea answer = new TextArea(getTranslation("exercise.practice.answer"));
            answer.setClassName("answer");
            answer.setWidthFull();
            answer.setValue(drafts.computeIfAbsent(e.exerciseId(), k -> e.answerExample()));
            answer.addValueChangeListener(ev -> drafts.put(e.exerciseId(), ev.getValue()));
            answer.setReadOnly(!canSubmit);
            card.add(answer);
        } else {
            AnswerForm form = form(e);
            form.setReadOnly(!canSubmit);
            card.add(form);
        }
        if (page == null) {
            card.add(submit);
        }
        if (!e.hints().isEmpty()) {
            UnorderedList hints = new UnorderedList();
            hints.setClassName("hints");
            for (int i = 0; i < e.hints().size(); i++) {
                hints.add(new ListItem(getTranslation("exercise.practice.hint", i + 1) + " " + e.hints().get(i).in(locale)));
            }
            card.add(hints);
        }
        Views.SubmitResult r = results.get(e.exerciseId());
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
        return card;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render(event.getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.assignment.title");
    }
}
