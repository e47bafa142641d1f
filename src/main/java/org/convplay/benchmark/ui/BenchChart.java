package org.convplay.benchmark.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;
import org.convplay.engine.benchmark.BenchmarkRunner;

/** Server side of {@code <bench-chart>}: the rows go to the browser as one property. */
@Tag("bench-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./bench-chart.ts")
class BenchChart extends Component {

    void setRows(List<BenchmarkRunner.Row> rows) {
        JsonArray a = Json.createArray();
        for (BenchmarkRunner.Row r : rows) {
            JsonObject o = Json.createObject();
            o.put("backend", r.backend());
            if (r.medianMillis() != null) {
                o.put("medianMillis", r.medianMillis());
            } else {
                o.put("medianMillis", Json.createNull());
            }
            if (r.gflops() != null) {
                o.put("gflops", r.gflops());
            } else {
                o.put("gflops", Json.createNull());
            }
            a.set(a.length(), o);
        }
        getElement().setPropertyJson("rows", a);
    }

    void setLabels(String millis, String gflops) {
        JsonObject o = Json.createObject();
        o.put("millis", millis);
        o.put("gflops", gflops);
        getElement().setPropertyJson("labels", o);
    }
}
