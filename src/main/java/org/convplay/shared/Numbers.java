package org.convplay.shared;

/** How the playground writes numbers: integers without a decimal point, others in float32's shortest form. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        float f = (float) v;
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString((long) f);
        }
        String s = Float.toString(f);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Short form for a cell: at most about 4 significant digits, the exact value kept for tooltips. */
    public static String formatShort(double v) {
        return significant(v, 4);
    }

    /**
     * A value to {@code digits} significant digits, without trailing zeros; whole numbers whole. Very large
     * or small magnitudes in scientific notation, so that a cell stays narrow.
     */
    public static String significant(double v, int digits) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("significant digits must be 1 to 9, got " + digits);
        }
        float f = (float) v;
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f);
        }
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString((long) f);
        }
        double a = Math.abs(f);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(java.util.Locale.ROOT, "%." + digits + "g", (double) f);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String s = String.format(java.util.Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", (double) f);
        return s.replaceAll("\\.?0+e", "e");
    }
}
