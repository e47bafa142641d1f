package org.convplay;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Inputs for the fuzz tests: {@code count} cases drawn from a fixed seed, so that a run is reproducible and a failure
 * names its case (its index and the input itself in the assertion's message).
 */
public final class Fuzz {

    private Fuzz() {
    }

    public static <T> Stream<Arguments> cases(long seed, int count, Function<Random, T> generator) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> Arguments.of(generator.apply(random)));
    }

    /** A string of up to {@code maxLength} characters taken from {@code alphabet}. */
    public static String text(Random random, String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** {@code text} with up to {@code cut} characters at a random place replaced by a random splice. */
    public static String splice(Random random, String text, String alphabet, int cut) {
        int at = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + random.nextInt(cut + 1));
        return text.substring(0, at) + text(random, alphabet, 6) + text.substring(end);
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
