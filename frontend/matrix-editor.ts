import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';

/**
 * A matrix of number cells that lives in the browser: typing, tabbing and resizing happen here, and
 * the server gets the whole matrix as text in one `cells-changed` event (debounced), so a 64x64 matrix
 * costs one round trip per edit instead of one component per cell. The server parses and validates.
 */
@customElement('matrix-editor')
export class MatrixEditor extends LitElement {
  /** Cell texts, rows of columns. */
  @property({ type: Array }) cells: string[][] = [['0']];
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Largest number of rows or columns the toolbar may grow to. */
  @property({ type: Number }) maxSide = 64;
  /** Cell to outline, as [row, column], e.g. the output cell under the pointer. */
  @property({ type: Array }) highlight: number[] | null = null;
  /** Cells to mark as different from a comparison, rows of columns. */
  @property({ type: Array }) marked: boolean[][] | null = null;
  /** Labels of the toolbar buttons, set by the server in the page's language. */
  @property({ type: Object }) labels: Record<string, string> = {
    addRow: '+ row', removeRow: '- row', addColumn: '+ column', removeColumn: '- column',
  };

  private timer: number | undefined;

  static styles = css`
    :host { display: inline-block; }
    table { border-collapse: collapse; }
    td { padding: 0; }
    input, span.cell {
      box-sizing: border-box; width: 3.6em; height: 1.9em; text-align: right; padding: 0 0.3em;
      font: 0.875rem ui-monospace, monospace; border: 1px solid var(--lumo-contrast-20pct, #ccc);
      background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #000);
    }
    span.cell { display: block; line-height: 1.9em; overflow: hidden; white-space: nowrap; }
    input:focus { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    input.bad { background: var(--lumo-error-color-10pct, #fdd); border-color: var(--lumo-error-color, #c00); }
    span.cell.diff { background: var(--lumo-warning-color-10pct, #fff3c4); font-weight: 600; }
    .hl { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    .toolbar { display: flex; gap: 0.25em; margin-bottom: 0.25em; flex-wrap: wrap; }
    button { font-size: 0.75rem; cursor: pointer; }
  `;

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('cells') && (!Array.isArray(this.cells) || this.cells.length === 0)) {
      this.cells = [['0']];
    }
  }

  render() {
    return html`
      ${this.readonly ? '' : html`
        <div class="toolbar">
          <button part="add-row" @click=${() => this.resize(1, 0)}>${this.labels.addRow}</button>
          <button part="remove-row" @click=${() => this.resize(-1, 0)}>${this.labels.removeRow}</button>
          <button part="add-column" @click=${() => this.resize(0, 1)}>${this.labels.addColumn}</button>
          <button part="remove-column" @click=${() => this.resize(0, -1)}>${this.labels.removeColumn}</button>
        </div>`}
      <table>
        ${this.cells.map((row, r) => html`<tr>
          ${row.map((v, c) => html`<td>${this.readonly
            ? html`<span class="cell ${this.isHighlighted(r, c) ? 'hl' : ''} ${this.marked?.[r]?.[c] ? 'diff' : ''}" title=${v} data-r=${r} data-c=${c}
                      @mouseenter=${() => this.hover(r, c)}>${v}</span>`
            : html`<input data-r=${r} data-c=${c} class=${MatrixEditor.isNumber(v) ? '' : 'bad'}
                      .value=${live(v)} @input=${this.onInput} @paste=${this.onPaste}
                      aria-label="row ${r + 1}, column ${c + 1}">`}</td>`)}
        </tr>`)}
      </table>`;
  }

  private isHighlighted(r: number, c: number) {
    return this.highlight != null && this.highlight[0] === r && this.highlight[1] === c;
  }

  private static isNumber(v: string) {
    return v.trim() !== '' && Number.isFinite(Number(v));
  }

  private onInput(e: Event) {
    const input = e.target as HTMLInputElement;
    const r = Number(input.dataset.r), c = Number(input.dataset.c);
    this.cells[r][c] = input.value;
    input.className = MatrixEditor.isNumber(input.value) ? '' : 'bad';
    this.scheduleChange();
  }

  /** A pasted nested list such as [[1,2],[3,4]] replaces the whole matrix; the server parses it. */
  private onPaste(e: ClipboardEvent) {
    const text = e.clipboardData?.getData('text') ?? '';
    if (text.trim().startsWith('[') || text.trim().startsWith('np.array') || text.trim().startsWith('array')) {
      e.preventDefault();
      this.dispatchEvent(new CustomEvent('matrix-pasted', { detail: { text } }));
    }
  }

  private resize(dRows: number, dCols: number) {
    const rows = Math.min(this.maxSide, Math.max(1, this.cells.length + dRows));
    const cols = Math.min(this.maxSide, Math.max(1, this.cells[0].length + dCols));
    this.cells = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.cells[r]?.[c] ?? '0'));
    this.fireChange();
  }

  private hover(r: number, c: number) {
    this.dispatchEvent(new CustomEvent('cell-hover', { detail: { row: r, column: c } }));
  }

  private scheduleChange() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.fireChange(), 150);
  }

  private fireChange() {
    window.clearTimeout(this.timer);
    this.dispatchEvent(new CustomEvent('cells-changed', { detail: { cells: JSON.stringify(this.cells) } }));
  }
}
