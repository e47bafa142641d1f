package org.convplay.convolve;

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
        float f = (float) v;
        if (f == Math.rint(f) && Math.abs(f) < 1e7) {
            return Long.toString((long) f);
        }
        double a = Math.abs(f);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(java.util.Locale.ROOT, "%.4g", (double) f);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(java.util.Locale.ROOT, "%.3e", (double) f);
    }
}
