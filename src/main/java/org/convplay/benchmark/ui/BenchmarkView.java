package org.convplay.benchmark.ui;

import org.convplay.shared.Messages;
import org.convplay.ui.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.convplay.shared.BadRequestException;
import org.convplay.benchmark.BenchmarkExperiment;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.exercise.ui.TaskBar;
import org.convplay.exercise.ui.TaskBars;
import org.springframework.beans.factory.annotation.Autowired;
import org.convplay.limits.RefusedException;
import org.convplay.ui.MainLayout;

/**
 * The notebook's last exercise: time the convolution against other implementations. Every available engine
 * runs on the same data; median times, GFLOP/s and the error against the reference, with the machine stated.
 */
@AnonymousAllowed
@Route(value = "benchmark", layout = MainLayout.class)
@Menu(title = "nav.benchmark", order = 4)
public class BenchmarkView extends VerticalLayout implements LocaleChangeObserver, BeforeEnterObserver, HasDynamicTitle {

    /** The notebook's comparison and the layer the issue names, one click each. */
    enum Preset {
        IMAGE_3(2048, 3, 1, 1), IMAGE_11(2048, 11, 1, 1), LAYER(56, 3, 64, 64), SMALL(256, 5, 3, 8);

        final int size, kernel, channels, filters;

        Preset(int size, int kernel, int channels, int filters) {
            this.size = size;
            this.kernel = kernel;
            this.channels = channels;
            this.filters = filters;
        }

        String label() {
            return size + "x" + size + ", " + kernel + "x" + kernel + ", " + channels + " → " + filters;
        }
    }

    private final BenchmarkService service;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    final Select<Preset> preset = new Select<>();
    final IntegerField size = Fields.integer(512, 1, BenchmarkRunner.MAX_SIZE);
    final IntegerField kernel = Fields.integer(3, 1, BenchmarkRunner.MAX_KERNEL);
    final IntegerField channels = Fields.integer(1, 1, BenchmarkRunner.MAX_CHANNELS);
    final IntegerField filters = Fields.integer(1, 1, BenchmarkRunner.MAX_FILTERS);
    final IntegerField repeats = Fields.integer(10, 1, BenchmarkRunner.MAX_REPEATS);
    final Button run = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span status = new Span();
    final Grid<BenchmarkRunner.Row> table = new Grid<>();
    final BenchChart chart = new BenchChart();
    final Pre machine = new Pre();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private CompletableFuture<?> job;
    /** The last finished run: what a practical's task bar grades. */
    BenchmarkRunner.Report lastReport;
    /** A practical's task bar, when the URL names one ({@code ?task=practical-timing}). */
    final TaskBar taskBar;

    public BenchmarkView(BenchmarkService service) {
        this(service, null);
    }

