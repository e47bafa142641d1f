package org.convplay.exercise.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MatrixOptions;
import org.convplay.exercise.AnswerPart;
import org.convplay.exercise.Check;
import org.convplay.exercise.ExerciseLimits;
import org.convplay.exercise.Grade;
import org.convplay.exercise.NumberInput;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.PartType;

/**
 * The answer form of an exercise, built from its file's {@code parts}: one labelled field per part
 * (numbers in the page's format, a shape as rows x columns, a matrix in the matrix editor, a choice
 * as radio buttons), which together make the answer JSON the graders take. A mark and the
 * feedback of a grade sit beside each part. Used by the practice page, the student's assignment
 * page and the practical task bar.
 */
public class AnswerForm extends Div implements LocaleChangeObserver {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<AnswerPart> parts;
    private final Parameters params;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Map<String, Span> errors = new LinkedHashMap<>();
    private final Map<String, Span> marks = new LinkedHashMap<>();
    private final Map<String, Span> feedback = new LinkedHashMap<>();
    private final Map<String, Span> labels = new LinkedHashMap<>();
    private final Span message = new Span();
    /** The colour switch and the digits of a filled-in matrix, as on the playground; shown when a part is a matrix. */
    final MatrixOptions options = new MatrixOptions("answer-");
    private Grade grade;

    public AnswerForm(List<AnswerPart> parts, Parameters params) {
        this.parts = List.copyOf(parts);
        this.params = params;
        addClassName("answer-form");
        if (this.parts.stream().anyMatch(p -> p.type() == PartType.MATRIX)) {
            add(options);
            options.onDigitsChange(this::roundAgain);
        }
        for (AnswerPart part : this.parts) {
            add(row(part));
        }
        message.setId("answer-form-message");
        message.addClassName("answer-form-message");
        add(message);
        relabel(getLocale());
    }

