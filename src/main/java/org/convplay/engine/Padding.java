package org.convplay.engine;

import java.util.Locale;

/**
 * A padding request: a named mode, resolved per input and kernel size by {@link ConvGeometry},
 * or explicit amounts {@code [top, bottom, left, right]}.
 */
public record Padding(Mode mode, int top, int bottom, int left, int right) {

    public enum Mode { VALID, SAME, FULL, HALF, EXPLICIT }

    public static final Padding VALID = new Padding(Mode.VALID, 0, 0, 0, 0);
    public static final Padding SAME = new Padding(Mode.SAME, 0, 0, 0, 0);
    public static final Padding FULL = new Padding(Mode.FULL, 0, 0, 0, 0);
    public static final Padding HALF = new Padding(Mode.HALF, 0, 0, 0, 0);

    public Padding {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding amounts must not be negative, got ["
                    + top + ", " + bottom + ", " + left + ", " + right + "]");
        }
    }

    public static Padding explicit(int top, int bottom, int left, int right) {
        return new Padding(Mode.EXPLICIT, top, bottom, left, right);
    }

    /** "valid", "same", "full" or "half". */
    public static Padding named(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "valid" -> VALID;
            case "same" -> SAME;
            case "full" -> FULL;
            case "half" -> HALF;
            default -> throw new IllegalArgumentException("unknown padding '" + id
                    + "': expected valid, same, full, half or [top, bottom, left, right]");
        };
    }

    /** How the API and pages write it: a mode name, or the four amounts. */
    public String id() {
        return mode == Mode.EXPLICIT ? "[" + top + ", " + bottom + ", " + left + ", " + right + "]"
                : mode.name().toLowerCase(Locale.ROOT);
    }
}
