package org.convplay.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a parsed exercise file that remembers its file, line and dotted path, so that every
 * validation error can say where the problem is. Wraps SnakeYAML's composed (untyped) node tree.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;

    YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    ExerciseFileException error(String problem) {
        return new ExerciseFileException(file, line(), path, problem);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The entries of a mapping in file order; duplicate keys are an error (SnakeYAML's composer keeps both). */
    Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value lines), found " + describe());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new ExerciseFileException(file, t.getKeyNode().getStartMark().getLine() + 1, path, "keys must be plain words");
            }
            String name = key.getValue();
            if (out.containsKey(name)) {
                throw new ExerciseFileException(file, key.getStartMark().getLine() + 1, child(name), "appears twice");
            }
            out.put(name, new YamlNode(file, child(name), t.getValueNode()));
        }
        return out;
    }

    /** Fails on any key outside {@code allowed}, which is how a misspelt field gets noticed. */
    void onlyKeys(Set<String> allowed) {
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown field; expected one of " + allowed);
            }
        }
    }

    YamlNode required(String name) {
        YamlNode n = entries().get(name);
        if (n == null) {
            throw new ExerciseFileException(file, line(), child(name), "is required");
        }
        return n;
    }

    YamlNode optional(String name) {
        return entries().get(name);
    }

    List<YamlNode> items() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list, found " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", seq.getValue().get(i)));
        }
        return out;
    }

    String string() {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error("expected text, found " + describe());
        }
        return s.getValue();
    }

    long integer() {
        if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("'" + s.getValue() + "' is not an integer this loader understands");
            }
        }
        throw error("expected an integer, found " + describe());
    }

    double number() {
        if (node instanceof ScalarNode s && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
            try {
                return Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("'" + s.getValue() + "' is not a number this loader understands");
            }
        }
        throw error("expected a number, found " + describe());
    }

    /** A parameter value: an integer, a number, a word, or a list of lists of integers (a matrix). */
    Object value() {
        if (node instanceof ScalarNode s) {
            if (Tag.INT.equals(s.getTag())) {
                return Math.toIntExact(integer());
            }
            if (Tag.FLOAT.equals(s.getTag())) {
                return number();
            }
            if (Tag.BOOL.equals(s.getTag())) {
                return Boolean.parseBoolean(s.getValue());
            }
            return string();
        }
        if (node instanceof SequenceNode) {
            List<YamlNode> rows = items();
            int[][] m = new int[rows.size()][];
            for (int y = 0; y < rows.size(); y++) {
                List<YamlNode> cells = rows.get(y).items();
                m[y] = new int[cells.size()];
                for (int x = 0; x < cells.size(); x++) {
                    m[y][x] = Math.toIntExact(cells.get(x).integer());
                }
                if (m[y].length != m[0].length) {
                    throw rows.get(y).error("row has " + m[y].length + " values, the first row has " + m[0].length);
                }
            }
            if (m.length == 0 || m[0].length == 0) {
                throw error("a matrix needs at least one row and one column");
            }
            return m;
        }
        throw error("expected a value, found " + describe());
    }

    /** Both languages of a text: {@code {en: ..., pt: ...}}. */
    Text text() {
        onlyKeys(Set.of("en", "pt"));
        return Text.literal(required("en").string(), required("pt").string());
    }

    /** The node as JSON, for reference answers and answer examples (which are JSON in the API). */
    com.fasterxml.jackson.databind.JsonNode json() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node instanceof MappingNode) {
            var o = f.objectNode();
            entries().forEach((k, v) -> o.set(k, v.json()));
            return o;
        }
        if (node instanceof SequenceNode) {
            var a = f.arrayNode();
            items().forEach(i -> a.add(i.json()));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        if (Tag.INT.equals(s.getTag())) {
            return f.numberNode(integer());
        }
        if (Tag.FLOAT.equals(s.getTag())) {
            return f.numberNode(number());
        }
        if (Tag.BOOL.equals(s.getTag())) {
            return f.booleanNode(Boolean.parseBoolean(s.getValue()));
        }
        if (Tag.NULL.equals(s.getTag())) {
            return f.nullNode();
        }
        return f.textNode(s.getValue());
    }

    Set<String> keys() {
        return new HashSet<>(entries().keySet());
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getValue().isEmpty() ? "nothing" : "'" + s.getValue() + "'";
    }
}
