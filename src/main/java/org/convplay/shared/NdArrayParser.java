package org.convplay.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads nested lists of numbers from what people paste: JSON ({@code [[1, 2], [3, 4]]}), NumPy's
 * printout ({@code [[1. 2.]\n [3. 4.]]}), or {@code np.array([...], dtype=np.float32)}. Every error
 * names the field and the position, for example {@code kernel[1][2]}.
 */
public final class NdArrayParser {

    /** Levels of nested lists: a matrix has 2, a layer's kernels 4; far more is a slip, or an attack on the stack. */
    static final int MAX_DEPTH = 32;

    private final String text;
    private final String field;
    private final int maxValues;
    private int pos;
    private int count;

    private NdArrayParser(String text, String field, int maxValues) {
        this.text = text;
        this.field = field;
        this.maxValues = maxValues;
    }

    public static NdArray parse(String text, String field, int maxValues) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field + " is empty: write nested lists such as [[1, 2], [3, 4]]", "error.parse.empty", field);
        }
        String body = unwrap(text.strip());
        NdArrayParser p = new NdArrayParser(body, field, maxValues);
        p.skipSpace();
        Object tree = p.list(field, 1);
        p.skipSpace();
        if (p.pos < body.length()) {
            String c = String.valueOf(body.charAt(p.pos));
            throw new BadRequestException(field + ": unexpected '" + c + "' after the closing bracket", "error.parse.trailing", field, c);
        }
        return NestedLists.toNdArray(tree, field);
    }

    /** Drops {@code np.array(} ... {@code , dtype=...)} around the lists. */
    private static String unwrap(String s) {
        int open = s.indexOf('(');
        if (open >= 0 && !s.startsWith("[") && s.endsWith(")")) {
            String inner = s.substring(open + 1, s.length() - 1).strip();
            int dtype = inner.lastIndexOf(']');
            return dtype >= 0 ? inner.substring(0, dtype + 1) : inner;
        }
        return s;
    }

    private Object list(String path, int depth) {
        if (pos >= text.length() || text.charAt(pos) != '[') {
            String message = path + ": expected '[' " + where();
            throw pos >= text.length()
                    ? new BadRequestException(message, "error.parse.expectedList.end", path)
                    : new BadRequestException(message, "error.parse.expectedList", path, pos + 1, String.valueOf(text.charAt(pos)));
        }
        if (depth > MAX_DEPTH) {
            // before the recursion can exhaust the stack (and each level's longer path the memory)
            throw new BadRequestException(field + ": lists nested more than " + MAX_DEPTH + " deep " + where());
        }
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpaceAndCommas();
        while (pos < text.length() && text.charAt(pos) != ']') {
            String itemPath = path + "[" + items.size() + "]";
            if (text.charAt(pos) == '[') {
                items.add(list(itemPath, depth + 1));
            } else {
                items.add(number(itemPath));
            }
            skipSpaceAndCommas();
        }
        if (pos >= text.length()) {
            throw new BadRequestException(path + ": missing ']' at the end", "error.parse.missingBracket", path);
        }
        pos++;
        return items;
    }

    private Double number(String path) {
        int start = pos;
        while (pos < text.length() && "[], \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (++count > maxValues) {
            throw new TooLargeException(field + " has more than " + maxValues + " values (the limit)");
        }
        return NestedLists.checkedNumber(token, path);
    }

    private String where() {
        return pos >= text.length() ? "at the end" : "at character " + (pos + 1) + " ('" + text.charAt(pos) + "')";
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipSpaceAndCommas() {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }
}
