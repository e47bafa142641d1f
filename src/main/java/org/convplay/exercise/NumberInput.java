package org.convplay.exercise;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.convplay.shared.Messages;

/**
 * Reads what a student types into a number field, in the page's language: English groups digits
 * with commas and writes decimals with a point ({@code 96,049,604}, {@code 1.5}); Brazilian
 * Portuguese the other way round ({@code 96.049.604}, {@code 1,5}). Plain digits are read in both.
 * Anything else is refused with a reason the form shows at the field, never guessed at.
 */
public final class NumberInput {

    /** What was wrong with the text; {@code key} names the message in the bundles ({@code answer.invalid.<key>}). */
    public static class Invalid extends RuntimeException {
        private final String key;

        public Invalid(String key, String text) {
            super(key + ": '" + text + "'");
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final Pattern SHAPE_SEPARATOR = Pattern.compile("\\s*[x×X*,;]\\s*|\\s+");

    private NumberInput() {
    }

    private static boolean portuguese(Locale locale) {
        return locale != null && "pt".equals(locale.getLanguage());
    }

    /** The text without spaces and with a plain minus; {@code empty} when nothing is left. */
    private static String clean(String text) {
        String t = text == null ? "" : text.replaceAll("[\\s\\u00a0\\u202f]", "").replace('−', '-');
        if (t.isEmpty()) {
            throw new Invalid("empty", "");
        }
        return t;
    }

    public static long parseInteger(String text, Locale locale) {
        String t = clean(text);
        String g = portuguese(locale) ? "\\." : ",";
        if (!t.matches("-?(\\d{1,3}(" + g + "\\d{3})+|\\d+)")) {
            throw new Invalid("integer", text);
        }
        try {
            return Long.parseLong(t.replaceAll(g, ""));
        } catch (NumberFormatException e) {
            throw new Invalid("tooLarge", text);
        }
    }

    public static double parseDecimal(String text, Locale locale) {
        String t = clean(text);
        String g = portuguese(locale) ? "\\." : ",";
        String d = portuguese(locale) ? "," : "\\.";
        if (!t.matches("-?(\\d{1,3}(" + g + "\\d{3})+|\\d+)?(" + d + "\\d+)?([eE][-+]?\\d{1,3})?") || !t.matches(".*\\d.*")
                || t.matches("-?[eE].*")) {
            throw new Invalid("decimal", text);
        }
        String plain = t.replaceAll(g, "").replace(',', '.');
        double v = new BigDecimal(plain).doubleValue();
        if (!Double.isFinite(v)) {
            throw new Invalid("tooLarge", text);
        }
        return v;
    }

    /** Whole numbers such as {@code 98 x 98}, {@code 98x98}, {@code 98,98} or {@code [98, 98]}; exactly {@code dims} of them. */
    public static int[] parseShape(String text, int dims) {
        String t = text == null ? "" : text.trim().replaceAll("^[\\[(]|[\\])]$", "").trim();
        if (t.isEmpty()) {
            throw new Invalid("empty", "");
        }
        String[] tokens = SHAPE_SEPARATOR.split(t);
        if (tokens.length != dims) {
            throw new Invalid("shape", text);
        }
        int[] out = new int[dims];
        for (int i = 0; i < dims; i++) {
            if (!tokens[i].matches("\\d{1,9}")) {
                throw new Invalid("shape", text);
            }
            out[i] = Integer.parseInt(tokens[i]);
        }
        return out;
    }

    /** A matrix cell: a plain number as the matrix editor writes it ({@code -1.5}). */
    public static double parseCell(String text) {
        String t = clean(text);
        if (!t.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?")) {
            throw new Invalid("cell", text);
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new Invalid("tooLarge", text);
        }
        return v;
    }

    /** How the form writes a number back into a field, in the page's language. */
    public static String format(double v, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(portuguese(locale) ? Messages.PORTUGUESE : Locale.US);
        f.setMaximumFractionDigits(12);
        return f.format(v);
    }
}
