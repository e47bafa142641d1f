package org.convplay.image.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.image.ImageExperiment;
import org.convplay.image.KernelPreset;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Limits;
import org.convplay.ui.ConvSpecFields;
import org.convplay.ui.MessageEvent;
import org.convplay.ui.Quiet;

/**
 * The images page's layer: padding, border and stride, and the filters, each a kernel per input channel. It fires a
 * {@link ChangeEvent} when the bands would change and a {@link MessageEvent} when a filter cannot be added or removed.
 */
class FiltersPanel extends VerticalLayout implements LocaleChangeObserver {

    /** Something the bands depend on changed; {@code countChanged} when filters were added or removed. */
    static class ChangeEvent extends ComponentEvent<FiltersPanel> {
        private final boolean countChanged;

        ChangeEvent(FiltersPanel source, boolean countChanged) {
            super(source, false);
            this.countChanged = countChanged;
        }

        boolean countChanged() {
            return countChanged;
        }
    }

    private final H3 title = new H3();
    private final ConvSpecFields settings = new ConvSpecFields(ConvSpecFields.paddings("valid", "same").withBorder()
            .withStride(ConvSpecFields.Axes.ONE), "");
    private final Button addFilter = new Button();
    private final FlexLayout filters = new FlexLayout();
    private final List<FilterEditor> editors = new ArrayList<>();
    /** The input channels every filter has a kernel for. */
    private List<String> channels = List.of("red", "green", "blue");
    /** True while several editors change together: one event, after. */
    private final Quiet quiet = new Quiet();

    FiltersPanel(List<KernelPreset> first) {
        setPadding(false);
        setWidthFull();
        settings.setPadding("same");
        settings.addChangeListener(e -> changed(false));
        filters.setId("filters");
        ImageView.wrap(filters);
        addFilter.setId("add-filter");
        addFilter.addClickListener(e -> addFilter(KernelPreset.IDENTITY));
        FlexLayout row = ImageView.wrap(new FlexLayout(settings, addFilter));
        row.setAlignItems(Alignment.BASELINE);
        add(title, row, filters);
        quiet.run(() -> first.forEach(this::addFilter));
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** A filter was not added or removed; the message says why. */
    Registration addRefusedListener(ComponentEventListener<MessageEvent> listener) {
        return addListener(MessageEvent.class, listener);
    }

    private void changed(boolean countChanged) {
        if (!quiet.isOn()) {
            fireEvent(new ChangeEvent(this, countChanged));
        }
    }

    void addFilter(KernelPreset preset) {
        if (editors.size() >= Limits.MAX_IMAGE_FILTERS) {
            fireEvent(new MessageEvent(this, getTranslation("image.tooManyFilters", Limits.MAX_IMAGE_FILTERS)));
            return;
        }
        add(new ImageExperiment.Filter(preset, FilterEditor.EACH, null));
        changed(true);
    }

    /** An editor for {@code f}: its preset, and its target and weights when it has them. */
    private void add(ImageExperiment.Filter f) {
        FilterEditor e = new FilterEditor(editors.size() + 1, f.preset(), channels);
        if (f.kernels() != null) {
            e.target.setValue(f.target());
            for (int c = 0; c < e.kernels.size(); c++) {
                e.kernels.get(c).setValue(f.kernels()[c]);
            }
        }
        e.onChange(() -> changed(false));
        e.remove.addClickListener(ev -> removeFilter(e));
        editors.add(e);
        filters.add(e);
    }

    private void removeFilter(FilterEditor f) {
        if (editors.size() == 1) {
            fireEvent(new MessageEvent(this, getTranslation("image.lastFilter")));
            return;
        }
        // editors keep their numbers in ids and names, so the filters after it are made again in order
        List<ImageExperiment.Filter> kept = states();
        kept.remove(editors.indexOf(f));
        setStates(kept);
        changed(true);
    }

    /** Every filter's preset, target and weights as the editors hold them. */
    List<ImageExperiment.Filter> states() {
        List<ImageExperiment.Filter> states = new ArrayList<>();
        for (FilterEditor e : editors) {
            states.add(new ImageExperiment.Filter(e.preset.getValue(), e.target.getValue(), e.weights()));
        }
        return states;
    }

    /** Replaces every filter with these presets, targets and weights (one kernel per input channel); no event. */
    void setStates(List<ImageExperiment.Filter> wanted) {
        quiet.run(() -> {
            editors.clear();
            filters.removeAll();
            wanted.forEach(this::add);
        });
    }

    /** A new set of input channels: every filter gets a kernel for each, filled again from its preset; no event. */
    void setChannels(List<String> names) {
        channels = List.copyOf(names);
        quiet.run(() -> {
            for (FilterEditor f : editors) {
                if (!f.channels().equals(names)) {
                    f.setChannels(names);
                }
            }
        });
    }

    int count() {
        return editors.size();
    }

    /** Filter {@code f}'s kernel for input channel {@code c} (the last one where it has fewer). */
    double[][] weights(int f, int c) {
        double[][][] w = editors.get(f).weights();
        return w[Math.min(c, w.length - 1)];
    }

    /** What band {@code f} is called: its filter's preset. */
    String presetName(int f) {
        return f < editors.size() ? editors.get(f).presetName() : "";
    }

    ConvSpec spec() {
        return settings.spec();
    }

    /** Shows a saved spec; no event. */
    void setSpec(ConvSpec spec) {
        settings.setSpec(spec);
    }

    /** F x C x kh x kw from the editors; every kernel of a layer must have the same size. */
    Kernel kernel() {
        int f = editors.size();
        double[][][][] w = new double[f][][][];
        for (int i = 0; i < f; i++) {
            w[i] = editors.get(i).weights();
        }
        int kh = w[0][0].length;
        int kw = w[0][0][0].length;
        for (int i = 0; i < f; i++) {
            for (int c = 0; c < w[i].length; c++) {
                if (w[i][c].length != kh || w[i][c][0].length != kw) {
                    throw new BadRequestException("filter " + (i + 1) + ", " + editors.get(i).kernels.get(c).field()
                            .replaceFirst("^filter \\d+, ", "") + " is " + w[i][c].length + "x" + w[i][c][0].length
                            + " but filter 1's kernels are " + kh + "x" + kw + "; all kernels of a layer have one size");
                }
            }
        }
        return Kernel.of(w, null);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("image.filters"));
        addFilter.setText(getTranslation("image.addFilter"));
    }
}
