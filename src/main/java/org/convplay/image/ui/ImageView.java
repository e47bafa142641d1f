package org.convplay.image.ui;

import org.convplay.shared.Hashes;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Limits;
import org.convplay.engine.Border;
import org.convplay.engine.Convention;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.convplay.engine.export.CodeExport;
import org.convplay.engine.export.PictureInput;
import org.convplay.engine.export.Target;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.image.BandJob;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageConvolutionService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.image.ImageStore;
import org.convplay.experiment.ui.SaveBar;
import org.convplay.exercise.ui.TaskBar;
import org.convplay.exercise.ui.TaskBars;
import org.convplay.image.ImageDecoder;
import org.convplay.image.ImageExperiment;
import org.convplay.image.ImageRejectedException;
import org.convplay.image.KernelPreset;
import org.convplay.image.PixelScale;
import org.convplay.image.SampleImage;
import org.convplay.limits.RefusedException;
import org.convplay.image.SlidingWindowService;
import org.convplay.ui.CodeExportPanel;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pictures as inputs: upload a PNG or JPEG or pick a sample, see its channels, choose how pixels become
 * numbers, run F filters (a kernel per input channel each) and see every output band as an image. The
 * convolution runs in the background with progress and a cancel button; the page polls for it.
 */
@Route(value = "images", layout = MainLayout.class)
@PageTitle("Images")
@Menu(title = "nav.images", order = 3)
@AnonymousAllowed
public class ImageView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver {

    /** Side of the patch the sliding window animates. */
    static final int PATCH = 8;
    /** How often the page asks for progress while a convolution runs, in milliseconds. */
    static final int POLL_MILLIS = 200;
    static final List<KernelPreset> FIRST_FILTERS = List.of(KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y, KernelPreset.GAUSSIAN);

    private final ImageConvolutionService images;
    private final SlidingWindowService windows;

    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    final Upload upload = new Upload();
    private final Span dropLabel = new Span();
    private final Button uploadButton = new Button();
    final Select<SampleImage> sample = new Select<>();
    final Span imageError = new Span();
    final Span imageInfo = new Span();
    final Select<PixelScale> scale = new Select<>();
    final Checkbox gray = new Checkbox();
    final Paragraph scaleNote = new Paragraph();
    private final H3 channelsTitle = new H3();
    final FlexLayout channels = new FlexLayout();

    private final H3 filtersTitle = new H3();
    final Select<String> padding = new Select<>();
    final Select<Border> border = new Select<>();
    final IntegerField stride = Fields.integer(1, 1, Limits.MAX_STEP);
    final FlexLayout filters = new FlexLayout();
    final Button addFilter = new Button();
    final List<FilterEditor> filterEditors = new ArrayList<>();

    final ProgressBar progress = new ProgressBar(0, 1);
    final Button cancel = new Button();
    final Span status = new Span();
    final Span error = new Span();
    private final H3 bandsTitle = new H3();
    final FlexLayout bands = new FlexLayout();

    private final H3 patchTitle = new H3();
    private final Paragraph patchIntro = new Paragraph();
    final IntegerField patchRow = Fields.integer(0, 0, Limits.MAX_INPUT_VALUES);
    final IntegerField patchColumn = Fields.integer(0, 0, Limits.MAX_INPUT_VALUES);
    final Select<Integer> patchFilter = new Select<>();
    final Select<Integer> patchChannel = new Select<>();
    final Span patchError = new Span();
    final SlidingWindow window = new SlidingWindow();
    /** The bands as a script that reads the picture, which the link beside it downloads. */
    final CodeExportPanel export = new CodeExportPanel();
    final Anchor pictureLink = new Anchor();

    private final SaveBar saveBar;
    /** A practical's task bar, when the URL names one ({@code ?task=...}). */
    final TaskBar taskBar;
    /** A file the upload's request has read, waiting for the UI's next round trip to show it. */
    private final AtomicReference<Uploaded> uploaded = new AtomicReference<>();

    private record Uploaded(byte[] bytes, String fileName) {
    }

    /**
     * Bands as the picture, how its pixels became numbers and the layer: the page keeps this rather than the input
     * (12 MB of float32 for a 1 MP colour picture) and the bands (4 MB each), and makes them again when asked.
     */
    record Recipe(DecodedImage image, PixelScale scale, boolean gray, Kernel kernel, ConvSpec spec) {
        ImageConvolutionService.Run run() {
            return new ImageConvolutionService.Run(image.input(scale, gray), kernel, spec);
        }
    }

