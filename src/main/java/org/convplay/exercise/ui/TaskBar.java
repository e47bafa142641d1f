package org.convplay.exercise.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.convplay.shared.BadRequestException;
import org.convplay.exercise.Check;
import org.convplay.exercise.ChecklistItem;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Text;
import org.convplay.exercise.Variant;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.service.StudentWork;
import org.convplay.shared.Messages;
import org.springframework.security.access.AccessDeniedException;

/**
 * The bar a practical opens on its page ({@code /images?task=practical-gray&seed=0}, or with
 * {@code &assignment=<id>} inside a class): the prompt, the checklist the grader checks, the short
 * answers, and "Check" (practice) or "Submit" (assignment). What is graded is the page's state as
 * a saved experiment holds it, plus the short answers. In an assignment the seed is the server's.
 */
public class TaskBar extends VerticalLayout implements LocaleChangeObserver {

    /** The page a task bar sits on: its state, as "Save as experiment" would save it. */
    public interface Page {

        /** The experiment kind of the page (and the {@code page:} of the exercises done on it). */
        String kind();

        /** {@code {"request": ..., "view": ...}}: what a saved experiment of the page holds. */
        ObjectNode state();

        /** Adds what grading needs beyond the request, such as the picture's size. */
        default void describe(ObjectNode answer) {
        }

        /** Files the request names by hash, stored with the experiment. */
        default List<byte[]> images() {
            return List.of();
        }
    }

    private final ExerciseService exercises;
    private final StudentWork work;
    private final Page page;

    private Variant variant;
    private Long assignmentId;
    /** Paddings the page computed while this task was open (for same vs valid). */
    private final Set<String> tried = new LinkedHashSet<>();
    private Grade lastGrade;
    /** Practice: asked for or answered right; an assignment: its solution policy allows it. */
    private boolean solutionShown;

    final H3 title = new H3();
    final Paragraph prompt = new Paragraph();
    final UnorderedList checklist = new UnorderedList();
    /** The short answers (an output shape, a ratio): the exercise's parts, in the same form as every exercise page's. */
    AnswerForm answers;
    private final com.vaadin.flow.component.html.Div answersBox = new com.vaadin.flow.component.html.Div();
    final Button check = new Button();
    final Span result = new Span();
    final Pre feedback = new Pre();
    final Button showSolution = new Button();
    private final H4 solutionTitle = new H4();
    final UnorderedList solution = new UnorderedList();

