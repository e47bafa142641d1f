package org.convplay.classroom.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates on the classroom pages, in the server's time zone: the one the teacher typed them in and
 * the one the deadlines are shown in, so both read the same clock.
 */
final class Dates {

    static final ZoneId ZONE = ZoneId.systemDefault();

    private Dates() {
    }

    static String format(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(ZONE)) + " (" + ZONE.getId() + ")";
    }

    static Instant toInstant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }
}
