package org.convplay.image.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.Map;
import org.convplay.shared.Numbers;
import org.convplay.image.WindowPlan;

/**
 * Server side of {@code <sliding-window>}: sends one {@link WindowPlan}; playing, stepping and hovering
 * then happen in the browser without round trips.
 */
@Tag("sliding-window")
@JsModule("./sliding-window.ts")
public class SlidingWindow extends Component {

    private WindowPlan plan;

    public void show(WindowPlan plan) {
        this.plan = plan;
        getElement().setPropertyJson("grid", numbers(plan.grid()));
        getElement().setPropertyJson("pads", ints(plan.pads()));
        getElement().setProperty("fill", plan.fill());
        getElement().setPropertyJson("kernel", numbers(plan.kernel()));
        getElement().setProperty("flipped", plan.flipped());
        getElement().setPropertyJson("stride", ints(plan.stride()));
        getElement().setPropertyJson("dilation", ints(plan.dilation()));
        JsonArray rows = Json.createArray();
        for (int y = 0; y < plan.output().length; y++) {
            JsonArray row = Json.createArray();
            for (int x = 0; x < plan.output()[y].length; x++) {
                row.set(x, Numbers.formatShort(plan.output()[y][x]));
            }
            rows.set(y, row);
        }
        getElement().setPropertyJson("output", rows);
    }

    /** Colours the cells by value (on by default). */
    public void setColoured(boolean coloured) {
        getElement().setProperty("coloured", coloured);
    }

    public WindowPlan plan() {
        return plan;
    }

    /** Button and caption texts in the page's language, by the element's label keys. */
    public void setLabels(Map<String, String> labels) {
        JsonObject o = Json.createObject();
        labels.forEach(o::put);
        getElement().setPropertyJson("labels", o);
    }

    /** Every label the element shows, from the translation keys {@code animation.<label>}. */
    public void translate(java.util.function.Function<String, String> translation) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (String key : LABELS) {
            labels.put(key, translation.apply("animation." + key));
        }
        setLabels(labels);
    }

    static final java.util.List<String> LABELS = java.util.List.of("play", "pause", "step", "reset", "speed", "input",
            "output", "padding", "flipped", "hint", "position", "legend");

    private static JsonArray numbers(double[][] m) {
        JsonArray rows = Json.createArray();
        for (int y = 0; y < m.length; y++) {
            JsonArray row = Json.createArray();
            for (int x = 0; x < m[y].length; x++) {
                row.set(x, m[y][x]);
            }
            rows.set(y, row);
        }
        return rows;
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = Json.createArray();
        for (int i = 0; i < v.length; i++) {
            a.set(i, v[i]);
        }
        return a;
    }
}
