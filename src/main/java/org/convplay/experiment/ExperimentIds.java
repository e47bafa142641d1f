package org.convplay.experiment;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Experiment ids: 96 random bits from a SecureRandom, written as 16 URL-safe characters. Not sequential and
 * not guessable, so a permalink is as private as the person who shares it wants.
 */
final class ExperimentIds {

    static final int BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExperimentIds() {
    }

    static String next() {
        byte[] b = new byte[BYTES];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code id} could be one of ours; anything else is unknown without asking the database. */
    static boolean plausible(String id) {
        return id != null && id.length() == 16 && id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
