package org.convplay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.Limits;
import org.convplay.shared.Messages;
import org.convplay.shared.NdArray;
import org.convplay.shared.NdArrayParser;
import org.convplay.shared.NestedLists;
import org.convplay.shared.Numbers;

/**
 * Server side of {@code <matrix-editor>}: the cells live in the browser and arrive here as one text
 * matrix per edit. Parsing and validation happen here, with the same messages as the API.
 */
@Tag("matrix-editor")
@JsModule("./matrix-editor.ts")
public class MatrixEditor extends Component implements LocaleChangeObserver {

    /** Significant digits a result shows unless the page chooses others. */
    public static final int DEFAULT_DIGITS = 4;

    private static final java.util.Set<String> NAMED = java.util.Set.of("input", "kernel", "output");

    private final String field;
    private String[][] cells = {{"0"}};
    /** The exact numbers behind a display in significant digits; null when the cells are the numbers. */
    private double[][] exact;
    private boolean coloured = true;
    /** A name of the page's choosing for assistive technology; null: the field's. */
    private String accessibleName;

    public MatrixEditor(String field) {
        this.field = field;
        getElement().addEventListener("cells-changed", e -> {
            cells = decode(e.getEventData().getString("event.detail.cells"));
            exact = null;
            fireChanged();
        }).addEventData("event.detail.cells");
        getElement().addEventListener("matrix-pasted", e -> paste(e.getEventData().getString("event.detail.text")))
                .addEventData("event.detail.text");
        getElement().setProperty("maxSide", Limits.MAX_EDITOR_SIDE);
    }

    private Consumer<MatrixEditor> changeListener = m -> { };
    private Consumer<String> errorListener = m -> { };

    /** Called after every edit from the browser, also when the edit left a cell that is not a number. */
    public void onChange(Consumer<MatrixEditor> listener) {
        this.changeListener = listener;
    }

    /** Called when a paste could not be read; the matrix is left as it was. */
    public void onPasteError(Consumer<String> listener) {
        this.errorListener = listener;
    }

    private void fireChanged() {
        changeListener.accept(this);
    }

    /** The name assistive technology reads, when several matrices on a page share a field (the compare page's results). */
    public void setAccessibleName(String name) {
        accessibleName = name;
        getElement().setProperty("name", name);
    }

    /** Colours the cells by value with a legend (on by default); false shows plain cells. */
    public void setColoured(boolean coloured) {
        this.coloured = coloured;
        getElement().setProperty("coloured", coloured);
    }

    public boolean isColoured() {
        return coloured;
    }

    /** Lights a region, e.g. the receptive field of an output cell, as {row, column} pairs; null clears it. */
    public void setRegion(List<int[]> cellsToLight) {
        if (cellsToLight == null) {
            getElement().setPropertyJson("region", Json.createNull());
            return;
        }
        JsonArray a = Json.createArray();
        for (int[] rc : cellsToLight) {
            JsonArray p = Json.createArray();
            p.set(0, rc[0]);
            p.set(1, rc[1]);
            a.set(a.length(), p);
        }
        getElement().setPropertyJson("region", a);
    }

    /** Outlines one cell, e.g. the output cell under the pointer; null clears it. */
    public void setHighlight(int[] rowColumn) {
        if (rowColumn == null) {
            getElement().setPropertyJson("highlight", Json.createNull());
            return;
        }
        JsonArray p = Json.createArray();
        p.set(0, rowColumn[0]);
        p.set(1, rowColumn[1]);
        getElement().setPropertyJson("highlight", p);
    }

    /** Called with {row, column} when the pointer (or a finger) is on a cell of a read-only matrix. */
    public void onCellHover(Consumer<int[]> listener) {
        getElement().addEventListener("cell-hover", e -> listener.accept(new int[] {
                (int) e.getEventData().getNumber("event.detail.row"), (int) e.getEventData().getNumber("event.detail.column")}))
                .addEventData("event.detail.row").addEventData("event.detail.column");
    }

    /** Draws the (read-only) matrix as a picture in the same colours, for grids too large to read as numbers. */
    public void setPicture(boolean picture) {
        getElement().setProperty("picture", picture);
    }

