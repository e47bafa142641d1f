package org.convplay.exercise.api;

import java.util.Locale;

/** The language of texts in API answers: {@code ?lang=pt-BR} wins, then Accept-Language, else English. */
final class Lang {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    private Lang() {
    }

    static Locale of(String lang, String acceptLanguage) {
        String pick = lang != null && !lang.isBlank() ? lang : acceptLanguage;
        return pick != null && pick.trim().toLowerCase(Locale.ROOT).startsWith("pt") ? PT_BR : Locale.ENGLISH;
    }
}