    DecodedImage image;
    /** The file {@link #image} was decoded from: what a saved experiment stores. */
    byte[] imageBytes;
    BandJob job;
    /** What the running job convolves, and what the bands on show were computed from. */
    private Recipe running;
    Recipe shown;
    private Registration poll;
    /** True while several controls change together, so that the bands are computed once, after. */
    private boolean quiet;

    /** For tests: the page without saving. */
    public ImageView(ImageConvolutionService images, SlidingWindowService windows) {
        this(images, windows, null, null);
    }

    @Autowired
    public ImageView(ImageConvolutionService images, SlidingWindowService windows, ExperimentService experiments, TaskBars tasks) {
        this.images = images;
        this.windows = windows;
        this.saveBar = experiments == null ? null : new SaveBar(experiments, "images", this::toJson, () -> List.of(imageBytes));
        this.taskBar = tasks == null ? null : tasks.forPage(new ImageTaskPage(this));
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
        scale.addValueChangeListener(e -> showImage());
        gray.setId("gray");
        gray.addValueChangeListener(e -> showImage());
        scaleNote.setId("scale-note");
        scaleNote.addClassName("result-shape");
        channels.setId("channels");
        wrap(channels);

        padding.setId("padding");
        padding.setItems("valid", "same");
        padding.setValue("same");
        border.setId("border");
        border.setItems(Border.values());
        border.setItemLabelGenerator(Border::id);
        border.setValue(Border.ZERO);
        stride.setId("stride");
        padding.addValueChangeListener(e -> recompute());
        border.addValueChangeListener(e -> recompute());
        stride.addValueChangeListener(e -> recompute());
        filters.setId("filters");
        wrap(filters);
        addFilter.setId("add-filter");
        addFilter.addClickListener(e -> addFilter(KernelPreset.IDENTITY));

        progress.setId("progress");
        progress.setWidth("16em");
        cancel.setId("cancel");
        cancel.addClickListener(e -> cancel());
        status.setId("status");
        status.addClassName("result-shape");
        error.setId("error");
        error.addClassName("error-message");
        bands.setId("bands");
        wrap(bands);

        patchRow.setId("patch-row");
        patchColumn.setId("patch-column");
        for (IntegerField f : List.of(patchRow, patchColumn)) {
            f.addValueChangeListener(e -> showPatch());
        }
        patchFilter.setId("patch-filter");
        patchChannel.setId("patch-channel");
        patchFilter.addValueChangeListener(e -> showPatch());
        patchChannel.addValueChangeListener(e -> showPatch());
        patchError.setId("patch-error");
        patchError.addClassName("error-message");
        window.setId("window");
        pictureLink.setId("picture-download");

        HorizontalLayout source = new HorizontalLayout(upload, sample);
        source.setAlignItems(Alignment.CENTER);
        FlexLayout numbers = wrap(new FlexLayout(scale, gray));
        numbers.setAlignItems(Alignment.BASELINE);
        FlexLayout settings = wrap(new FlexLayout(padding, border, stride, addFilter));
        settings.setAlignItems(Alignment.BASELINE);
        HorizontalLayout running = new HorizontalLayout(progress, cancel, status);
        running.setAlignItems(Alignment.CENTER);
        FlexLayout patchControls = wrap(new FlexLayout(patchRow, patchColumn, patchFilter, patchChannel));
        add(heading, intro);
        if (taskBar != null) {
            add(taskBar);
        }
        if (saveBar != null) {
            add(saveBar);
        }
        add(source, imageError, imageInfo, numbers, scaleNote, channelsTitle, channels,
                filtersTitle, settings, filters, running, error, bandsTitle, bands,
                patchTitle, patchIntro, patchControls, patchError, window, export, pictureLink);

        for (KernelPreset p : FIRST_FILTERS) {
            addFilter(p);
        }
        sample.setValue(SampleImage.COLOUR);
        loadSample(SampleImage.COLOUR);
    }

    void loadSample(SampleImage s) {
        load(s.bytes(), s.file());
        patchRow.setValue(s.patchCorner()[0]);
        patchColumn.setValue(s.patchCorner()[1]);
    }

    private static FlexLayout wrap(FlexLayout f) {
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.getStyle().set("gap", "var(--lumo-space-m)");
        return f;
    }

