package org.convplay.image.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.convplay.image.BandText;
import org.convplay.engine.Tensor;

/**
 * Server side of {@code <band-view>}: hands the browser one channel of a tensor as raw float32 through a
 * download URL (no JSON of a million numbers), and optionally a link to the same values as NumPy text.
 */
@Tag("band-view")
@JsModule("./band-view.ts")
public class BandView extends Component {

    private Tensor tensor;
    private int channel;

    public BandView(String label, String fileName) {
        getElement().setProperty("label", label);
        getElement().setProperty("fileName", fileName);
    }

    /** Shows channel {@code c} of {@code t}; the tensor must not change afterwards (the browser fetches it later). */
    public void show(Tensor t, int c) {
        this.tensor = t;
        this.channel = c;
        byte[] bytes = BandText.float32(t, c);
        getElement().setProperty("columns", t.width());
        getElement().setProperty("rows", t.height());
        getElement().setAttribute("src", DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "values.f32", "application/octet-stream", bytes.length)));
    }

    /** Offers the values as NumPy text ({@code np.loadtxt}) headed by {@code title}. */
    public void offerText(String title) {
        Tensor t = tensor;
        int c = channel;
        getElement().setAttribute("textHref", DownloadHandler.fromInputStream(e -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BandText.write(t, c, title, out);
            byte[] text = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(text), getElement().getProperty("fileName") + ".txt",
                    "text/plain; charset=utf-8", text.length);
        }));
    }

    /** 'auto' (viridis, or diverging for signed values), or 'gray', 'red', 'green', 'blue' over a fixed range. */
    public void setColormap(String colormap, double low, double high) {
        getElement().setProperty("colormap", colormap);
        JsonArray range = Json.createArray();
        range.set(0, low);
        range.set(1, high);
        getElement().setPropertyJson("range", range);
    }

    public void setLabel(String label) {
        getElement().setProperty("label", label);
    }

    public String getLabel() {
        return getElement().getProperty("label");
    }

    public Tensor tensor() {
        return tensor;
    }

    public int channel() {
        return channel;
    }

    public void setSize(int pixels) {
        getElement().setProperty("size", pixels);
    }

    public void setPickable(boolean pickable) {
        getElement().setProperty("pickable", pickable);
    }

    public void setLabels(String row, String column, String png, String text, String loading, String hint, String failed) {
        JsonObject o = Json.createObject();
        o.put("row", row);
        o.put("column", column);
        o.put("png", png);
        o.put("text", text);
        o.put("loading", loading);
        o.put("hint", hint);
        o.put("failed", failed);
        getElement().setPropertyJson("labels", o);
    }

    /** A click on the picture: the cell under the pointer. */
    @DomEvent("pick")
    public static class PickEvent extends ComponentEvent<BandView> {
        private final int row;
        private final int column;

        public PickEvent(BandView source, boolean fromClient,
                         @EventData("event.detail.row") int row, @EventData("event.detail.column") int column) {
            super(source, fromClient);
            this.row = row;
            this.column = column;
        }

        public int row() {
            return row;
        }

        public int column() {
            return column;
        }
    }

    public Registration addPickListener(ComponentEventListener<PickEvent> listener) {
        return addListener(PickEvent.class, listener);
    }
}
