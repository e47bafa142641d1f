package org.convplay.exercise;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outcome of grading one answer. A malformed answer is not gradable: it has a reason and no
 * checks, and in a class it does not use up an attempt. A gradable answer has one check per part;
 * its score is the share of parts that are right.
 */
public record Grade(boolean gradable, String reasonEn, String reasonPt, List<Check> checks) {

    public static Grade notGradable(Text reason) {
        return new Grade(false, reason.en(), reason.pt(), List.of());
    }

    public static Grade of(List<Check> checks) {
        return new Grade(true, null, null, List.copyOf(checks));
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

    /** What was right and what was not, one line per part; or why the answer could not be graded. */
    public String feedback(Locale locale) {
        if (!gradable) {
            return new Text(reasonEn, reasonPt).in(locale);
        }
        return checks.stream()
                .map(c -> (c.correct() ? "✔ " : "✘ ") + c.message().in(locale))
                .collect(Collectors.joining("\n"));
    }
}
