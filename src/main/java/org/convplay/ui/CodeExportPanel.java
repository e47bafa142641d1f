package org.convplay.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.function.Function;
import org.convplay.engine.export.Target;

/**
 * "Export as code": the current experiment as a runnable tf.keras, PyTorch or NumPy/SciPy script, so a
 * student can check the playground's numbers in a notebook. The script is only written while the panel is open.
 */
public class CodeExportPanel extends Details implements LocaleChangeObserver {

    private final Select<Target> target = new Select<>();
    private final TextArea code = new TextArea();
    private final Button copy = new Button();
    private Function<Target, String> source = t -> "";

    public CodeExportPanel() {
        setId("export");
        target.setId("export-target");
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> switch (t) {
            case KERAS -> "tf.keras";
            case PYTORCH -> "PyTorch";
            case NUMPY -> "NumPy / SciPy";
        });
        target.setValue(Target.NUMPY);
        code.setId("export-code");
        code.setReadOnly(true);
        code.setWidthFull();
        code.setMaxHeight("28em");
        code.getStyle().set("font-family", "ui-monospace, monospace").set("font-size", "var(--lumo-font-size-xs)");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        copy.addClickListener(e -> getUI().ifPresent(ui ->
                ui.getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", code.getValue())));
        target.addValueChangeListener(e -> refresh());
        addOpenedChangeListener(e -> refresh());
        VerticalLayout content = new VerticalLayout(new HorizontalLayout(target, copy), code);
        content.setPadding(false);
        add(content);
        setWidthFull();
    }

    /** Where the script comes from; called again whenever the experiment changes. */
    public void setSource(Function<Target, String> source) {
        this.source = source;
        refresh();
    }

    private void refresh() {
        if (!isOpened() || target.getValue() == null) {
            return;
        }
        try {
            code.setValue(source.apply(target.getValue()));
        } catch (IllegalArgumentException e) {
            code.setValue("# " + e.getMessage());
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        setSummaryText(getTranslation("export.title"));
        target.setLabel(getTranslation("export.target"));
        copy.setText(getTranslation("export.copy"));
    }
}
