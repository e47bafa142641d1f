package org.convplay.image.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.convplay.engine.Tensor;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageDecoder;
import org.convplay.image.ImageRejectedException;
import org.convplay.image.PixelScale;
import org.convplay.image.SampleImage;
import org.convplay.shared.Limits;
import org.convplay.shared.Messages;
import org.convplay.ui.Quiet;

/**
 * The images page's picture: upload or sample, how pixels become numbers (scale, gray) and the channels drawn. It
 * fires a {@link ChangeEvent} when the picture or its numbers change and a {@link PointEvent} when a channel is clicked.
 */
class PicturePanel extends VerticalLayout implements LocaleChangeObserver {

    /**
     * The picture or the way its pixels become numbers changed; {@code newPicture} when a file was loaded, {@code sample}
     * the bundled sample it was (null for an upload).
     */
    static class ChangeEvent extends ComponentEvent<PicturePanel> {
        private final boolean newPicture;
        private final SampleImage sample;

        ChangeEvent(PicturePanel source, boolean newPicture, SampleImage sample) {
            super(source, false);
            this.newPicture = newPicture;
            this.sample = sample;
        }

        boolean newPicture() {
            return newPicture;
        }

        SampleImage sample() {
            return sample;
        }
    }

    private final Upload upload = new Upload();
    private final Span dropLabel = new Span();
    private final Button uploadButton = new Button();
    private final Select<SampleImage> sample = new Select<>();
    private final Span imageError = new Span();
    private final Span imageInfo = new Span();
    private final Select<PixelScale> scale = new Select<>();
    private final Checkbox gray = new Checkbox();
    private final Paragraph scaleNote = new Paragraph();
    private final H3 channelsTitle = new H3();
    private final FlexLayout channels = new FlexLayout();
    /** A file the upload's request has read, waiting for the UI's next round trip to show it. */
    private final AtomicReference<Uploaded> uploaded = new AtomicReference<>();
    private DecodedImage image;
    /** The file {@link #image} was decoded from: what a saved experiment stores. */
    private byte[] bytes;
    /** True while a saved state sets scale and gray: the page recomputes once, after. */
    private final Quiet quiet = new Quiet();

    private record Uploaded(byte[] bytes, String fileName) {
    }

