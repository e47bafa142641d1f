package org.convplay.exercise.api;

import java.util.List;
import java.util.Locale;
import org.convplay.shared.Messages;

/**
 * The language of texts in API answers: {@code ?lang=pt-BR} wins, then Accept-Language with its
 * q-values ({@code fr,pt;q=0.9} is Portuguese), else English.
 */
final class Lang {


    /** The languages offered, as RFC 4647 lookup tags: any Portuguese range ends at "pt". */
    private static final List<String> OFFERED = List.of("en", "pt");

    private Lang() {
    }

    static Locale of(String lang, String acceptLanguage) {
        String pick = lang != null && !lang.isBlank() ? lang : acceptLanguage;
        if (pick == null || pick.isBlank()) {
            return Locale.ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(pick);
        } catch (IllegalArgumentException malformed) {
            // a browser's odd header is no reason to refuse the answer: it comes in English
            return Locale.ENGLISH;
        }
        return "pt".equals(Locale.lookupTag(ranges, OFFERED)) ? Messages.PORTUGUESE : Locale.ENGLISH;
    }
}
