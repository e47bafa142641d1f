package org.convplay.exercise;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of grading one answer. A malformed answer is not gradable: it has a reason and no
 * checks, and in a class it does not use up an attempt. A gradable answer has one check per part;
 * its score is the share of parts that are right.
 */
public record Grade(boolean gradable, Text reason, List<Check> checks) {

    public static Grade notGradable(Text reason) {
        return new Grade(false, reason, List.of());
    }

    public static Grade of(List<Check> checks) {
        return new Grade(true, null, List.copyOf(checks));
    }

    public boolean correct() {
        return gradable && !checks.isEmpty() && checks.stream().allMatch(Check::correct);
    }

    /** Between 0 and 1: the share of checks that passed. */
    public double score() {
        if (!gradable || checks.isEmpty()) {
            return 0;
        }
        return (double) checks.stream().filter(Check::correct).count() / checks.size();
    }

    /** What was right and what was not, one line per part marked ✔ or ✘; or why the answer could not be graded. */
    public Text feedback() {
        if (!gradable) {
            return reason;
        }
        return new Text.Lines(checks.stream()
                .map(c -> Text.of(c.correct() ? "grading.check.right" : "grading.check.wrong", c.message())).toList());
    }

    /** {@link #feedback()} in the locale's language. */
    public String feedback(Locale locale) {
        return feedback().in(locale);
    }
}
