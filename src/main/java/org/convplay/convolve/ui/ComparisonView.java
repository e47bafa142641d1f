package org.convplay.convolve.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;
import org.convplay.limits.RefusedException;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;
import org.convplay.shared.NdArray;
import org.convplay.ui.ConvSpecFields;
import org.convplay.ui.MainLayout;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MatrixOptions;
import org.convplay.ui.Presentation;

/**
 * One input and kernel under every convention side by side, each with its own defaults; cells that
 * differ from TensorFlow's answer are marked and every difference in the settings is named.
 */
@Route(value = "compare", layout = MainLayout.class)
@Menu(title = "nav.compare", order = 1)
@AnonymousAllowed
public class ComparisonView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {

    /** An asymmetric kernel and an even size, so that flip and the odd padding row both show. */
    static final double[][] INPUT = {
        {1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}, {16, 17, 18, 19, 20}, {21, 22, 23, 24, 25}};
    static final double[][] KERNEL = {{1, 2}, {3, 4}};

    private final ConvolutionService service;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final MatrixEditor input = new MatrixEditor("input");
    private final MatrixEditor kernel = new MatrixEditor("kernel");
    /** Only the padding: everything else is each convention's own default, which is what the page compares. */
    private final ConvSpecFields settings = new ConvSpecFields(ConvSpecFields.paddings("valid", "same", "full"), "compare-");
    private final Span error = new Span();
    private final Map<Convention, MatrixEditor> results = new EnumMap<>(Convention.class);
    private final Map<Convention, Div> reasons = new EnumMap<>(Convention.class);
    private final MatrixOptions options = new MatrixOptions();
    private final H3 inputTitle = new H3();
    private final H3 kernelTitle = new H3();

    public ComparisonView(ConvolutionService service) {
        this.service = service;
        intro.setId("intro");
        input.setId("compare-input");
        kernel.setId("compare-kernel");
        input.setValue(INPUT);
        kernel.setValue(KERNEL);
        input.onChange(e -> recompute());
        kernel.onChange(e -> recompute());
        input.onPasteError(error::setText);
        kernel.onPasteError(error::setText);
        settings.setPadding("same");
        settings.addChangeListener(e -> recompute());
        error.addClassName("error-message");

        options.control(input, kernel);
        options.onDigitsChange(this::recompute);
        FlexLayout sources = new FlexLayout(column(inputTitle, input), column(kernelTitle, kernel), settings, options);
        sources.getStyle().set("gap", "var(--lumo-space-l)");
        sources.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        FlexLayout grid = new FlexLayout();
        grid.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        grid.getStyle().set("gap", "var(--lumo-space-l)");
        for (Convention c : Convention.values()) {
            MatrixEditor m = new MatrixEditor("output");
            m.setReadOnly(true);
            m.setId("compare-" + c.id());
            options.control(m);
            results.put(c, m);
            Div reason = new Div();
            reason.setId("compare-" + c.id() + "-reason");
            reason.addClassName("result-shape");
            reason.setMaxWidth("18em");
            reasons.put(c, reason);
            H3 title = new H3(c.id());
            grid.add(column(title, m, reason));
        }
        add(heading, intro, sources, error, grid);
    }

    /** A heading above its matrix, as on the playground. */
    private static VerticalLayout column(Component... children) {
        VerticalLayout column = new VerticalLayout(children);
        column.setPadding(false);
        column.setSpacing(false);
        column.setWidth(null);
        return column;
    }

    void recompute() {
        try {
            Tensor in = NdArray.of(input.getValue()).toTensor("input");
            Kernel k = NdArray.of(kernel.getValue()).toKernel("kernel", null);
            ConvSettings settings = this.settings.settings();
            Convention base = Convention.TENSORFLOW;
            ConvSpec baseSpec = base.resolve(settings);
            Tensor baseOut = service.convolve(new ConvolutionRequest(in, k, baseSpec, true, null)).output();
            for (Convention c : Convention.values()) {
                try {
                    ConvSpec spec = c.resolve(settings);
                    Tensor out = service.convolve(new ConvolutionRequest(in, k, spec, true, null)).output();
                    MatrixEditor m = results.get(c);
                    m.setDisplayValue(out.toArray(0), options.digits());
                    m.setMarked(differences(baseOut, out));
                    m.setVisible(true);
                    reasons.get(c).setText(reason(c, spec, baseSpec, baseOut, out));
                } catch (IllegalArgumentException e) {
                    results.get(c).setVisible(false);
                    reasons.get(c).setText(Messages.explain(e, getLocale()));
                }
            }
            error.setText("");
        } catch (RefusedException e) {
            error.setText(getTranslation(e.messageKey(), e.retryAfterSeconds()));
        } catch (BadRequestException | IllegalArgumentException e) {
            error.setText(Messages.explain(e, getLocale()));
        }
    }

    /** Cells whose value differs from the base result; all of them when the shapes differ. */
    static boolean[][] differences(Tensor base, Tensor other) {
        boolean sameShape = base.height() == other.height() && base.width() == other.width();
        boolean[][] marked = new boolean[other.height()][other.width()];
        for (int y = 0; y < other.height(); y++) {
            for (int x = 0; x < other.width(); x++) {
                marked[y][x] = !sameShape || base.get(0, y, x) != other.get(0, y, x);
            }
        }
        return marked;
    }

    /** Says which settings make this convention's answer differ from TensorFlow's. */
    private String reason(Convention c, ConvSpec spec, ConvSpec baseSpec, Tensor base, Tensor out) {
        if (c == Convention.TENSORFLOW) {
            return getTranslation("compare.reference");
        }
        List<String> why = new ArrayList<>();
        if (spec.flip() != baseSpec.flip()) {
            why.add(getTranslation("compare.flip"));
        }
        if (spec.border() != baseSpec.border()) {
            why.add(getTranslation("compare.border", spec.border().id()));
        }
        if (spec.sameSide() != baseSpec.sameSide() && spec.padding().mode() == Padding.Mode.SAME) {
            why.add(getTranslation("compare.side"));
        }
        boolean differs = false;
        boolean[][] d = differences(base, out);
        for (boolean[] row : d) {
            for (boolean b : row) {
                differs |= b;
            }
        }
        if (!differs) {
            return getTranslation("compare.same");
        }
        return why.isEmpty() ? getTranslation("compare.same") : String.join("; ", why);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        intro.setVisible(!Presentation.apply(event, this));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("compare.title"));
        intro.setText(getTranslation("compare.intro"));
        inputTitle.setText(getTranslation("playground.input"));
        kernelTitle.setText(getTranslation("playground.kernel"));
        results.forEach((c, m) -> m.setAccessibleName(getTranslation("compare.resultName", c.id())));
        recompute();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.compare");
    }
}
