package org.convplay.convolve.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionResult;
import org.convplay.convolve.ConvolutionService;
import org.convplay.convolve.NotebookExample;
import org.convplay.convolve.SingleConv;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.convplay.engine.export.CodeExport;
import org.convplay.engine.export.Target;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.SaveBar;
import org.convplay.limits.RefusedException;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;
import org.convplay.shared.NdArray;
import org.convplay.ui.CodeExportPanel;
import org.convplay.ui.ConvSpecFields;
import org.convplay.ui.ConvSpecFields.Axes;
import org.convplay.ui.MainLayout;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MatrixOptions;
import org.convplay.ui.Presentation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The playground: edit an input and a kernel, choose padding, border, flip, stride and dilation, and
 * see the result and the output-size formula with the actual numbers, recomputed on every edit.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.playground", order = 0)
@AnonymousAllowed
public class PlaygroundView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {


    private final ConvolutionService service;
    private final SaveBar saveBar;

    private final H2 heading = new H2();
    private final MatrixEditor input = new MatrixEditor("input");
    private final MatrixEditor kernel = new MatrixEditor("kernel");
    private final MatrixEditor result = new MatrixEditor("output");
    private final TextArea inputText = new TextArea();
    private final TextArea kernelText = new TextArea();
    private final H3 inputTitle = new H3();
    private final H3 kernelTitle = new H3();
    private final H3 resultTitle = new H3();

    private final ConvSpecFields settings = new ConvSpecFields(ConvSpecFields.paddings("valid", "same", "full", "half", "explicit")
            .withConvention().withBorder().withFlip().withStride(Axes.EACH).withDilation(Axes.EACH), "");
    private final Span conventionNote = new Span();
    private final CodeExportPanel export = new CodeExportPanel();

    private final Span shape = new Span();
    private final Div formula = new Div();
    private final Span error = new Span();
    private final Paragraph intro = new Paragraph();
    private final Button copyInput = new Button();
    private final Button copyKernel = new Button();
    private final Button copyResult = new Button();
    private final MatrixOptions options = new MatrixOptions();
    /** The spec and plan of the result shown, for the receptive field of the cell under the pointer. */
    private ConvSpec shownSpec;
    private ConvGeometry.Plan shownPlan;
    private int shownKernelHeight;
    private int shownKernelWidth;
    /** True while a saved state sets several controls, so that they recompute once, not once each. */
    private boolean loading;

    /** For tests and embedding: the page without saving. */
    public PlaygroundView(ConvolutionService service) {
        this(service, null);
    }

    @Autowired
    public PlaygroundView(ConvolutionService service, ExperimentService experiments) {
        this.service = service;
        intro.setId("intro");
        this.saveBar = experiments == null ? null : new SaveBar(experiments, "playground", this::toJson);
        setWidthFull();
        input.setId("input");
        kernel.setId("kernel");
        result.setId("result");
        result.setReadOnly(true);
        inputText.setId("input-text");
        kernelText.setId("kernel-text");
        error.setId("error");
        error.addClassName("error-message");
        shape.setId("shape");
        shape.addClassName("result-shape");
        formula.setId("formula");
        formula.addClassName("formula");

        conventionNote.setId("convention-note");
        conventionNote.addClassName("result-shape");
        settings.addChangeListener(e -> recompute());

        input.setValue(NotebookExample.INPUT);
        kernel.setValue(NotebookExample.KERNEL);
        for (MatrixEditor m : List.of(input, kernel)) {
            m.onChange(e -> recompute());
            m.onPasteError(this::showError);
        }
        inputText.addValueChangeListener(e -> { if (e.isFromClient()) { input.paste(e.getValue()); } });
        kernelText.addValueChangeListener(e -> { if (e.isFromClient()) { kernel.paste(e.getValue()); } });
        export.setSource(this::exportCode);
        copyInput.addClickListener(e -> copy(input));
        copyKernel.addClickListener(e -> copy(kernel));
        copyResult.addClickListener(e -> copy(result));
        for (Button b : List.of(copyInput, copyKernel, copyResult)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }

        for (TextArea t : List.of(inputText, kernelText)) {
            t.setWidth("22em");
            t.setMaxHeight("10em");
            t.getStyle().set("font-family", "ui-monospace, monospace");
        }

        options.control(input, kernel, result);
        options.onDigitsChange(this::recompute);
        result.onCellHover(this::showReceptiveField);
        FlexLayout controls = new FlexLayout(settings, options);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(Alignment.BASELINE);
        controls.getStyle().set("gap", "var(--lumo-space-m)");

        VerticalLayout inputColumn = column(inputTitle, input, inputText, copyInput);
        VerticalLayout kernelColumn = column(kernelTitle, kernel, kernelText, copyKernel);
        VerticalLayout resultColumn = column(resultTitle, result, shape, formula, copyResult);
        Div matrices = new Div(inputColumn, kernelColumn, resultColumn);
        matrices.addClassName("matrices");
        matrices.setId("matrices");

        controls.setWidthFull();
        add(heading, intro, controls, conventionNote, error, matrices);
        // saving comes after the matrices, so that on a laptop the result is in view without scrolling
        if (saveBar != null) {
            add(saveBar);
        }
        add(export);
        recompute();
    }

    private static VerticalLayout column(Component... children) {
        VerticalLayout v = new VerticalLayout(children);
        v.setPadding(false);
        v.setSpacing(false);
        v.setWidth(null);
        return v;
    }


    private String conventionNote(Convention c) {
        return getTranslation("convention." + c.id() + ".note");
    }

    /** The spec the controls describe; the convention decides where the odd row of same goes. */
    ConvSpec spec() {
        return settings.spec();
    }

