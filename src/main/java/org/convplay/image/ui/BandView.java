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
import java.util.function.Supplier;
import org.convplay.image.BandText;
import org.convplay.engine.Tensor;

/**
 * Server side of {@code <band-view>}: hands the browser one channel of a tensor as raw float32 through a
 * download URL (no JSON of a million numbers), and optionally a link to the same values as NumPy text.
 *
 * <p>The values are kept only until the browser has fetched them: 8 bands and 3 channels of a 1 MP picture would
 * otherwise hold 44 MB of float32 per open page. A second fetch (the element drawn again) or the NumPy text computes
 * them again with the function given to {@link #show}; leaving the page drops them too.
 */
@Tag("band-view")
@JsModule("./band-view.ts")
public class BandView extends Component {

    /** Channel {@link #channel} of this tensor until the browser has fetched it; null after. */
    private Tensor pending;
    private int channel;
    /** The same values again, as a 1 x H x W tensor; called off the UI thread, so it touches no component. */
    private Supplier<Tensor> again;

    public BandView(String label, String fileName) {
        getElement().setProperty("label", label);
        getElement().setProperty("fileName", fileName);
        // a page left with values the browser never fetched keeps nothing
        addDetachListener(e -> release());
    }

    /**
     * Shows channel {@code c} of {@code t}; {@code t} must not change until the browser has fetched it, and
     * {@code again} returns the same values (as channel 0) whenever they are needed after that.
     */
    public void show(Tensor t, int c, Supplier<Tensor> again) {
        synchronized (this) {
            this.pending = t;
            this.channel = c;
            this.again = again;
        }
        getElement().setProperty("columns", t.width());
        getElement().setProperty("rows", t.height());
        getElement().setAttribute("src", DownloadHandler.fromInputStream(e -> {
            byte[] bytes = float32ForBrowser();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "values.f32", "application/octet-stream", bytes.length);
        }));
    }

    /** What the browser fetches; the first time it also lets go of the values {@link #show} was given. */
    byte[] float32ForBrowser() {
        Tensor t;
        int c;
        synchronized (this) {
            t = pending;
            c = channel;
            pending = null;
        }
        return t == null ? BandText.float32(again.get(), 0) : BandText.float32(t, c);
    }

    /** The values as a 1 x H x W tensor: the ones given if the browser has not fetched them yet, else computed again. */
    public Tensor values() {
        Tensor t;
        int c;
        synchronized (this) {
            t = pending;
            c = channel;
        }
        return t == null ? again.get() : plane(t, c);
    }

    /** Drops the values not yet fetched; they are computed again if the browser asks later. */
    synchronized void release() {
        pending = null;
    }

    /** Channel {@code c} of {@code t} as a tensor of its own. */
    public static Tensor plane(Tensor t, int c) {
        int n = t.height() * t.width();
        float[] d = new float[n];
        System.arraycopy(t.data(), t.index(c, 0, 0), d, 0, n);
        return new Tensor(1, t.height(), t.width(), d);
    }

    /** Offers the values as NumPy text ({@code np.loadtxt}) headed by {@code title}. */
    public void offerText(String title) {
        getElement().setAttribute("textHref", DownloadHandler.fromInputStream(e -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BandText.write(values(), 0, title, out);
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

    /** Every label the element shows, in the page's language. */
    public void translate(java.util.function.Function<String, String> t) {
        setLabels(t.apply("image.row"), t.apply("image.column"), t.apply("image.png"), t.apply("image.text"),
                t.apply("image.loading"), t.apply("image.hint"), t.apply("image.band.failed"));
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
