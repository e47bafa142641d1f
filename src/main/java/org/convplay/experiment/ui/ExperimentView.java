package org.convplay.experiment.ui;

import org.convplay.shared.Html;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convplay.shared.NotFoundException;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.ui.MainLayout;

/**
 * The permalink {@code /e/{id}}: a saved experiment restored in its page, for anyone, with its title, where
 * it was forked from, the link, an embed snippet, a QR code for the projector and a JSON download.
 */
@AnonymousAllowed
@Route(value = "e/:id", layout = MainLayout.class)
public class ExperimentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ExperimentService experiments;
    private final Map<String, ExperimentPage> pages = new HashMap<>();
    private String title = "Experiment";
    /** The restored page, kept so that tests can read what it shows. */
    Component page;

    public ExperimentView(ExperimentService experiments, List<ExperimentPage> pages) {
        this.experiments = experiments;
        pages.forEach(p -> this.pages.put(p.kind(), p));
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        Experiment e;
        try {
            e = experiments.get(id);
        } catch (ExperimentService.RemovedException ex) {
            showNotice(getTranslation("experiment.removed"), id);
            return;
        } catch (NotFoundException ex) {
            showNotice(getTranslation("experiment.unknown"), id);
            return;
        }
        title = e.getTitle();
        JsonNode body = experiments.body(e);
        add(header(e));
        ExperimentPage restorer = pages.get(e.getKind());
        if (restorer == null) {
            throw new IllegalStateException("experiment " + e.getId() + " has kind \"" + e.getKind() + "\", which no page opens");
        }
        page = restorer.restore(e, body, this);
    }

    private void showNotice(String message, String id) {
        title = message;
        H2 heading = new H2(message);
        heading.setId("experiment-notice");
        add(heading, new Paragraph(getTranslation("experiment.noticeHelp", id)), new Anchor("", getTranslation("experiment.toPlayground")));
    }

    private VerticalLayout header(Experiment e) {
        H2 heading = new H2(e.getTitle());
        heading.setId("experiment-title-heading");
        VerticalLayout header = new VerticalLayout(heading);
        header.setPadding(false);
        if (!e.getDescription().isEmpty()) {
            header.add(new Paragraph(e.getDescription()));
        }
        if (e.getParentId() != null) {
            Span forked = new Span(getTranslation("experiment.forkedFrom") + " ");
            forked.setId("forked-from");
            String parentTitle;
            try {
                parentTitle = experiments.get(e.getParentId()).getTitle();
            } catch (NotFoundException gone) {
                parentTitle = e.getParentId();
            }
            forked.add(new Anchor("e/" + e.getParentId(), parentTitle));
            header.add(forked);
        }
        String url = Links.absolute("e/" + e.getId());
        TextField link = new TextField(getTranslation("experiment.permalink"), url, "");
        link.setId("permalink");
        link.setReadOnly(true);
        link.setWidth("28em");
        TextArea embed = new TextArea(getTranslation("experiment.embed"));
        embed.setId("embed-snippet");
        embed.setValue("<iframe src=\"" + Links.absolute("embed/" + e.getId()) + "\" width=\"760\" height=\"520\" "
                + "style=\"border:1px solid #ddd\" title=\"" + Html.escape(e.getTitle()) + "\"></iframe>");
        embed.setReadOnly(true);
        embed.setWidth("28em");
        Image qr = new Image(QrCodes.dataUrl(url), getTranslation("experiment.qr"));
        qr.setId("qr-code");
        qr.setWidth("128px");
        qr.setHeight("128px");
        // written when asked for: an images experiment's file carries its picture in base64
        Anchor download = new Anchor(new StreamResource("experiment-" + e.getId() + ".json",
                () -> new ByteArrayInputStream(experiments.export(e, url).toPrettyString().getBytes(StandardCharsets.UTF_8))),
                getTranslation("experiment.download"));
        download.getElement().setAttribute("download", true);
        download.setId("download-json");
        FlexLayout share = new FlexLayout(new VerticalLayout(link, embed, download), qr);
        share.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        share.setAlignItems(Alignment.CENTER);
        header.add(share);
        if (experiments.owns(e, BrowserKeys.current())) {
            Button delete = new Button(getTranslation("experiment.delete"), click -> {
                experiments.delete(e.getId(), BrowserKeys.current());
                getUI().ifPresent(ui -> ui.navigate("experiments"));
            });
            delete.setId("delete-experiment");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            header.add(delete);
        }
        header.add(new Div());
        return header;
    }


    @Override
    public String getPageTitle() {
        return title;
    }
}