    /** Decodes an uploaded or bundled file; a refused file leaves the current image and says why. */
    void load(byte[] bytes, String fileName) {
        try {
            image = ImageDecoder.decode(bytes, fileName);
            imageBytes = bytes;
            offerPicture();
            imageError.setText("");
            patchRow.setValue(Math.max(0, image.height() / 2 - PATCH / 2));
            patchColumn.setValue(Math.max(0, image.width() / 2 - PATCH / 2));
            showImage();
        } catch (ImageRejectedException e) {
            imageError.setText(e.getMessage());
        }
    }

    /** The channels on the chosen scale, the filters' editors for them, then the bands. */
    void showImage() {
        if (image == null) {
            return;
        }
        PixelScale s = currentScale();
        boolean toGray = gray.getValue();
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
        List<String> inputNames = image.inputChannels(toGray);
        boolean wasQuiet = quiet;
        quiet = true;
        try {
            for (FilterEditor f : filterEditors) {
                if (!f.channels().equals(inputNames)) {
                    f.setChannels(inputNames);
                }
            }
        } finally {
            quiet = wasQuiet;
        }
        // Select renders its old items with a new generator and new items with the old one: both must cope
        patchChannel.setItemLabelGenerator(c -> c < inputNames.size() ? getTranslation("image.channel." + inputNames.get(c)) : "");
        Integer keptChannel = patchChannel.getValue();
        patchChannel.setItems(indices(inputNames.size()));
        patchChannel.setValue(keptChannel != null && keptChannel < inputNames.size() ? keptChannel : 0);
        recompute();
    }

    /** Channel {@code c} of {@code t}; {@code again} makes {@code t} anew when the browser asks a second time. */
    private BandView channelView(Tensor t, int c, Supplier<Tensor> again, String name, PixelScale s) {
        String label = getTranslation("image.channel." + name) + (name.equals("alpha") ? " " + getTranslation("image.notConvolved") : "");
        BandView v = new BandView(label, "channel-" + name);
        v.setId("channel-" + name);
        v.show(t, c, () -> BandView.plane(again.get(), c));
        v.setColormap(name.equals("alpha") ? "gray" : name, 0, s.top());
        v.setPickable(true);
        v.addPickListener(e -> pickPatch(e.row(), e.column()));
        labelView(v);
        return v;
    }

    private String info() {
        return getTranslation("image.info", image.fileName(), image.width(), image.height(),
                getTranslation("image.layout." + image.layout().name().toLowerCase(java.util.Locale.ROOT)),
                image.bitDepth(), image.format().toUpperCase(java.util.Locale.ROOT));
    }

