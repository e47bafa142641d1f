package org.convplay.pipeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convplay.engine.Convention;
import org.convplay.engine.export.CodeExport;
import org.convplay.engine.export.Target;
import org.convplay.engine.model.Pipeline;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.SaveBar;
import org.convplay.limits.RefusedException;
import org.convplay.pipeline.PipelineJson;
import org.convplay.pipeline.PipelineService;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.JsonArrays;
import org.convplay.shared.Messages;
import org.convplay.shared.NdArray;
import org.convplay.shared.RequestJson;
import org.convplay.ui.CodeExportPanel;
import org.convplay.ui.MainLayout;
import org.convplay.ui.MatrixOptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small Sequential model: add, remove and reorder layers and see every layer's output, shape and
 * parameters. The page's state is exactly a {@code POST /api/pipeline} body.
 */
@Route(value = "pipeline", layout = MainLayout.class)
@Menu(title = "nav.pipeline", order = 2)
@AnonymousAllowed
public class PipelineView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final PipelineService service;
    private final SaveBar saveBar;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final InputPanel input = new InputPanel();
    private final Select<Convention> convention = new Select<>();
    private final VerticalLayout layerList = new VerticalLayout();
    private final List<LayerEditor> layers = new ArrayList<>();
    private final Select<String> newLayerType = new Select<>();
    private final Button addLayer = new Button();
    private final Span total = new Span();
    private final Span error = new Span();
    private final CodeExportPanel export = new CodeExportPanel();
    private boolean loading;
    /** Shows every output as round(y*256), as the notebook does to read small values as integers. */
    private final Checkbox integers = new Checkbox();
    private final MatrixOptions options = new MatrixOptions();

    /** For tests and embedding: the page without saving. */
    public PipelineView(PipelineService service) {
        this(service, null);
    }

    @Autowired
    public PipelineView(PipelineService service, ExperimentService experiments) {
        this.service = service;
        this.saveBar = experiments == null ? null : new SaveBar(experiments, "pipeline", this::experimentBody);
        convention.setId("pipeline-convention");
        convention.setItems(Convention.values());
        convention.setItemLabelGenerator(Convention::id);
        total.setId("total-parameters");
        error.setId("pipeline-error");
        error.addClassName("error-message");
        layerList.setPadding(false);
        newLayerType.setItems(LayerEditor.TYPES);
        newLayerType.setValue("relu");
        newLayerType.setId("new-layer-type");
        addLayer.setId("add-layer");
        addLayer.addClickListener(e -> {
            addLayer(new LayerEditor(newLayerType.getValue()));
            recompute();
        });
        input.addChangeListener(e -> recompute());
        input.addErrorListener(e -> error.setText(e.message()));
        convention.addValueChangeListener(e -> recompute());
        export.setSource(this::exportCode);
        FlexLayout adder = new FlexLayout(newLayerType, addLayer);
        adder.setAlignItems(Alignment.BASELINE);
        adder.getStyle().set("gap", "var(--lumo-space-s)");
        add(heading, intro);
        if (saveBar != null) {
            add(saveBar);
        }
        integers.setId("pipeline-integers");
        integers.addValueChangeListener(e -> recompute());
        options.control(input.editor());
        options.onDigitsChange(this::recompute);
        options.onColoursChange(on -> recompute());
        FlexLayout display = new FlexLayout(options, integers);
        display.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        display.setAlignItems(Alignment.BASELINE);
        display.getStyle().set("gap", "var(--lumo-space-m)");
        add(convention, input, display, error, layerList, adder, total, export);
        load(notebookExample(), null);
    }

    /** The notebook's second example: an 11x11 impulse, conv 3x3 same, max pooling 2x2 same, under Keras 1 on Theano. */
    static ObjectNode notebookExample() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode rows = body.putArray("input");
        for (int y = 0; y < 11; y++) {
            ArrayNode row = rows.addArray();
            for (int x = 0; x < 11; x++) {
                row.add(y == 5 && x == 5 ? 1 : 0);
            }
        }
        body.put("convention", "theano");
        ArrayNode layers = body.putArray("layers");
        layers.addObject().put("type", "conv2d").put("filters", 1).put("size", 3).put("init", "glorot_uniform")
                .put("seed", 0).put("padding", "same");
        layers.addObject().put("type", "maxpool2d").put("size", 2).put("padding", "same");
        return body;
    }

    /** The page as an experiment body: the /api/pipeline request and the page's own settings. */
    private ObjectNode experimentBody() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("request", toJson());
        o.putObject("view").put("page", "pipeline");
        return o;
    }

    /** Shows a pipeline body (the notebook's example or a saved experiment, then {@code parent}). */
    public void load(JsonNode body, Experiment parent) {
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        loading = true;
        try {
            NdArray in = JsonArrays.read(body.get("input"), "input", InputPanel.MAX_CHANNELS * InputPanel.MAX_SIDE * InputPanel.MAX_SIDE);
            input.setValue(RequestJson.input(in, RequestJson.channelsLast(body)));
            convention.setValue(Convention.fromId(body.path("convention").asText("tensorflow")));
            layers.clear();
            layerList.removeAll();
            for (JsonNode l : body.path("layers")) {
                LayerEditor e = new LayerEditor(l.path("type").asText("relu"));
                e.fromJson(l);
                addLayer(e);
            }
        } finally {
            loading = false;
        }
        recompute();
    }

    private void addLayer(LayerEditor e) {
        layers.add(e);
        layerList.add(e);
        e.onChange(this::recompute);
        e.up.addClickListener(c -> move(e, -1));
        e.down.addClickListener(c -> move(e, 1));
        e.remove.addClickListener(c -> {
            layers.remove(e);
            layerList.remove(e);
            recompute();
        });
        e.number(layers.size());
        e.translate(this::getTranslation);
    }

    private void move(LayerEditor e, int by) {
        int i = layers.indexOf(e);
        int j = i + by;
        if (j < 0 || j >= layers.size()) {
            return;
        }
        layers.remove(i);
        layers.add(j, e);
        layerList.removeAll();
        layers.forEach(layerList::add);
        recompute();
    }

    /** The page as a {@code POST /api/pipeline} body. */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("input", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(JsonArrays.nested(input.value())));
        body.put("convention", convention.getValue() == null ? "tensorflow" : convention.getValue().id());
        ArrayNode list = body.putArray("layers");
        for (LayerEditor e : layers) {
            list.add(e.toJson());
        }
        return body;
    }

    void recompute() {
        if (loading) {
            return;
        }
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).number(i + 1);
            layers.get(i).title.setText((i + 1) + ". " + layers.get(i).type.getValue());
            layers.get(i).up.setEnabled(i > 0);
            layers.get(i).down.setEnabled(i < layers.size() - 1);
        }
        try {
            PipelineJson.Request request = PipelineJson.read(toJson());
            Pipeline.Result result = service.run(request.pipeline(), request.input(), null).result();
            List<Long> params = request.pipeline().parametersPerLayer();
            for (int i = 0; i < layers.size(); i++) {
                Pipeline.LayerOutput out = result.layers().get(i);
                layers.get(i).show(out, getTranslation("pipeline.layerSummary", Arrays.toString(out.shape()), params.get(i)),
                        new LayerEditor.Display(options.digits(), options.coloured(), integers.getValue()));
            }
            total.setText(getTranslation("pipeline.total", request.pipeline().parameters(),
                    Arrays.toString(result.output().shape())));
            error.setText("");
            export.setSource(this::exportCode);
        } catch (RefusedException | BadRequestException | IllegalArgumentException e) {
            error.setText(e instanceof RefusedException r ? getTranslation(r.messageKey(), r.retryAfterSeconds()) : Messages.explain(e, getLocale()));
            layers.forEach(l -> l.clearOutput(""));
            total.setText("");
        }
    }

    private String exportCode(Target target) {
        PipelineJson.Request request = PipelineJson.read(toJson());
        return CodeExport.export(target, request.pipeline(), request.input());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("pipeline.title"));
        intro.setText(getTranslation("pipeline.intro"));
        convention.setLabel(getTranslation("playground.convention"));
        addLayer.setText(getTranslation("pipeline.add"));
        newLayerType.setLabel(getTranslation("pipeline.type"));
        integers.setLabel(getTranslation("pipeline.integers"));
        for (LayerEditor e : layers) {
            e.translate(this::getTranslation);
        }
        recompute();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.pipeline");
    }
}
