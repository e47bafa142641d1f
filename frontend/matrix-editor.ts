import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { autoScale, colourOf, gradient, textOn, type Scale } from './colour-maps';

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
  /** Colour every cell by its value (the image bands' maps), with a legend. */
  @property({ type: Boolean }) coloured = true;
  /** Cells to light as a region, e.g. the receptive field of the output cell under the pointer: [[r, c], ...]. */
  @property({ type: Array }) region: number[][] | null = null;
  /** Exact values shown on hover when the cells show rounded ones, rows of columns; null: the cell text. */
  @property({ type: Array }) exact: string[][] | null = null;
  /** Draw a read-only matrix as a picture (one pixel block per cell) instead of numbers. */
  @property({ type: Boolean }) picture = false;
  /** A line above the matrix. */
  @property() caption = '';
  /** The value under the pointer in picture mode. */
  @state() private pointed = '';
  /** Name of the matrix for assistive technology, e.g. "kernel". */
  @property() name = '';
  /** Labels of the toolbar buttons, set by the server in the page's language. */
  @property({ type: Object }) labels: Record<string, string> = {
    addRow: '+ row', removeRow: '- row', addColumn: '+ column', removeColumn: '- column',
    cell: 'row {0}, column {1}', legend: 'Colour scale',
  };

  private timer: number | undefined;
  private resizes: ResizeObserver | undefined;

  static styles = css`
    :host { display: inline-block; max-width: 100%; overflow-x: auto; }
    table { border-collapse: collapse; }
    td { padding: 0; }
    input, span.cell {
      box-sizing: border-box; min-width: 3.6em; height: 1.9em; text-align: right; padding: 0 0.3em;
      font: var(--lumo-font-size-s, 0.875rem) ui-monospace, monospace; border: 1px solid var(--lumo-contrast-20pct, #ccc);
      background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #000);
    }
    span.cell { display: block; line-height: 1.9em; white-space: nowrap; }
    /* a column is as wide as its longest number, so no cell cuts one */
    td { white-space: nowrap; }
    input:focus { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    input.bad { background: var(--lumo-error-color-10pct, #fdd); border-color: var(--lumo-error-color, #c00); }
    span.cell.diff { background: var(--lumo-warning-color-10pct, #fff3c4); font-weight: 600; }
    /* a difference stays marked on coloured cells: a thick dashed frame on top of the colour */
    span.cell.diff.coloured { box-shadow: inset 0 0 0 2px #000, inset 0 0 0 4px #fff; font-weight: 700; }
    .rf { box-shadow: inset 0 0 0 3px #f5a000; }
    .caption { font: 0.75rem var(--lumo-font-family, sans-serif); color: var(--lumo-secondary-text-color, #555); margin-bottom: 0.2em; }
    canvas { image-rendering: pixelated; border: 1px solid var(--lumo-contrast-20pct, #ccc); cursor: crosshair; display: block; }
    .pointed { font: 0.75rem ui-monospace, monospace; min-height: 1.2em; }
    .legend { display: flex; align-items: center; gap: 0.3em; margin-top: 0.25em; font: 0.75rem ui-monospace, monospace;
      color: var(--lumo-secondary-text-color, #555); }
    .legend .bar { width: 6em; height: 0.7em; border: 1px solid var(--lumo-contrast-20pct, #ccc); }
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
    const scale = this.coloured ? autoScale(this.numbers()) : null;
    const widths = this.columnWidths();
    if (this.picture && this.readonly) {
      const rows = this.cells.length, cols = this.cells[0]?.length ?? 0;
      const k = Math.max(1, Math.floor(160 / Math.max(rows, cols)));
      return html`${this.caption ? html`<div class="caption">${this.caption}</div>` : ''}
        <canvas width=${cols} height=${rows} style=${styleMap({ width: `${cols * k}px`, height: `${rows * k}px` })}
          role="img" aria-label=${this.caption || this.name || nothingLabel}
          @mousemove=${this.onPoint} @touchstart=${this.onPoint}></canvas>
        <div class="pointed">${this.pointed}</div>
        ${this.legendOf(scale ?? autoScale(this.numbers()))}`;
    }
    return html`${this.caption ? html`<div class="caption">${this.caption}</div>` : ''}
      ${this.readonly ? '' : html`
        <div class="toolbar">
          <button part="add-row" @click=${() => this.resize(1, 0)}>${this.labels.addRow}</button>
          <button part="remove-row" @click=${() => this.resize(-1, 0)}>${this.labels.removeRow}</button>
          <button part="add-column" @click=${() => this.resize(0, 1)}>${this.labels.addColumn}</button>
          <button part="remove-column" @click=${() => this.resize(0, -1)}>${this.labels.removeColumn}</button>
        </div>`}
      <table aria-label=${this.name || nothingLabel}>
        ${this.cells.map((row, r) => html`<tr>
          ${row.map((v, c) => html`<td>${this.readonly
            ? html`<span class="cell ${this.isHighlighted(r, c) ? 'hl' : ''} ${this.inRegion(r, c) ? 'rf' : ''} ${this.marked?.[r]?.[c] ? 'diff' : ''} ${scale ? 'coloured' : ''}"
                      title=${this.exact?.[r]?.[c] ?? v} data-r=${r} data-c=${c} style=${styleMap(this.cellStyle(scale, v, widths[c]))}
                      @mouseenter=${() => this.hover(r, c)} @touchstart=${() => this.hover(r, c)}>${v}</span>`
            : html`<input data-r=${r} data-c=${c} class="${MatrixEditor.isNumber(v) ? '' : 'bad'} ${this.inRegion(r, c) ? 'rf' : ''} ${this.isHighlighted(r, c) ? 'hl' : ''}"
                      style=${styleMap(this.cellStyle(scale, v, widths[c]))} inputmode="decimal"
                      .value=${live(v)} @input=${this.onInput} @change=${this.flush} @paste=${this.onPaste}
                      aria-label=${this.cellLabel(r, c)}>`}</td>`)}
        </tr>`)}
      </table>
      ${scale ? this.legendOf(scale) : ''}`;
  }

  private legendOf(scale: Scale) {
    return html`<div class="legend" part="legend" role="img"
          aria-label="${this.labels.legend}: ${fmt(scale.lo)} … ${fmt(scale.hi)}">
        <span>${fmt(scale.lo)}</span><span class="bar" style=${styleMap({ background: gradient(scale) })}></span><span>${fmt(scale.hi)}</span>
      </div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resizes = new ResizeObserver(() => this.focusableWhenScrolling());
    this.resizes.observe(this);
  }

  disconnectedCallback() {
    this.resizes?.disconnect();
    super.disconnectedCallback();
  }

  /**
   * A matrix wider than its box (on a phone) scrolls sideways; without a cell to tab into (read-only), the box
   * itself takes the focus so that the arrow keys can scroll it.
   */
  private focusableWhenScrolling() {
    if (this.readonly && this.scrollWidth > this.clientWidth) {
      this.tabIndex = 0;
    } else {
      this.removeAttribute('tabindex');
    }
  }

  protected updated() {
    this.focusableWhenScrolling();
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    const rows = this.cells.length, cols = this.cells[0]?.length ?? 0;
    const scale = autoScale(this.numbers());
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = Number(this.cells[r][c]);
        const rgb = Number.isFinite(v) && this.coloured ? colourOf(scale, v) : [255, 255, 255];
        const i = 4 * (r * cols + c);
        img.data[i] = rgb[0]; img.data[i + 1] = rgb[1]; img.data[i + 2] = rgb[2]; img.data[i + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
  }

  private onPoint(e: MouseEvent | TouchEvent) {
    const canvas = e.currentTarget as HTMLCanvasElement;
    const p = 'touches' in e ? e.touches[0] : e;
    if (!p) return;
    const rect = canvas.getBoundingClientRect();
    const rows = this.cells.length, cols = this.cells[0]?.length ?? 0;
    const c = Math.floor((p.clientX - rect.left) / rect.width * cols);
    const r = Math.floor((p.clientY - rect.top) / rect.height * rows);
    if (r >= 0 && c >= 0 && r < rows && c < cols) {
      this.pointed = `[${r}][${c}] = ${this.exact?.[r]?.[c] ?? this.cells[r][c]}`;
    }
  }

  private numbers(): number[] {
    return this.cells.flat().filter(MatrixEditor.isNumber).map(Number);
  }

  /** Width of each column in em: the longest text in it, so that every digit shows. */
  private columnWidths(): number[] {
    const cols = this.cells[0]?.length ?? 0;
    const out: number[] = [];
    for (let c = 0; c < cols; c++) {
      let n = 0;
      for (const row of this.cells) {
        n = Math.max(n, (row[c] ?? '').length);
      }
      out.push(Math.max(3.6, n * 0.62 + 0.9));
    }
    return out;
  }

  private cellStyle(scale: Scale | null, v: string, width: number) {
    const style: Record<string, string> = { width: `${width}em` };
    if (scale && MatrixEditor.isNumber(v)) {
      const rgb = colourOf(scale, Number(v));
      style.background = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
      style.color = textOn(rgb);
    }
    return style;
  }

  private cellLabel(r: number, c: number) {
    const where = (this.labels.cell ?? 'row {0}, column {1}').replace('{0}', String(r + 1)).replace('{1}', String(c + 1));
    return this.name ? `${this.name}, ${where}` : where;
  }

  private inRegion(r: number, c: number) {
    return this.region != null && this.region.some(p => p[0] === r && p[1] === c);
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
    if (this.exact) {
      // editing a matrix shown rounded: the other cells keep their exact numbers
      this.cells = this.exact.map(row => [...row]);
      this.exact = null;
    }
    this.cells[r][c] = input.value;
    input.classList.toggle('bad', !MatrixEditor.isNumber(input.value));
    this.scheduleChange();
    // recolour and rewiden while typing
    this.requestUpdate();
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

  /** Leaving a cell sends a pending edit at once, so a click that follows (Save) sees it. */
  private flush() {
    if (this.timer !== undefined) {
      this.fireChange();
    }
  }

  private fireChange() {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.dispatchEvent(new CustomEvent('cells-changed', { detail: { cells: JSON.stringify(this.cells) } }));
  }
}

const nothingLabel = 'matrix';

/** A legend's end value, short. */
function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(3)).toString();
}