    public TaskBar(ExerciseService exercises, StudentWork work, Page page) {
        this.exercises = exercises;
        this.work = work;
        this.page = page;
        setId("task-bar");
        getStyle().set("border", "2px solid var(--lumo-primary-color-50pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-primary-color-10pct)");
        checklist.setId("task-checklist");
        check.setId("task-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        result.setId("task-result");
        result.addClassName("result-shape");
        feedback.setId("task-feedback");
        showSolution.setId("task-show-solution");
        showSolution.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showSolution.addClickListener(e -> {
            solutionShown = true;
            render(getLocale());
        });
        solution.setId("task-solution");
        HorizontalLayout actions = new HorizontalLayout(check, result, showSolution);
        actions.setAlignItems(Alignment.BASELINE);
        add(title, prompt, checklist, answersBox, actions, feedback, solutionTitle, solution);
        setVisible(false);
    }

    /** Opens the task the URL names, if it is done on this page; without {@code task} the bar stays hidden. */
    public void open(QueryParameters query) {
        variant = null;
        assignmentId = null;
        lastGrade = null;
        solutionShown = false;
        showSolution.setVisible(false);
        solutionTitle.setVisible(false);
        solution.setVisible(false);
        tried.clear();
        feedback.setText("");
        result.setText("");
        String id = first(query, "task").orElse(null);
        if (id == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        check.setEnabled(false);
        if (!exercises.exists(id) || !page.kind().equals(exercises.exercise(id).page())) {
            title.setText(getTranslation("task.wrongPage", id));
            prompt.setText("");
            checklist.removeAll();
            answersBox.removeAll();
            return;
        }
        try {
            Optional<String> assignment = first(query, "assignment");
            long seed;
            if (assignment.isPresent()) {
                assignmentId = Long.parseLong(assignment.get());
                seed = work.seed(assignmentId, id);
                // reopened after the due date or the last attempt, the page shows it as the assignment page does
                solutionShown = work.solutionShown(assignmentId, id);
            } else {
                seed = Math.max(0, Long.parseLong(first(query, "seed").orElse("0")));
            }
            variant = exercises.variant(id, seed);
        } catch (NumberFormatException e) {
            title.setText(getTranslation("task.badNumber", e.getMessage()));
            return;
        } catch (AccessDeniedException | IllegalArgumentException e) {
            title.setText(getTranslation("task.notYours"));
            return;
        }
        answers = new AnswerForm(variant.exercise().parts(), variant.parameters());
        answersBox.removeAll();
        answersBox.add(answers);
        check.setEnabled(true);
        render(getLocale());
    }

    private static Optional<String> first(QueryParameters query, String name) {
        List<String> values = query.getParameters().getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The page finished computing: remember its padding, for tasks that ask to try several. */
    public void seen() {
        if (variant != null) {
            JsonNode padding = page.state().path("request").path("padding");
            if (padding.isTextual()) {
                tried.add(padding.asText());
            }
        }
    }

    /** The answer the grader takes: the page's request, what describes it, the paddings tried and the short answers. */
    Optional<ObjectNode> answer() {
        Optional<ObjectNode> shortAnswers = answers.read();
        if (shortAnswers.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("request", page.state().get("request"));
        page.describe(answer);
        if (!tried.isEmpty()) {
            var list = answer.putArray("tried");
            tried.forEach(list::add);
        }
        answer.setAll(shortAnswers.get());
        return Optional.of(answer);
    }

    void check() {
        if (variant == null) {
            return;
        }
        Optional<ObjectNode> answer = answer();
        if (answer.isEmpty()) {
            result.setText(getTranslation("task.fixAnswers"));
            return;
        }
        if (assignmentId == null) {
            lastGrade = exercises.grade(variant, answer.get());
            solutionShown |= lastGrade.correct();
            result.setText(getTranslation(!lastGrade.gradable() ? "exercise.feedback.notGradable"
                    : lastGrade.correct() ? "exercise.feedback.correct" : "exercise.feedback.incorrect"));
            render(getLocale());
            return;
        }
        ObjectNode state = page.state();
        StudentWork.Submitted s;
        try {
            s = work.submit(assignmentId, variant.exercise().id(), answer.get(),
                    new StudentWork.PageState(page.kind(), state.get("request"), state.get("view"), page.images()));
        } catch (BadRequestException | AccessDeniedException e) {
            result.setText(Messages.explain(e, getLocale()));
            return;
        }
        lastGrade = s.grade();
        solutionShown = s.solutionShown();
        // not graded (not open, closed, no attempts left, not gradable): only the message says why
        result.setText(s.grade() == null ? "" : getTranslation("task.submitted", s.attemptsLeft()));
        render(getLocale());
        feedback.setText(s.message().in(getLocale()));
    }

    private void render(Locale locale) {
        if (variant == null) {
            return;
        }
        Exercise e = variant.exercise();
        title.setText(getTranslation("task.title", e.title().in(locale)));
        prompt.setText(variant.prompt().in(locale));
        checklist.removeAll();
        for (ChecklistItem item : e.checklist()) {
            ListItem line = new ListItem();
            line.setId("task-item-" + item.check());
            String text = item.text().fill(variant.parameters().asMap()).in(locale);
            List<Check> checks = lastGrade == null ? List.of()
                    : lastGrade.checks().stream().filter(c -> c.field().equals(item.check())).toList();
            if (checks.isEmpty()) {
                line.setText("☐ " + text);
            } else if (checks.stream().allMatch(Check::correct)) {
                line.setText("✔ " + text);
                line.addClassName("task-done");
            } else {
                line.setText("✘ " + text + " " + checks.stream().filter(c -> !c.correct()).map(c -> c.message().in(locale)).findFirst().orElse(""));
                line.addClassName("task-missing");
                line.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            checklist.add(line);
        }
        if (lastGrade != null && !lastGrade.gradable()) {
            feedback.setText(lastGrade.feedback(locale));
        } else if (assignmentId == null) {
            feedback.setText("");
        }
        if (lastGrade != null && lastGrade.gradable()) {
            // marks beside the short answers; the page's checks are marked in the checklist above
            answers.showGrade(Grade.of(lastGrade.checks().stream().filter(c -> e.part(c.field()).isPresent()).toList()));
        }
        check.setText(getTranslation(assignmentId == null ? "exercise.practice.check" : "classroom.assignment.submit"));
        // in practice the student may ask for it; in an assignment only the teacher's policy shows it
        showSolution.setVisible(assignmentId == null && !solutionShown);
        showSolution.setText(getTranslation("exercise.practice.showSolution"));
        solutionTitle.setText(getTranslation("exercise.practice.solution"));
        solutionTitle.setVisible(solutionShown);
        solution.setVisible(solutionShown);
        solution.removeAll();
        if (solutionShown) {
            for (Text step : variant.solution().steps()) {
                solution.add(new ListItem(step.in(locale)));
            }
        }
    }

    /** For the pages: whether a task is open here. */
    public boolean active() {
        return variant != null;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render(event.getLocale());
    }
}
