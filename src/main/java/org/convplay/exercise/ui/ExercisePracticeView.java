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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Exercise")
@AnonymousAllowed
public class ExercisePracticeView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver {

    private final ExerciseService exercises;
    private final ObjectMapper json;
    private Variant variant;

    final H2 title = new H2();
    final Paragraph prompt = new Paragraph();
    final Pre parameters = new Pre();
    final Span seedLabel = new Span();
    final TextArea answer = new TextArea();
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
        add(title, seedLabel, prompt, parameters, openTask, answer, new HorizontalLayout(check, another, notebook), feedback, solutionTitle,
                solution, notes);
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
        String page = variant.exercise().page();
        openTask.setVisible(page != null);
        answer.setVisible(page == null);
        check.setVisible(page == null);
        if (page != null) {
            openTask.setHref(TaskLinks.practice(variant.exercise(), seed));
        }
        answer.setValue(write(variant.exercise().answerExample()));
        feedback.setText("");
        lastGrade = null;
        showSolution(false);
        render(getLocale());
    }

    void check() {
        JsonNode node;
        try {
            node = json.readTree(answer.getValue());
        } catch (JsonProcessingException e) {
            feedback.setText(getTranslation("exercise.practice.notJson", e.getOriginalMessage()));
            showSolution(false);
            return;
        }
        lastGrade = exercises.grade(variant, node);
        showSolution(lastGrade.gradable());
        render(getLocale());
    }

    private void showSolution(boolean visible) {
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
        render(event.getLocale());
    }
}
