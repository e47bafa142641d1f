package org.convplay.pipeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Pipeline;
import org.convplay.shared.JsonArrays;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.shared.NdArrayParser;
import org.convplay.ui.ConvSpecFields;
import org.convplay.ui.Fields;
import org.convplay.ui.MatrixEditor;

/**
 * One layer of the pipeline page: its type and settings, written as the layer's JSON of
 * {@code POST /api/pipeline}, and below them the layer's output, shape and parameter count.
 */
class LayerEditor extends VerticalLayout {

    static final List<String> CONV_PADDINGS = List.of("valid", "same", "full", "half");
    static final List<String> POOL_PADDINGS = List.of("valid", "same");
    static final List<String> TYPES = List.of("conv2d", "maxpool2d", "avgpool2d", "relu", "sigmoid", "tanh", "linear");
    /** Channels of a layer's output drawn as matrices; the rest are summarised. */
    static final int SHOWN_CHANNELS = 8;

    final Select<String> type = new Select<>();
    final IntegerField filters = Fields.integer(1, 1, 64);
    final IntegerField size = Fields.integer(3, 1, 15);
    final Select<String> init = new Select<>();
    final IntegerField seed = Fields.integer(0, 0, Integer.MAX_VALUE);
    final TextArea weights = new TextArea();
    /** A conv2d layer's padding and stride; a pool's padding. */
    final ConvSpecFields spec = new ConvSpecFields(ConvSpecFields.paddings(CONV_PADDINGS.toArray(String[]::new))
            .withStride(ConvSpecFields.Axes.ONE), "");
    final Checkbox bias = new Checkbox(true);
    final Button up = new Button(VaadinIcon.ARROW_UP.create());
    final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
    final Button remove = new Button(VaadinIcon.TRASH.create());
    final Span title = new Span();
    final Span summary = new Span();
    final Div outputs = new Div();
    private final FlexLayout settings = new FlexLayout();
    private Runnable onChange = () -> { };

