package org.convplay.exercise.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.ExerciseLimits;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Text;
import org.convplay.exercise.Variant;
import org.convplay.exercise.service.TeacherExerciseService;
import org.convplay.ui.MainLayout;

/**
 * A teacher's own exercises: upload a YAML file or write one in the editor, see seed 0 and another
 * seed as students will (the answer form included) while typing, and save it for this teacher's
 * assignments. The text is validated exactly like the shipped files, with line and field.
 */
@Route(value = "classroom/exercises", layout = MainLayout.class)
@RolesAllowed("TEACHER")
public class TeacherExercisesView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    static final String STARTER = """
            id: valid-output
            kind: formula
            title: {en: Output of a valid convolution, pt: Saída de uma convolução valid}
            prompt:
              en: "A {n}x{n} image and a {k}x{k} kernel, valid padding, stride 1. What is the output size?"
              pt: "Uma imagem {n}x{n} e um kernel {k}x{k}, padding valid, stride 1. Qual é o tamanho da saída?"
            parameters:
              n: {seed0: 100, range: [8, 64]}
              k: {seed0: 3, values: [3, 5]}
            parts:
              - name: output
                type: shape
                label: {en: "Output size (rows x columns)", pt: "Tamanho da saída (linhas x colunas)"}
                formula: ["n - k + 1", "n - k + 1"]
                wrong:
                  - formula: ["n - k + 2", "n - k + 2"]
                    feedback: {en: "Count the positions where the whole kernel fits.", pt: "Conte as posições em que o kernel inteiro cabe."}
            hints:
              - {en: "A valid kernel must fit wholly inside the image.", pt: "Um kernel valid precisa caber inteiro na imagem."}
            solution:
              en: "The kernel fits {n} - {k} + 1 times per side: {output}."
              pt: "O kernel cabe {n} - {k} + 1 vezes por lado: {output}."
            """;

    private final TeacherExerciseService service;
    private final AtomicReference<byte[]> uploaded = new AtomicReference<>();
    private String fileName = "exercise.yaml";

    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    final Grid<Exercise> mine = new Grid<>();
    final Upload upload = new Upload();
    final TextArea editor = new TextArea();
    final IntegerField otherSeed = new IntegerField();
    final Pre error = new Pre();
    final Button save = new Button();
    final Span saved = new Span();
    private final H3 previewTitle = new H3();
    final Div previewZero = new Div();
    final Div previewOther = new Div();

    public TeacherExercisesView(TeacherExerciseService service) {
        this.service = service;
        mine.setId("my-exercises");
        mine.setAllRowsVisible(true);
        mine.addColumn(Exercise::id).setHeader("id");
        editor.setId("exercise-yaml");
        editor.setWidthFull();
        editor.setMinHeight("20em");
        editor.setMaxLength(ExerciseLimits.MAX_FILE_BYTES);
        editor.getStyle().set("font-family", "ui-monospace, monospace");
        editor.setValueChangeMode(ValueChangeMode.LAZY);
        editor.setValue(STARTER);
        editor.addValueChangeListener(e -> preview());
        upload.setId("exercise-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".yaml", ".yml", "text/yaml", "application/yaml", "text/plain");
        upload.setUploadHandler(event -> {
            try (InputStream in = event.getInputStream()) {
                uploaded.set(in.readNBytes(ExerciseLimits.MAX_FILE_BYTES + 1));
            }
            fileName = event.getFileName();
        });
        upload.addAllFinishedListener(e -> {
            byte[] bytes = uploaded.getAndSet(null);
            if (bytes != null) {
                load(fileName, bytes);
            }
            upload.clearFileList();
        });
        otherSeed.setId("preview-seed");
        otherSeed.setMin(1);
        otherSeed.setValue(1);
        otherSeed.setStepButtonsVisible(true);
        otherSeed.addValueChangeListener(e -> preview());
        error.setId("exercise-yaml-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        save.setId("save-exercise");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        saved.setId("exercise-saved");
        previewZero.setId("preview-0");
        previewOther.setId("preview-other");
        HorizontalLayout previews = new HorizontalLayout(previewZero, previewOther);
        previews.setWidthFull();
        previewZero.setWidth("50%");
        previewOther.setWidth("50%");
        add(heading, intro, mine, upload, editor, new HorizontalLayout(save, saved), error, previewTitle, otherSeed, previews);
        refreshList();
    }

    /** Puts an uploaded file into the editor, refusing one over the size limit before reading it as text. */
    void load(String name, byte[] bytes) {
        fileName = name;
        if (bytes.length > ExerciseLimits.MAX_FILE_BYTES) {
            error.setText(getTranslation("exercise.teacher.tooLarge", name, ExerciseLimits.MAX_FILE_BYTES));
            return;
        }
        editor.setValue(new String(bytes, StandardCharsets.UTF_8));
        preview();
    }

    void preview() {
        previewZero.removeAll();
        previewOther.removeAll();
        saved.setText("");
        try {
            int seed = otherSeed.getValue() == null || otherSeed.getValue() < 1 ? 1 : otherSeed.getValue();
            previewZero.add(card(service.preview(fileName, editor.getValue(), 0)));
            previewOther.add(card(service.preview(fileName, editor.getValue(), seed)));
            error.setText("");
        } catch (ExerciseFileException e) {
            error.setText(e.getMessage());
        }
    }

    /** The variant as a student would see it, with the true answer below for the teacher. */
    private Div card(Variant v) {
        Locale locale = getLocale();
        Div card = new Div();
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-s)");
        card.add(new H3(v.exercise().title().in(locale) + " · " + getTranslation("exercise.practice.seed", v.seed())));
        card.add(new Paragraph(v.prompt().in(locale)), new Pre(Parameters.describe(v.parameters().asMap())));
        card.add(new AnswerForm(v.exercise().parts(), v.parameters()));
        UnorderedList steps = new UnorderedList();
        for (Text step : v.solution().steps()) {
            steps.add(new ListItem(step.in(locale)));
        }
        Span answer = new Span(getTranslation("exercise.teacher.answer", v.solution().answer().toString()));
        answer.addClassName("preview-answer");
        card.add(answer, steps);
        return card;
    }

    void save() {
        try {
            Exercise e = service.save(fileName, editor.getValue());
            error.setText("");
            saved.setText(getTranslation("exercise.teacher.saved", e.id()));
            refreshList();
        } catch (ExerciseFileException e) {
            error.setText(e.getMessage());
            saved.setText("");
        }
    }

    private void refreshList() {
        mine.setItems(service.mine());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        heading.setText(getTranslation("exercise.teacher.title"));
        intro.setText(getTranslation("exercise.teacher.intro", ExerciseLimits.MAX_FILE_BYTES / 1024, ExerciseLimits.MAX_FORMULA_CHARS,
                ExerciseLimits.MAX_PARTS));
        mine.removeAllColumns();
        mine.addColumn(Exercise::id).setHeader(getTranslation("exercise.teacher.key"));
        mine.addColumn(e -> e.title().in(locale)).setHeader(getTranslation("exercise.list.exercise"));
        editor.setLabel(getTranslation("exercise.teacher.editor"));
        otherSeed.setLabel(getTranslation("exercise.teacher.otherSeed"));
        save.setText(getTranslation("exercise.teacher.save"));
        previewTitle.setText(getTranslation("exercise.teacher.preview"));
        preview();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exercise.teacher.title");
    }
}
