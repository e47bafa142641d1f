package org.convplay.convolve.ui;

import org.convplay.ui.MatrixOptions;

import org.convplay.ui.MatrixEditor;

import org.convplay.ui.Fields;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.convplay.shared.BadRequestException;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionResult;
import org.convplay.convolve.ConvolutionService;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.limits.RefusedException;
import org.convplay.convolve.NotebookExample;
import org.convplay.convolve.SingleConv;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.export.CodeExport;
import org.convplay.engine.export.Target;
import org.convplay.ui.CodeExportPanel;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;
import org.convplay.ui.MainLayout;
import org.convplay.ui.Presentation;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.SaveBar;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The playground: edit an input and a kernel, choose padding, border, flip, stride and dilation, and
 * see the result and the output-size formula with the actual numbers, recomputed on every edit.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Convolution Playground")
@Menu(title = "nav.playground", order = 0)
@AnonymousAllowed
public class PlaygroundView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver {


    private final ConvolutionService service;
    private final SaveBar saveBar;

    private final H2 heading = new H2();
    final MatrixEditor input = new MatrixEditor("input");
    final MatrixEditor kernel = new MatrixEditor("kernel");
    final MatrixEditor result = new MatrixEditor("output");
    final TextArea inputText = new TextArea();
    final TextArea kernelText = new TextArea();
    private final H3 inputTitle = new H3();
    private final H3 kernelTitle = new H3();
    private final H3 resultTitle = new H3();

    final Select<Convention> convention = new Select<>();
    final Span conventionNote = new Span();
    final CodeExportPanel export = new CodeExportPanel();
    final Select<String> padding = new Select<>();
    final IntegerField padTop = Fields.integer(0, 0, Limits.MAX_PADDING);
    final IntegerField padBottom = Fields.integer(0, 0, Limits.MAX_PADDING);
    final IntegerField padLeft = Fields.integer(0, 0, Limits.MAX_PADDING);
    final IntegerField padRight = Fields.integer(0, 0, Limits.MAX_PADDING);
    final Select<Border> border = new Select<>();
    final Checkbox flip = new Checkbox();
    final IntegerField strideY = Fields.integer(1, 1, Limits.MAX_STEP);
    final IntegerField strideX = Fields.integer(1, 1, Limits.MAX_STEP);
    final IntegerField dilationY = Fields.integer(1, 1, Limits.MAX_STEP);
    final IntegerField dilationX = Fields.integer(1, 1, Limits.MAX_STEP);

    final Span shape = new Span();
    final Div formula = new Div();
    final Span error = new Span();
    private final Paragraph intro = new Paragraph();
    private final Button copyInput = new Button();
    private final Button copyKernel = new Button();
    private final Button copyResult = new Button();
    final MatrixOptions options = new MatrixOptions();
    /** The spec and plan of the result shown, for the receptive field of the cell under the pointer. */
    private ConvSpec shownSpec;
    private ConvGeometry.Plan shownPlan;
    private int shownKernelHeight;
    private int shownKernelWidth;
    /** True while a convention preset sets several controls, so that they recompute once, not once each. */
    private boolean applyingPreset;

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

        convention.setId("convention");
        convention.setItems(Convention.values());
        convention.setItemLabelGenerator(Convention::id);
        convention.setValue(Convention.DEFAULT);
        conventionNote.setId("convention-note");
        conventionNote.addClassName("result-shape");
        convention.addValueChangeListener(e -> applyPreset(e.getValue()));
        padding.setId("padding");
        padding.setItems(List.of("valid", "same", "full", "half", "explicit"));
        padding.setValue("valid");
        border.setId("border");
        border.setItems(Border.values());
        border.setItemLabelGenerator(Border::id);
        border.setValue(Border.ZERO);
        flip.setId("flip");
        strideY.setId("stride-y");
        strideX.setId("stride-x");
        dilationY.setId("dilation-y");
        dilationX.setId("dilation-x");

        input.setValue(NotebookExample.INPUT);
        kernel.setValue(NotebookExample.KERNEL);
        for (MatrixEditor m : List.of(input, kernel)) {
            m.onChange(e -> recompute());
            m.onPasteError(this::showError);
        }
        inputText.addValueChangeListener(e -> { if (e.isFromClient()) { input.paste(e.getValue()); } });
        kernelText.addValueChangeListener(e -> { if (e.isFromClient()) { kernel.paste(e.getValue()); } });
        padding.addValueChangeListener(e -> recompute());
        export.setSource(this::exportCode);
        for (IntegerField f : List.of(padTop, padBottom, padLeft, padRight, strideY, strideX, dilationY, dilationX)) {
            f.addValueChangeListener(e -> recompute());
        }
        border.addValueChangeListener(e -> recompute());
        flip.addValueChangeListener(e -> recompute());
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

        FlexLayout pads = wrapping(padTop, padBottom, padLeft, padRight);
        pads.setId("explicit-padding");
        // wrapping rows, so that on a phone no field runs off the screen
        FlexLayout steps = wrapping(strideY, strideX, dilationY, dilationX);
        for (IntegerField f : List.of(padTop, padBottom, padLeft, padRight, strideY, strideX, dilationY, dilationX)) {
            f.setWidth("8.5em");
        }
        options.control(input, kernel, result);
        options.onDigitsChange(this::recompute);
        result.onCellHover(this::showReceptiveField);
        FlexLayout controls = new FlexLayout(convention, padding, pads, border, flip, steps, options);
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

