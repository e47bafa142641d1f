package org.convplay.classroom.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.convplay.shared.Messages;

/**
 * Dates on the classroom pages, in the server's time zone: the one the teacher typed them in and
 * the one the deadlines are shown in (as in the server's messages), so both read the same clock.
 */
final class Dates {

    static final ZoneId ZONE = Messages.ZONE;

    private Dates() {
    }

    static String format(Instant instant, Locale locale) {
        return Messages.date(instant, locale);
    }

    static Instant toInstant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }
}
