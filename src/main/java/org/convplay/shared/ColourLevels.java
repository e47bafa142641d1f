package org.convplay.shared;

import java.util.Locale;

/**
 * The matrices' colour maps for pages rendered on the server (the embed): the same viridis and
 * blue-white-red maps as frontend/colour-maps.ts, in {@link #LEVELS} steps so that a page styles cells
 * by class (one {@code <style>} block) rather than one inline style per cell.
 */
public final class ColourLevels {

    public static final int LEVELS = 16;

    /** Viridis, as in frontend/colour-maps.ts: for values of one sign. */
    private static final int[][] VIRIDIS = {{68, 1, 84}, {72, 40, 120}, {62, 73, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {110, 206, 88}, {181, 222, 43}, {253, 231, 37}};
    /** ColorBrewer RdBu reversed, as in frontend/colour-maps.ts: for signed values, white at zero. */
    private static final int[][] DIVERGING = {{33, 102, 172}, {67, 147, 195}, {146, 197, 222}, {209, 229, 240},
        {247, 247, 247}, {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43}};

    private final double lo;
    private final double hi;
    private final boolean diverging;

    private ColourLevels(double lo, double hi, boolean diverging) {
        this.lo = lo;
        this.hi = hi;
        this.diverging = diverging;
    }

    /** The scale for these values: diverging and symmetric around zero when any is negative, viridis otherwise. */
    public static ColourLevels of(float[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new ColourLevels(0, 1, false);
        }
        if (lo < 0) {
            double m = Math.max(-lo, hi);
            return new ColourLevels(-m, m, true);
        }
        return new ColourLevels(lo, hi, false);
    }

    public boolean diverging() {
        return diverging;
    }

    public double low() {
        return lo;
    }

    public double high() {
        return hi;
    }

    /** The CSS class of a value's level: {@code v0..v15} (viridis) or {@code d0..d15} (diverging). */
    public String cssClass(double v) {
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        int level = (int) Math.max(0, Math.min(LEVELS - 1, Math.floor(t * LEVELS)));
        return (diverging ? "d" : "v") + level;
    }

    /** Rules for every class: the level's colour and black or white text, whichever contrasts more. */
    public static String css() {
        StringBuilder out = new StringBuilder();
        for (int level = 0; level < LEVELS; level++) {
            double t = (level + 0.5) / LEVELS;
            rule(out, "v" + level, at(VIRIDIS, t));
            rule(out, "d" + level, at(DIVERGING, t));
        }
        return out.toString();
    }

    private static void rule(StringBuilder out, String name, int[] rgb) {
        out.append("td.").append(name).append(",span.").append(name).append(String.format(Locale.ROOT,
                "{background:#%02x%02x%02x;color:%s}", rgb[0], rgb[1], rgb[2], textOn(rgb)));
    }

    static int[] at(int[][] stops, double t) {
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        int[] out = new int[3];
        for (int c = 0; c < 3; c++) {
            out[c] = (int) Math.round(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f);
        }
        return out;
    }

    /** WCAG relative luminance decides: black text unless white contrasts more. */
    static String textOn(int[] rgb) {
        double l = 0;
        double[] weight = {0.2126, 0.7152, 0.0722};
        for (int c = 0; c < 3; c++) {
            double s = rgb[c] / 255.0;
            l += weight[c] * (s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4));
        }
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff";
    }
}
