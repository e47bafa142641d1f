package org.convplay.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Text} as JSON, so that stored feedback renders in whoever reads it later, in their language:
 * {@code {"key": "grading.part.right", "args": ["output", 98.5]}}, {@code {"en": ..., "pt": ...}} or
 * {@code {"lines": [...]}}. Arguments keep their type: strings, whole and decimal numbers, instants
 * ({@code {"instant": "2026-01-01T00:00:00Z"}}) and texts.
 */
public final class TextJson {

    /** Longer strings (a student's echoed answer) are cut, so that a stored text stays small. */
    public static final int MAX_STRING = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private TextJson() {
    }

    public static String write(Text text) {
        try {
            return JSON.writeValueAsString(node(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a text always writes as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a text this class wrote */
    public static Text read(String json) {
        try {
            return text(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored text is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode node(Text text) {
        ObjectNode n = JSON.createObjectNode();
        if (text instanceof Text.Literal l) {
            n.put("en", cut(l.en())).put("pt", cut(l.pt()));
        } else if (text instanceof Text.Lines l) {
            ArrayNode lines = n.putArray("lines");
            l.lines().forEach(t -> lines.add(node(t)));
        } else if (text instanceof Text.Message m) {
            n.put("key", m.key());
            ArrayNode args = n.putArray("args");
            for (Object a : m.args()) {
                if (a instanceof Text t) {
                    args.add(node(t));
                } else if (a instanceof Integer || a instanceof Long) {
                    args.add(((Number) a).longValue());
                } else if (a instanceof Double || a instanceof Float) {
                    args.add(((Number) a).doubleValue());
                } else if (a instanceof Instant i) {
                    args.addObject().put("instant", i.toString());
                } else {
                    args.add(cut(String.valueOf(a)));
                }
            }
        }
        return n;
    }

    private static Text text(JsonNode n) {
        if (n.has("key")) {
            List<Object> args = new ArrayList<>();
            for (JsonNode a : n.path("args")) {
                args.add(a.isTextual() ? a.asText()
                        : a.isIntegralNumber() ? (Object) a.asLong()
                        : a.isNumber() ? (Object) a.asDouble()
                        : a.has("instant") ? Instant.parse(a.get("instant").asText())
                        : text(a));
            }
            return new Text.Message(n.get("key").asText(), args);
        }
        if (n.has("lines")) {
            List<Text> lines = new ArrayList<>();
            n.get("lines").forEach(l -> lines.add(text(l)));
            return new Text.Lines(lines);
        }
        if (n.has("en") && n.has("pt")) {
            return Text.literal(n.get("en").asText(), n.get("pt").asText());
        }
        throw new IllegalArgumentException("not a stored text: " + n);
    }

    private static String cut(String s) {
        return s.length() <= MAX_STRING ? s : s.substring(0, MAX_STRING) + "…";
    }
}
