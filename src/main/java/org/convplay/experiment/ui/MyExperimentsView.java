package org.convplay.experiment.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.io.IOException;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Messages;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.limits.RefusedException;
import org.convplay.ui.Fields;
import org.convplay.ui.MainLayout;

/**
 * "My experiments": a signed-in user's saved experiments, or an anonymous visitor's from this browser; open,
 * delete, and import an exported JSON file.
 */
@AnonymousAllowed
@Route(value = "experiments", layout = MainLayout.class)
@Menu(title = "nav.experiments", order = 5)
public class MyExperimentsView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {


    private final ExperimentService experiments;
    private final ObjectMapper mapper;
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    final Grid<Experiment> grid = new Grid<>();
    final Span error = new Span();
    private final Upload upload;

    public MyExperimentsView(ExperimentService experiments, ObjectMapper mapper) {
        this.experiments = experiments;
        this.mapper = mapper;
        grid.setId("my-experiments");
        grid.setAllRowsVisible(true);
        error.addClassName("error-message");
        error.setId("import-error");
        MemoryBuffer buffer = new MemoryBuffer();
        upload = new Upload(buffer);
        upload.setId("import-json");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(Experiment.MAX_BODY * 2);
        upload.addSucceededListener(e -> {
            try {
                importJson(buffer.getInputStream().readAllBytes());
            } catch (IOException ex) {
                error.setText(ex.getMessage());
            }
        });
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        add(heading, intro, grid, upload, error);
    }

    /** Saves an exported file as a new experiment of this visitor and opens it. */
    void importJson(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            ExperimentService.Draft d = experiments.read(node);
            Experiment saved = experiments.save(d, BrowserKeys.ensure());
            error.setText("");
            getUI().ifPresent(ui -> ui.navigate("e/" + saved.getId()));
        } catch (IOException ex) {
            error.setText(getTranslation("experiment.notJson"));
        } catch (BadRequestException ex) {
            error.setText(Messages.explain(ex, getLocale()));
        } catch (RefusedException ex) {
            error.setText(getTranslation(ex.messageKey(), ex.retryAfterSeconds()));
        }
    }

    private void refresh() {
        grid.setItems(experiments.mine(BrowserKeys.current()));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("nav.experiments"));
        intro.setText(getTranslation(!experiments.signedIn() ? "experiment.mineAnonymous" : "experiment.mineSignedIn"));
        grid.removeAllColumns();
        grid.addComponentColumn(e -> new Anchor("e/" + e.getId(), e.getTitle())).setHeader(getTranslation("experiment.title")).setFlexGrow(3);
        // every kind is the page it was saved from, named as the menu names it
        grid.addColumn(e -> getTranslation("nav." + e.getKind())).setHeader(getTranslation("experiment.kind"));
        grid.addColumn(e -> Messages.date(e.getCreatedAt(), getLocale())).setHeader(getTranslation("experiment.created"));
        grid.addComponentColumn(e -> {
            Button delete = new Button(getTranslation("experiment.delete"), click -> {
                experiments.delete(e.getId(), BrowserKeys.current());
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return delete;
        });
        Fields.fitColumns(grid);
        upload.setUploadButton(new Button(getTranslation("experiment.import")));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.experiments");
    }
}