    private Component row(AnswerPart part) {
        Component field = switch (part.type()) {
            case INTEGER, DECIMAL, SHAPE -> {
                TextField t = new TextField();
                t.setClearButtonVisible(true);
                t.setWidth(part.type() == PartType.SHAPE ? "16em" : "14em");
                yield t;
            }
            case CHOICE -> {
                RadioButtonGroup<String> g = new RadioButtonGroup<>();
                g.setItems(part.choices().stream().map(AnswerPart.Choice::value).toList());
                yield g;
            }
            case MATRIX -> {
                MatrixEditor m = new MatrixEditor(part.name());
                m.setValue(new double[size(part.rows())][size(part.cols())]);
                options.control(m);
                yield m;
            }
        };
        field.setId("part-" + part.name());
        fields.put(part.name(), field);
        Span mark = new Span();
        mark.setId("part-" + part.name() + "-mark");
        mark.addClassName("answer-mark");
        marks.put(part.name(), mark);
        Span fb = new Span();
        fb.setId("part-" + part.name() + "-feedback");
        fb.addClassName("answer-feedback");
        feedback.put(part.name(), fb);
        HorizontalLayout line;
        if (field instanceof MatrixEditor m) {
            // The editor is not a Vaadin field: its label and error message are spans of their own.
            Span label = new Span();
            label.setId("part-" + part.name() + "-label");
            labels.put(part.name(), label);
            Span error = new Span();
            error.setId("part-" + part.name() + "-error");
            error.addClassName("answer-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            errors.put(part.name(), error);
            m.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
            m.onPasteError(text -> error.setText(text));
            Div box = new Div(label, m, error);
            box.getStyle().set("display", "flex").set("flex-direction", "column");
            line = new HorizontalLayout(box, mark, fb);
        } else {
            line = new HorizontalLayout(field, mark, fb);
        }
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.addClassName("answer-part");
        return line;
    }

    /** A matrix's starting side: a number or an integer parameter's name, kept within the editor's limit. */
    private int size(String rowsOrCols) {
        int n;
        try {
            n = Integer.parseInt(rowsOrCols);
        } catch (NumberFormatException e) {
            n = params.integer(rowsOrCols);
        }
        return Math.max(1, Math.min(ExerciseLimits.MAX_MATRIX_SIDE, n));
    }

    public List<AnswerPart> parts() {
        return parts;
    }

    /** The component of a part (a TextField, RadioButtonGroup or MatrixEditor), for tests and the task bar. */
    public Component field(String part) {
        return fields.get(part);
    }

    /**
     * The answer JSON, one key per part; or empty after putting a message at each field that could
     * not be read (text in a number field, an empty part, a cell that is not a number).
     */
    public Optional<ObjectNode> read() {
        ObjectNode answer = JSON.objectNode();
        boolean ok = true;
        Locale locale = getLocale();
        for (AnswerPart part : parts) {
            setError(part, null);
            try {
                answer.set(part.name(), value(part, locale));
            } catch (CellInvalid e) {
                setCellError(part, e);
                ok = false;
            } catch (NumberInput.Invalid e) {
                setError(part, getTranslation("exercise.answer.invalid." + e.key(), example(part, locale), part.dims()));
                ok = false;
            }
        }
        return ok ? Optional.of(answer) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private JsonNode value(AnswerPart part, Locale locale) {
        Component f = fields.get(part.name());
        return switch (part.type()) {
            case INTEGER -> JSON.numberNode(NumberInput.parseInteger(((TextField) f).getValue(), locale));
            case DECIMAL -> JSON.numberNode(NumberInput.parseDecimal(((TextField) f).getValue(), locale));
            case SHAPE -> {
                ArrayNode a = JSON.arrayNode();
                for (int v : NumberInput.parseShape(((TextField) f).getValue(), part.dims())) {
                    a.add(v);
                }
                yield a;
            }
            case CHOICE -> {
                String v = ((RadioButtonGroup<String>) f).getValue();
                if (v == null) {
                    throw new NumberInput.Invalid("choice", "");
                }
                yield JSON.textNode(v);
            }
            case MATRIX -> matrix((MatrixEditor) f);
        };
    }

    /** A filled-in matrix shown in the chosen digits again; one the student edited shows what they typed. */
    private void roundAgain() {
        fields.values().forEach(f -> {
            if (f instanceof MatrixEditor m && m.isRounded()) {
                m.setDisplayValue(m.getValue(), options.digits());
            }
        });
    }

    private ArrayNode matrix(MatrixEditor m) {
        // a filled-in matrix shown rounded reads back as its exact numbers
        double[][] exact = m.isRounded() ? m.getValue() : null;
        String[][] cells = m.getCells();
        ArrayNode rows = JSON.arrayNode();
        for (int y = 0; y < cells.length; y++) {
            ArrayNode row = rows.addArray();
            for (int x = 0; x < cells[y].length; x++) {
                try {
                    double v = exact != null ? exact[y][x] : NumberInput.parseCell(cells[y][x]);
                    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        row.add((long) v);
                    } else {
                        row.add(v);
                    }
                } catch (NumberInput.Invalid e) {
                    throw new CellInvalid(y + 1, x + 1, cells[y][x]);
                }
            }
        }
        return rows;
    }

    /** A matrix cell that is not a number: the message names its row and column. */
    private static final class CellInvalid extends NumberInput.Invalid {
        final int row;
        final int column;

        CellInvalid(int row, int column, String text) {
            super("cell", text);
            this.row = row;
            this.column = column;
        }
    }

    private String example(AnswerPart part, Locale locale) {
        return switch (part.type()) {
            case INTEGER -> NumberInput.format(96049604, locale) + " / 96049604";
            case DECIMAL -> NumberInput.format(1234.5, locale);
            case SHAPE -> java.util.Collections.nCopies(part.dims(), "98").stream().collect(Collectors.joining(" x "));
            default -> "";
        };
    }

    private void setError(AnswerPart part, String text) {
        Component f = fields.get(part.name());
        if (f instanceof HasValidation v) {
            v.setErrorMessage(text);
            v.setInvalid(text != null);
        } else {
            errors.get(part.name()).setText(text == null ? "" : text);
        }
    }

    /** Puts a message at one part's field (used for a matrix cell, whose message names the cell). */
    private void setCellError(AnswerPart part, CellInvalid e) {
        setError(part, getTranslation("exercise.answer.invalid.cell", e.row, e.column));
    }

    /** A mark (✔ or ✘) and the feedback beside each part that the grade checked; a not-gradable reason below the form. */
    public void showGrade(Grade grade) {
        this.grade = grade;
        Locale locale = getLocale();
        List<String> other = new ArrayList<>();
        marks.values().forEach(s -> s.setText(""));
        feedback.values().forEach(s -> s.setText(""));
        if (!grade.gradable()) {
            message.setText(grade.feedback(locale));
            return;
        }
        Map<String, List<Check>> byPart = new LinkedHashMap<>();
        for (Check c : grade.checks()) {
            String part = partOf(c.field());
            if (part == null) {
                other.add((c.correct() ? "✔ " : "✘ ") + c.message().in(locale));
            } else {
                byPart.computeIfAbsent(part, k -> new ArrayList<>()).add(c);
            }
        }
        byPart.forEach((part, checks) -> {
            boolean right = checks.stream().allMatch(Check::correct);
            Span mark = marks.get(part);
            mark.setText(right ? "✔" : "✘");
            mark.getElement().setAttribute("aria-label", getTranslation(right ? "exercise.answer.mark.right" : "exercise.answer.mark.wrong"));
            mark.getStyle().set("color", right ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            feedback.get(part).setText(checks.stream().map(c -> c.message().in(locale)).collect(Collectors.joining(" ")));
        });
        message.setText(String.join("\n", other));
    }

    /** The part a check is about: its field, or the part its dotted field starts with ({@code request.padding}). */
    private String partOf(String field) {
        if (field == null) {
            return null;
        }
        if (fields.containsKey(field)) {
            return field;
        }
        String head = field.split("[.\\[]", 2)[0];
        return fields.containsKey(head) ? head : null;
    }

    /** Empties every field, message and mark. */
    public void clear() {
        grade = null;
        for (AnswerPart part : parts) {
            Component f = fields.get(part.name());
            if (f instanceof TextField t) {
                t.clear();
            } else if (f instanceof RadioButtonGroup<?> g) {
                g.clear();
            } else if (f instanceof MatrixEditor m) {
                m.setValue(new double[size(part.rows())][size(part.cols())]);
            }
            setError(part, null);
        }
        marks.values().forEach(s -> s.setText(""));
        feedback.values().forEach(s -> s.setText(""));
        message.setText("");
    }

    /** Puts an answer (JSON, as stored) back into the fields, e.g. a draft kept across re-renders. */
    @SuppressWarnings("unchecked")
    public void fill(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return;
        }
        Locale locale = getLocale();
        for (AnswerPart part : parts) {
            JsonNode v = answer.get(part.name());
            Component f = fields.get(part.name());
            if (v == null || v.isNull()) {
                continue;
            }
            switch (part.type()) {
                case INTEGER, DECIMAL -> {
                    if (v.isNumber()) {
                        ((TextField) f).setValue(NumberInput.format(v.asDouble(), locale));
                    }
                }
                case SHAPE -> {
                    List<String> items = new ArrayList<>();
                    v.forEach(i -> items.add(i.asText()));
                    ((TextField) f).setValue(String.join(" x ", items));
                }
                case CHOICE -> {
                    if (part.choices().stream().anyMatch(c -> c.value().equals(v.asText()))) {
                        ((RadioButtonGroup<String>) f).setValue(v.asText());
                    }
                }
                case MATRIX -> {
                    if (v.isArray() && !v.isEmpty()) {
                        double[][] m = new double[v.size()][];
                        for (int y = 0; y < v.size(); y++) {
                            m[y] = new double[v.get(y).size()];
                            for (int x = 0; x < m[y].length; x++) {
                                m[y][x] = v.get(y).get(x).asDouble();
                            }
                        }
                        ((MatrixEditor) f).setDisplayValue(m, options.digits());
                    }
                }
            }
        }
    }

    public void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> {
            if (f instanceof TextField t) {
                t.setReadOnly(readOnly);
            } else if (f instanceof RadioButtonGroup<?> g) {
                g.setReadOnly(readOnly);
            } else if (f instanceof MatrixEditor m) {
                m.setReadOnly(readOnly);
            }
        });
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel(event.getLocale());
        if (grade != null) {
            showGrade(grade);
        }
    }

    @SuppressWarnings("unchecked")
    private void relabel(Locale locale) {
        for (AnswerPart part : parts) {
            String label = part.label().in(locale) + (part.unit() == null ? "" : " (" + part.unit().in(locale) + ")");
            Component f = fields.get(part.name());
            if (f instanceof TextField t) {
                t.setLabel(label);
                t.setHelperText(part.type() == PartType.SHAPE ? getTranslation("exercise.answer.helper.shape", example(part, locale))
                        : getTranslation("exercise.answer.helper." + part.type().id(), example(part, locale)));
            } else if (f instanceof RadioButtonGroup<?> g) {
                ((RadioButtonGroup<String>) g).setLabel(label);
                ((RadioButtonGroup<String>) g).setItemLabelGenerator(v -> part.choices().stream()
                        .filter(c -> c.value().equals(v)).findFirst().map(c -> c.label().in(locale)).orElse(v));
            } else if (f instanceof MatrixEditor m) {
                labels.get(part.name()).setText(label);
                m.setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                        getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
            }
        }
    }
}
