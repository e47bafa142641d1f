package org.convplay.experiment.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import org.convplay.api.NotFoundException;
import org.convplay.convolve.ui.MatrixEditor;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Pipeline;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.pipeline.PipelineJson;
import org.convplay.pipeline.PipelineService;

/**
 * {@code /embed/{id}}: a compact, read-only view of an experiment for an iframe on a course page or a forum,
 * with a link that opens it in the playground.
 */
@Route("embed/:id")
public class EmbedView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Channels drawn per layer output in the embed; it is meant to stay small. */
    private static final int SHOWN = 4;

    private final ExperimentService experiments;
    private final PipelineService pipelines;
    private String title = "Convolution Playground";

    public EmbedView(ExperimentService experiments, PipelineService pipelines) {
        this.experiments = experiments;
        this.pipelines = pipelines;
        setPadding(true);
        setSpacing(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        Experiment e;
        try {
            e = experiments.get(id);
        } catch (NotFoundException ex) {
            H3 notice = new H3(getTranslation(ex instanceof ExperimentService.RemovedException ? "experiment.removed" : "experiment.unknown"));
            notice.setId("experiment-notice");
            add(notice);
            return;
        }
        title = e.getTitle();
        JsonNode request = experiments.body(e).get("request");
        PipelineJson.Request r = PipelineJson.read(request);
        Pipeline.Result result = pipelines.run(r.pipeline(), r.input(), null).result();
        Anchor open = new Anchor(Links.absolute("e/" + e.getId()), getTranslation("experiment.openInPlayground"));
        open.setTarget(AnchorTarget.BLANK);
        open.setId("open-in-playground");
        H3 heading = new H3(e.getTitle());
        heading.getStyle().set("margin", "0");
        add(new FlexLayout(heading, open));
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        row.add(block(getTranslation("playground.input"), r.input()));
        if ("playground".equals(e.getKind())) {
            var conv = (org.convplay.engine.model.Conv2dLayer) r.pipeline().layers().get(0);
            Tensor k = new Tensor(1, conv.kernel().height(), conv.kernel().width(),
                    Arrays.copyOf(conv.kernel().weights(), conv.kernel().height() * conv.kernel().width()));
            row.add(block(getTranslation("playground.kernel"), k));
        }
        row.add(block(getTranslation("playground.result") + " " + Arrays.toString(result.output().shape()), result.output()));
        add(row);
        add(new Span(r.pipeline().convention().id() + " · " + result.layers().size() + " layer(s) · "
                + r.pipeline().parameters() + " parameters"));
    }

    private Div block(String caption, Tensor t) {
        Div d = new Div(new Div(caption));
        for (int c = 0; c < Math.min(SHOWN, t.channels()); c++) {
            MatrixEditor m = new MatrixEditor("value");
            m.setReadOnly(true);
            m.setDisplayValue(t.toArray(c));
            d.add(m);
        }
        return d;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
