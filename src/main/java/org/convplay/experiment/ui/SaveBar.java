package org.convplay.experiment.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.List;
import java.util.function.Supplier;
import org.convplay.shared.BadRequestException;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.limits.RefusedException;
import org.convplay.shared.Messages;

/**
 * "Save as experiment" for a page: asks for a title and a description, saves the page's state (a fork when
 * the page was opened from an experiment) and opens the new permalink.
 */
public class SaveBar extends HorizontalLayout implements LocaleChangeObserver {

    private final ExperimentService experiments;
    private final String kind;
    private final Supplier<JsonNode> state;
    private final Supplier<List<byte[]>> images;
    private final Button save = new Button();
    private final Span forkedFrom = new Span();
    private String parentId;

    public SaveBar(ExperimentService experiments, String kind, Supplier<JsonNode> state) {
        this(experiments, kind, state, List::of);
    }

    /** For a page whose state names image files by hash: {@code images} are those files, stored with the experiment. */
    public SaveBar(ExperimentService experiments, String kind, Supplier<JsonNode> state, Supplier<List<byte[]>> images) {
        this.experiments = experiments;
        this.kind = kind;
        this.state = state;
        this.images = images;
        save.setId("save-experiment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> openDialog());
        forkedFrom.addClassName("result-shape");
        setAlignItems(Alignment.BASELINE);
        add(save, forkedFrom);
    }

    /** The experiment the page shows; saving again makes a fork of it. */
    public void setParent(Experiment parent) {
        this.parentId = parent == null ? null : parent.getId();
        forkedFrom.removeAll();
        if (parent != null) {
            forkedFrom.add(new Span(getTranslation("experiment.editing") + " "), new Anchor("e/" + parent.getId(), parent.getTitle()));
        }
    }

    private void openDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(parentId == null ? "experiment.save" : "experiment.fork"));
        TextField title = new TextField(getTranslation("experiment.title"));
        title.setId("experiment-title");
        title.setMaxLength(Experiment.MAX_TITLE);
        title.setWidthFull();
        TextArea description = new TextArea(getTranslation("experiment.description"));
        description.setId("experiment-description");
        description.setMaxLength(Experiment.MAX_DESCRIPTION);
        description.setWidthFull();
        Span error = new Span();
        error.addClassName("error-message");
        Button confirm = new Button(getTranslation("experiment.saveButton"), e -> {
            try {
                JsonNode body = state.get();
                Experiment saved = experiments.save(new ExperimentService.Draft(title.getValue(), description.getValue(), kind,
                        body.get("request"), body.get("view"), parentId, images.get()), BrowserKeys.ensure());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate("e/" + saved.getId()));
            } catch (BadRequestException | IllegalArgumentException ex) {
                error.setText(Messages.explain(ex, getLocale()));
            } catch (RefusedException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.retryAfterSeconds()));
            }
        });
        confirm.setId("experiment-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(title, description, error));
        dialog.getFooter().add(new Button(getTranslation("experiment.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        title.focus();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        save.setText(getTranslation("experiment.save"));
    }
}
