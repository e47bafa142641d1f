package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Tensor;
import org.convplay.image.SlidingWindowService;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Limits;
import org.convplay.shared.Messages;
import org.convplay.ui.Fields;

/**
 * The sliding window over a {@link #PATCH} x {@link #PATCH} piece of one input channel of the images page, with one
 * filter's kernel for it. It fires a {@link ChangeEvent} when the piece, the filter or the channel is changed.
 */
class PatchPanel extends VerticalLayout implements LocaleChangeObserver {

    /** Side of the patch the sliding window animates. */
    static final int PATCH = 8;

    /** Another piece, filter or channel was chosen. */
    static class ChangeEvent extends ComponentEvent<PatchPanel> {
        ChangeEvent(PatchPanel source) {
            super(source, false);
        }
    }

    private final SlidingWindowService windows;
    private final H3 title = new H3();
    private final Paragraph intro = new Paragraph();
    private final IntegerField row = Fields.integer(0, 0, Limits.MAX_INPUT_VALUES);
    private final IntegerField column = Fields.integer(0, 0, Limits.MAX_INPUT_VALUES);
    private final Select<Integer> filter = new Select<>();
    private final Select<Integer> channel = new Select<>();
    private final Span error = new Span();
    private final SlidingWindow window = new SlidingWindow();
    /** The names of the input channels, for the channel list's labels. */
    private List<String> channels = List.of();

    PatchPanel(SlidingWindowService windows) {
        this.windows = windows;
        setPadding(false);
        setWidthFull();
        row.setId("patch-row");
        column.setId("patch-column");
        filter.setId("patch-filter");
        channel.setId("patch-channel");
        for (var f : List.of(row, column)) {
            f.addValueChangeListener(e -> fireEvent(new ChangeEvent(this)));
        }
        filter.addValueChangeListener(e -> fireEvent(new ChangeEvent(this)));
        channel.addValueChangeListener(e -> fireEvent(new ChangeEvent(this)));
        error.setId("patch-error");
        error.addClassName("error-message");
        window.setId("window");
        add(title, intro, ImageView.wrap(new FlexLayout(row, column, filter, channel)), error, window);
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Centres the patch on a point of the picture (as far as the picture's edges let it). */
    void centreOn(int y, int x) {
        setCorner(Math.max(0, y - PATCH / 2), Math.max(0, x - PATCH / 2));
    }

    void setCorner(int top, int left) {
        row.setValue(top);
        column.setValue(left);
    }

    /** The filters to choose from, numbered from 1; the chosen one stays while there is one. */
    void setFilterCount(int n) {
        Integer kept = filter.getValue();
        filter.setItems(indices(n));
        filter.setItemLabelGenerator(f -> getTranslation("image.filter", f + 1));
        filter.setValue(kept != null && kept < n ? kept : 0);
    }

    /** The input channels to choose from; the chosen one stays while there is one. */
    void setChannels(List<String> names) {
        channels = List.copyOf(names);
        // Select renders its old items with a new generator and new items with the old one: both must cope
        channel.setItemLabelGenerator(c -> c < channels.size() ? getTranslation("image.channel." + channels.get(c)) : "");
        Integer kept = channel.getValue();
        channel.setItems(indices(names.size()));
        channel.setValue(kept != null && kept < names.size() ? kept : 0);
    }

    private static List<Integer> indices(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    /**
     * Animates the chosen piece of {@code input} with {@code kernel.apply(filter, channel)} under {@code spec}; a
     * filter or channel past the last shows the last, and what is wrong with the spec is said here.
     */
    void show(Tensor input, int filters, BiFunction<Integer, Integer, double[][]> kernel, Supplier<ConvSpec> spec) {
        try {
            int c = channel.getValue() == null ? 0 : Math.min(channel.getValue(), input.channels() - 1);
            int f = filter.getValue() == null ? 0 : Math.min(filter.getValue(), filters - 1);
            int top = clamp(row.getValue(), input.height() - PATCH);
            int left = clamp(column.getValue(), input.width() - PATCH);
            int h = Math.min(PATCH, input.height());
            int w = Math.min(PATCH, input.width());
            double[][] patch = new double[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    patch[y][x] = input.get(c, top + y, left + x);
                }
            }
            window.show(windows.plan(patch, kernel.apply(f, c), spec.get()));
            window.setVisible(true);
            error.setText("");
        } catch (BadRequestException | IllegalArgumentException e) {
            error.setText(Messages.explain(e, getLocale()));
            window.setVisible(false);
        }
    }

    private static int clamp(Integer v, int max) {
        return Math.max(0, Math.min(v == null ? 0 : v, Math.max(0, max)));
    }

    /** The patch as a saved experiment's view keeps it. */
    void writeJson(ObjectNode patch) {
        patch.put("row", clamp(row.getValue(), Integer.MAX_VALUE))
                .put("column", clamp(column.getValue(), Integer.MAX_VALUE))
                .put("filter", filter.getValue() == null ? 0 : filter.getValue())
                .put("channel", channel.getValue() == null ? 0 : channel.getValue());
    }

    /** Restores what {@link #writeJson} wrote, within the filters and channels there are. */
    void readJson(JsonNode patch, int filters, int inputChannels) {
        setCorner(patch.path("row").asInt(0), patch.path("column").asInt(0));
        filter.setValue(Math.min(patch.path("filter").asInt(0), filters - 1));
        channel.setValue(Math.min(patch.path("channel").asInt(0), inputChannels - 1));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("image.patch"));
        intro.setText(getTranslation("image.patchIntro", PATCH));
        row.setLabel(getTranslation("image.patchRow"));
        column.setLabel(getTranslation("image.patchColumn"));
        filter.setLabel(getTranslation("image.patchFilter"));
        channel.setLabel(getTranslation("image.patchChannel"));
        window.translate(this::getTranslation);
    }
}
