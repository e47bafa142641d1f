package org.convplay.pipeline.ui;

import org.convplay.ui.Fields;
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
import org.convplay.shared.JsonArrays;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.shared.NdArrayParser;
import org.convplay.ui.MatrixEditor;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Pipeline;

/**
 * One layer of the pipeline page: its type and settings, written as the layer's JSON of
 * {@code POST /api/pipeline}, and below them the layer's output, shape and parameter count.
 */
class LayerEditor extends VerticalLayout {

    static final List<String> TYPES = List.of("conv2d", "maxpool2d", "avgpool2d", "relu", "sigmoid", "tanh", "linear");
    /** Channels of a layer's output drawn as matrices; the rest are summarised. */
    static final int SHOWN_CHANNELS = 8;

    final Select<String> type = new Select<>();
    final IntegerField filters = Fields.integer(1, 1, 64);
    final IntegerField size = Fields.integer(3, 1, 15);
    final Select<String> init = new Select<>();
    final IntegerField seed = Fields.integer(0, 0, Integer.MAX_VALUE);
    final TextArea weights = new TextArea();
    final Select<String> padding = new Select<>();
    final IntegerField stride = Fields.integer(1, 1, Limits.MAX_STEP);
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
        padding.setItems("valid", "same");
        padding.setValue("valid");
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
        for (var f : List.of(filters, size, seed, stride)) {
            f.addValueChangeListener(e -> onChange.run());
        }
        padding.addValueChangeListener(e -> onChange.run());
        bias.addValueChangeListener(e -> onChange.run());
        weights.addValueChangeListener(e -> onChange.run());
        add(new FlexLayout(title, up, down, remove), settings, summary, outputs);
        layout();
    }

    void onChange(Runnable r) {
        this.onChange = r;
    }


    /** Shows the settings that the chosen type has. */
    private void layout() {
        settings.removeAll();
        settings.add(type);
        String t = type.getValue();
        String keep = padding.getValue();
        if ("conv2d".equals(t)) {
            padding.setItems("valid", "same", "full", "half");
            padding.setValue(keep == null ? "valid" : keep);
            settings.add(filters, size, init);
            if ("custom".equals(init.getValue())) {
                settings.add(weights);
            } else if ("glorot_uniform".equals(init.getValue())) {
                settings.add(seed);
            }
            settings.add(padding, stride, bias);
        } else if (t != null && t.endsWith("pool2d")) {
            padding.setItems("valid", "same");
            padding.setValue("same".equals(keep) ? "same" : "valid");
            settings.add(size, padding);
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
            o.put("padding", padding.getValue());
            o.put("stride", Fields.value(stride, "stride"));
        } else if (t.endsWith("pool2d")) {
            o.put("size", Fields.value(size, "size"));
            o.put("padding", padding.getValue());
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
        if (o.has("stride")) stride.setValue(JsonArrays.pair(o.get("stride"), "stride", 1, Limits.MAX_STEP)[0]);
        if (o.has("padding")) padding.setValue(o.get("padding").asText("valid"));
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
        padding.setLabel(t.apply("playground.padding"));
        stride.setLabel(t.apply("pipeline.stride"));
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
