package org.convplay.exercise;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates one exercise file. Everything that can be checked without grading is checked
 * here, so a broken file stops the start-up with a message naming file, line and field instead of
 * failing later in front of a student. The file format is described in {@code docs/exercises.md}.
 */
public final class ExerciseReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "kind", "title", "prompt", "notes", "grader",
            "parameters", "tolerance", "reference", "answerExample", "parts", "hints", "solution", "page", "checklist");
    private static final Set<String> PARAMETER_FIELDS = Set.of("seed0", "values", "range", "matrix");

    private final Map<String, Grader> graders;
    /** Only {@code kind: formula}, as for exercises teachers write. */
    private final boolean formulaOnly;
    /** The file must be named after the id, as in {@code exercises/}; text from an editor or a request has no name. */
    private final boolean namedFile;

    public ExerciseReader(Map<String, Grader> graders) {
        this(graders, false, true);
    }

    private ExerciseReader(Map<String, Grader> graders, boolean formulaOnly, boolean namedFile) {
        this.graders = graders;
        this.formulaOnly = formulaOnly;
        this.namedFile = namedFile;
    }

    /** A reader for text that is not a file of {@code exercises/} (the validate endpoint): any kind, no file-name rule. */
    public static ExerciseReader forText(Map<String, Grader> graders) {
        return new ExerciseReader(graders, false, false);
    }

    /**
     * A reader for exercises teachers write: only {@code kind: formula} (no Java graders), no
     * file-name rule (the text may come from an editor), and the size limit checked first.
     */
    public static ExerciseReader forTeachers() {
        return new ExerciseReader(Map.of(), true, false);
    }

    /** Reads a whole file given as text, refusing it when it is larger than {@link ExerciseLimits#MAX_FILE_BYTES}. */
    public Exercise read(String file, String text) {
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > ExerciseLimits.MAX_FILE_BYTES) {
            throw new ExerciseFileException(file, 0, null, "the file has " + bytes + " bytes; at most "
                    + ExerciseLimits.MAX_FILE_BYTES + " are allowed");
        }
        return read(file, new java.io.StringReader(text));
    }

    public Exercise read(String file, Reader content) {
        Node rootNode;
        try {
            rootNode = new Yaml(new SafeConstructor(new LoaderOptions())).compose(content);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ExerciseFileException(file, line, null, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // the scanner's few unmarked errors (e.g. an alias where a simple key cannot start) carry no line
            throw new ExerciseFileException(file, 0, null, "not valid YAML: " + e.getMessage());
        }
        if (rootNode == null) {
            throw new ExerciseFileException(file, 0, null, "the file is empty");
        }
        YamlNode root = new YamlNode(file, "", rootNode);
        root.onlyKeys(FIELDS);

        YamlNode idNode = root.required("id");
        String id = idNode.string();
        if (!ID.matcher(id).matches()) {
            throw idNode.error("'" + id + "' must be lower-case words joined by '-'");
        }
        String expectedFile = id + ".yaml";
        if (namedFile && !file.endsWith(expectedFile)) {
            throw idNode.error("the file of exercise '" + id + "' must be named " + expectedFile);
        }
        YamlNode kindNode = root.required("kind");
        Kind kind;
        try {
            kind = Kind.valueOf(kindNode.string().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw kindNode.error("'" + kindNode.string() + "' is not a kind; expected formula, numeric, shape or practical");
        }
        if (formulaOnly && kind != Kind.FORMULA) {
            throw kindNode.error("exercises written by teachers must be kind: formula");
        }
        Grader grader = null;
        YamlNode graderNode = root.optional("grader");
        if (kind == Kind.FORMULA) {
            if (graderNode != null) {
                throw graderNode.error("a formula exercise is graded by its parts' formulas; remove grader");
            }
        } else {
            graderNode = root.required("grader");
            grader = graders.get(graderNode.string());
            if (grader == null) {
                throw graderNode.error("no grader named '" + graderNode.string() + "'; known: " + new java.util.TreeSet<>(graders.keySet()));
            }
        }

        YamlNode parametersNode = root.required("parameters");
        List<ParameterSpec> parameters = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : parametersNode.entries().entrySet()) {
            parameters.add(parameter(e.getKey(), e.getValue(), parameters));
        }
        Set<String> declared = new HashSet<>();
        parameters.forEach(p -> declared.add(p.name()));
        if (grader != null) {
            for (String needed : grader.requiredParameters()) {
                if (!declared.contains(needed)) {
                    throw parametersNode.error("grader '" + grader.name() + "' needs a parameter '" + needed + "'");
                }
            }
        }
        Map<String, Object> seed0 = new java.util.LinkedHashMap<>();
        parameters.forEach(p -> seed0.put(p.name(), p.seed0()));
        YamlNode partsNode = root.optional("parts");
        List<AnswerPart> parts = List.of();
        if (partsNode != null) {
            parts = new PartReader(kind == Kind.FORMULA, seed0).read(partsNode);
        } else if (kind != Kind.PRACTICAL) {
            root.required("parts");
        }
        List<Text> hints = new ArrayList<>();
        YamlNode hintsNode = root.optional("hints");
        if (hintsNode != null) {
            List<YamlNode> items = hintsNode.items();
            if (items.size() > ExerciseLimits.MAX_LIST_ITEMS) {
                throw hintsNode.error("at most " + ExerciseLimits.MAX_LIST_ITEMS + " hints");
            }
            for (YamlNode h : items) {
                Text hint = h.text();
                checkPlaceholders(h, hint, declared);
                hints.add(hint);
            }
        }
        Text solution = null;
        YamlNode solutionNode = root.optional("solution");
        if (solutionNode != null) {
            solution = solutionNode.text();
            Set<String> known = new HashSet<>(declared);
            parts.forEach(p -> known.add(p.name()));
            checkPlaceholders(solutionNode, solution, known);
        }

        Text title = root.required("title").text();
        YamlNode promptNode = root.required("prompt");
        Text prompt = promptNode.text();
        checkPlaceholders(promptNode, prompt, declared);
        Text notes = null;
        YamlNode notesNode = root.optional("notes");
        if (notesNode != null) {
            notes = notesNode.text();
            checkPlaceholders(notesNode, notes, declared);
        }

        double tolerance = 0.01;
        YamlNode toleranceNode = root.optional("tolerance");
        if (toleranceNode != null) {
            tolerance = toleranceNode.number();
            if (tolerance < 0 || tolerance > 0.5) {
                throw toleranceNode.error("must be between 0 and 0.5 (a relative tolerance; 0.01 is 1%)");
            }
        }
        // Formula exercises may leave these out (a teacher's file); the shipped files keep them for the tests.
        YamlNode referenceNode = kind == Kind.FORMULA ? root.optional("reference") : root.required("reference");
        if (referenceNode != null && !referenceNode.isMapping()) {
            throw referenceNode.error("must be the seed-0 answer, written as a mapping of answer fields");
        }
        // Required rather than derived from the reference, which would give the seed-0 answer away.
        YamlNode exampleNode = kind == Kind.FORMULA ? root.optional("answerExample") : root.required("answerExample");
        if (exampleNode != null && !exampleNode.isMapping()) {
            throw exampleNode.error("must show the answer's format, written as a mapping of answer fields");
        }
        String page = page(root.optional("page"), kind);
        List<ChecklistItem> checklist = checklist(root.optional("checklist"), page, declared);
        if (!parts.isEmpty()) {
            for (YamlNode answerNode : java.util.Arrays.asList(referenceNode, exampleNode)) {
                if (answerNode != null) {
                    checkPartsMatch(answerNode, parts, page != null);
                }
            }
        }
        return new Exercise(id, file, kind, title, prompt, notes, grader == null ? null : grader.name(), List.copyOf(parameters),
                tolerance, referenceNode == null ? null : referenceNode.json(),
                exampleNode == null ? AnswerExample.of(parts) : exampleNode.json(), parts, hints, solution, page, checklist);
    }

    /** A practical names the page it is done on; other kinds have none. */
    private static String page(YamlNode node, Kind kind) {
        if (node == null) {
            return null;
        }
        if (kind != Kind.PRACTICAL) {
            throw node.error("only a practical exercise is done on a page");
        }
        String page = node.string();
        if (!Exercise.PAGES.contains(page)) {
            throw node.error("'" + page + "' is not a page; expected one of " + new java.util.TreeSet<>(Exercise.PAGES));
        }
        return page;
    }

    /** What the grader checks, one {check, en, pt} line each; only with a page. */
    private static List<ChecklistItem> checklist(YamlNode node, String page, Set<String> declared) {
        if (node == null) {
            return List.of();
        }
        if (page == null) {
            throw node.error("a checklist belongs to a practical with a page");
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (YamlNode item : node.items()) {
            item.onlyKeys(Set.of("check", "en", "pt"));
            Text text = Text.literal(item.required("en").string(), item.required("pt").string());
            checkPlaceholders(item, text, declared);
            items.add(new ChecklistItem(item.required("check").string(), text));
        }
        if (items.isEmpty()) {
            throw node.error("needs at least one item");
        }
        return List.copyOf(items);
    }

    /** The form builds the answer from the parts, so the answer's keys and the parts' names must be the same. */
    private static void checkPartsMatch(YamlNode answer, List<AnswerPart> parts, boolean onAPage) {
        Set<String> names = new java.util.LinkedHashSet<>();
        parts.forEach(p -> names.add(p.name()));
        Set<String> keys = new java.util.LinkedHashSet<>(answer.keys());
        if (onAPage) {
            // a practical's page state is not typed in the form: only its short answers are parts
            keys.removeAll(Exercise.FROM_THE_PAGE);
        }
        if (!keys.equals(names)) {
            throw answer.error("has the fields " + new java.util.TreeSet<>(answer.keys()) + " but the parts are " + names);
        }
    }

    private static ParameterSpec parameter(String name, YamlNode node, List<ParameterSpec> earlier) {
        node.onlyKeys(PARAMETER_FIELDS);
        Object seed0 = node.required("seed0").value();
        YamlNode valuesNode = node.optional("values");
        YamlNode rangeNode = node.optional("range");
        YamlNode matrixNode = node.optional("matrix");
        int ways = (valuesNode == null ? 0 : 1) + (rangeNode == null ? 0 : 1) + (matrixNode == null ? 0 : 1);
        if (ways > 1) {
            throw node.error("give only one of values, range or matrix");
        }
        List<Object> values = null;
        if (valuesNode != null) {
            values = new ArrayList<>();
            for (YamlNode v : valuesNode.items()) {
                values.add(v.value());
            }
            if (values.isEmpty()) {
                throw valuesNode.error("needs at least one value");
            }
        }
        int[] range = null;
        if (rangeNode != null) {
            List<YamlNode> ends = rangeNode.items();
            if (ends.size() != 2) {
                throw rangeNode.error("must be [lowest, highest]");
            }
            range = new int[] {Math.toIntExact(ends.get(0).integer()), Math.toIntExact(ends.get(1).integer())};
            if (range[0] > range[1]) {
                throw rangeNode.error("lowest (" + range[0] + ") is above highest (" + range[1] + ")");
            }
        }
        ParameterSpec.MatrixShape matrix = null;
        if (matrixNode != null) {
            matrixNode.onlyKeys(Set.of("rows", "cols", "min", "max"));
            String rows = size(matrixNode.required("rows"), earlier);
            String cols = size(matrixNode.required("cols"), earlier);
            int min = Math.toIntExact(matrixNode.required("min").integer());
            int max = Math.toIntExact(matrixNode.required("max").integer());
            if (min > max) {
                throw matrixNode.error("min (" + min + ") is above max (" + max + ")");
            }
            matrix = new ParameterSpec.MatrixShape(rows, cols, min, max);
            if (!(seed0 instanceof int[][])) {
                throw node.required("seed0").error("a matrix parameter needs a matrix (a list of rows) as its seed-0 value");
            }
        }
        return new ParameterSpec(name, seed0, values, range, matrix);
    }

    /** A matrix size: a positive integer or the name of an earlier integer parameter. */
    private static String size(YamlNode node, List<ParameterSpec> earlier) {
        Object v = node.value();
        if (v instanceof Integer i && i > 0) {
            return Integer.toString(i);
        }
        if (v instanceof String s && earlier.stream().anyMatch(p -> p.name().equals(s))) {
            return s;
        }
        throw node.error("must be a positive integer or the name of a parameter declared above");
    }

    private static void checkPlaceholders(YamlNode node, Text text, Set<String> declared) {
        for (String name : text.placeholders()) {
            if (!declared.contains(name)) {
                throw node.error("uses {" + name + "}, which is not a declared parameter");
            }
        }
    }
}
