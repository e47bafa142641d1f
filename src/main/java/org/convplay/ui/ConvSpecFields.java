package org.convplay.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;
import org.convplay.shared.Limits;
import org.convplay.shared.RequestJson;

/**
 * The convolution settings of a page: convention, padding (named, or four explicit amounts), border fill, flip,
 * stride and dilation, each offered or not, with the same labels, ids and messages on every page. The fields sit in
 * the row of the parent's flex layout ({@code display: contents}), so a page places its own controls beside them.
 * A {@link ChangeEvent} follows each change of a field; a convention preset or {@link #setSpec} fires none, the page
 * recomputes once after them.
 */
public class ConvSpecFields extends Div implements LocaleChangeObserver {

    /** How a stride or dilation is chosen: not at all (1), one number for both axes, or one per axis. */
    public enum Axes { NONE, ONE, EACH }

    /** What a page offers; fields left out keep the convention's defaults. */
    public record Offer(List<String> paddings, boolean convention, boolean border, boolean flip, Axes stride, Axes dilation) {

        public Offer withConvention() {
            return new Offer(paddings, true, border, flip, stride, dilation);
        }

        public Offer withBorder() {
            return new Offer(paddings, convention, true, flip, stride, dilation);
        }

        public Offer withFlip() {
            return new Offer(paddings, convention, border, true, stride, dilation);
        }

        public Offer withStride(Axes a) {
            return new Offer(paddings, convention, border, flip, a, dilation);
        }

        public Offer withDilation(Axes a) {
            return new Offer(paddings, convention, border, flip, stride, a);
        }
    }

    /** An offer of these paddings ("valid", "same", "full", "half", "explicit") and nothing else yet. */
    public static Offer paddings(String... names) {
        return new Offer(List.of(names), false, false, false, Axes.NONE, Axes.NONE);
    }

    /** Fired after a field changed (by the user or by code other than a preset or {@link #setSpec}). */
    public static class ChangeEvent extends ComponentEvent<ConvSpecFields> {
        public ChangeEvent(ConvSpecFields source) {
            super(source, false);
        }
    }

    private final Offer offer;
    /** The paddings on offer now (a pipeline layer offers fewer when it pools). */
    private List<String> offered;
    private final Select<Convention> convention = new Select<>();
    private final Select<String> padding = new Select<>();
    private final IntegerField padTop = Fields.integer(0, 0, Limits.MAX_PADDING);
    private final IntegerField padBottom = Fields.integer(0, 0, Limits.MAX_PADDING);
    private final IntegerField padLeft = Fields.integer(0, 0, Limits.MAX_PADDING);
    private final IntegerField padRight = Fields.integer(0, 0, Limits.MAX_PADDING);
    private final FlexLayout pads = wrapping(padTop, padBottom, padLeft, padRight);
    private final Select<Border> border = new Select<>();
    private final Checkbox flip = new Checkbox();
    private final IntegerField strideY = Fields.integer(1, 1, Limits.MAX_STEP);
    private final IntegerField strideX = Fields.integer(1, 1, Limits.MAX_STEP);
    private final IntegerField dilationY = Fields.integer(1, 1, Limits.MAX_STEP);
    private final IntegerField dilationX = Fields.integer(1, 1, Limits.MAX_STEP);
    private final FlexLayout steps = new FlexLayout();
    /** On while several fields are set together (a preset, a restored state): no event until they are done. */
    private final Quiet quiet = new Quiet();

    /** The fields of {@code offer}, with ids {@code idPrefix + "padding"}, {@code idPrefix + "stride-y"}... */
    public ConvSpecFields(Offer offer, String idPrefix) {
        this.offer = offer;
        this.offered = offer.paddings();
        getStyle().set("display", "contents");
        convention.setItems(Convention.values());
        convention.setItemLabelGenerator(Convention::id);
        convention.setValue(Convention.DEFAULT);
        convention.addValueChangeListener(e -> {
            if (!quiet.isOn()) {
                applyPreset(e.getValue());
            }
        });
        padding.setItems(offer.paddings());
        padding.setValue(offer.paddings().get(0));
        border.setItems(Border.values());
        border.setItemLabelGenerator(Border::id);
        border.setValue(Border.ZERO);
        setIdPrefix(idPrefix);
        for (HasValue<?, ?> f : List.of(padding, padTop, padBottom, padLeft, padRight, border, flip, strideY, strideX, dilationY, dilationX)) {
            f.addValueChangeListener(e -> changed());
        }
        steps.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        steps.getStyle().set("gap", "var(--lumo-space-s)");
        for (IntegerField f : List.of(padTop, padBottom, padLeft, padRight)) {
            f.setWidth("8.5em");
        }
        if (offer.convention()) {
            add(convention);
        }
        add(padding);
        if (offer.paddings().contains("explicit")) {
            add(pads);
        }
        if (offer.border()) {
            add(border);
        }
        if (offer.flip()) {
            add(flip);
        }
        // per axis, stride and dilation wrap as one group of four, so that on a phone no field runs off the screen
        addSteps(offer.stride(), strideY, strideX);
        addSteps(offer.dilation(), dilationY, dilationX);
        if (steps.getComponentCount() > 0) {
            add(steps);
        }
        showPads();
    }

