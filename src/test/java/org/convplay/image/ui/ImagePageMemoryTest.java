package org.convplay.image.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.internal.ComponentTracker;
import java.lang.reflect.Field;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.KernelPreset;
import org.convplay.image.SlidingWindowService;
import org.convplay.image.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an open images page costs the server with the heaviest content a class brings: a 1 MP colour picture and
 * 8 bands. Measured as the heap in use after full collections, with the pages open and without them, so that it
 * counts everything the page keeps (picture, file, bands, components), not what one class thinks it holds.
 */
class ImagePageMemoryTest {

    static final long LIMIT = 20L << 20;
    static final int SIDE = 1024;
    static final int BANDS = 8;
    static final KernelPreset[] MORE = {KernelPreset.BOX_BLUR, KernelPreset.SHARPEN, KernelPreset.LAPLACIAN,
        KernelPreset.EMBOSS, KernelPreset.OUTLINE};

    ImageConvolutionService images;
    SlidingWindowService windows;
    byte[] picture;
    Object tracking;

    @BeforeEach
    void setUp() throws Exception {
        // Karibu runs Vaadin in development mode, where every component keeps the stack of its creation for the
        // IDE (ComponentTracker: 7 MB for this page); a server in production mode keeps none, so neither does this
        tracking = componentTracking(Boolean.TRUE);
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        ConvolutionService convolutions = new ConvolutionService();
        images = new ImageConvolutionService(convolutions, Runnable::run);
        windows = new SlidingWindowService(convolutions);
        picture = TestImages.png(TestImages.image(SIDE, SIDE, 3, 8));
    }

    @AfterEach
    void tearDown() throws Exception {
        MockVaadin.tearDown();
        componentTracking(tracking);
    }

    /** Sets Vaadin's development-mode component tracking off (TRUE) or back; returns what it was. */
    private static Object componentTracking(Object disabled) throws ReflectiveOperationException {
        Field f = ComponentTracker.class.getDeclaredField("disabled");
        f.setAccessible(true);
        Object was = f.get(null);
        f.set(null, disabled);
        return was;
    }

    /** A page with the picture and 8 bands; {@code fetched}: the browser has fetched every band and channel. */
    private ImageView open(boolean fetched) {
        ImageView view = new ImageView(images, windows);
        UI.getCurrent().add(view);
        view.load(picture, "big.png");
        for (KernelPreset p : MORE) {
            view.addFilter(p);
            // as after each click in a browser: the changes go out, and what they held with them
            MockVaadin.clientRoundtrip();
        }
        assertThat(text(view, "status")).startsWith(BANDS + " band(s) of 1,024 x 1,024");
        if (fetched) {
            // what <band-view> does once it is in the page: GET its src
            views(view).forEach(BandView::float32ForBrowser);
        }
        return view;
    }

    private static List<BandView> views(ImageView view) {
        List<BandView> all = new ArrayList<>();
        get(view, FlexLayout.class, "channels").getChildren().map(BandView.class::cast).forEach(all::add);
        get(view, FlexLayout.class, "bands").getChildren().map(BandView.class::cast).forEach(all::add);
        return all;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void anImagesPageWithEightBandsOfAOneMegapixelPictureHoldsAtMost20MB() throws Exception {
        // a first page loads the classes and fills the caches every later page shares
        UI.getCurrent().remove(open(true));
        long before = usedAfterGc();
        List<ImageView> pages = List.of(open(true), open(true));
        long perPage = (usedAfterGc() - before) / pages.size();
        System.out.printf("images page, %d x %d RGB picture (PNG %d bytes), %d bands, fetched: %.1f MB per page%n",
                SIDE, SIDE, picture.length, BANDS, perPage / 1048576.0);
        assertThat(perPage).isLessThanOrEqualTo(LIMIT);
        assertThat(pages).allMatch(p -> _get(p, BandsPanel.class).shown() != null);
    }

    @Test
    void bandsTheBrowserNeverFetchedAreLetGoWhenThePageIsLeft() throws Exception {
        UI.getCurrent().remove(open(true));
        long before = usedAfterGc();
        ImageView page = open(false);
        long open = usedAfterGc() - before;
        UI.getCurrent().remove(page);
        long left = usedAfterGc() - before;
        System.out.printf("images page before the browser fetched: %.1f MB; after it was left: %.1f MB%n",
                open / 1048576.0, left / 1048576.0);
        // 8 bands and 3 channels of float32 wait for the browser (44 MB) ...
        assertThat(open).isGreaterThan(LIMIT);
        // ... and go with the page, even while something still refers to it
        assertThat(left).isLessThanOrEqualTo(LIMIT);
        assertThat(_get(page, BandsPanel.class).shown()).isNotNull();
    }
}
