package org.convplay.convolve.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.function.Consumer;
import org.convplay.api.BadRequestException;
import org.convplay.convolve.Limits;
import org.convplay.convolve.NdArray;
import org.convplay.convolve.NdArrayParser;
import org.convplay.convolve.NestedLists;
import org.convplay.convolve.Numbers;

/**
 * Server side of {@code <matrix-editor>}: the cells live in the browser and arrive here as one text
 * matrix per edit. Parsing and validation happen here, with the same messages as the API.
 */
@Tag("matrix-editor")
@JsModule("./matrix-editor.ts")
public class MatrixEditor extends Component {

    private final String field;
    private String[][] cells = {{"0"}};

    public MatrixEditor(String field) {
        this.field = field;
        getElement().addEventListener("cells-changed", e -> {
            cells = decode(e.getEventData().getString("event.detail.cells"));
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

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    public void setLabels(String addRow, String removeRow, String addColumn, String removeColumn) {
        JsonObject o = Json.createObject();
        o.put("addRow", addRow);
        o.put("removeRow", removeRow);
        o.put("addColumn", addColumn);
        o.put("removeColumn", removeColumn);
        getElement().setPropertyJson("labels", o);
    }

    /** Replaces the matrix with NumPy-style or JSON text; returns false (and reports) when it cannot be read. */
    public boolean paste(String text) {
        try {
            NdArray a = NdArrayParser.parse(text, field, Limits.MAX_EDITOR_SIDE * Limits.MAX_EDITOR_SIDE);
            if (a.rank() != 2) {
                throw new BadRequestException(field + " must be a matrix (a list of rows), got " + a.rank() + " levels of lists");
            }
            if (a.shape()[0] > Limits.MAX_EDITOR_SIDE || a.shape()[1] > Limits.MAX_EDITOR_SIDE) {
                throw new BadRequestException(field + " is " + a.shape()[0] + "x" + a.shape()[1] + "; the editor shows at most "
                        + Limits.MAX_EDITOR_SIDE + "x" + Limits.MAX_EDITOR_SIDE);
            }
            setValue(a.toMatrix());
            fireChanged();
            return true;
        } catch (BadRequestException e) {
            errorListener.accept(e.getMessage());
            return false;
        }
    }

    public void setValue(double[][] rows) {
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
        String[][] text = new String[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            text[y] = new String[rows[y].length];
            for (int x = 0; x < rows[y].length; x++) {
                text[y][x] = Numbers.formatShort(rows[y][x]);
            }
        }
        setCells(text);
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

    /** The numbers, or an error naming the first cell that is not one. */
    public double[][] getValue() {
        double[][] out = new double[cells.length][];
        for (int y = 0; y < cells.length; y++) {
            out[y] = new double[cells[y].length];
            for (int x = 0; x < cells[y].length; x++) {
                out[y][x] = NestedLists.checkedNumber(cells[y][x], field + "[" + y + "][" + x + "]");
            }
        }
        return out;
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

    /** Simulates an edit from the browser (used by view tests). */
    void edit(int row, int column, String text) {
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
