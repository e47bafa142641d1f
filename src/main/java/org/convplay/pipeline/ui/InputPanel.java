package org.convplay.pipeline.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;
import org.convplay.shared.NdArray;
import org.convplay.shared.NdArrayParser;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MessageEvent;

/**
 * The pipeline page's input, C x H x W: one channel at a time in the matrix editor, all of them as text in either
 * layout. It fires a {@link ChangeEvent} when the input changes and an {@link MessageEvent} for text it cannot read.
 */
class InputPanel extends VerticalLayout implements LocaleChangeObserver {

    /** Channels the page edits at most (an RGB image has 3). */
    static final int MAX_CHANNELS = 16;
    /** Rows and columns of a channel the page edits at most. */
    static final int MAX_SIDE = 64;

    /** The input changed. */
    static class ChangeEvent extends ComponentEvent<InputPanel> {
        ChangeEvent(InputPanel source) {
            super(source, false);
        }
    }

    private final H3 title = new H3();
    private final MatrixEditor input = new MatrixEditor("input");
    private final Select<Integer> channel = new Select<>();
    private final Select<String> layout = new Select<>();
    private final TextArea text = new TextArea();
    /** The whole input, C x H x W; the matrix editor shows one channel of it. */
    private NdArray channels = NdArray.of(new double[][] {{0}});

    InputPanel() {
        setPadding(false);
        setWidthFull();
        input.setId("pipeline-input");
        input.onChange(e -> {
            storeChannel();
            fireEvent(new ChangeEvent(this));
        });
        input.onPasteError(message -> fireEvent(new MessageEvent(this, message)));
        channel.setId("pipeline-channel");
        channel.addValueChangeListener(e -> showChannel());
        layout.setId("pipeline-layout");
        layout.setItems("th", "tf");
        layout.setValue("th");
        layout.setItemLabelGenerator(l -> l.equals("th") ? "th: C x H x W" : "tf: H x W x C");
        layout.addValueChangeListener(e -> writeText());
        text.setId("pipeline-input-text");
        text.setWidth("28em");
        text.setMaxHeight("12em");
        text.getStyle().set("font-family", "ui-monospace, monospace");
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                readText(e.getValue());
            }
        });
        FlexLayout tools = new FlexLayout(channel, layout, text);
        tools.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tools.setAlignItems(Alignment.BASELINE);
        tools.getStyle().set("gap", "var(--lumo-space-s)");
        add(title, input, tools);
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Pasted or typed text was not an input; the message says why. */
    Registration addErrorListener(ComponentEventListener<MessageEvent> listener) {
        return addListener(MessageEvent.class, listener);
    }

    /** The editor, for the page's colour and digit switches. */
    MatrixEditor editor() {
        return input;
    }

    /** The input as the API takes it: H x W for one channel, else C x H x W. */
    NdArray value() {
        storeChannel();
        return channels.shape()[0] == 1 ? new NdArray(new int[] {channels.shape()[1], channels.shape()[2]}, channels.values()) : channels;
    }

    /** Shows an H x W or C x H x W input, its first channel in the editor; no event. */
    void setValue(NdArray a) {
        NdArray chw = a.rank() == 2 ? new NdArray(new int[] {1, a.shape()[0], a.shape()[1]}, a.values()) : a;
        if (chw.rank() != 3) {
            throw new BadRequestException("input must be H x W or 3-D (" + layout.getValue() + "), got " + a.rank() + " levels of lists",
                    "error.input.rank", layout.getValue(), a.rank());
        }
        if (chw.shape()[0] > MAX_CHANNELS || chw.shape()[1] > MAX_SIDE || chw.shape()[2] > MAX_SIDE) {
            throw new BadRequestException("input is " + Arrays.toString(chw.shape()) + "; the page edits at most "
                    + MAX_CHANNELS + " channels of " + MAX_SIDE + " x " + MAX_SIDE,
                    "error.input.tooLarge", Arrays.toString(chw.shape()), MAX_CHANNELS, MAX_SIDE);
        }
        channels = chw;
        List<Integer> items = new ArrayList<>();
        for (int c = 0; c < chw.shape()[0]; c++) {
            items.add(c);
        }
        channel.setItems(items);
        channel.setValue(0);
        channel.setVisible(items.size() > 1);
        showChannel();
    }

    private void showChannel() {
        Integer c = channel.getValue();
        if (c == null) {
            return;
        }
        int h = channels.shape()[1];
        int w = channels.shape()[2];
        input.setValue(new NdArray(new int[] {h, w}, Arrays.copyOfRange(channels.values(), c * h * w, (c + 1) * h * w)).toMatrix());
        writeText();
    }

    /** Copies the edited channel back into the whole input; a resized channel resizes them all. */
    private void storeChannel() {
        double[][] m;
        try {
            m = input.getValue();
        } catch (BadRequestException e) {
            return;
        }
        int c = channel.getValue() == null ? 0 : channel.getValue();
        int n = channels.shape()[0];
        int h = m.length;
        int w = m[0].length;
        double[] v = new double[n * h * w];
        for (int ch = 0; ch < n; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inside = y < channels.shape()[1] && x < channels.shape()[2];
                    v[(ch * h + y) * w + x] = ch == c ? m[y][x]
                            : inside ? channels.values()[(ch * channels.shape()[1] + y) * channels.shape()[2] + x] : 0;
                }
            }
        }
        channels = new NdArray(new int[] {n, h, w}, v);
        writeText();
    }

    private void writeText() {
        NdArray shown = channels.shape()[0] == 1 ? new NdArray(new int[] {channels.shape()[1], channels.shape()[2]}, channels.values())
                : "tf".equals(layout.getValue()) ? channels.transpose(1, 2, 0) : channels;
        text.setValue(shown.toText());
    }

    private void readText(String typed) {
        try {
            NdArray a = NdArrayParser.parse(typed, "input", MAX_CHANNELS * MAX_SIDE * MAX_SIDE);
            setValue(a.rank() == 3 && "tf".equals(layout.getValue()) ? a.transpose(2, 0, 1) : a);
            fireEvent(new ChangeEvent(this));
        } catch (BadRequestException e) {
            fireEvent(new MessageEvent(this, Messages.explain(e, getLocale())));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("playground.input"));
        channel.setLabel(getTranslation("pipeline.channel"));
        layout.setLabel(getTranslation("pipeline.layout"));
        text.setLabel(getTranslation("pipeline.inputText"));
    }
}
