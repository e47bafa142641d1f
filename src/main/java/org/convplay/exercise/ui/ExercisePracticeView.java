package org.convplay.exercise.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Text;
import org.convplay.exercise.Variant;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.ui.MainLayout;

/**
 * Anonymous practice of one exercise: {@code /exercises/<id>?seed=N}. Any answer can be checked as
 * often as wanted, and after a gradable answer the worked solution is shown, as practice allows.
 */
@Route(value = "exercises/:id", layout = MainLayout.class)
@AnonymousAllowed
public class ExercisePracticeView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    private final ExerciseService exercises;
    private final ObjectMapper json;
    private Variant variant;

    final H2 title = new H2();
    final Paragraph prompt = new Paragraph();
    final Pre parameters = new Pre();
    final Span seedLabel = new Span();
    /** The JSON box, kept only for practical exercises whose file has no parts yet. */
    final TextArea answer = new TextArea();
    final Div answerBox = new Div();
    AnswerForm form;
    final Button showSolution = new Button();
    final UnorderedList hints = new UnorderedList();
    private int wrongAttempts;
    private boolean solutionShown;
    final Button check = new Button();
    final Button another = new Button();
    final Button notebook = new Button();
    final Pre feedback = new Pre();
    /** A practical is done on its page: this opens it with the task bar. */
    final Anchor openTask = new Anchor();
    private final H3 solutionTitle = new H3();
    final UnorderedList solution = new UnorderedList();
    final Paragraph notes = new Paragraph();
    private Grade lastGrade;

    public ExercisePracticeView(ExerciseService exercises, ObjectMapper json) {
        this.exercises = exercises;
        this.json = json;
        title.setId("exercise-title");
        prompt.setId("exercise-prompt");
        parameters.setId("exercise-parameters");
        seedLabel.setId("exercise-seed");
        notes.setId("solution-notes");
        answer.setId("answer");
        answer.setWidthFull();
        answer.setMinHeight("8em");
        check.setId("check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        another.setId("another-variant");
        another.addClickListener(e -> go(1 + ThreadLocalRandom.current().nextLong(Integer.MAX_VALUE - 1L)));
        notebook.setId("seed-zero");
        notebook.addClickListener(e -> go(0));
        feedback.setId("feedback");
        solution.setId("solution");
        solutionTitle.setVisible(false);
        openTask.setId("open-task");
        showSolution.setId("show-solution");
        showSolution.addClickListener(e -> {
            solutionShown = true;
            showSolution(true);
        });
        hints.setId("hints");
        answerBox.setWidthFull();
        add(title, seedLabel, prompt, parameters, openTask, answerBox, new HorizontalLayout(check, another, notebook, showSolution), feedback,
                hints, solutionTitle, solution, notes);
    }

    private void go(long seed) {
        getUI().ifPresent(ui -> ui.navigate(ExercisePracticeView.class, new RouteParameters("id", variant.exercise().id()),
                QueryParameters.of("seed", Long.toString(seed))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        if (!exercises.exists(id)) {
            throw new NotFoundException("no exercise " + id);
        }
        long seed = 0;
        List<String> seeds = event.getLocation().getQueryParameters().getParameters().getOrDefault("seed", List.of());
        if (!seeds.isEmpty()) {
            try {
                seed = Math.max(0, Long.parseLong(seeds.get(0)));
            } catch (NumberFormatException e) {
                seed = 0;
            }
        }
        variant = exercises.variant(id, seed);
        answerBox.removeAll();
        String page = variant.exercise().page();
        openTask.setVisible(page != null);
        check.setVisible(page == null);
        if (page != null) {
            // a practical is done on its page, whose task bar holds the checklist and the short answers
            form = null;
            openTask.setHref(TaskLinks.practice(variant.exercise(), seed));
        } else if (variant.exercise().parts().isEmpty()) {
            form = null;
            answer.setValue(write(variant.exercise().answerExample()));
            answerBox.add(answer);
        } else {
            form = new AnswerForm(variant.exercise().parts(), variant.parameters());
            form.setId("answer-form");
            answerBox.add(form);
        }
        feedback.setText("");
        lastGrade = null;
        wrongAttempts = 0;
        solutionShown = false;
        showSolution(false);
        render(getLocale());
    }

    void check() {
        JsonNode node;
        if (form != null) {
            var read = form.read();
            if (read.isEmpty()) {
                feedback.setText(getTranslation("exercise.practice.fixFields"));
                return;
            }
            node = read.get();
        } else {
            try {
                node = json.readTree(answer.getValue());
            } catch (JsonProcessingException e) {
                feedback.setText(getTranslation("exercise.practice.notJson", e.getOriginalMessage()));
                return;
            }
        }
        lastGrade = exercises.grade(variant, node);
        if (form != null) {
            form.showGrade(lastGrade);
        }
        if (lastGrade.gradable() && !lastGrade.correct()) {
            wrongAttempts++;
        }
        // Practice shows the worked solution after a right answer, or when asked for.
        showSolution(solutionShown || lastGrade.correct());
        render(getLocale());
    }

    private void showSolution(boolean visible) {
        showSolution.setVisible(!visible);
        solutionTitle.setVisible(visible);
        solution.setVisible(visible);
        notes.setVisible(visible && variant != null && variant.exercise().notes() != null);
    }

    private void render(Locale locale) {
        if (variant == null) {
            return;
        }
        title.setText(variant.exercise().title().in(locale));
        if (variant.exercise().page() != null) {
            openTask.setText(getTranslation("task.open." + variant.exercise().page()));
        }
        prompt.setText(variant.prompt().in(locale));
        seedLabel.setText(getTranslation("exercise.practice.seed", variant.seed()));
        parameters.setText(Parameters.describe(variant.parameters().asMap()));
        solution.removeAll();
        for (Text step : variant.solution().steps()) {
            solution.add(new ListItem(step.in(locale)));
        }
        hints.removeAll();
        List<Text> fileHints = variant.exercise().hints();
        for (int i = 0; i < Math.min(wrongAttempts, fileHints.size()); i++) {
            ListItem hint = new ListItem(getTranslation("exercise.practice.hint", i + 1) + " " + fileHints.get(i).fill(variant.parameters().asMap()).in(locale));
            hint.addClassName("hint");
            hints.add(hint);
        }
        if (variant.exercise().notes() != null) {
            notes.setText(variant.exercise().notes().fill(variant.parameters().asMap()).in(locale));
        }
        if (lastGrade != null) {
            String head = !lastGrade.gradable() ? getTranslation("exercise.feedback.notGradable")
                    : lastGrade.correct() ? getTranslation("exercise.feedback.correct") : getTranslation("exercise.feedback.incorrect");
            feedback.setText(head + "\n" + lastGrade.feedback(locale));
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        answer.setLabel(getTranslation("exercise.practice.answer"));
        check.setText(getTranslation("exercise.practice.check"));
        another.setText(getTranslation("exercise.practice.another"));
        notebook.setText(getTranslation("exercise.practice.seedZero"));
        solutionTitle.setText(getTranslation("exercise.practice.solution"));
        showSolution.setText(getTranslation("exercise.practice.showSolution"));
        render(event.getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.exercise");
    }
}
