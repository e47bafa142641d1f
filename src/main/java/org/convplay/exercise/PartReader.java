package org.convplay.exercise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code parts:} list of an exercise file (the answer form). For
 * {@code kind: formula} every formula is also checked for syntax, unknown names, length and its
 * value at seed 0, so a teacher's mistake is refused with its line before any student sees it.
 */
final class PartReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> FIELDS = Set.of("name", "type", "label", "unit", "dims", "choices", "rows", "cols",
            "formula", "answer", "tolerance", "wrong");

    private final boolean formulaKind;
    private final Map<String, Object> seed0;

    PartReader(boolean formulaKind, Map<String, Object> seed0) {
        this.formulaKind = formulaKind;
        this.seed0 = seed0;
    }

    List<AnswerPart> read(YamlNode partsNode) {
        List<YamlNode> items = partsNode.items();
        if (items.isEmpty()) {
            throw partsNode.error("needs at least one part");
        }
        if (items.size() > ExerciseLimits.MAX_PARTS) {
            throw partsNode.error("has " + items.size() + " parts; at most " + ExerciseLimits.MAX_PARTS + " are allowed");
        }
        List<AnswerPart> parts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : items) {
            AnswerPart part = part(item);
            if (!names.add(part.name())) {
                throw item.required("name").error("'" + part.name() + "' names two parts");
            }
            parts.add(part);
        }
        return parts;
    }

    private AnswerPart part(YamlNode node) {
        node.onlyKeys(FIELDS);
        YamlNode nameNode = node.required("name");
        String name = nameNode.string();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.error("'" + name + "' must be a word of letters, digits and _ (it is the key in the answer JSON)");
        }
        YamlNode typeNode = node.required("type");
        PartType type;
        try {
            type = PartType.valueOf(typeNode.string().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw typeNode.error("'" + typeNode.string() + "' is not a part type; expected integer, decimal, shape, matrix or choice");
        }
        Text label = node.required("label").text();
        YamlNode unitNode = node.optional("unit");
        Text unit = unitNode == null ? null : unitNode.text();

        onlyFor(node, "choices", type == PartType.CHOICE, "choice");
        onlyFor(node, "rows", type == PartType.MATRIX, "matrix");
        onlyFor(node, "cols", type == PartType.MATRIX, "matrix");
        onlyFor(node, "dims", type == PartType.SHAPE, "shape");
        onlyFor(node, "answer", type == PartType.CHOICE && formulaKind, "choice part of a formula exercise");

        List<AnswerPart.Choice> choices = type == PartType.CHOICE ? choices(node.required("choices")) : List.of();
        String rows = type == PartType.MATRIX ? size(node.optional("rows")) : null;
        String cols = type == PartType.MATRIX ? size(node.optional("cols")) : null;

        List<String> formula = List.of();
        YamlNode formulaNode = node.optional("formula");
        if (formulaNode != null && !formulaKind) {
            throw formulaNode.error("only kind: formula computes answers from formulas; this exercise's grader computes them");
        }
        String answer = null;
        if (formulaKind) {
            if (type == PartType.MATRIX) {
                throw typeNode.error("a formula exercise cannot have a matrix part (its answer cannot be one formula)");
            }
            if (type == PartType.CHOICE) {
                YamlNode answerNode = node.required("answer");
                answer = answerNode.string();
                String a = answer;
                if (choices.stream().noneMatch(c -> c.value().equals(a))) {
                    throw answerNode.error("'" + answer + "' is not one of the choices' values");
                }
                if (formulaNode != null) {
                    throw formulaNode.error("a choice part gives its right value as answer:, not a formula");
                }
            } else {
                formula = formulas(node.required("formula"), type, true);
            }
        }
        int dims = 1;
        if (type == PartType.SHAPE) {
            YamlNode dimsNode = node.optional("dims");
            dims = dimsNode != null ? Math.toIntExact(dimsNode.integer()) : formula.isEmpty() ? 2 : formula.size();
            if (dims < 1 || dims > ExerciseLimits.MAX_SHAPE_DIMS) {
                throw (dimsNode != null ? dimsNode : node).error("a shape has 1 to " + ExerciseLimits.MAX_SHAPE_DIMS + " numbers, not " + dims);
            }
            if (!formula.isEmpty() && formula.size() != dims) {
                throw formulaNode.error("gives " + formula.size() + " formula(s) for a shape of " + dims + " numbers");
            }
        }
        Double tolerance = null;
        YamlNode toleranceNode = node.optional("tolerance");
        if (toleranceNode != null) {
            tolerance = toleranceNode.number();
            if (tolerance < 0 || tolerance > 0.5) {
                throw toleranceNode.error("must be between 0 and 0.5 (a relative tolerance; 0.01 is 1%)");
            }
        }
        List<AnswerPart.Wrong> wrong = new ArrayList<>();
        YamlNode wrongNode = node.optional("wrong");
        if (wrongNode != null) {
            List<YamlNode> items = wrongNode.items();
            if (items.size() > ExerciseLimits.MAX_LIST_ITEMS) {
                throw wrongNode.error("at most " + ExerciseLimits.MAX_LIST_ITEMS + " known wrong answers");
            }
            for (YamlNode w : items) {
                wrong.add(wrong(w, type, dims, choices));
            }
        }
        return new AnswerPart(name, type, label, unit, dims, choices, rows, cols, formula, answer, tolerance, wrong);
    }

    private AnswerPart.Wrong wrong(YamlNode node, PartType type, int dims, List<AnswerPart.Choice> choices) {
        node.onlyKeys(Set.of("formula", "value", "feedback"));
        Text feedback = node.required("feedback").text();
        if (type == PartType.CHOICE) {
            YamlNode valueNode = node.required("value");
            String value = valueNode.string();
            if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                throw valueNode.error("'" + value + "' is not one of the choices' values");
            }
            return new AnswerPart.Wrong(List.of(), value, feedback);
        }
        if (type == PartType.MATRIX) {
            throw node.error("known wrong answers are formulas, which a matrix part cannot have");
        }
        YamlNode formulaNode = node.required("formula");
        List<String> formula = formulas(formulaNode, type, false);
        if (formula.size() != dims) {
            throw formulaNode.error("gives " + formula.size() + " formula(s) for a part of " + dims + " number(s)");
        }
        return new AnswerPart.Wrong(formula, null, feedback);
    }

    /** One formula, or a list of them for a shape; each checked and evaluated at seed 0. */
    private List<String> formulas(YamlNode node, PartType type, boolean trueAnswer) {
        List<YamlNode> nodes = node.isSequence() ? node.items() : List.of(node);
        if (node.isSequence() && type != PartType.SHAPE) {
            throw node.error("a " + type.id() + " part has one formula, not a list");
        }
        if (nodes.isEmpty()) {
            throw node.error("needs at least one formula");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode n : nodes) {
            out.add(formula(n, type, trueAnswer));
        }
        return out;
    }

    private String formula(YamlNode node, PartType type, boolean trueAnswer) {
        String text = node.string();
        if (text.length() > ExerciseLimits.MAX_FORMULA_CHARS) {
            throw node.error("the formula has " + text.length() + " characters; at most " + ExerciseLimits.MAX_FORMULA_CHARS
                    + " are allowed");
        }
        List<String> unknown;
        try {
            unknown = Formulas.unknownNames(text, seed0.keySet());
        } catch (IllegalArgumentException e) {
            throw node.error("'" + text + "' " + e.getMessage());
        }
        if (!unknown.isEmpty()) {
            throw node.error("'" + text + "' names " + unknown + ", which " + (unknown.size() == 1 ? "is" : "are")
                    + " not a declared parameter; declared: " + seed0.keySet());
        }
        BigDecimal value;
        try {
            value = Formulas.evaluate(text, seed0);
        } catch (IllegalArgumentException e) {
            throw node.error("at seed 0: " + e.getMessage());
        }
        if (type != PartType.DECIMAL && value.stripTrailingZeros().scale() > 0) {
            throw node.error("'" + text + "' gives " + value.toPlainString() + " at seed 0, not a whole number (the part is a "
                    + type.id() + ")");
        }
        if (trueAnswer && type == PartType.SHAPE && value.compareTo(BigDecimal.ONE) < 0) {
            throw node.error("'" + text + "' gives " + value.toPlainString() + " at seed 0; a shape's sizes are at least 1");
        }
        return text;
    }

    private static List<AnswerPart.Choice> choices(YamlNode node) {
        List<YamlNode> items = node.items();
        if (items.size() < 2 || items.size() > ExerciseLimits.MAX_LIST_ITEMS) {
            throw node.error("needs 2 to " + ExerciseLimits.MAX_LIST_ITEMS + " choices, has " + items.size());
        }
        List<AnswerPart.Choice> out = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (YamlNode item : items) {
            item.onlyKeys(Set.of("value", "label"));
            YamlNode valueNode = item.required("value");
            String value = valueNode.string();
            if (!values.add(value)) {
                throw valueNode.error("'" + value + "' is the value of two choices");
            }
            out.add(new AnswerPart.Choice(value, item.required("label").text()));
        }
        return out;
    }

    /** A matrix's starting rows or columns: a number, a parameter's name or {@code "{name}"}; 3 when absent. */
    private String size(YamlNode node) {
        if (node == null) {
            return "3";
        }
        Object v = node.value();
        if (v instanceof Integer i && i > 0 && i <= ExerciseLimits.MAX_MATRIX_SIDE) {
            return Integer.toString(i);
        }
        if (v instanceof String s) {
            String name = s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
            if (seed0.get(name) instanceof Integer) {
                return name;
            }
        }
        throw node.error("must be 1 to " + ExerciseLimits.MAX_MATRIX_SIDE + " or the name of an integer parameter");
    }

    private static void onlyFor(YamlNode node, String field, boolean allowed, String what) {
        YamlNode n = node.optional(field);
        if (n != null && !allowed) {
            throw n.error("only a " + what + " part has " + field);
        }
    }
}