    PicturePanel() {
        setPadding(false);
        setWidthFull();
        upload.setId("upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize(Limits.MAX_IMAGE_BYTES);
        // one picture at a time: with several, whichever finished last would win, and a file input that takes
        // several files adds each new choice to the old one (seen in ImageIT: the previous file went up again with the
        // next and sometimes finished after it)
        upload.setMaxFiles(1);
        upload.setDropLabel(dropLabel);
        upload.setUploadButton(uploadButton);
        // The file is read in its own request and shown in the round trip that reports the upload's end.
        // UploadHandler.inMemory would show it from UI.access instead, and without server push those changes
        // wait for the browser's next request, which may never come (a flaky upload in ImageIT).
        upload.setUploadHandler(event -> {
            try (InputStream in = event.getInputStream()) {
                // one byte over the limit is enough for the decoder to refuse the file by its size
                uploaded.set(new Uploaded(in.readNBytes(Limits.MAX_IMAGE_BYTES + 1), event.getFileName()));
            }
        });
        upload.addAllFinishedListener(e -> {
            Uploaded file = uploaded.getAndSet(null);
            if (file != null) {
                load(file.bytes(), file.fileName());
            }
            // the page shows one image at a time; the list of uploaded files would only grow
            upload.clearFileList();
        });
        upload.addFileRejectedListener(e -> imageError.setText(e.getFileName() + ": " + e.getErrorMessage()));
        upload.addFailedListener(e -> imageError.setText(getTranslation("image.uploadFailed", e.getFileName(),
                e.getReason() == null ? "" : e.getReason().getMessage())));
        sample.setId("sample");
        sample.setItems(SampleImage.values());
        sample.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                loadSample(e.getValue());
            }
        });
        imageError.setId("image-error");
        imageError.addClassName("error-message");
        imageInfo.setId("image-info");
        imageInfo.addClassName("result-shape");
        scale.setId("scale");
        scale.setItems(PixelScale.values());
        scale.setItemLabelGenerator(PixelScale::label);
        scale.setValue(PixelScale.UNIT);
        scale.addValueChangeListener(e -> numbersChanged());
        gray.setId("gray");
        gray.addValueChangeListener(e -> numbersChanged());
        scaleNote.setId("scale-note");
        scaleNote.addClassName("result-shape");
        channels.setId("channels");
        ImageView.wrap(channels);

        HorizontalLayout source = new HorizontalLayout(upload, sample);
        source.setAlignItems(Alignment.CENTER);
        FlexLayout numbers = ImageView.wrap(new FlexLayout(scale, gray));
        numbers.setAlignItems(Alignment.BASELINE);
        add(source, imageError, imageInfo, numbers, scaleNote, channelsTitle, channels);
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    Registration addPointListener(ComponentEventListener<PointEvent> listener) {
        return addListener(PointEvent.class, listener);
    }

    /** A bundled sample, chosen in the list as well. */
    void loadSample(SampleImage s) {
        sample.setValue(s);
        load(s.bytes(), s.file(), s);
    }

    /** Decodes an uploaded file; a refused file leaves the current image and says why. */
    void load(byte[] file, String fileName) {
        load(file, fileName, null);
    }

    private void load(byte[] file, String fileName, SampleImage from) {
        try {
            image = ImageDecoder.decode(file, fileName);
            bytes = file;
            imageError.setText("");
            showChannels();
            fireEvent(new ChangeEvent(this, true, from));
        } catch (ImageRejectedException e) {
            imageError.setText(Messages.explain(e, getLocale()));
        }
    }

    /** A saved picture read as it was: no event, the page shows the rest of its state and computes once. */
    void restore(byte[] file, String fileName, PixelScale s, boolean toGray) {
        image = ImageDecoder.decode(file, fileName);
        bytes = file;
        quiet.run(() -> {
            sample.setValue(Arrays.stream(SampleImage.values()).filter(x -> Arrays.equals(x.bytes(), file)).findFirst().orElse(null));
            scale.setValue(s);
            gray.setValue(toGray);
        });
        showChannels();
    }

    private void numbersChanged() {
        if (image != null && !quiet.isOn()) {
            showChannels();
            fireEvent(new ChangeEvent(this, false, null));
        }
    }

    DecodedImage image() {
        return image;
    }

    byte[] bytes() {
        return bytes;
    }

    PixelScale scale() {
        return scale.getValue() == null ? PixelScale.UNIT : scale.getValue();
    }

    boolean gray() {
        return gray.getValue();
    }

    /** What is convolved: the picture on the chosen scale, made when needed; null before a picture. */
    Tensor input() {
        return image == null ? null : image.input(scale(), gray());
    }

    /** The names of the channels that are convolved; RGB before a picture. */
    List<String> inputChannels() {
        return image == null ? List.of("red", "green", "blue") : image.inputChannels(gray());
    }

    /** The channels on the chosen scale. */
    private void showChannels() {
        PixelScale s = scale();
        boolean toGray = gray();
        imageInfo.setText(info());
        scaleNote.setText(getTranslation(s == PixelScale.UNIT ? "image.scaleNote.unit" : "image.scaleNote.byte"));
        channels.removeAll();
        Tensor all = image.channels(s);
        List<String> names = new ArrayList<>(image.layout().channels());
        int visible = names.size();
        if (toGray && image.layout().colourChannels() == 3) {
            // the gray channel that is convolved, followed by alpha if the file has one
            all = input();
            names = new ArrayList<>(List.of("gray"));
            visible = 1;
        }
        DecodedImage picture = image;
        Supplier<Tensor> again = toGray && image.layout().colourChannels() == 3 ? () -> picture.input(s, true) : () -> picture.channels(s);
        for (int c = 0; c < visible; c++) {
            channels.add(channelView(all, c, again, names.get(c), s));
        }
        if (toGray && image.layout().hasAlpha()) {
            channels.add(channelView(image.channels(s), image.samples().channels() - 1, () -> picture.channels(s), "alpha", s));
        }
    }

    /** Channel {@code c} of {@code t}; {@code again} makes {@code t} anew when the browser asks a second time. */
    private BandView channelView(Tensor t, int c, Supplier<Tensor> again, String name, PixelScale s) {
        String label = getTranslation("image.channel." + name) + (name.equals("alpha") ? " " + getTranslation("image.notConvolved") : "");
        BandView v = new BandView(label, "channel-" + name);
        v.setId("channel-" + name);
        v.show(t, c, () -> BandView.plane(again.get(), c));
        v.setColormap(name.equals("alpha") ? "gray" : name, 0, s.top());
        v.setPickable(true);
        v.addPickListener(e -> fireEvent(new PointEvent(this, e.row(), e.column())));
        v.translate(this::getTranslation);
        return v;
    }

    private String info() {
        return getTranslation("image.info", image.fileName(), image.width(), image.height(),
                getTranslation("image.layout." + image.layout().name().toLowerCase(Locale.ROOT)),
                image.bitDepth(), image.format().toUpperCase(Locale.ROOT));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        dropLabel.setText(getTranslation("image.drop"));
        uploadButton.setText(getTranslation("image.upload"));
        sample.setLabel(getTranslation("image.sample"));
        sample.setItemLabelGenerator(s -> getTranslation("image.sample." + s.id()));
        scale.setLabel(getTranslation("image.scale"));
        gray.setLabel(getTranslation("image.gray"));
        channelsTitle.setText(getTranslation("image.channels"));
        if (image != null) {
            showChannels();
        }
    }
}
