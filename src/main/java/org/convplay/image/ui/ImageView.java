package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.convplay.engine.export.CodeExport;
import org.convplay.engine.export.PictureInput;
import org.convplay.engine.export.Target;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.exercise.ui.TaskBar;
import org.convplay.exercise.ui.TaskBars;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.SaveBar;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.ImageExperiment;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;
import org.convplay.image.SlidingWindowService;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Hashes;
import org.convplay.shared.Messages;
import org.convplay.ui.CodeExportPanel;
import org.convplay.ui.MainLayout;
import org.convplay.ui.Quiet;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pictures as inputs: upload a PNG or JPEG or pick a sample, see its channels, choose how pixels become
 * numbers, run F filters (a kernel per input channel each) and see every output band as an image. The page composes
 * its panels (picture, filters, bands, patch) and wires their events; it keeps what they share: the saved state, the
 * exported script and the task bar.
 */
@Route(value = "images", layout = MainLayout.class)
@Menu(title = "nav.images", order = 3)
@AnonymousAllowed
public class ImageView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {

    static final List<KernelPreset> FIRST_FILTERS = List.of(KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y, KernelPreset.GAUSSIAN);

    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final PicturePanel picture = new PicturePanel();
    private final FiltersPanel filters = new FiltersPanel(FIRST_FILTERS);
    private final BandsPanel bands;
    private final PatchPanel patch;
    /** The bands as a script that reads the picture, which the link beside it downloads. */
    private final CodeExportPanel export = new CodeExportPanel();
    private final Anchor pictureLink = new Anchor();
    private final SaveBar saveBar;
    /** A practical's task bar, when the URL names one ({@code ?task=...}). */
    private final TaskBar taskBar;
    /** True while a saved state is shown, so that the bands are computed once, after. */
    private final Quiet quiet = new Quiet();

    /** For tests: the page without saving. */
    public ImageView(ImageConvolutionService images, SlidingWindowService windows) {
        this(images, windows, null, null);
    }

    @Autowired
    public ImageView(ImageConvolutionService images, SlidingWindowService windows, ExperimentService experiments, TaskBars tasks) {
        this.bands = new BandsPanel(images);
        this.patch = new PatchPanel(windows);
        this.saveBar = experiments == null ? null : new SaveBar(experiments, "images", this::toJson, () -> List.of(imageBytes()));
        this.taskBar = tasks == null ? null : tasks.forPage(new ImageTaskPage(this));
        setWidthFull();
        pictureLink.setId("picture-download");

        picture.addChangeListener(e -> pictureChanged(e.newPicture(), e.sample()));
        picture.addPointListener(e -> patch.centreOn(e.row(), e.column()));
        filters.addChangeListener(e -> {
            if (e.countChanged()) {
                patch.setFilterCount(filters.count());
            }
            recompute();
        });
        filters.addRefusedListener(e -> bands.showError(e.message()));
        bands.addFinishedListener(e -> {
            if (taskBar != null) {
                taskBar.seen();
            }
            export.setSource(this::exportCode);
            showPatch();
        });
        bands.addPointListener(e -> patch.centreOn(e.row(), e.column()));
        patch.addChangeListener(e -> showPatch());
        patch.setFilterCount(filters.count());

        add(heading, intro);
        if (taskBar != null) {
            add(taskBar);
        }
        if (saveBar != null) {
            add(saveBar);
        }
        add(picture, filters, bands, patch, export, pictureLink);
        picture.loadSample(SampleImage.COLOUR);
    }

    static FlexLayout wrap(FlexLayout f) {
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.getStyle().set("gap", "var(--lumo-space-m)");
        return f;
    }

    /** A new picture, or new numbers from it: kernels and patch for its channels, then the bands. */
    private void pictureChanged(boolean newPicture, SampleImage sample) {
        List<String> names = picture.inputChannels();
        filters.setChannels(names);
        patch.setChannels(names);
        if (newPicture) {
            offerPicture();
            DecodedImage image = picture.image();
            if (sample != null) {
                patch.setCorner(sample.patchCorner()[0], sample.patchCorner()[1]);
            } else {
                patch.centreOn(image.height() / 2, image.width() / 2);
            }
        }
        recompute();
    }

    /** Shows a bundled sample, as choosing it in the list does. */
    void loadSample(SampleImage s) {
        picture.loadSample(s);
    }

    /** Shows a file, as uploading it does; a refused file leaves the current image and says why. */
    void load(byte[] bytes, String fileName) {
        picture.load(bytes, fileName);
    }

