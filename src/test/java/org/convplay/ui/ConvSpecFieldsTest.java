package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convplay.ui.ById.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;
import org.convplay.shared.BadRequestException;
import org.convplay.ui.ConvSpecFields.Axes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings fields every page shares: what they offer, the spec they make, their events, messages and JSON. */
class ConvSpecFieldsTest {

    UI ui;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        ui = UI.getCurrent();
        ui.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private ConvSpecFields playground() {
        ConvSpecFields f = new ConvSpecFields(ConvSpecFields.paddings("valid", "same", "full", "half", "explicit")
                .withConvention().withBorder().withFlip().withStride(Axes.EACH).withDilation(Axes.EACH), "");
        ui.add(f);
        return f;
    }

    @Test
    void explicitAmountsShowOnlyWithExplicitPaddingAndMakeTheSpec() {
        ConvSpecFields f = playground();
        assertThat(shown(ui, "pad-top")).isFalse();
        select(ui, "padding").setValue("explicit");
        assertThat(shown(ui, "pad-top")).isTrue();
        integer(ui, "pad-top").setValue(2);
        integer(ui, "pad-right").setValue(1);
        integer(ui, "stride-x").setValue(3);
        integer(ui, "dilation-y").setValue(2);
        ConvSpec spec = f.spec();
        assertThat(spec.padding()).isEqualTo(Padding.explicit(2, 0, 0, 1));
        assertThat(spec.strideY()).isEqualTo(1);
        assertThat(spec.strideX()).isEqualTo(3);
        assertThat(spec.dilationY()).isEqualTo(2);
        assertThat(spec.dilationX()).isEqualTo(1);
    }

    @Test
    void aConventionSetsItsDefaultsWithOneEventAndTheUserMayChangeThemAfter() {
        ConvSpecFields f = playground();
        AtomicInteger events = new AtomicInteger();
        f.addChangeListener(e -> events.incrementAndGet());
        select(ui, "convention").setValue(Convention.OPENCV);
        assertThat(events).hasValue(1);
        assertThat(select(ui, "border").getValue()).isEqualTo(Convention.OPENCV.defaultBorder());
        assertThat(checkbox(ui, "flip").getValue()).isEqualTo(Convention.OPENCV.defaultFlip());
        assertThat(select(ui, "padding").getValue()).isEqualTo(Convention.OPENCV.defaultPadding().id());
        select(ui, "border").setValue(Border.WRAP);
        assertThat(events).hasValue(2);
        assertThat(f.spec().border()).isEqualTo(Border.WRAP);
        assertThat(f.convention()).isEqualTo(Convention.OPENCV);
    }

    @Test
    void aRestoredSpecFiresNoEventAndKeepsItsOwnSettingsOverTheConventionsDefaults() {
        ConvSpecFields f = playground();
        AtomicInteger events = new AtomicInteger();
        f.addChangeListener(e -> events.incrementAndGet());
        ConvSpec saved = Convention.THEANO.resolve(org.convplay.engine.ConvSettings.EMPTY
                .withPadding(Padding.explicit(1, 2, 3, 4)).withStride(2, 3).withFlip(false).withBorder(Border.REFLECT));
        f.setConvention(Convention.THEANO);
        f.setSpec(saved);
        assertThat(events).hasValue(0);
        assertThat(f.spec()).isEqualTo(saved);
        assertThat(shown(ui, "pad-top")).isTrue();
    }

    @Test
    void aNumberOutOfRangeIsRefusedByTheFieldsName() {
        ConvSpecFields f = playground();
        integer(ui, "stride-x").setValue(0);
        assertThatThrownBy(f::spec).isInstanceOf(BadRequestException.class)
                .hasMessage("stride (columns) must be a whole number between 1 and 64, got 0");
        integer(ui, "stride-x").setValue(1);
        select(ui, "padding").setValue("explicit");
        integer(ui, "pad-left").setValue(null);
        assertThatThrownBy(f::settings).hasMessage("left padding must be a whole number between 0 and 1024");
    }

    @Test
    void oneStrideForBothAxesIsWrittenAsTheApiReadsItAndReadBack() {
        ConvSpecFields f = new ConvSpecFields(ConvSpecFields.paddings("valid", "same").withStride(Axes.ONE), "layer-1-");
        ui.add(f);
        select(ui, "layer-1-padding").setValue("same");
        integer(ui, "layer-1-stride").setValue(3);
        ObjectNode layer = JsonNodeFactory.instance.objectNode();
        f.writeJson(layer);
        assertThat(layer.toString()).isEqualTo("{\"padding\":\"same\",\"stride\":3}");

        ConvSpecFields g = new ConvSpecFields(ConvSpecFields.paddings("valid", "same").withStride(Axes.ONE), "layer-2-");
        ui.add(g);
        g.readJson(layer);
        assertThat(g.spec().padding()).isEqualTo(Padding.SAME);
        assertThat(g.spec().strideX()).isEqualTo(3);
        // a pooling layer has no stride of its own: hidden, it is neither read nor written
        g.setStepsVisible(false);
        ObjectNode pool = JsonNodeFactory.instance.objectNode();
        g.writeJson(pool);
        assertThat(pool.toString()).isEqualTo("{\"padding\":\"same\"}");
    }

    @Test
    void aPageOffersOnlyItsFieldsUnderItsOwnIdsAndLabelsFollowTheLanguage() {
        ConvSpecFields f = new ConvSpecFields(ConvSpecFields.paddings("valid", "same", "full"), "compare-");
        ui.add(f);
        assertThat(shown(ui, "compare-padding")).isTrue();
        assertThat(shown(ui, "compare-border")).isFalse();
        assertThat(shown(ui, "compare-flip")).isFalse();
        // what the page does not offer is the convention's default
        assertThat(f.settings().border()).isNull();
        assertThat(f.spec().border()).isEqualTo(Convention.DEFAULT.defaultBorder());
        assertThat(select(ui, "compare-padding").getLabel()).isEqualTo("Padding");
        ui.setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(select(ui, "compare-padding").getLabel()).isEqualTo("Preenchimento (padding)");
    }
}