    private static List<Integer> indices(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    void addFilter(KernelPreset preset) {
        if (filterEditors.size() >= Limits.MAX_IMAGE_FILTERS) {
            error.setText(getTranslation("image.tooManyFilters", Limits.MAX_IMAGE_FILTERS));
            return;
        }
        List<String> names = image == null ? List.of("red", "green", "blue") : image.inputChannels(gray.getValue());
        FilterEditor f = new FilterEditor(filterEditors.size() + 1, preset, names);
        f.onChange(this::recompute);
        f.remove.addClickListener(e -> removeFilter(f));
        filterEditors.add(f);
        filters.add(f);
        renumberPatchFilters();
        recompute();
    }

    void removeFilter(FilterEditor f) {
        if (filterEditors.size() == 1) {
            error.setText(getTranslation("image.lastFilter"));
            return;
        }
        // editors keep their numbers in ids and names, so the filters after it are made again in order
        List<ImageExperiment.Filter> kept = filterStates();
        kept.remove(filterEditors.indexOf(f));
        setFilters(kept);
        recompute();
    }

    /** Every filter's preset, target and weights as the editors hold them. */
    private List<ImageExperiment.Filter> filterStates() {
        List<ImageExperiment.Filter> states = new ArrayList<>();
        for (FilterEditor e : filterEditors) {
            states.add(new ImageExperiment.Filter(e.preset.getValue(), e.target.getValue(), e.weights()));
        }
        return states;
    }

    private PixelScale currentScale() {
        return scale.getValue() == null ? PixelScale.UNIT : scale.getValue();
    }

    /** Replaces every filter editor with these presets, targets and weights (one kernel per input channel). */
    private void setFilters(List<ImageExperiment.Filter> wanted) {
        filterEditors.clear();
        filters.removeAll();
        List<String> names = image == null ? List.of("red", "green", "blue") : image.inputChannels(gray.getValue());
        for (int i = 0; i < wanted.size(); i++) {
            ImageExperiment.Filter w = wanted.get(i);
            FilterEditor e = new FilterEditor(i + 1, w.preset(), names);
            e.target.setValue(w.target());
            for (int c = 0; c < e.kernels.size(); c++) {
                e.kernels.get(c).setValue(w.kernels()[c]);
            }
            e.onChange(this::recompute);
            e.remove.addClickListener(ev -> removeFilter(e));
            filterEditors.add(e);
            filters.add(e);
        }
        renumberPatchFilters();
    }

    /**
     * The page's state as an experiment body: {@code request} is an {@link ImageExperiment} (the image by its
     * hash; SaveBar sends the file along), {@code view} the animated patch.
     */
    ObjectNode toJson() {
        ImageExperiment r = new ImageExperiment(Hashes.sha256(imageBytes), image.fileName(), currentScale(), gray.getValue(),
                padding.getValue() == null ? "same" : padding.getValue(), border.getValue() == null ? Border.ZERO : border.getValue(),
                Fields.value(stride, "stride"), filterStates());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("request", r.toJson());
        ObjectNode view = body.putObject("view");
        view.put("page", "images");
        view.putObject("patch").put("row", clamp(patchRow.getValue(), Integer.MAX_VALUE))
                .put("column", clamp(patchColumn.getValue(), Integer.MAX_VALUE))
                .put("filter", patchFilter.getValue() == null ? 0 : patchFilter.getValue())
                .put("channel", patchChannel.getValue() == null ? 0 : patchChannel.getValue());
        return body;
    }

    /** Restores a state written by {@link #toJson()} with its image file; {@code parent} is the experiment it came from. */
    public void load(JsonNode request, JsonNode view, byte[] bytes, Experiment parent) {
        ImageExperiment r = ImageExperiment.read(request);
        quiet = true;
        try {
            image = ImageDecoder.decode(bytes, r.fileName());
            imageBytes = bytes;
            offerPicture();
            sample.setValue(Arrays.stream(SampleImage.values()).filter(s -> Arrays.equals(s.bytes(), bytes)).findFirst().orElse(null));
            scale.setValue(r.scale());
            gray.setValue(r.gray());
            padding.setValue(r.padding());
            border.setValue(r.border());
            stride.setValue(r.stride());
            setFilters(r.filters());
            showImage();
        } finally {
            quiet = false;
        }
        JsonNode patch = view == null ? null : view.get("patch");
        if (patch != null) {
            patchRow.setValue(patch.path("row").asInt(0));
            patchColumn.setValue(patch.path("column").asInt(0));
            patchFilter.setValue(Math.min(patch.path("filter").asInt(0), filterEditors.size() - 1));
            patchChannel.setValue(Math.min(patch.path("channel").asInt(0), inputChannelCount() - 1));
        }
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        recompute();
    }

    private void renumberPatchFilters() {
        Integer kept = patchFilter.getValue();
        patchFilter.setItems(indices(filterEditors.size()));
        patchFilter.setItemLabelGenerator(f -> getTranslation("image.filter", f + 1));
        patchFilter.setValue(kept != null && kept < filterEditors.size() ? kept : 0);
    }

    ConvSpec spec() {
        return ImageExperiment.spec(padding.getValue() == null ? "same" : padding.getValue(),
                border.getValue() == null ? Border.ZERO : border.getValue(), Fields.value(stride, "stride"));
    }

    /** F x C x kh x kw from the editors; every kernel of a layer must have the same size. */
    Kernel kernel() {
        int f = filterEditors.size();
        double[][][][] w = new double[f][][][];
        for (int i = 0; i < f; i++) {
            w[i] = filterEditors.get(i).weights();
        }
        int kh = w[0][0].length;
        int kw = w[0][0][0].length;
        for (int i = 0; i < f; i++) {
            for (int c = 0; c < w[i].length; c++) {
                if (w[i][c].length != kh || w[i][c][0].length != kw) {
                    throw new BadRequestException("filter " + (i + 1) + ", " + filterEditors.get(i).kernels.get(c).field()
                            .replaceFirst("^filter \\d+, ", "") + " is " + w[i][c].length + "x" + w[i][c][0].length
                            + " but filter 1's kernels are " + kh + "x" + kw + "; all kernels of a layer have one size");
                }
            }
        }
        return Kernel.of(w, null);
    }

    /** Starts the bands for the current image, filters and settings, replacing a run in progress. */
    void recompute() {
        UI ui = getUI().orElse(null);
        if (quiet || ui == null || image == null || filterEditors.isEmpty()) {
            // before the page is attached there is nobody to show bands to; attaching computes them
            return;
        }
        cancelQuietly();
        BandJob started;
        try {
            Kernel k = kernel();
            if (k.channelsPerGroup() != inputChannelCount()) {
                // filters are being rebuilt for a new channel count; the last rebuild recomputes
                return;
            }
            Recipe recipe = new Recipe(image, currentScale(), gray.getValue(), k, spec());
            ImageConvolutionService.Run run = recipe.run();
            started = images.start(run.input(), run.kernel(), run.spec());
            running = recipe;
        } catch (RefusedException e) {
            error.setText(getTranslation(e.messageKey(), e.retryAfterSeconds()));
            return;
        } catch (BadRequestException | IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        error.setText("");
        job = started;
        running(true);
        status.setText(getTranslation("image.progress", filterEditors.size()));
        if (started.result().isDone()) {
            finished(started);
        } else {
            started.result().whenComplete((t, e) -> ui.access(() -> finished(started)));
        }
    }

    private void finished(BandJob done) {
        if (done != job || !done.result().isDone()) {
            return;
        }
        running(false);
        Tensor bandsOut;
        try {
            bandsOut = done.result().join();
        } catch (CancellationException e) {
            status.setText(getTranslation("image.cancelled"));
            return;
        } catch (CompletionException e) {
            error.setText(e.getCause() == null ? String.valueOf(e) : e.getCause().getMessage());
            return;
        }
        shown = running;
        // the job holds the bands until it goes: the views take them from here
        job = null;
        if (taskBar != null) {
            taskBar.seen();
        }
        showBands(bandsOut);
        export.setSource(this::exportCode);
        status.setText(getTranslation("image.done", bandsOut.channels(), bandsOut.height(), bandsOut.width(),
                Math.round(done.millis())));
        showPatch();
    }

    /** Every band of the last finished run, computed again (the page does not keep them); null before any. */
    Tensor result() {
        return shown == null ? null : images.all(shown.run());
    }

    /** What is convolved: the picture on the chosen scale, made when needed (see {@link Recipe}). */
    Tensor input() {
        return image == null ? null : image.input(currentScale(), gray.getValue());
    }

    private int inputChannelCount() {
        return image.inputChannels(gray.getValue()).size();
    }

    private void showBands(Tensor result) {
        bands.removeAll();
        Recipe recipe = shown;
        for (int f = 0; f < result.channels(); f++) {
            String name = filterEditors.size() > f ? filterEditors.get(f).presetName() : "";
            BandView v = new BandView(getTranslation("image.band", f + 1, name), "band-" + (f + 1));
            v.setId("band-" + (f + 1));
            int band = f;
            v.show(result, f, () -> images.band(recipe.run(), band));
            v.offerText("band " + (f + 1) + " of " + result.channels() + " (" + name + "), input " + image.fileName());
            v.setPickable(true);
            v.addPickListener(e -> pickPatch(e.row() * strideValue(), e.column() * strideValue()));
            labelView(v);
            bands.add(v);
        }
    }

    private int strideValue() {
        Integer s = stride.getValue();
        return s == null ? 1 : s;
    }

    private void labelView(BandView v) {
        v.setLabels(getTranslation("image.row"), getTranslation("image.column"), getTranslation("image.png"),
                getTranslation("image.text"), getTranslation("image.loading"), getTranslation("image.hint"),
                getTranslation("image.band.failed"));
    }

    /** The file as it was uploaded, for the exported script to read. */
    private void offerPicture() {
        byte[] file = imageBytes;
        String name = image.fileName();
        pictureLink.setHref(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(file), name,
                "image/" + image.format(), file.length)));
        pictureLink.setText(getTranslation("image.downloadPicture", name));
    }