    /** Adds a filter filled from {@code preset}, as "Add filter" and then choosing the preset do, in one step. */
    void addFilter(KernelPreset preset) {
        filters.addFilter(preset);
    }

    DecodedImage image() {
        return picture.image();
    }

    /** The file {@link #image()} was decoded from: what a saved experiment stores. */
    byte[] imageBytes() {
        return picture.bytes();
    }

    /**
     * The page's state as an experiment body: {@code request} is an {@link ImageExperiment} (the image by its
     * hash; SaveBar sends the file along), {@code view} the animated patch.
     */
    ObjectNode toJson() {
        ConvSpec spec = filters.spec();
        ImageExperiment r = new ImageExperiment(Hashes.sha256(picture.bytes()), picture.image().fileName(), picture.scale(),
                picture.gray(), spec.padding().id(), spec.border(), spec.strideY(), filters.states());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("request", r.toJson());
        ObjectNode view = body.putObject("view");
        view.put("page", "images");
        patch.writeJson(view.putObject("patch"));
        return body;
    }

    /** Restores a state written by {@link #toJson()} with its image file; {@code parent} is the experiment it came from. */
    public void load(JsonNode request, JsonNode view, byte[] bytes, Experiment parent) {
        ImageExperiment r = ImageExperiment.read(request);
        quiet.run(() -> {
            picture.restore(bytes, r.fileName(), r.scale(), r.gray());
            offerPicture();
            List<String> names = picture.inputChannels();
            filters.setChannels(names);
            filters.setSpec(ImageExperiment.spec(r.padding(), r.border(), r.stride()));
            filters.setStates(r.filters());
            patch.setChannels(names);
            patch.setFilterCount(filters.count());
        });
        JsonNode p = view == null ? null : view.get("patch");
        if (p != null) {
            patch.readJson(p, filters.count(), picture.inputChannels().size());
        }
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        recompute();
    }

    /** Starts the bands for the current image, filters and settings, replacing a run in progress. */
    void recompute() {
        if (quiet.isOn() || getUI().isEmpty() || picture.image() == null || filters.count() == 0) {
            // before the page is attached there is nobody to show bands to; attaching computes them
            return;
        }
        BandsPanel.Recipe recipe;
        try {
            Kernel k = filters.kernel();
            if (k.channelsPerGroup() != picture.inputChannels().size()) {
                // filters are being rebuilt for a new channel count; the last rebuild recomputes
                return;
            }
            recipe = new BandsPanel.Recipe(picture.image(), picture.scale(), picture.gray(), k, filters.spec());
        } catch (BadRequestException | IllegalArgumentException e) {
            bands.stop();
            bands.showError(Messages.explain(e, getLocale()));
            return;
        }
        bands.start(recipe, IntStream.range(0, filters.count()).mapToObj(filters::presetName).toList());
    }

    /** Every band of the last finished run, computed again (the page does not keep them); null before any. */
    Tensor result() {
        return bands.result();
    }

    /** What is convolved: the picture on the chosen scale, made when needed (see {@link BandsPanel.Recipe}). */
    Tensor input() {
        return picture.input();
    }

    /** The file as it was uploaded, for the exported script to read. */
    private void offerPicture() {
        byte[] file = picture.bytes();
        DecodedImage image = picture.image();
        String name = image.fileName();
        pictureLink.setHref(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(file), name,
                "image/" + image.format(), file.length)));
        pictureLink.setText(getTranslation("image.downloadPicture", name));
    }

    /** The layer over the picture as a tf.keras, PyTorch or NumPy script that opens the file with Pillow. */
    String exportCode(Target target) {
        try {
            Pipeline layer = new Pipeline(Convention.DEFAULT, List.of(new Conv2dLayer(filters.kernel(), filters.spec())));
            return CodeExport.export(target, layer, input(), new PictureInput(picture.image().fileName(), picture.scale().top(),
                    picture.gray()));
        } catch (BadRequestException e) {
            return "# " + e.getMessage();
        }
    }

    /** The sliding window over the chosen patch, with the chosen filter's kernel for the chosen channel. */
    private void showPatch() {
        Tensor in = input();
        if (quiet.isOn() || in == null || filters.count() == 0) {
            return;
        }
        patch.show(in, filters.count(), filters::weights, filters::spec);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (taskBar != null) {
            taskBar.open(event.getLocation().getQueryParameters());
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("image.title"));
        intro.setText(getTranslation("image.intro"));
        if (picture.image() != null) {
            pictureLink.setText(getTranslation("image.downloadPicture", picture.image().fileName()));
            // the bands' names are their presets', in the new language
            recompute();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.images");
    }
}
