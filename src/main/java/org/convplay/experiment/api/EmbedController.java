package org.convplay.experiment.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.Base64;
import org.convplay.shared.Html;
import org.convplay.benchmark.BenchmarkExperiment;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.shared.NotFoundException;
import org.convplay.shared.ColourLevels;
import org.convplay.shared.Numbers;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.image.BandPng;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.ImageDecoder;
import org.convplay.image.ImageExperiment;
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
    private final ImageConvolutionService images;

    EmbedController(ExperimentService experiments, PipelineService pipelines, ImageConvolutionService images) {
        this.experiments = experiments;
        this.pipelines = pipelines;
        this.images = images;
    }

    @Operation(summary = "A compact HTML page of an experiment, for an iframe", description = "No scripts, no session; "
            + "framing by other sites is allowed. 404 with a page saying why when unknown or removed.")
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
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/e/{id}").buildAndExpand(id).toUriString();
        StringBuilder body = new StringBuilder();
        body.append("<header><strong>").append(Html.escape(e.getTitle()))
                .append("</strong> <a id=\"open-in-playground\" target=\"_blank\" href=\"").append(Html.escape(link))
                .append("\">Open in the playground</a></header><div class=\"row\">");
        if ("images".equals(e.getKind())) {
            imageBody(body, ImageExperiment.read(experiments.body(e).get("request")));
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(e.getTitle(), body.toString()));
        }
        if ("benchmark".equals(e.getKind())) {
            benchmarkBody(body, BenchmarkExperiment.read(experiments.body(e).get("request")));
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(e.getTitle(), body.toString()));
        }
        PipelineJson.Request r = PipelineJson.read(experiments.body(e).get("request"));
        Pipeline.Result result = pipelines.run(r.pipeline(), r.input(), null).result();
        block(body, "Input " + Arrays.toString(r.input().shape()), r.input());
        if (("playground".equals(e.getKind()) || "animation".equals(e.getKind())) && r.pipeline().layers().get(0) instanceof Conv2dLayer conv) {
            var k = conv.kernel();
            block(body, "Kernel", new Tensor(1, k.height(), k.width(), Arrays.copyOf(k.weights(), k.height() * k.width())));
        }
        block(body, "Output " + Arrays.toString(result.output().shape()), result.output());
        body.append("</div><footer>").append(Html.escape(r.pipeline().convention().id())).append(" · ")
                .append(result.layers().size()).append(" layer(s) · ").append(r.pipeline().parameters()).append(" parameters</footer>");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(e.getTitle(), body.toString()));
    }

    /** The saved run's rows as measured (nothing is timed again here) and the machine they were measured on. */
    private static void benchmarkBody(StringBuilder out, BenchmarkRunner.Report report) {
        BenchmarkRunner.Request q = report.request();
        out.append("<figure><figcaption>").append(q.size()).append(" x ").append(q.size()).append(", kernel ").append(q.kernel())
                .append(" x ").append(q.kernel()).append(", ").append(q.channels()).append(" channel(s), ").append(q.filters())
                .append(" filter(s)</figcaption><table id=\"embed-benchmark\"><tr><th>engine</th><th>median ms</th><th>GFLOP/s</th>"
                        + "<th>max error</th></tr>");
        for (BenchmarkRunner.Row row : report.results()) {
            out.append("<tr><td>").append(Html.escape(row.backend())).append("</td><td>").append(cell(row.medianMillis()))
                    .append("</td><td>").append(cell(row.gflops())).append("</td><td>").append(cell(row.maxAbsError())).append("</td></tr>");
        }
        BenchmarkRunner.Machine m = report.machine();
        out.append("</table></figure></div><footer>").append(m.cores()).append(" cores · ").append(Html.escape(m.cpu())).append(" · ")
                .append(Html.escape(m.jvm())).append("</footer>");
    }

    private static String cell(Double v) {
        return v == null ? "–" : Numbers.formatShort(v);
    }

    /** The picture as saved and every band as a gray PNG, with the values black and white stand for. */
    private void imageBody(StringBuilder out, ImageExperiment r) {
        byte[] file = experiments.image(r.sha256());
        DecodedImage image = ImageDecoder.decode(file, r.fileName());
        Tensor bands = images.start(image.input(r.scale(), r.gray()), r.kernel(), r.spec()).result().join();
        out.append("<figure><figcaption>").append(Html.escape(r.fileName() + ", " + image.width() + " x " + image.height()))
                .append("</figcaption><img id=\"embed-image\" class=\"picture\" alt=\"input\" src=\"data:image/")
                .append(image.format()).append(";base64,").append(Base64.getEncoder().encodeToString(file)).append("\"></figure>");
        for (int f = 0; f < bands.channels(); f++) {
            BandPng.Rendered png = BandPng.render(bands, f);
            ImageExperiment.Filter filter = r.filters().get(f);
            String name = filter.preset() == null ? "" : " (" + filter.preset().id() + ")";
            out.append("<figure><figcaption>Band ").append(f + 1).append(Html.escape(name)).append(": ")
                    .append(Numbers.formatShort(png.black())).append(" black to ").append(Numbers.formatShort(png.white()))
                    .append(" white</figcaption><img class=\"band picture\" alt=\"band ").append(f + 1)
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.png())).append("\"></figure>");
        }
        out.append("</div><footer>").append(bands.channels()).append(" band(s) of ").append(bands.height()).append(" x ")
                .append(bands.width()).append(" · padding ").append(Html.escape(r.padding())).append(" · border ")
                .append(r.border().id()).append(" · stride ").append(r.stride()).append("</footer>");
    }

    private static void block(StringBuilder out, String caption, Tensor t) {
        out.append("<figure><figcaption>").append(Html.escape(caption)).append("</figcaption>");
        for (int c = 0; c < Math.min(SHOWN_CHANNELS, t.channels()); c++) {
            float[] values = new float[t.height() * t.width()];
            for (int y = 0; y < t.height(); y++) {
                for (int x = 0; x < t.width(); x++) {
                    values[y * t.width() + x] = t.get(c, y, x);
                }
            }
            ColourLevels colours = ColourLevels.of(values);
            out.append("<table>");
            for (int y = 0; y < t.height(); y++) {
                out.append("<tr>");
                for (int x = 0; x < t.width(); x++) {
                    float v = t.get(c, y, x);
                    out.append("<td class=\"").append(colours.cssClass(v)).append("\" title=\"").append(Numbers.format(v))
                            .append("\">").append(Numbers.formatShort(v)).append("</td>");
                }
                out.append("</tr>");
            }
            out.append("</table>");
            out.append("<div class=\"legend\">").append(Numbers.formatShort(colours.low()));
            for (int level = 0; level < ColourLevels.LEVELS; level += 3) {
                out.append("<span class=\"").append(colours.diverging() ? "d" : "v").append(level).append("\"></span>");
            }
            out.append(Numbers.formatShort(colours.high())).append("</div>");
        }
        out.append("</figure>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>" + Html.escape(title) + "</title><style>"
                + "body{font:14px system-ui,sans-serif;margin:8px;color:#1a2433}header{margin-bottom:8px}"
                + ".row{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{color:#5b6675;margin-bottom:4px}"
                + "table{border-collapse:collapse;margin-bottom:6px}td{border:1px solid #d5dae0;padding:1px 5px;"
                + "text-align:right;font:12px ui-monospace,monospace}footer{margin-top:8px;color:#5b6675}"
                + "img.picture{width:160px;image-rendering:pixelated;border:1px solid #d5dae0}"
                + ".legend{display:flex;align-items:center;gap:2px;font:11px ui-monospace,monospace;color:#5b6675}"
                + ".legend span{display:inline-block;width:10px;height:10px}td{white-space:nowrap}"
                + ColourLevels.css()
                + "</style></head><body>" + body + "</body></html>";
    }
}
