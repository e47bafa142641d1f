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
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.convplay.shared.Messages;
import org.junit.jupiter.api.Test;

/** The English and Portuguese message bundles stay in sync: every key is translated, none is left over, every key named exists. */
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
     * Vaadin formats a text with MessageFormat only when it is given arguments, and so do the server's texts
     * ({@link Messages}): a text with {0} needs its apostrophes doubled, one without must keep them single ("The
     * notebook''s" showed both). Each text is rendered both ways, with arguments exactly where it has placeholders
     * (a number where it asks for one, a date where it asks for one), and must show every apostrophe once.
     */
    @Test
    void everyApostropheShowsOnceAsThePagesAndTheServerRenderIt() throws Exception {
        DefaultI18NProvider vaadin = new DefaultI18NProvider(List.of(Locale.ENGLISH, Messages.PORTUGUESE));
        int withArguments = 0;
        for (String bundle : new String[] {"translations.properties", "translations_pt_BR.properties"}) {
            Locale locale = bundle.contains("pt_BR") ? Messages.PORTUGUESE : Locale.ENGLISH;
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String raw = p.getProperty(key);
                Object[] args = arguments(raw);
                withArguments += args.length > 0 ? 1 : 0;
                long expected = args.length == 0 ? raw.chars().filter(c -> c == '\'').count()
                        : raw.replace("''", "'").chars().filter(c -> c == '\'').count();
                for (String shown : List.of(vaadin.getTranslation(key, locale, args), Messages.render(locale, key, args))) {
                    assertThat(shown).as(bundle + " " + key).doesNotContain("''").doesNotContain("{0");
                    assertThat(shown.chars().filter(c -> c == '\'').count()).as(bundle + " " + key + ": " + shown).isEqualTo(expected);
                }
            }
        }
        assertThat(withArguments).as("texts with arguments rendered").isGreaterThan(100);
    }

    /** Arguments for each placeholder of a text: what its style asks for, else a word. */
    private static Object[] arguments(String raw) {
        int count = 0;
        Matcher m = ARGUMENT.matcher(raw);
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
        }
        Format[] styles = new MessageFormat(raw).getFormatsByArgumentIndex();
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            Format style = i < styles.length ? styles[i] : null;
            args[i] = style instanceof NumberFormat ? (Object) 1.5 : style instanceof DateFormat ? new Date(0) : "X";
        }
        return args;
    }

    private static final Pattern SERVER_KEY = Pattern.compile(
            "(?:Text\\.of\\(|malformed\\([^,()]+, |getTranslation\\()\\s*\"([a-zA-Z][\\w.]*\\w)\"|\"((?:grading|title|error)\\.[\\w.]*\\w)\"");

    /** Every key the code names (Text.of, Answer.malformed, getTranslation, and any "grading.*", "title.*" or "error.*" literal) is in the bundles. */
    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws Exception {
        Properties en = load("translations.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = SERVER_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    named.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(named).as("keys found in the code").contains("grading.part.notWithin", "classroom.submission.late", "title.exercise",
                "error.kernelTooLarge", "error.classroom.unknownCode", "error.signup.taken");
        assertThat(named.stream().filter(k -> !en.containsKey(k)).toList()).as("keys missing from translations.properties").isEmpty();
    }

    /** The server's texts render with the reader's numbers: the decimal separator and digit grouping of each language. */
    @Test
    void theServerRendersNumbersAndDatesPerLanguage() {
        assertThat(Messages.render(Locale.ENGLISH, "grading.part.notWithin", "x", 1234.5, 0.07 * 100))
                .isEqualTo("x: 1,234.5 is not within 7% of the right value.");
        assertThat(Messages.render(Messages.PORTUGUESE, "grading.part.notWithin", "x", 1234.5, 0.07 * 100))
                .isEqualTo("x: 1.234,5 não está a menos de 7% do valor certo.");
        assertThat(Messages.render(Locale.forLanguageTag("pt-PT"), "grading.timing.ratio", 1.5, 2.0)).contains("2,00");
        assertThat(Messages.render(Locale.FRENCH, "grading.timing.ratio", 1.5, 2.0)).isEqualTo("Ratio 1.5: cpu's median over OpenCV's is 2.00.");
        java.time.Instant opens = java.time.Instant.parse("2026-03-01T12:00:00Z");
        assertThat(Messages.render(Locale.ENGLISH, "classroom.submission.notOpen", opens)).doesNotContain("2026-03-01T12:00:00Z")
                .contains("2026").contains("Mar").contains("(" + Messages.ZONE.getId() + ")");
        assertThat(Messages.render(Messages.PORTUGUESE, "classroom.submission.notOpen", opens)).contains("2026").contains("mar");
        assertThat(Messages.render(Locale.ENGLISH, "no.such.key")).isEqualTo("!no.such.key!");
    }
}