    /** A line above the matrix, e.g. "channel 0, 11 x 11". */
    public void setCaption(String caption) {
        getElement().setProperty("caption", caption);
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    public void setLabels(String addRow, String removeRow, String addColumn, String removeColumn) {
        JsonObject o = Json.createObject();
        o.put("addRow", addRow);
        o.put("removeRow", removeRow);
        o.put("addColumn", addColumn);
        o.put("removeColumn", removeColumn);
        o.put("cell", getTranslation("matrix.cell"));
        o.put("legend", getTranslation("matrix.legend"));
        getElement().setPropertyJson("labels", o);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        setLabels(getTranslation("matrix.addRow"), getTranslation("matrix.removeRow"),
                getTranslation("matrix.addColumn"), getTranslation("matrix.removeColumn"));
        if (accessibleName == null) {
            // the three matrices every page has get a translated name; others (a filter's channel) keep their field
            getElement().setProperty("name", NAMED.contains(field) ? getTranslation("matrix.name." + field) : field);
        }
    }

    /** Replaces the matrix with NumPy-style or JSON text; returns false (and reports) when it cannot be read. */
    public boolean paste(String text) {
        try {
            NdArray a = NdArrayParser.parse(text, field, Limits.MAX_EDITOR_SIDE * Limits.MAX_EDITOR_SIDE);
            if (a.rank() != 2) {
                throw new BadRequestException(field + " must be a matrix (a list of rows), got " + a.rank() + " levels of lists",
                        "error.editor.notMatrix", field, a.rank());
            }
            if (a.shape()[0] > Limits.MAX_EDITOR_SIDE || a.shape()[1] > Limits.MAX_EDITOR_SIDE) {
                throw new BadRequestException(field + " is " + a.shape()[0] + "x" + a.shape()[1] + "; the editor shows at most "
                        + Limits.MAX_EDITOR_SIDE + "x" + Limits.MAX_EDITOR_SIDE,
                        "error.editor.tooLarge", field, a.shape()[0], a.shape()[1], Limits.MAX_EDITOR_SIDE);
            }
            setValue(a.toMatrix());
            fireChanged();
            return true;
        } catch (BadRequestException e) {
            errorListener.accept(Messages.explain(e, getLocale()));
            return false;
        }
    }

    public void setValue(double[][] rows) {
        exact = null;
        getElement().setPropertyJson("exact", Json.createNull());
        String[][] text = new String[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            text[y] = new String[rows[y].length];
            for (int x = 0; x < rows[y].length; x++) {
                text[y][x] = Numbers.format(rows[y][x]);
            }
        }
        setCells(text);
    }

    /** Shows numbers in short form (a result), keeping the matrix's shape. */
    public void setDisplayValue(double[][] rows) {
        setDisplayValue(rows, DEFAULT_DIGITS);
    }

    /**
     * Shows numbers to {@code digits} significant digits (a result); the exact value stays on hover and
     * in {@link #toText()}.
     */
    public void setDisplayValue(double[][] rows, int digits) {
        setDisplayValue(rows, digits, rows);
    }

    /**
     * Shows {@code shown} (e.g. a result times 256, as integers) while hover and {@link #toText()} give
     * {@code exact}, of the same shape.
     */
    public void setDisplayValue(double[][] shown, int digits, double[][] exact) {
        String[][] text = new String[shown.length][];
        JsonArray exactText = Json.createArray();
        double[][] copy = new double[exact.length][];
        for (int y = 0; y < shown.length; y++) {
            text[y] = new String[shown[y].length];
            copy[y] = exact[y].clone();
            JsonArray row = Json.createArray();
            for (int x = 0; x < shown[y].length; x++) {
                text[y][x] = Numbers.significant(shown[y][x], digits);
                row.set(x, Numbers.format(exact[y][x]));
            }
            exactText.set(y, row);
        }
        setCells(text);
        this.exact = copy;
        getElement().setPropertyJson("exact", exactText);
    }

    private void setCells(String[][] text) {
        cells = text;
        JsonArray rows = Json.createArray();
        for (int y = 0; y < text.length; y++) {
            JsonArray row = Json.createArray();
            for (int x = 0; x < text[y].length; x++) {
                row.set(x, text[y][x]);
            }
            rows.set(y, row);
        }
        getElement().setPropertyJson("cells", rows);
    }

    /** Marks cells (a comparison's differences); null clears the marks. */
    public void setMarked(boolean[][] marked) {
        if (marked == null) {
            getElement().setPropertyJson("marked", Json.createNull());
            return;
        }
        JsonArray rows = Json.createArray();
        for (int y = 0; y < marked.length; y++) {
            JsonArray row = Json.createArray();
            for (int x = 0; x < marked[y].length; x++) {
                row.set(x, marked[y][x]);
            }
            rows.set(y, row);
        }
        getElement().setPropertyJson("marked", rows);
    }

    /** The numbers (the exact ones behind a rounded display), or an error naming the first cell that is not one. */
    public double[][] getValue() {
        if (exact != null) {
            return exact;
        }
        double[][] out = new double[cells.length][];
        for (int y = 0; y < cells.length; y++) {
            out[y] = new double[cells[y].length];
            for (int x = 0; x < cells[y].length; x++) {
                out[y][x] = NestedLists.checkedNumber(cells[y][x], field + "[" + y + "][" + x + "]");
            }
        }
        return out;
    }

    /** Whether the cells show numbers rounded by {@link #setDisplayValue}, untouched since. */
    public boolean isRounded() {
        return exact != null;
    }

    public String[][] getCells() {
        return cells;
    }

    public String field() {
        return field;
    }

    /** The matrix as NumPy-style nested lists, for copying. */
    public String toText() {
        return NdArray.of(getValue()).toText();
    }

    /** One cell typed in, as the browser element reports it; the view tests of every page that uses the editor call it. */
    public void edit(int row, int column, String text) {
        exact = null;
        cells[row][column] = text;
        fireChanged();
    }

    private static String[][] decode(String json) {
        JsonArray rows = Json.instance().parse(json);
        int h = Math.min(rows.length(), Limits.MAX_EDITOR_SIDE);
        String[][] out = new String[h][];
        for (int y = 0; y < h; y++) {
            JsonArray row = rows.getArray(y);
            int w = Math.min(row.length(), Limits.MAX_EDITOR_SIDE);
            out[y] = new String[w];
            for (int x = 0; x < w; x++) {
                out[y][x] = row.getString(x);
            }
        }
        return out;
    }
}
