package org.convplay.image.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.convplay.image.BandJob;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.PixelScale;
import org.convplay.limits.RefusedException;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;

/**
 * The images page's output: the convolution running in the background with progress and a cancel button (the page
 * polls for it), then every band drawn. It fires a {@link FinishedEvent} when new bands are on show and a
 * {@link PointEvent} when a band is clicked.
 */
class BandsPanel extends VerticalLayout implements LocaleChangeObserver {

    /** How often the page asks for progress while a convolution runs, in milliseconds. */
    static final int POLL_MILLIS = 200;

    /**
     * Bands as the picture, how its pixels became numbers and the layer: the page keeps this rather than the input
     * (12 MB of float32 for a 1 MP colour picture) and the bands (4 MB each), and makes them again when asked.
     */
    record Recipe(DecodedImage image, PixelScale scale, boolean gray, Kernel kernel, ConvSpec spec) {
        ImageConvolutionService.Run run() {
            return new ImageConvolutionService.Run(image.input(scale, gray), kernel, spec);
        }
    }

    /** New bands are on show. */
    static class FinishedEvent extends ComponentEvent<BandsPanel> {
        FinishedEvent(BandsPanel source) {
            super(source, false);
        }
    }

    private final ImageConvolutionService images;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Button cancel = new Button();
    private final Span status = new Span();
    private final Span error = new Span();
    private final H3 title = new H3();
    private final FlexLayout bands = new FlexLayout();
    private BandJob job;
    /** What the running job convolves, and the names of its bands. */
    private Recipe running;
    private List<String> runningNames;
    /** What the bands on show were computed from. */
    private Recipe shown;
    private Registration poll;

    BandsPanel(ImageConvolutionService images) {
        this.images = images;
        setPadding(false);
        setWidthFull();
        progress.setId("progress");
        progress.setWidth("16em");
        cancel.setId("cancel");
        cancel.addClickListener(e -> cancel());
        status.setId("status");
        status.addClassName("result-shape");
        error.setId("error");
        error.addClassName("error-message");
        bands.setId("bands");
        ImageView.wrap(bands);
        HorizontalLayout runningRow = new HorizontalLayout(progress, cancel, status);
        runningRow.setAlignItems(Alignment.CENTER);
        add(runningRow, error, title, bands);
    }

    Registration addFinishedListener(ComponentEventListener<FinishedEvent> listener) {
        return addListener(FinishedEvent.class, listener);
    }

    Registration addPointListener(ComponentEventListener<PointEvent> listener) {
        return addListener(PointEvent.class, listener);
    }

    /** Starts the bands of {@code recipe}, named {@code names} (one per filter), replacing a run in progress. */
    void start(Recipe recipe, List<String> names) {
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        stop();
        BandJob started;
        try {
            ImageConvolutionService.Run run = recipe.run();
            started = images.start(run.input(), run.kernel(), run.spec());
        } catch (RefusedException e) {
            error.setText(getTranslation(e.messageKey(), e.retryAfterSeconds()));
            return;
        } catch (BadRequestException | IllegalArgumentException e) {
            error.setText(Messages.explain(e, getLocale()));
            return;
        }
        running = recipe;
        runningNames = List.copyOf(names);
        error.setText("");
        job = started;
        running(true);
        status.setText(getTranslation("image.progress", names.size()));
        if (started.result().isDone()) {
            finished(started);
        } else {
            started.result().whenComplete((t, e) -> ui.access(() -> finished(started)));
        }
    }

    /** Says what is wrong (the bands on show stay). */
    void showError(String message) {
        error.setText(message);
    }

    private void finished(BandJob done) {
        if (done != job || !done.result().isDone()) {
            return;
        }
        running(false);
        Tensor out;
        try {
            out = done.result().join();
        } catch (CancellationException e) {
            status.setText(getTranslation("image.cancelled"));
            return;
        } catch (CompletionException e) {
            error.setText(e.getCause() == null ? String.valueOf(e) : Messages.explain(e.getCause(), getLocale()));
            return;
        }
        shown = running;
        // the job holds the bands until it goes: the views take them from here
        job = null;
        showBands(out, runningNames);
        status.setText(getTranslation("image.done", out.channels(), out.height(), out.width(), Math.round(done.millis())));
        fireEvent(new FinishedEvent(this));
    }

    private void showBands(Tensor result, List<String> names) {
        bands.removeAll();
        Recipe recipe = shown;
        int stride = recipe.spec().strideY();
        for (int f = 0; f < result.channels(); f++) {
            String name = f < names.size() ? names.get(f) : "";
            BandView v = new BandView(getTranslation("image.band", f + 1, name), "band-" + (f + 1));
            v.setId("band-" + (f + 1));
            int band = f;
            v.show(result, f, () -> images.band(recipe.run(), band));
            v.offerText("band " + (f + 1) + " of " + result.channels() + " (" + name + "), input " + recipe.image().fileName());
            v.setPickable(true);
            v.addPickListener(e -> fireEvent(new PointEvent(this, e.row() * stride, e.column() * stride)));
            v.translate(this::getTranslation);
            bands.add(v);
        }
    }

    /** Every band of the last finished run, computed again (the page does not keep them); null before any. */
    Tensor result() {
        return shown == null ? null : images.all(shown.run());
    }

    /** What the bands on show were computed from; null before any. */
    Recipe shown() {
        return shown;
    }

    /** Polls while a run is going, so that progress and the result reach the browser without server push. */
    private void running(boolean on) {
        progress.setVisible(on);
        cancel.setVisible(on);
        progress.setValue(0);
        getUI().ifPresent(ui -> ui.setPollInterval(on ? POLL_MILLIS : -1));
    }

    private void cancel() {
        if (job != null && !job.result().isDone()) {
            job.cancel();
            finished(job);
        }
    }

    /** Cancels a run in progress without a word: a new one replaces it, or the page goes. */
    void stop() {
        if (job != null) {
            job.cancel();
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
        stop();
        event.getUI().setPollInterval(-1);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        cancel.setText(getTranslation("image.cancel"));
        title.setText(getTranslation("image.bands"));
    }
}
