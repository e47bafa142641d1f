package org.convplay.image.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.convplay.ui.MatrixEditor;
import java.util.List;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Tensor;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.KernelPreset;
import org.convplay.image.PixelScale;
import org.convplay.image.SampleImage;
import org.convplay.image.SlidingWindowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The images page without a browser (Karibu-Testing); the convolution runs on the test's thread. */
class ImageViewTest {

    ImageView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        ConvolutionService convolutions = new ConvolutionService();
        view = new ImageView(new ImageConvolutionService(convolutions, Runnable::run), new SlidingWindowService(convolutions));
        UI.getCurrent().add(view);
        MockVaadin.clientRoundtrip();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    static FilterEditor filter(ImageView page, int number) {
        return get(page, FilterEditor.class, "filter-" + number);
    }

    List<BandView> bandViews() {
        return get(view, FlexLayout.class, "bands").getChildren().map(BandView.class::cast).toList();
    }

    @Test
    void theColourSampleIsShownWithItsChannelsAndThreeBands() {
        assertThat(text(view, "image-info")).isEqualTo("shapes-colour.png: 256 x 256 pixels, RGB, 8 bits per sample, PNG");
        assertThat(get(view, FlexLayout.class, "channels").getChildren().map(c -> c.getId().orElse(""))).containsExactly("channel-red", "channel-green", "channel-blue");
        assertThat(bandViews()).extracting(BandView::getLabel)
                .containsExactly("Band 1: Sobel x", "Band 2: Sobel y", "Band 3: Gaussian blur");
        assertThat(view.result().shape()).containsExactly(3, 256, 256);
        assertThat(text(view, "status")).startsWith("3 band(s) of 256 x 256 in");
        assertThat(bandViews().get(0).getElement().getAttribute("src")).isNotBlank();
        assertThat(shown(view, "progress")).isFalse();
    }

    @Test
    void theMeanTargetMakesAGaussianKeepTheBrightnessOfTheGrayLuma() {
        // band 3 as a Gaussian over every channel divided by 3: inside the flat red disc it is the mean of R, G, B
        select(view, "target-3").setValue(FilterEditor.MEAN);
        assertThat(filter(view, 3).weights()[1][1][1]).isCloseTo(4.0 / 16 / 3, within(1e-7));
        Tensor in = view.input();
        float mean = (in.get(0, 76, 76) + in.get(1, 76, 76) + in.get(2, 76, 76)) / 3;
        assertThat(view.result().get(2, 76, 76)).isCloseTo(mean, within(1e-5f));
        // Sobel x is 0 where the image is flat, and signed at the disc's left edge (dark to bright is positive)
        assertThat(view.result().get(0, 76, 76)).isCloseTo(0f, within(1e-5f));
        assertThat(view.result().get(0, 76, 28)).isNotZero();
    }

    @Test
    void choosingTheByteScaleMultipliesInputsAndBandsBy255() {
        float before = view.result().get(1, 40, 150);
        float pixel = view.input().get(1, 40, 160);
        select(view, "scale").setValue(PixelScale.BYTE);
        assertThat(view.input().get(1, 40, 160)).isCloseTo(pixel * 255, within(1e-3f));
        assertThat(view.result().get(1, 40, 150)).isCloseTo(before * 255, within(1e-2f));
        assertThat(get(view, Paragraph.class, "scale-note").getText()).startsWith("0..255: 8-bit samples as stored; 16-bit samples divided by 257");
    }

    @Test
    void convertingToGrayLeavesOneChannelAndOneKernelPerFilter() {
        checkbox(view, "gray").setValue(true);
        assertThat(view.input().channels()).isEqualTo(1);
        assertThat(_find(filter(view, 1), MatrixEditor.class)).hasSize(1);
        assertThat(view.result().shape()).containsExactly(3, 256, 256);
        assertThat(get(view, FlexLayout.class, "channels").getChildren().map(c -> c.getId().orElse(""))).containsExactly("channel-gray");
    }

