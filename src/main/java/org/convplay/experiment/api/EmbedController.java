package org.convplay.experiment.api;

import io.swagger.v3.oas.annotations.Operation;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentKind;
import org.convplay.experiment.ExperimentService;
import org.convplay.shared.ColourLevels;
import org.convplay.shared.Html;
import org.convplay.shared.NotFoundException;
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

    private final ExperimentService experiments;

    EmbedController(ExperimentService experiments) {
        this.experiments = experiments;
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
        ExperimentKind.Embed content = experiments.kind(e).embed(experiments.body(e).get("request"));
        String body = "<header><strong>" + Html.escape(e.getTitle()) + "</strong> <a id=\"open-in-playground\" target=\"_blank\" href=\""
                + Html.escape(link) + "\">Open in the playground</a></header><div class=\"row\">" + content.figures()
                + "</div><footer>" + content.footer() + "</footer>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(e.getTitle(), body));
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
