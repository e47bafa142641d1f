package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import java.util.List;
import org.convplay.convolve.SingleConv;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.SaveBar;
import org.convplay.image.SlidingWindowService;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;
import org.convplay.ui.ConvSpecFields.Axes;
import org.convplay.ui.ConvSpecFields;
import org.convplay.ui.MainLayout;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MatrixOptions;
import org.convplay.ui.Presentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notebook's first figure, animated: a small input and kernel, padding with its fill, stride,
 * dilation and flip, and the window sliding over the input while the output fills in.
 */
@Route(value = "animation", layout = MainLayout.class)
@Menu(title = "nav.animation", order = 0.5)
@AnonymousAllowed
public class AnimationView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {

    private final SlidingWindowService windows;
    private final SaveBar saveBar;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final H3 inputTitle = new H3();
    private final H3 kernelTitle = new H3();
    private final MatrixEditor input = new MatrixEditor("input");
    private final MatrixEditor kernel = new MatrixEditor("kernel");
    private final ConvSpecFields settings = new ConvSpecFields(ConvSpecFields.paddings("valid", "same", "full", "half")
            .withBorder().withFlip().withStride(Axes.ONE).withDilation(Axes.ONE), "");
    private final Span error = new Span();
    private final SlidingWindow window = new SlidingWindow();
    private final MatrixOptions options = new MatrixOptions();

    /** For tests: the page without saving. */
    public AnimationView(SlidingWindowService windows) {
        this(windows, null);
    }

    @Autowired
    public AnimationView(SlidingWindowService windows, ExperimentService experiments) {
        this.windows = windows;
        intro.setId("intro");
        this.saveBar = experiments == null ? null : new SaveBar(experiments, "animation", this::toJson);
        input.setId("input");
        kernel.setId("kernel");
        window.setId("window");
        error.setId("error");
        error.addClassName("error-message");
        input.setValue(org.convplay.convolve.NotebookExample.INPUT);
        kernel.setValue(org.convplay.convolve.NotebookExample.KERNEL);
        for (MatrixEditor m : List.of(input, kernel)) {
            m.onChange(e -> recompute());
            m.onPasteError(this::showError);
        }
        settings.addChangeListener(e -> recompute());

        options.control(input, kernel);
        options.onColoursChange(window::setColoured);
        FlexLayout controls = new FlexLayout(settings, options);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(Alignment.BASELINE);
        controls.getStyle().set("gap", "var(--lumo-space-m)");
        FlexLayout matrices = new FlexLayout(column(inputTitle, input), column(kernelTitle, kernel));
        matrices.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        matrices.getStyle().set("gap", "var(--lumo-space-l)");
        add(heading, intro);
        if (saveBar != null) {
            add(saveBar);
        }
        add(matrices, controls, error, window);
        recompute();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        intro.setVisible(!Presentation.apply(event, this));
    }

    /** The page's state as an experiment body: a /api/pipeline body with its one conv2d layer, as the playground saves. */
    ObjectNode toJson() {
        return new SingleConv(input.getValue(), kernel.getValue(), Convention.DEFAULT, spec()).toExperimentBody("animation");
    }

    /** Restores a state written by {@link #toJson()}; {@code parent} is the experiment it came from, if any. */
    public void load(JsonNode request, Experiment parent) {
        SingleConv state = SingleConv.read(request);
        input.setValue(state.input());
        kernel.setValue(state.kernel());
        // the page offers the named paddings only; explicit amounts (from the API) are shown as valid
        settings.setSpec(state.spec());
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        recompute();
    }

    private static VerticalLayout column(com.vaadin.flow.component.Component... children) {
        VerticalLayout v = new VerticalLayout(children);
        v.setPadding(false);
        v.setSpacing(false);
        v.setWidth(null);
        return v;
    }

    ConvSpec spec() {
        return settings.spec();
    }

    void recompute() {
        try {
            window.show(windows.plan(input.getValue(), kernel.getValue(), spec()));
            window.setVisible(true);
            error.setText("");
        } catch (BadRequestException | IllegalArgumentException e) {
            showError(Messages.explain(e, getLocale()));
        }
    }

    private void showError(String message) {
        error.setText(message);
        window.setVisible(false);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("animation.title"));
        intro.setText(getTranslation("animation.intro"));
        inputTitle.setText(getTranslation("playground.input"));
        kernelTitle.setText(getTranslation("playground.kernel"));
        input.setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        kernel.setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        window.translate(this::getTranslation);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.animation");
    }
}