    private Convention currentConvention() {
        return settings.convention();
    }

    private String exportCode(Target target) {
        Tensor in = NdArray.of(input.getValue()).toTensor("input");
        Kernel k = NdArray.of(kernel.getValue()).toKernel("kernel", null);
        return CodeExport.export(target, in, k, spec(), currentConvention());
    }

    /**
     * The page's state as an experiment body: {@code request} is a /api/pipeline body with one conv2d layer
     * (so the API can replay it), {@code view} what only the page needs.
     */
    public ObjectNode toJson() {
        return new SingleConv(input.getValue(), kernel.getValue(), currentConvention(), spec()).toExperimentBody("playground");
    }

    /** Restores a state written by {@link #toJson()}; {@code parent} is the experiment it came from, if any. */
    public void load(JsonNode request, Experiment parent) {
        SingleConv state = SingleConv.read(request);
        loading = true;
        try {
            input.setValue(state.input());
            kernel.setValue(state.kernel());
            settings.setConvention(state.convention());
            settings.setSpec(state.spec());
        } finally {
            loading = false;
        }
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        recompute();
    }

    /** Reads every control, runs the convolution and shows either the result or what was wrong. */
    void recompute() {
        if (loading) {
            return;
        }
        conventionNote.setText(conventionNote(currentConvention()));
        try {
            Tensor in = NdArray.of(input.getValue()).toTensor("input");
            Kernel k = NdArray.of(kernel.getValue()).toKernel("kernel", null);
            ConvSpec spec = spec();
            ConvolutionResult r = service.convolve(new ConvolutionRequest(in, k, spec, true, null));
            result.setDisplayValue(r.output().toArray(0), options.digits());
            shownSpec = spec;
            shownPlan = r.plan();
            shownKernelHeight = k.height();
            shownKernelWidth = k.width();
            input.setRegion(null);
            kernel.setRegion(null);
            result.setHighlight(null);
            inputText.setValue(input.toText());
            kernelText.setValue(kernel.toText());
            shape.setText(getTranslation("playground.shape", r.output().height(), r.output().width()));
            showFormula(in, k, spec, r.plan());
            error.setText("");
            result.setVisible(true);
            export.setSource(this::exportCode);
        } catch (RefusedException e) {
            showError(getTranslation(e.messageKey(), e.retryAfterSeconds()));
        } catch (BadRequestException | IllegalArgumentException e) {
            showError(Messages.explain(e, getLocale()));
        }
    }

    private void showError(String message) {
        error.setText(message);
        result.setVisible(false);
        shape.setText("");
        formula.removeAll();
    }


    private void showFormula(Tensor in, Kernel k, ConvSpec spec, ConvGeometry.Plan plan) {
        formula.removeAll();
        formula.add(new Div(getTranslation("playground.formula")));
        formula.add(line("H'", in.height(), k.height(), spec.strideY(), spec.dilationY(), plan.pads().top(), plan.pads().bottom(), plan.outHeight()));
        formula.add(line("W'", in.width(), k.width(), spec.strideX(), spec.dilationX(), plan.pads().left(), plan.pads().right(), plan.outWidth()));
    }

    /** out = floor((n + before + after - d*(k-1) - 1) / s) + 1, with the numbers written in. */
    static Div line(String name, int n, int k, int s, int d, int before, int after, int out) {
        String text = name + " = ⌊(" + n + " + " + before + " + " + after + " − " + d + "·(" + k + "−1) − 1) / " + s
                + "⌋ + 1 = " + out;
        return new Div(text);
    }

    private void copy(MatrixEditor m) {
        // the exact values, also for a result shown in fewer digits
        String text = m.toText();
        getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text));
    }

    /** Lights the input cells and the kernel weights that make output cell {row, column}. */
    void showReceptiveField(int[] cell) {
        if (shownPlan == null) {
            return;
        }
        result.setHighlight(cell);
        input.setRegion(receptiveField(cell[0], cell[1], shownSpec, shownPlan, shownKernelHeight, shownKernelWidth,
                input.getCells().length, input.getCells()[0].length));
        List<int[]> weights = new ArrayList<>();
        for (int i = 0; i < shownKernelHeight; i++) {
            for (int j = 0; j < shownKernelWidth; j++) {
                weights.add(new int[] {i, j});
            }
        }
        kernel.setRegion(weights);
    }

    /** The input cells under the kernel's taps for output cell (oy, ox); taps on padding are left out. */
    static List<int[]> receptiveField(int oy, int ox, ConvSpec spec, ConvGeometry.Plan plan, int kh, int kw, int h, int w) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < kh; i++) {
            int y = oy * spec.strideY() - plan.pads().top() + i * spec.dilationY();
            for (int j = 0; j < kw; j++) {
                int x = ox * spec.strideX() - plan.pads().left() + j * spec.dilationX();
                if (y >= 0 && y < h && x >= 0 && x < w) {
                    out.add(new int[] {y, x});
                }
            }
        }
        return out;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean present = Presentation.apply(event, this);
        intro.setVisible(!present);
        export.setVisible(!present);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("playground.title"));
        intro.setText(getTranslation("playground.intro"));
        inputTitle.setText(getTranslation("playground.input"));
        kernelTitle.setText(getTranslation("playground.kernel"));
        resultTitle.setText(getTranslation("playground.result"));
        inputText.setLabel(getTranslation("playground.asNumpy"));
        kernelText.setLabel(getTranslation("playground.asNumpy"));
        copyInput.setText(getTranslation("playground.copy"));
        copyKernel.setText(getTranslation("playground.copy"));
        copyResult.setText(getTranslation("playground.copy"));
        for (MatrixEditor m : List.of(input, kernel)) {
            m.setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                    getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        }
        recompute();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