    @Test
    void aPresetOnOneChannelLeavesTheOthersZero() {
        FilterEditor f = filter(view, 1);
        select(view, "preset-1").setValue(KernelPreset.IDENTITY);
        select(view, "target-1").setValue(1);
        assertThat(f.weights()[0][1][1]).isZero();
        assertThat(f.weights()[1][1][1]).isEqualTo(1);
        // the identity on green alone: band 1 is the green channel
        assertThat(view.result().get(0, 100, 200)).isEqualTo(view.input().get(1, 100, 200));
    }

    @Test
    void addingAndRemovingFiltersChangesTheNumberOfBands() {
        view.addFilter(KernelPreset.LAPLACIAN);
        assertThat(view.result().channels()).isEqualTo(4);
        assertThat(bandViews().get(3).getLabel()).isEqualTo("Band 4: Laplacian");
        get(view, Button.class, "remove-filter-1").click();
        assertThat(bandViews()).extracting(BandView::getLabel)
                .containsExactly("Band 1: Sobel y", "Band 2: Gaussian blur", "Band 3: Laplacian");
    }

    @Test
    void aRefusedUploadIsExplainedAndTheImageKept() {
        view.load("not an image".getBytes(), "notes.txt");
        assertThat(text(view, "image-error")).isEqualTo("notes.txt is not a PNG or JPEG image (its first bytes are no image signature)");
        assertThat(text(view, "image-info")).startsWith("shapes-colour.png");
    }

    @Test
    void theGraySampleReplacesTheImage() {
        view.load(SampleImage.GRAY.bytes(), SampleImage.GRAY.file());
        assertThat(text(view, "image-info")).isEqualTo("shapes-gray.png: 256 x 256 pixels, gray, 8 bits per sample, PNG");
        assertThat(_find(filter(view, 1), MatrixEditor.class)).hasSize(1);
        assertThat(view.result().channels()).isEqualTo(3);
        // and back to three channels: every filter gets three kernels again
        view.load(SampleImage.COLOUR.bytes(), SampleImage.COLOUR.file());
        assertThat(_find(filter(view, 3), MatrixEditor.class)).hasSize(3);
        assertThat(view.result().shape()).containsExactly(3, 256, 256);
        assertThat(select(view, "patch-channel").getListDataView().getItems()).containsExactly(0, 1, 2);
    }

    @Test
    void kernelsOfDifferentSizesAreRefusedByName() {
        matrix(view, "kernel-2-2").paste("[[1, 2], [3, 4]]");
        assertThat(text(view, "error")).isEqualTo(
                "filter 2, blue is 2x2 but filter 1's kernels are 3x3; all kernels of a layer have one size");
    }

    @Test
    void thePatchFollowsAClickAndShowsTheChosenFiltersKernel() {
        // a click on the red channel at row 80, column 30
        BandView red = get(view, BandView.class, "channel-red");
        ComponentUtil.fireEvent(red, new BandView.PickEvent(red, true, 80, 30));
        assertThat(integer(view, "patch-row").getValue()).isEqualTo(76);
        assertThat(integer(view, "patch-column").getValue()).isEqualTo(26);
        select(view, "patch-filter").setValue(0);
        select(view, "patch-channel").setValue(0);
        var plan = get(view, SlidingWindow.class, "window").plan();
        assertThat(plan.grid()[1][1]).isEqualTo(view.input().get(0, 76, 26), within(1e-6));
        // filter 1 is Sobel x on every channel: the red kernel is Sobel x itself
        assertThat(plan.kernel()[1][2]).isEqualTo(2);
    }

