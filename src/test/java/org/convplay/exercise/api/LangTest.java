package org.convplay.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theLanguageWithTheHighestQValueThatWeOfferWins() {
        assertThat(Lang.of(null, "fr,pt;q=0.9")).isEqualTo(org.convplay.shared.Messages.PORTUGUESE);
        assertThat(Lang.of(null, "fr;q=1, pt-PT;q=0.5, en;q=0.4")).isEqualTo(org.convplay.shared.Messages.PORTUGUESE);
        assertThat(Lang.of(null, "pt;q=0.3,en-US;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(Lang.of(null, "en-US,pt;q=0.5")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aLanguageWeightedZeroIsRefused() {
        assertThat(Lang.of(null, "pt;q=0,fr")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theLangParameterWinsOverTheHeader() {
        assertThat(Lang.of("pt-BR", "en")).isEqualTo(org.convplay.shared.Messages.PORTUGUESE);
        assertThat(Lang.of("en", "pt-BR")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void nothingUsableMeansEnglish() {
        assertThat(Lang.of(null, null)).isEqualTo(Locale.ENGLISH);
        assertThat(Lang.of(" ", "")).isEqualTo(Locale.ENGLISH);
        assertThat(Lang.of(null, "de")).isEqualTo(Locale.ENGLISH);
        assertThat(Lang.of(null, "x;;q=zz")).isEqualTo(Locale.ENGLISH);
    }
}
