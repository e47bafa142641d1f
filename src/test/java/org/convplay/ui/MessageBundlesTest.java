package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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
}