    @Autowired
    public BenchmarkView(BenchmarkService service, TaskBars tasks) {
        this.service = service;
        this.taskBar = tasks == null ? null : tasks.forPage(new BenchmarkTaskPage(this));
        preset.setId("benchmark-preset");
        preset.setItems(Preset.values());
        preset.setItemLabelGenerator(Preset::label);
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                size.setValue(e.getValue().size);
                kernel.setValue(e.getValue().kernel);
                channels.setValue(e.getValue().channels);
                filters.setValue(e.getValue().filters);
            }
        });
        size.setId("benchmark-size");
        run.setId("benchmark-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        cancel.setId("benchmark-cancel");
        cancel.setEnabled(false);
        cancel.addClickListener(e -> cancelled.set(true));
        progress.setVisible(false);
        progress.setId("benchmark-progress");
        status.setId("benchmark-status");
        table.setId("benchmark-table");
        table.setAllRowsVisible(true);
        machine.setId("benchmark-machine");
        machine.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("white-space", "pre-wrap");
        FlexLayout form = new FlexLayout(preset, size, kernel, channels, filters, repeats, run, cancel);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        add(heading, intro);
        if (taskBar != null) {
            add(taskBar);
        }
        add(form, progress, status, chart, table, machine);
        showMachine(service.machine());
    }


    void start() {
        BenchmarkRunner.Request request;
        try {
            request = service.request(Fields.value(size, "size"), Fields.value(kernel, "kernel"), Fields.value(channels, "channels"),
                    Fields.value(filters, "filters"), Fields.value(repeats, "repeats"));
        } catch (BadRequestException e) {
            status.setText(Messages.explain(e, getLocale()));
            return;
        }
        UI ui = UI.getCurrent();
        cancelled.set(false);
        CompletableFuture<BenchmarkRunner.Report> started;
        try {
            started = service.start(request, f -> ui.access(() -> progress.setValue(Math.min(1, f))), cancelled::get);
        } catch (RefusedException e) {
            status.setText(getTranslation("limits.busy", e.retryAfterSeconds()));
            return;
        }
        run.setEnabled(false);
        cancel.setEnabled(true);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText(getTranslation("benchmark.running"));
        ui.setPollInterval(400);
        job = started;
        started.whenComplete((report, failure) -> {
            Throwable e = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (e == null) {
                ui.access(() -> show(report));
            } else if (e instanceof CancellationException) {
                ui.access(() -> finish(getTranslation("benchmark.cancelled")));
            } else if (e instanceof BadRequestException) {
                ui.access(() -> finish(Messages.explain(e, getLocale())));
            } else {
                ui.access(() -> finish(getTranslation("benchmark.failed", e.getMessage())));
            }
        });
    }


    void show(BenchmarkRunner.Report report) {
        lastReport = report;
        table.setItems(report.results());
        chart.setRows(report.results());
        showMachine(report.machine());
        finish(getTranslation("benchmark.done", report.request().size(), report.request().kernel(),
                report.request().channels(), report.request().filters()));
    }

    /** A saved experiment's run: its form and the figures it measured; "Run" measures again, here. */
    public void load(JsonNode request) {
        BenchmarkRunner.Report saved = BenchmarkExperiment.read(request);
        size.setValue(saved.request().size());
        kernel.setValue(saved.request().kernel());
        channels.setValue(saved.request().channels());
        filters.setValue(saved.request().filters());
        repeats.setValue(saved.request().repeats());
        show(saved);
        status.setText(getTranslation("benchmark.savedRun"));
    }

    private void finish(String message) {
        status.setText(message);
        progress.setVisible(false);
        run.setEnabled(true);
        cancel.setEnabled(false);
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void showMachine(BenchmarkRunner.Machine m) {
        machine.setText(m.cores() + " cores · " + m.cpu() + "\n" + m.jvm() + " · " + m.os() + " · heap " + m.maxHeapMb() + " MB\n"
                + String.join("\n", m.notes()));
    }

    private static String format(Double v, String pattern) {
        return v == null ? "–" : String.format(Locale.ROOT, pattern, v);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (taskBar != null) {
            taskBar.open(event.getLocation().getQueryParameters());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // leaving the page stops the measurement instead of letting it hold every core
        cancelled.set(true);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("benchmark.title"));
        intro.setText(getTranslation("benchmark.intro"));
        preset.setLabel(getTranslation("benchmark.preset"));
        size.setLabel(getTranslation("benchmark.size"));
        kernel.setLabel(getTranslation("benchmark.kernel"));
        channels.setLabel(getTranslation("benchmark.channels"));
        filters.setLabel(getTranslation("benchmark.filters"));
        repeats.setLabel(getTranslation("benchmark.repeats"));
        run.setText(getTranslation("benchmark.run"));
        cancel.setText(getTranslation("benchmark.cancel"));
        chart.setLabels(getTranslation("benchmark.median"), "GFLOP/s");
        table.removeAllColumns();
        table.addColumn(BenchmarkRunner.Row::backend).setHeader(getTranslation("benchmark.engine"));
        table.addColumn(r -> format(r.medianMillis(), "%.3f")).setHeader(getTranslation("benchmark.median"));
        table.addColumn(r -> format(r.gflops(), "%.2f")).setHeader("GFLOP/s");
        table.addColumn(r -> format(r.maxAbsError(), "%.2e")).setHeader(getTranslation("benchmark.error"));
        table.addColumn(BenchmarkRunner.Row::runs).setHeader(getTranslation("benchmark.runs"));
        table.addColumn(BenchmarkRunner.Row::note).setHeader(getTranslation("benchmark.note")).setFlexGrow(3);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.benchmark");
    }
}
