package org.convplay.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.experiment.ExperimentKind;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.ColourLevels;
import org.convplay.shared.Html;
import org.convplay.shared.Numbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The experiments whose request is a {@code /api/pipeline} body: the pipeline page's, and the playground's and the
 * sliding window's, which save their one convolution as a one-layer pipeline (their embeds also show the kernel).
 */
final class PipelineKind implements ExperimentKind {

    /** Channels drawn per tensor; an embed stays small. */
    static final int SHOWN_CHANNELS = 4;

    private final String id;
    private final boolean showsKernel;
    private final PipelineService pipelines;

    private PipelineKind(String id, boolean showsKernel, PipelineService pipelines) {
        this.id = id;
        this.showsKernel = showsKernel;
        this.pipelines = pipelines;
    }

    @Configuration
    static class Kinds {

        @Bean
        ExperimentKind pipelineKind(PipelineService pipelines) {
            return new PipelineKind("pipeline", false, pipelines);
        }

        @Bean
        ExperimentKind playgroundKind(PipelineService pipelines) {
            return new PipelineKind("playground", true, pipelines);
        }

        @Bean
        ExperimentKind animationKind(PipelineService pipelines) {
            return new PipelineKind("animation", true, pipelines);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String requestDescription() {
        return "a /api/pipeline body";
    }

    @Override
    public void check(JsonNode request, List<byte[]> images) {
        try {
            PipelineJson.read(request);
        } catch (BadRequestException e) {
            throw new BadRequestException("request: " + e.getMessage());
        }
    }

    /** The input, the kernel for a one-convolution page, and the output, each channel coloured by value. */
    @Override
    public Embed embed(JsonNode request) {
        PipelineJson.Request r = PipelineJson.read(request);
        Pipeline.Result result = pipelines.run(r.pipeline(), r.input(), null).result();
        StringBuilder body = new StringBuilder();
        block(body, "Input " + Arrays.toString(r.input().shape()), r.input());
        if (showsKernel && r.pipeline().layers().get(0) instanceof Conv2dLayer conv) {
            var k = conv.kernel();
            block(body, "Kernel", new Tensor(1, k.height(), k.width(), Arrays.copyOf(k.weights(), k.height() * k.width())));
        }
        block(body, "Output " + Arrays.toString(result.output().shape()), result.output());
        return new Embed(body.toString(), Html.escape(r.pipeline().convention().id()) + " · " + result.layers().size()
                + " layer(s) · " + r.pipeline().parameters() + " parameters");
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
}
