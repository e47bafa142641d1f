package org.convplay.image.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.ArrayList;
import java.util.List;
import org.convplay.ui.MatrixEditor;
import org.convplay.image.KernelPreset;

/**
 * One filter of the images page: a kernel per input channel, filled from a preset and then editable cell by
 * cell. "Apply to" decides how a preset meets several channels: on every channel (the band adds them up), on every
 * channel divided by their number (the filter then sees the channels' mean, and keeps a blur's brightness), or on
 * one channel only.
 */
public class FilterEditor extends VerticalLayout implements LocaleChangeObserver {

    /** "Apply to" values below 0; 0, 1, 2 mean that channel only. */
    static final int MEAN = -2;
    static final int EACH = -1;

    private final int number;
    private final H4 title = new H4();
    final Select<KernelPreset> preset = new Select<>();
    final Select<Integer> target = new Select<>();
    final Button remove = new Button();
    private final FlexLayout editors = new FlexLayout();
    final List<MatrixEditor> kernels = new ArrayList<>();
    private final List<Span> kernelTitles = new ArrayList<>();
    private List<String> channels = List.of("gray");
    private Runnable onChange = () -> { };
    /** True while a preset fills the editors, so that the page recomputes once. */
    private boolean filling;

    public FilterEditor(int number, KernelPreset initial, List<String> channels) {
        this.number = number;
        setId("filter-" + number);
        addClassName("filter-editor");
        setPadding(false);
        setSpacing(false);
        setWidth(null);
        getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)");
        title.getStyle().set("margin", "0");
        preset.setId("preset-" + number);
        preset.setItems(KernelPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("image.preset." + p.id()));
        preset.setValue(initial);
        target.setId("target-" + number);
        target.setValue(EACH);
        target.setWidth("17em");
        remove.setId("remove-filter-" + number);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        preset.addValueChangeListener(e -> fill());
        target.addValueChangeListener(e -> fill());
        editors.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        editors.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout head = new HorizontalLayout(title, remove);
        head.setAlignItems(Alignment.BASELINE);
        HorizontalLayout choices = new HorizontalLayout(preset, target);
        add(head, choices, editors);
        setChannels(channels);
    }

    public int number() {
        return number;
    }

    public List<String> channels() {
        return channels;
    }

    /** Called after every change of a weight, the preset or the target. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** A new set of input channels: one editor each, filled again from the preset. */
    public void setChannels(List<String> names) {
        this.channels = List.copyOf(names);
        List<Integer> targets = new ArrayList<>();
        if (names.size() > 1) {
            targets.add(EACH);
            targets.add(MEAN);
        }
        for (int c = 0; c < names.size(); c++) {
            targets.add(c);
        }
        Integer kept = target.getValue();
        filling = true;
        target.setItems(targets);
        target.setItemLabelGenerator(this::targetLabel);
        target.setValue(kept != null && targets.contains(kept) ? kept : targets.contains(EACH) ? EACH : targets.get(0));
        target.setVisible(names.size() > 1);
        filling = false;
        editors.removeAll();
        kernels.clear();
        kernelTitles.clear();
        for (int c = 0; c < names.size(); c++) {
            MatrixEditor m = new MatrixEditor("filter " + number + ", " + names.get(c));
            m.setId("kernel-" + number + "-" + c);
            m.onChange(e -> changed());
            Span t = new Span(names.get(c));
            kernels.add(m);
            kernelTitles.add(t);
            Div box = new Div(t, m);
            editors.add(box);
        }
        labelEditors();
        fill();
    }

    private String targetLabel(Integer t) {
        if (t == MEAN) {
            return getTranslation("image.target.mean", channels.size());
        }
        if (t == EACH) {
            return getTranslation("image.target.each");
        }
        return getTranslation("image.target.channel", channelName(t));
    }

    private String channelName(int c) {
        return getTranslation("image.channel." + channels.get(c));
    }

    /** Writes the preset into the editors as "Apply to" says. */
    private void fill() {
        if (filling || preset.getValue() == null) {
            return;
        }
        double[][] w = preset.getValue().weights();
        int t = target.getValue() == null ? EACH : target.getValue();
        for (int c = 0; c < kernels.size(); c++) {
            double[][] k = new double[w.length][w[0].length];
            for (int y = 0; y < w.length; y++) {
                for (int x = 0; x < w[y].length; x++) {
                    k[y][x] = t == MEAN ? w[y][x] / kernels.size() : t == EACH || t == c ? w[y][x] : 0;
                }
            }
            kernels.get(c).setValue(k);
        }
        changed();
    }

    private void changed() {
        if (!filling) {
            onChange.run();
        }
    }

    /** The weights, one matrix per channel; throws a message naming the first cell that is not a number. */
    public double[][][] weights() {
        double[][][] w = new double[kernels.size()][][];
        for (int c = 0; c < w.length; c++) {
            w[c] = kernels.get(c).getValue();
        }
        return w;
    }

    /** What the band is called: the preset's name. */
    public String presetName() {
        return preset.getValue() == null ? "" : getTranslation("image.preset." + preset.getValue().id());
    }

    private void labelEditors() {
        for (int c = 0; c < kernelTitles.size(); c++) {
            kernelTitles.get(c).setText(channelName(c));
            kernels.get(c).setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                    getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("image.filter", number));
        preset.setLabel(getTranslation("image.preset"));
        target.setLabel(getTranslation("image.target"));
        remove.setText(getTranslation("image.removeFilter"));
        preset.setItemLabelGenerator(p -> getTranslation("image.preset." + p.id()));
        target.setItemLabelGenerator(this::targetLabel);
        labelEditors();
    }
}
