package org.convplay.exercise.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The short answers of a practical (an output shape, a count, a measured ratio): one labelled field
 * per answer key that the page's state does not give, typed after the file's answer example (a list
 * is a shape, rows x columns; a whole number an integer; else a decimal). Numbers may be written in
 * the page's format ({@code 1.5} or {@code 1,5}); a field that cannot be read says so at the field.
 */
class ShortAnswers extends FlexLayout {

    /** Answer keys the page's state fills, never typed by the student. */
    static final Set<String> FROM_THE_PAGE = Set.of("request", "results", "tried", "picture");
    private static final Pattern SHAPE_SEPARATOR = Pattern.compile("\\s*[x×X,;]\\s*|\\s+");

    private enum Type { SHAPE, INTEGER, DECIMAL }

    private record Part(Type type, TextField field) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    ShortAnswers() {
        setFlexWrap(FlexWrap.WRAP);
        getStyle().set("gap", "var(--lumo-space-m)");
    }

    void setParts(JsonNode example) {
        removeAll();
        parts.clear();
        example.properties().forEach(e -> {
            if (FROM_THE_PAGE.contains(e.getKey())) {
                return;
            }
            JsonNode v = e.getValue();
            Type type = v.isArray() ? Type.SHAPE : v.isIntegralNumber() ? Type.INTEGER : Type.DECIMAL;
            TextField field = new TextField();
            field.setId("task-answer-" + e.getKey());
            parts.put(e.getKey(), new Part(type, field));
            add(field);
        });
    }

    void translate(Function<String, String> t) {
        parts.forEach((name, p) -> {
            p.field().setLabel(t.apply("task.answer." + name));
            p.field().setHelperText(p.type() == Type.SHAPE ? t.apply("task.answer.shapeHelp") : null);
        });
    }

    /** The answers as JSON, or empty when a field cannot be read (its error message says why). */
    Optional<ObjectNode> read(Locale locale) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean ok = true;
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            TextField f = e.getValue().field();
            String text = f.getValue() == null ? "" : f.getValue().strip();
            try {
                if (text.isEmpty()) {
                    throw new NumberFormatException(f.getTranslation("task.answer.empty"));
                }
                switch (e.getValue().type()) {
                    case SHAPE -> {
                        var list = out.putArray(e.getKey());
                        for (String n : SHAPE_SEPARATOR.split(text)) {
                            list.add(Integer.parseInt(n));
                        }
                    }
                    case INTEGER -> out.put(e.getKey(), Long.parseLong(text.replaceAll("[.,\\s]", "")));
                    case DECIMAL -> out.put(e.getKey(), decimal(text, locale));
                }
                f.setInvalid(false);
            } catch (NumberFormatException ex) {
                f.setErrorMessage(text.isEmpty() ? ex.getMessage() : f.getTranslation("task.answer.notANumber", text));
                f.setInvalid(true);
                ok = false;
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /** {@code 1,5} in Portuguese and {@code 1.5} in English; a separator followed by three digits groups thousands. */
    static double decimal(String text, Locale locale) {
        String s = text.replace(" ", "");
        boolean pt = "pt".equals(locale.getLanguage());
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        char decimal;
        if (comma >= 0 && dot >= 0) {
            decimal = comma > dot ? ',' : '.';
        } else if (comma >= 0 || dot >= 0) {
            char only = comma >= 0 ? ',' : '.';
            boolean grouping = s.length() - s.lastIndexOf(only) - 1 == 3 && (only == ',') != pt;
            decimal = grouping ? 0 : only;
        } else {
            decimal = 0;
        }
        String plain = s.chars().filter(c -> c != ',' && c != '.' || c == decimal)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        double v = Double.parseDouble(decimal == ',' ? plain.replace(',', '.') : plain);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
        }
        return v;
    }
}
