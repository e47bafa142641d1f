package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import org.junit.jupiter.api.Test;

/** The English and Portuguese message bundles stay in sync: every key is translated, none is left over. */
class MessageBundlesTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void portugueseHasExactlyTheEnglishKeys() throws Exception {
        Properties en = load("translations.properties");
        Properties pt = load("translations_pt_BR.properties");
        assertThat(pt.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @Test
    void noTranslationIsEmpty() throws Exception {
        for (String bundle : new String[] {"translations.properties", "translations_pt_BR.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
            }
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    /**
     * Vaadin formats a text with MessageFormat only when it is given arguments: a text with {0} needs its
     * apostrophes doubled, one without must keep them single ("The notebook''s" showed both). Each text is
     * rendered as the pages render it, with arguments exactly where it has placeholders, and must show
     * every apostrophe once.
     */
    @Test
    void everyApostropheShowsOnceAsThePagesRenderIt() throws Exception {
        DefaultI18NProvider vaadin = new DefaultI18NProvider(List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR")));
        for (String bundle : new String[] {"translations.properties", "translations_pt_BR.properties"}) {
            Locale locale = bundle.contains("pt_BR") ? Locale.forLanguageTag("pt-BR") : Locale.ENGLISH;
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String raw = p.getProperty(key);
                int arguments = 0;
                Matcher m = ARGUMENT.matcher(raw);
                while (m.find()) {
                    arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
                }
                Object[] args = new Object[arguments];
                java.util.Arrays.fill(args, "X");
                String shown = vaadin.getTranslation(key, locale, args);
                long expected = arguments == 0 ? raw.chars().filter(c -> c == '\'').count()
                        : raw.replace("''", "'").chars().filter(c -> c == '\'').count();
                assertThat(shown).as(bundle + " " + key).doesNotContain("''");
                assertThat(shown.chars().filter(c -> c == '\'').count()).as(bundle + " " + key + ": " + shown).isEqualTo(expected);
            }
        }
    }
}