    LayerEditor(String layerType) {
        addClassName("layer");
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        type.setItems(TYPES);
        type.setValue(layerType);
        if (layerType.endsWith("pool2d")) {
            size.setValue(2);
        }
        init.setItems("glorot_uniform", "zeros", "ones", "custom");
        init.setValue("glorot_uniform");
        weights.setWidth("24em");
        weights.getStyle().set("font-family", "ui-monospace, monospace");
        title.getStyle().set("font-weight", "600");
        summary.addClassName("result-shape");
        summary.addClassName("layer-summary");
        for (Button b : List.of(up, down, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        settings.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        settings.setAlignItems(Alignment.BASELINE);
        settings.getStyle().set("gap", "var(--lumo-space-s)");
        outputs.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        type.addValueChangeListener(e -> {
            // each kind's usual size: 3x3 kernels, 2x2 pools
            if (e.isFromClient() && e.getValue().endsWith("pool2d") && Integer.valueOf(3).equals(size.getValue())) {
                size.setValue(2);
            }
            layout();
            onChange.run();
        });
        init.addValueChangeListener(e -> { layout(); onChange.run(); });
        for (var f : List.of(filters, size, seed)) {
            f.addValueChangeListener(e -> onChange.run());
        }
        spec.addChangeListener(e -> onChange.run());
        bias.addValueChangeListener(e -> onChange.run());
        weights.addValueChangeListener(e -> onChange.run());
        add(new FlexLayout(title, up, down, remove), settings, summary, outputs);
        layout();
    }

    void onChange(Runnable r) {
        this.onChange = r;
    }

    /** Numbers the layer (its place in the list, from 1): its id and its controls' ids follow it. */
    void number(int n) {
        String prefix = "layer-" + n + "-";
        setId("layer-" + n);
        type.setId(prefix + "type");
        filters.setId(prefix + "filters");
        size.setId(prefix + "size");
        init.setId(prefix + "init");
        seed.setId(prefix + "seed");
        weights.setId(prefix + "weights");
        bias.setId(prefix + "bias");
        up.setId(prefix + "up");
        down.setId(prefix + "down");
        remove.setId(prefix + "remove");
        summary.setId(prefix + "summary");
        outputs.setId(prefix + "outputs");
        spec.setIdPrefix(prefix);
    }


    /** Shows the settings that the chosen type has. */
    private void layout() {
        settings.removeAll();
        settings.add(type);
        String t = type.getValue();
        if ("conv2d".equals(t)) {
            spec.setPaddings(CONV_PADDINGS);
            spec.setStepsVisible(true);
            settings.add(filters, size, init);
            if ("custom".equals(init.getValue())) {
                settings.add(weights);
            } else if ("glorot_uniform".equals(init.getValue())) {
                settings.add(seed);
            }
            settings.add(spec, bias);
        } else if (t != null && t.endsWith("pool2d")) {
            // a pool's stride is its size
            spec.setPaddings(POOL_PADDINGS);
            spec.setStepsVisible(false);
            settings.add(size, spec);
        }
    }

    /** The layer as {@code POST /api/pipeline} reads it. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String t = type.getValue();
        o.put("type", t);
        if ("conv2d".equals(t)) {
            if ("custom".equals(init.getValue())) {
                NdArray k = NdArrayParser.parse(weights.getValue(), "weights", Limits.MAX_KERNEL_VALUES);
                o.set("kernel", toJsonList(k));
            } else {
                o.put("filters", Fields.value(filters, "filters"));
                o.put("size", Fields.value(size, "size"));
                o.put("init", init.getValue());
                o.put("seed", Fields.value(seed, "seed"));
            }
            o.put("useBias", bias.getValue());
            spec.writeJson(o);
        } else if (t.endsWith("pool2d")) {
            o.put("size", Fields.value(size, "size"));
            spec.writeJson(o);
        }
        return o;
    }

    /** Restores the settings from a layer's JSON (a saved experiment or the notebook's example). */
    void fromJson(JsonNode o) {
        type.setValue(o.path("type").asText("relu"));
        if (o.has("kernel")) {
            init.setValue("custom");
            weights.setValue(o.get("kernel").toString());
        } else {
            init.setValue(o.path("init").asText("glorot_uniform"));
        }
        if (o.has("filters")) filters.setValue(o.get("filters").asInt());
        if (o.has("size")) size.setValue(JsonArrays.pair(o.get("size"), "size", 3, 255)[0]);
        if (o.has("seed")) seed.setValue(o.get("seed").asInt());
        spec.readJson(o);
        bias.setValue(o.path("useBias").asBoolean(true));
        layout();
    }


    private static JsonNode toJsonList(NdArray a) {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .valueToTree(JsonArrays.nested(a));
    }

    /** How the page shows outputs: significant digits, colours, and the notebook's round(y*256) integers. */
    record Display(int digits, boolean coloured, boolean integers) {
    }

    /** Draws the layer's output: a heatmap per channel (the first few), shape and parameters. */
    void show(Pipeline.LayerOutput out, String summaryText, Display display) {
        summary.setText(summaryText);
        outputs.removeAll();
        Tensor t = out.output();
        for (int c = 0; c < Math.min(t.channels(), SHOWN_CHANNELS); c++) {
            MatrixEditor m = new MatrixEditor("output");
            m.setReadOnly(true);
            m.setColoured(display.coloured());
            double[][] values = t.toArray(c);
            m.setDisplayValue(display.integers() ? times256(values) : values, display.digits(), values);
            // too many cells to read as numbers: a picture of the same colours, values on hover
            m.setPicture(t.height() * t.width() > PICTURE_CELLS);
            m.setCaption(getTranslation("pipeline.channelCaption", c, t.height(), t.width()));
            m.addClassName("layer-channel");
            outputs.add(m);
        }
    }

    /** Outputs with more cells than this are drawn as an image rather than a grid of numbers. */
    static final int PICTURE_CELLS = 16 * 16;

    /** round(y*256): the notebook's way to read small activations as whole numbers. */
    static double[][] times256(double[][] v) {
        double[][] out = new double[v.length][];
        for (int y = 0; y < v.length; y++) {
            out[y] = new double[v[y].length];
            for (int x = 0; x < v[y].length; x++) {
                out[y][x] = Math.round(v[y][x] * 256);
            }
        }
        return out;
    }

    /** Labels in the page's language; the arrow and delete buttons show only icons, so they are named here. */
    void translate(java.util.function.Function<String, String> t) {
        type.setLabel(t.apply("pipeline.type"));
        filters.setLabel(t.apply("pipeline.filters"));
        size.setLabel(t.apply("pipeline.size"));
        init.setLabel(t.apply("pipeline.init"));
        seed.setLabel(t.apply("pipeline.seed"));
        weights.setLabel(t.apply("pipeline.weights"));
        bias.setLabel(t.apply("pipeline.bias"));
        up.setAriaLabel(t.apply("pipeline.up"));
        up.setTooltipText(t.apply("pipeline.up"));
        down.setAriaLabel(t.apply("pipeline.down"));
        down.setTooltipText(t.apply("pipeline.down"));
        remove.setAriaLabel(t.apply("pipeline.remove"));
        remove.setTooltipText(t.apply("pipeline.remove"));
    }

    void clearOutput(String message) {
        summary.setText(message);
        outputs.removeAll();
    }
}
