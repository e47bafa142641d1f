package org.convplay.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.experiment.ExperimentKind;
import org.convplay.shared.Html;
import org.convplay.shared.Numbers;
import org.springframework.stereotype.Component;

/** A benchmark run saved with the rows it measured: the permalink and the embed show them, nothing is timed again. */
@Component
class BenchmarkKind implements ExperimentKind {

    @Override
    public String id() {
        return "benchmark";
    }

    @Override
    public String requestDescription() {
        return "the benchmark page's state and the rows of its run";
    }

    @Override
    public void check(JsonNode request, List<byte[]> images) {
        BenchmarkExperiment.read(request);
    }

    /** The saved run's rows as measured and the machine they were measured on. */
    @Override
    public Embed embed(JsonNode request) {
        BenchmarkRunner.Report report = BenchmarkExperiment.read(request);
        BenchmarkRunner.Request q = report.request();
        StringBuilder out = new StringBuilder();
        out.append("<figure><figcaption>").append(q.size()).append(" x ").append(q.size()).append(", kernel ").append(q.kernel())
                .append(" x ").append(q.kernel()).append(", ").append(q.channels()).append(" channel(s), ").append(q.filters())
                .append(" filter(s)</figcaption><table id=\"embed-benchmark\"><tr><th>engine</th><th>median ms</th><th>GFLOP/s</th>"
                        + "<th>max error</th></tr>");
        for (BenchmarkRunner.Row row : report.results()) {
            out.append("<tr><td>").append(Html.escape(row.backend())).append("</td><td>").append(cell(row.medianMillis()))
                    .append("</td><td>").append(cell(row.gflops())).append("</td><td>").append(cell(row.maxAbsError())).append("</td></tr>");
        }
        out.append("</table></figure>");
        BenchmarkRunner.Machine m = report.machine();
        return new Embed(out.toString(), m.cores() + " cores · " + Html.escape(m.cpu()) + " · " + Html.escape(m.jvm()));
    }

    private static String cell(Double v) {
        return v == null ? "–" : Numbers.formatShort(v);
    }
}