    /** The layer over the picture as a tf.keras, PyTorch or NumPy script that opens the file with Pillow. */
    String exportCode(Target target) {
        try {
            Pipeline layer = new Pipeline(Convention.DEFAULT, List.of(new Conv2dLayer(kernel(), spec())));
            return CodeExport.export(target, layer, input(), new PictureInput(image.fileName(), currentScale().top(), gray.getValue()));
        } catch (BadRequestException e) {
            return "# " + e.getMessage();
        }
    }

    /** Polls while a run is going, so that progress and the result reach the browser without server push. */
    private void running(boolean on) {
        progress.setVisible(on);
        cancel.setVisible(on);
        progress.setValue(0);
        getUI().ifPresent(ui -> ui.setPollInterval(on ? POLL_MILLIS : -1));
    }

    void cancel() {
        if (job != null && !job.result().isDone()) {
            job.cancel();
            finished(job);
        }
    }

    private void cancelQuietly() {
        if (job != null) {
            job.cancel();
        }
    }

    void pickPatch(int row, int column) {
        patchRow.setValue(Math.max(0, row - PATCH / 2));
        patchColumn.setValue(Math.max(0, column - PATCH / 2));
    }

    /** The sliding window over a PATCH x PATCH piece of one input channel, with one filter's kernel for it. */
    void showPatch() {
        Tensor input = input();
        if (input == null || filterEditors.isEmpty()) {
            return;
        }
        try {
            int c = patchChannel.getValue() == null ? 0 : Math.min(patchChannel.getValue(), input.channels() - 1);
            int f = patchFilter.getValue() == null ? 0 : Math.min(patchFilter.getValue(), filterEditors.size() - 1);
            int top = clamp(patchRow.getValue(), input.height() - PATCH);
            int left = clamp(patchColumn.getValue(), input.width() - PATCH);
            int h = Math.min(PATCH, input.height());
            int w = Math.min(PATCH, input.width());
            double[][] patch = new double[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    patch[y][x] = input.get(c, top + y, left + x);
                }
            }
            double[][] k = filterEditors.get(f).weights()[Math.min(c, filterEditors.get(f).kernels.size() - 1)];
            window.show(windows.plan(patch, k, spec()));
            window.setVisible(true);
            patchError.setText("");
        } catch (BadRequestException | IllegalArgumentException e) {
            patchError.setText(e.getMessage());
            window.setVisible(false);
        }
    }

    private static int clamp(Integer v, int max) {
        return Math.max(0, Math.min(v == null ? 0 : v, Math.max(0, max)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (taskBar != null) {
            taskBar.open(event.getLocation().getQueryParameters());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        poll = event.getUI().addPollListener(e -> {
            if (job != null && !job.result().isDone()) {
                progress.setValue(job.progress());
            }
        });
        if (job != null && !job.result().isDone()) {
            event.getUI().setPollInterval(POLL_MILLIS);
            BandJob waiting = job;
            UI ui = event.getUI();
            waiting.result().whenComplete((t, e) -> ui.access(() -> finished(waiting)));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (poll != null) {
            poll.remove();
        }
        cancelQuietly();
        event.getUI().setPollInterval(-1);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("image.title"));
        intro.setText(getTranslation("image.intro"));
        dropLabel.setText(getTranslation("image.drop"));
        uploadButton.setText(getTranslation("image.upload"));
        sample.setLabel(getTranslation("image.sample"));
        sample.setItemLabelGenerator(s -> getTranslation("image.sample." + s.id()));
        scale.setLabel(getTranslation("image.scale"));
        gray.setLabel(getTranslation("image.gray"));
        channelsTitle.setText(getTranslation("image.channels"));
        filtersTitle.setText(getTranslation("image.filters"));
        padding.setLabel(getTranslation("playground.padding"));
        border.setLabel(getTranslation("playground.border"));
        stride.setLabel(getTranslation("animation.stride"));
        addFilter.setText(getTranslation("image.addFilter"));
        cancel.setText(getTranslation("image.cancel"));
        bandsTitle.setText(getTranslation("image.bands"));
        patchTitle.setText(getTranslation("image.patch"));
        patchIntro.setText(getTranslation("image.patchIntro", PATCH));
        patchRow.setLabel(getTranslation("image.patchRow"));
        patchColumn.setLabel(getTranslation("image.patchColumn"));
        patchFilter.setLabel(getTranslation("image.patchFilter"));
        patchChannel.setLabel(getTranslation("image.patchChannel"));
        window.translate(this::getTranslation);
        if (image != null) {
            pictureLink.setText(getTranslation("image.downloadPicture", image.fileName()));
            showImage();
        }
    }
}
