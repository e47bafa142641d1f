package org.convplay.classroom.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Each student's seed for an exercise of an assignment: the same every time (so the variant never
 * changes under them), different between students, never 0 (the notebook's public numbers), and not
 * computable without the assignment's random salt.
 */
final class Seeds {

    private Seeds() {
    }

    static long forStudent(String salt, long studentId, String exerciseId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + studentId + ":" + exerciseId).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
            return 1 + bits % (Integer.MAX_VALUE - 1L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