    private static FlexLayout wrapping(Component... children) {
        FlexLayout f = new FlexLayout(children);
        f.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        f.getStyle().set("gap", "var(--lumo-space-s)");
        return f;
    }

    private static VerticalLayout column(Component... children) {
        VerticalLayout v = new VerticalLayout(children);
        v.setPadding(false);
        v.setSpacing(false);
        v.setWidth(null);
        return v;
    }



    /** A convention sets flip, border and padding to its framework's defaults; the user may change them after. */
    private void applyPreset(Convention c) {
        if (c == null) {
            return;
        }
        applyingPreset = true;
        try {
            flip.setValue(c.defaultFlip());
            border.setValue(c.defaultBorder());
            padding.setValue(c.defaultPadding().id());
        } finally {
            applyingPreset = false;
        }
        conventionNote.setText(conventionNote(c));
        recompute();
    }

    private String conventionNote(Convention c) {
        return getTranslation("convention." + c.id() + ".note");
    }

    /** The spec the controls describe; the convention decides where the odd row of same goes. */
    ConvSpec spec() {
        boolean explicit = "explicit".equals(padding.getValue());
        ConvSettings settings = ConvSettings.EMPTY
                .withPadding(explicit
                        ? Padding.explicit(Fields.value(padTop, "top padding"), Fields.value(padBottom, "bottom padding"),
                                Fields.value(padLeft, "left padding"), Fields.value(padRight, "right padding"))
                        : Padding.named(padding.getValue() == null ? "valid" : padding.getValue()))
                .withStride(Fields.value(strideY, "stride (rows)"), Fields.value(strideX, "stride (columns)"))
                .withDilation(Fields.value(dilationY, "dilation (rows)"), Fields.value(dilationX, "dilation (columns)"))
                .withFlip(flip.getValue())
                .withBorder(border.getValue() == null ? Border.ZERO : border.getValue());
        return currentConvention().resolve(settings);
    }

    private Convention currentConvention() {
        return convention.getValue() == null ? Convention.DEFAULT : convention.getValue();
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
        applyingPreset = true;
        try {
            input.setValue(state.input());
            kernel.setValue(state.kernel());
            convention.setValue(state.convention());
            ConvSpec spec = state.spec();
            Padding p = spec.padding();
            if (p.mode() == Padding.Mode.EXPLICIT) {
                padding.setValue("explicit");
                padTop.setValue(p.top());
                padBottom.setValue(p.bottom());
                padLeft.setValue(p.left());
                padRight.setValue(p.right());
            } else {
                padding.setValue(p.id());
            }
            strideY.setValue(spec.strideY());
            strideX.setValue(spec.strideX());
            dilationY.setValue(spec.dilationY());
            dilationX.setValue(spec.dilationX());
            flip.setValue(spec.flip());
            border.setValue(spec.border());
        } finally {
            applyingPreset = false;
        }
        if (saveBar != null) {
            saveBar.setParent(parent);
        }
        conventionNote.setText(conventionNote(currentConvention()));
        recompute();
    }

    /** Reads every control, runs the convolution and shows either the result or what was wrong. */
    void recompute() {
        if (applyingPreset) {
            return;
        }
        boolean explicit = "explicit".equals(padding.getValue());
        padTop.getParent().ifPresent(p -> p.setVisible(explicit));
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
        } catch (BadRequestException | ShapeException e) {
            showError(e.getMessage());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
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
        convention.setLabel(getTranslation("playground.convention"));
        conventionNote.setText(conventionNote(currentConvention()));
        intro.setText(getTranslation("playground.intro"));
        inputTitle.setText(getTranslation("playground.input"));
        kernelTitle.setText(getTranslation("playground.kernel"));
        resultTitle.setText(getTranslation("playground.result"));
        inputText.setLabel(getTranslation("playground.asNumpy"));
        kernelText.setLabel(getTranslation("playground.asNumpy"));
        padding.setLabel(getTranslation("playground.padding"));
        padTop.setLabel(getTranslation("playground.padTop"));
        padBottom.setLabel(getTranslation("playground.padBottom"));
        padLeft.setLabel(getTranslation("playground.padLeft"));
        padRight.setLabel(getTranslation("playground.padRight"));
        border.setLabel(getTranslation("playground.border"));
        flip.setLabel(getTranslation("playground.flip"));
        strideY.setLabel(getTranslation("playground.strideY"));
        strideX.setLabel(getTranslation("playground.strideX"));
        dilationY.setLabel(getTranslation("playground.dilationY"));
        dilationX.setLabel(getTranslation("playground.dilationX"));
        copyInput.setText(getTranslation("playground.copy"));
        copyKernel.setText(getTranslation("playground.copy"));
        copyResult.setText(getTranslation("playground.copy"));
        for (MatrixEditor m : List.of(input, kernel)) {
            m.setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                    getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        }
        recompute();
    }
}
