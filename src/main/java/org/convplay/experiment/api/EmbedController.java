package org.convplay.experiment.api;

import java.util.Arrays;
import org.convplay.api.Html;
import org.convplay.api.NotFoundException;
import org.convplay.convolve.Numbers;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.pipeline.PipelineJson;
import org.convplay.pipeline.PipelineService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /embed/{id}}: a compact, read-only page of an experiment for an iframe on a course page or a forum.
 * Plain HTML without scripts or a session, so it works inside any other site's frame; it links to the
 * full experiment.
 */
@RestController
class EmbedController {

    /** Channels drawn per tensor; an embed stays small. */
    static final int SHOWN_CHANNELS = 4;

    private final ExperimentService experiments;
    private final PipelineService pipelines;

    EmbedController(ExperimentService experiments, PipelineService pipelines) {
        this.experiments = experiments;
        this.pipelines = pipelines;
    }

    @GetMapping(path = "/embed/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> embed(@PathVariable String id) {
        Experiment e;
        try {
            e = experiments.get(id);
        } catch (NotFoundException ex) {
            String message = ex instanceof ExperimentService.RemovedException
                    ? "This experiment was removed by its owner." : "There is no experiment with this link.";
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(page("Convolution Playground", "<p id=\"experiment-notice\">" + message + "</p>"));
        }
        PipelineJson.Request r = PipelineJson.read(experiments.body(e).get("request"));
        Pipeline.Result result = pipelines.run(r.pipeline(), r.input(), null).result();
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/e/{id}").buildAndExpand(id).toUriString();
        StringBuilder body = new StringBuilder();
        body.append("<header><strong>").append(Html.escape(e.getTitle()))
                .append("</strong> <a id=\"open-in-playground\" target=\"_blank\" href=\"").append(Html.escape(link))
                .append("\">Open in the playground</a></header><div class=\"row\">");
        block(body, "Input " + Arrays.toString(r.input().shape()), r.input());
        if ("playground".equals(e.getKind()) && r.pipeline().layers().get(0) instanceof Conv2dLayer conv) {
            var k = conv.kernel();
            block(body, "Kernel", new Tensor(1, k.height(), k.width(), Arrays.copyOf(k.weights(), k.height() * k.width())));
        }
        block(body, "Output " + Arrays.toString(result.output().shape()), result.output());
        body.append("</div><footer>").append(Html.escape(r.pipeline().convention().id())).append(" · ")
                .append(result.layers().size()).append(" layer(s) · ").append(r.pipeline().parameters()).append(" parameters</footer>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(e.getTitle(), body.toString()));
    }

    private static void block(StringBuilder out, String caption, Tensor t) {
        out.append("<figure><figcaption>").append(Html.escape(caption)).append("</figcaption>");
        for (int c = 0; c < Math.min(SHOWN_CHANNELS, t.channels()); c++) {
            out.append("<table>");
            for (int y = 0; y < t.height(); y++) {
                out.append("<tr>");
                for (int x = 0; x < t.width(); x++) {
                    out.append("<td>").append(Numbers.formatShort(t.get(c, y, x))).append("</td>");
                }
                out.append("</tr>");
            }
            out.append("</table>");
        }
        out.append("</figure>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title><style>"
                + "body{font:14px system-ui,sans-serif;margin:8px;color:#1a2433}header{margin-bottom:8px}"
                + ".row{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{color:#5b6675;margin-bottom:4px}"
                + "table{border-collapse:collapse;margin-bottom:6px}td{border:1px solid #d5dae0;padding:1px 5px;"
                + "text-align:right;font:12px ui-monospace,monospace}footer{margin-top:8px;color:#5b6675}"
                + "</style></head><body>" + body + "</body></html>";
    }
}