    private void addSteps(Axes axes, IntegerField y, IntegerField x) {
        if (axes == Axes.ONE) {
            add(y);
        } else if (axes == Axes.EACH) {
            y.setWidth("8.5em");
            x.setWidth("8.5em");
            steps.add(y, x);
        }
    }

    /** Gives every field its id after {@code prefix} (a page with several sets of fields numbers them). */
    public final void setIdPrefix(String prefix) {
        convention.setId(prefix + "convention");
        padding.setId(prefix + "padding");
        pads.setId(prefix + "explicit-padding");
        padTop.setId(prefix + "pad-top");
        padBottom.setId(prefix + "pad-bottom");
        padLeft.setId(prefix + "pad-left");
        padRight.setId(prefix + "pad-right");
        border.setId(prefix + "border");
        flip.setId(prefix + "flip");
        boolean each = offer.stride() == Axes.EACH;
        strideY.setId(prefix + (each ? "stride-y" : "stride"));
        strideX.setId(prefix + "stride-x");
        each = offer.dilation() == Axes.EACH;
        dilationY.setId(prefix + (each ? "dilation-y" : "dilation"));
        dilationX.setId(prefix + "dilation-x");
    }

    private static FlexLayout wrapping(IntegerField... fields) {
        FlexLayout f = new FlexLayout(fields);
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.getStyle().set("gap", "var(--lumo-space-s)");
        return f;
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    private void changed() {
        showPads();
        if (!quiet.isOn()) {
            fireEvent(new ChangeEvent(this));
        }
    }

    private void showPads() {
        pads.setVisible("explicit".equals(padding.getValue()));
    }

    /** A convention sets flip, border and padding to its framework's defaults; the user may change them after. */
    private void applyPreset(Convention c) {
        if (c == null) {
            return;
        }
        quietly(() -> {
            flip.setValue(c.defaultFlip());
            border.setValue(c.defaultBorder());
            if (offered.contains(c.defaultPadding().id())) {
                padding.setValue(c.defaultPadding().id());
            }
        });
        changed();
    }

    private void quietly(Runnable r) {
        quiet.run(r);
        showPads();
    }

    /** The chosen convention, or the default where the page offers none. */
    public Convention convention() {
        return convention.getValue() == null ? Convention.DEFAULT : convention.getValue();
    }

    /** Sets the convention without applying its preset (a restored state brings its own settings). */
    public void setConvention(Convention c) {
        quietly(() -> convention.setValue(c));
    }

    /** The paddings offered from now on; the chosen one stays if it still is, else the first is chosen. */
    public void setPaddings(List<String> names) {
        String kept = padding.getValue();
        quietly(() -> {
            offered = List.copyOf(names);
            padding.setItems(names);
            padding.setValue(names.contains(kept) ? kept : names.get(0));
        });
    }

    /** Chooses one of the offered paddings without firing an event (a page's own default). */
    public void setPadding(String name) {
        quietly(() -> showPadding(Padding.named(name)));
    }

    /** Shows or hides stride and dilation (a pooling layer has neither); hidden ones are not read nor written. */
    public void setStepsVisible(boolean visible) {
        for (IntegerField f : List.of(strideY, strideX, dilationY, dilationX)) {
            f.setVisible(visible);
        }
    }

    /** What the offered fields say, the others null (for the convention to fill); an error names a field that is wrong. */
    public ConvSettings settings() {
        ConvSettings s = ConvSettings.EMPTY.withPadding(padding());
        if (offer.border()) {
            s = s.withBorder(border.getValue() == null ? Border.ZERO : border.getValue());
        }
        if (offer.flip()) {
            s = s.withFlip(flip.getValue());
        }
        if (offer.stride() != Axes.NONE && strideY.isVisible()) {
            int[] v = pair(offer.stride(), strideY, strideX, "stride");
            s = s.withStride(v[0], v[1]);
        }
        if (offer.dilation() != Axes.NONE && dilationY.isVisible()) {
            int[] v = pair(offer.dilation(), dilationY, dilationX, "dilation");
            s = s.withDilation(v[0], v[1]);
        }
        return s;
    }

    private static int[] pair(Axes axes, IntegerField y, IntegerField x, String name) {
        if (axes == Axes.ONE) {
            int v = Fields.value(y, name);
            return new int[] {v, v};
        }
        return new int[] {Fields.value(y, name + " (rows)"), Fields.value(x, name + " (columns)")};
    }

    private Padding padding() {
        String p = padding.getValue() == null ? offered.get(0) : padding.getValue();
        if (!"explicit".equals(p)) {
            return Padding.named(p);
        }
        return Padding.explicit(Fields.value(padTop, "top padding"), Fields.value(padBottom, "bottom padding"),
                Fields.value(padLeft, "left padding"), Fields.value(padRight, "right padding"));
    }

    /** The settings completed by the convention; an error names the field or the combination that is wrong. */
    public ConvSpec spec() {
        return convention().resolve(settings());
    }

    /**
     * Shows {@code spec} without firing events. Explicit amounts on a page that offers only named paddings show as
     * the first offered; a stride or dilation of one number per page shows its rows' value.
     */
    public void setSpec(ConvSpec spec) {
        quietly(() -> {
            showPadding(spec.padding());
            border.setValue(spec.border());
            flip.setValue(spec.flip());
            strideY.setValue(spec.strideY());
            strideX.setValue(spec.strideX());
            dilationY.setValue(spec.dilationY());
            dilationX.setValue(spec.dilationX());
        });
    }

    private void showPadding(Padding p) {
        if (p.mode() == Padding.Mode.EXPLICIT && offered.contains("explicit")) {
            padding.setValue("explicit");
            padTop.setValue(p.top());
            padBottom.setValue(p.bottom());
            padLeft.setValue(p.left());
            padRight.setValue(p.right());
        } else {
            padding.setValue(offered.contains(p.id()) ? p.id() : offered.get(0));
        }
    }

    /** Writes the offered, visible fields as {@code POST /api/pipeline}'s layers and {@code /api/convolve} read them. */
    public void writeJson(ObjectNode o) {
        ConvSettings s = settings();
        Padding p = s.padding();
        if (p.mode() == Padding.Mode.EXPLICIT) {
            o.putArray("padding").add(p.top()).add(p.bottom()).add(p.left()).add(p.right());
        } else {
            o.put("padding", p.id());
        }
        if (s.strideY() != null) {
            writeSteps(o, "stride", offer.stride(), s.strideY(), s.strideX());
        }
        if (s.dilationY() != null) {
            writeSteps(o, "dilation", offer.dilation(), s.dilationY(), s.dilationX());
        }
        if (s.flip() != null) {
            o.put("flip", s.flip());
        }
        if (s.border() != null) {
            o.put("border", s.border().id());
        }
    }

    private static void writeSteps(ObjectNode o, String name, Axes axes, int y, int x) {
        if (axes == Axes.ONE) {
            o.put(name, y);
        } else {
            o.putArray(name).add(y).add(x);
        }
    }

    /** Shows the fields of a layer's JSON (as {@link #writeJson} writes them); fields it leaves out keep their value. */
    public void readJson(JsonNode o) {
        ConvSettings s = RequestJson.settings(o);
        quietly(() -> {
            if (s.padding() != null) {
                showPadding(s.padding());
            }
            if (s.strideY() != null) {
                strideY.setValue(s.strideY());
                strideX.setValue(s.strideX());
            }
            if (s.dilationY() != null) {
                dilationY.setValue(s.dilationY());
                dilationX.setValue(s.dilationX());
            }
            if (s.flip() != null) {
                flip.setValue(s.flip());
            }
            if (s.border() != null) {
                border.setValue(s.border());
            }
        });
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        convention.setLabel(getTranslation("playground.convention"));
        padding.setLabel(getTranslation("playground.padding"));
        padTop.setLabel(getTranslation("playground.padTop"));
        padBottom.setLabel(getTranslation("playground.padBottom"));
        padLeft.setLabel(getTranslation("playground.padLeft"));
        padRight.setLabel(getTranslation("playground.padRight"));
        border.setLabel(getTranslation("playground.border"));
        flip.setLabel(getTranslation("playground.flip"));
        label(offer.stride(), strideY, strideX, "stride");
        label(offer.dilation(), dilationY, dilationX, "dilation");
    }

    private void label(Axes axes, IntegerField y, IntegerField x, String name) {
        if (axes == Axes.ONE) {
            y.setLabel(getTranslation("animation." + name));
        } else {
            String key = "playground." + name;
            y.setLabel(getTranslation(key + "Y"));
            x.setLabel(getTranslation(key + "X"));
        }
    }
}