    @Test
    void aRunningConvolutionShowsProgressAndCanBeCancelled() {
        MockVaadin.tearDown();
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        List<Runnable> queued = new java.util.ArrayList<>();
        ConvolutionService convolutions = new ConvolutionService();
        view = new ImageView(new ImageConvolutionService(convolutions, queued::add), new SlidingWindowService(convolutions));
        UI.getCurrent().add(view);
        assertThat(shown(view, "progress")).isTrue();
        assertThat(shown(view, "cancel")).isTrue();
        assertThat(text(view, "status")).isEqualTo("Computing 3 band(s)…");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(BandsPanel.POLL_MILLIS);
        // half the stripes finish; the next poll shows it
        int half = queued.size() / 2;
        queued.subList(0, half).forEach(Runnable::run);
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(), new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));
        assertThat(get(view, ProgressBar.class, "progress").getValue()).isGreaterThan(0).isLessThan(1);
        get(view, Button.class, "cancel").click();
        MockVaadin.clientRoundtrip();
        assertThat(text(view, "status")).isEqualTo("Cancelled: the bands below are from the last finished run.");
        assertThat(shown(view, "progress")).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        assertThat(view.result()).isNull();
    }

    @Test
    void aSavedStateRestoresTheSameImageSettingsFiltersAndBandsInAFreshPage() {
        // an uploaded picture, read in gray on 0..255, valid padding with stride 2, an edited kernel, a filter removed
        view.load(org.convplay.image.TestImages.png(org.convplay.image.TestImages.image(40, 30, 3, 8)), "upload.png");
        checkbox(view, "gray").setValue(true);
        select(view, "scale").setValue(PixelScale.BYTE);
        select(view, "padding").setValue("valid");
        select(view, "border").setValue(org.convplay.engine.Border.REFLECT);
        integer(view, "stride").setValue(2);
        get(view, Button.class, "remove-filter-2").click();
        matrix(view, "kernel-2-0").paste("[[0, 1, 0], [1, -4, 1], [0, 1, 0.5]]");
        integer(view, "patch-row").setValue(5);
        integer(view, "patch-column").setValue(7);
        select(view, "patch-filter").setValue(1);
        Tensor saved = view.result();
        assertThat(saved.shape()).containsExactly(2, 14, 19);
        var body = view.toJson();

        ConvolutionService convolutions = new ConvolutionService();
        ImageView fresh = new ImageView(new ImageConvolutionService(convolutions, Runnable::run), new SlidingWindowService(convolutions));
        UI.getCurrent().add(fresh);
        fresh.load(body.get("request"), body.get("view"), view.imageBytes(), null);
        assertThat(text(fresh, "image-info")).startsWith("upload.png: 40 x 30 pixels, RGB");
        assertThat(checkbox(fresh, "gray").getValue()).isTrue();
        assertThat(select(fresh, "scale").getValue()).isEqualTo(PixelScale.BYTE);
        assertThat(integer(fresh, "stride").getValue()).isEqualTo(2);
        assertThat(_find(fresh, FilterEditor.class)).hasSize(2);
        assertThat(select(fresh, "preset-1").getValue()).isEqualTo(KernelPreset.SOBEL_X);
        assertThat(select(fresh, "preset-2").getValue()).isEqualTo(KernelPreset.GAUSSIAN);
        assertThat(filter(fresh, 2).weights()[0][2][2]).isEqualTo(0.5);
        assertThat(integer(fresh, "patch-column").getValue()).isEqualTo(7);
        assertThat(select(fresh, "patch-filter").getValue()).isEqualTo(1);
        assertThat(fresh.result().shape()).containsExactly(saved.shape());
        assertThat(fresh.result().data()).containsExactly(saved.data());
        assertThat(fresh.toJson()).isEqualTo(body);
        // the bundled sample is recognised by its bytes
        view.loadSample(SampleImage.GRAY);
        fresh.load(view.toJson().get("request"), null, SampleImage.GRAY.bytes(), null);
        assertThat(select(fresh, "sample").getValue()).isEqualTo(SampleImage.GRAY);
    }

    @Test
    void theBandsExportAsAScriptThatReadsThePictureOfferedBesideIt() {
        checkbox(view, "gray").setValue(true);
        select(view, "scale").setValue(PixelScale.BYTE);
        String numpy = view.exportCode(org.convplay.engine.export.Target.NUMPY);
        assertThat(numpy).contains("x = read_picture('shapes-colour.png', 255.0, True)")
                // three filters over one gray channel, Sobel x first
                .contains("w0 = np.array([[[[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]], ");
        assertThat(get(view, Anchor.class, "picture-download").getText()).isEqualTo("Download the picture (shapes-colour.png) to run the script beside it");
        assertThat(get(view, Anchor.class, "picture-download").getHref()).isNotBlank();
        matrix(view, "kernel-2-0").paste("[[1, 2], [3, 4]]");
        assertThat(view.exportCode(org.convplay.engine.export.Target.PYTORCH)).startsWith("# filter 2, gray is 2x2");
    }
}
