import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { autoScale, colourOf, gradient, textOn, type Scale } from './colour-maps';

/**
 * The sliding window of the notebook's first figure, replayed in the browser: the kernel's window moves
 * over the (padded) input cell by cell and each output cell fills in as it is computed, with play, pause,
 * step, speed and reset. Hovering an output cell lights its receptive field and writes out its weighted
 * sum. The server sends the padded input, the kernel as applied and the engine's output; nothing here
 * goes back to the server.
 */
@customElement('sliding-window')
export class SlidingWindow extends LitElement {
  /** Padded input, rows of columns. */
  @property({ type: Array }) grid: number[][] = [];
  /** Padding cells [top, bottom, left, right]. */
  @property({ type: Array }) pads: number[] = [0, 0, 0, 0];
  /** What the padding cells hold (the border's name). */
  @property() fill = 'zero';
  /** Kernel as applied to the window (already rotated for a flipping convolution). */
  @property({ type: Array }) kernel: number[][] = [[1]];
  @property({ type: Boolean }) flipped = false;
  @property({ type: Array }) stride: number[] = [1, 1];
  @property({ type: Array }) dilation: number[] = [1, 1];
  /** The engine's output, as text, rows of columns. */
  @property({ type: Array }) output: string[][] = [];
  /** Colour the input and the computed output cells by value (the image bands' maps). */
  @property({ type: Boolean }) coloured = true;
  @property({ type: Object }) labels: Record<string, string> = {
    play: 'Play', pause: 'Pause', step: 'Step', reset: 'Reset', speed: 'Speed (cells per second)',
    input: 'Input with padding', output: 'Output', padding: 'padding, holds the border fill',
    flipped: 'The kernel is rotated 180° (true convolution): these are the weights as applied.',
    hint: 'Point at an output cell to see the weighted sum that produced it.', position: 'Computed',
    legend: 'Colour scale',
  };

  /** Output cells computed so far, in row-major order. */
  @state() computed = 0;
  @state() playing = false;
  @state() speed = 2;
  /** Output cell under the pointer, or null. */
  @state() hovered: [number, number] | null = null;
  private timer: number | undefined;

  static styles = css`
    /* on a phone a wide grid scrolls inside the element (its buttons keep the box keyboard-reachable) */
    :host { display: block; max-width: 100%; overflow-x: auto; font: var(--lumo-font-size-s, 0.875rem) var(--lumo-font-family, sans-serif); }
    .panes { display: flex; gap: 2em; flex-wrap: wrap; align-items: flex-start; }
    h4 { margin: 0 0 0.3em; font-size: 0.9rem; }
    table { border-collapse: collapse; }
    td { min-width: 2.4em; height: 2.1em; text-align: center; vertical-align: middle; padding: 0 0.3em; position: relative;
         border: 1px solid var(--lumo-contrast-20pct, #ccc); font: var(--lumo-font-size-s, 0.875rem) ui-monospace, monospace; }
    td.pad { background: repeating-linear-gradient(45deg, #f2f2f2, #f2f2f2 4px, #e2e2e2 4px, #e2e2e2 8px); color: #888; }
    td.win { background: rgba(22, 118, 243, 0.18); outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    td.rf { background: rgba(255, 170, 0, 0.30); outline: 2px solid #e69500; outline-offset: -2px; }
    /* on coloured cells the window is a thick frame, the colour stays the value's */
    td.coloured.win { outline: 3px solid #1676f3; outline-offset: -3px; box-shadow: inset 0 0 0 5px #fff; }
    td.coloured.rf { outline: 3px solid #e69500; outline-offset: -3px; box-shadow: inset 0 0 0 5px #fff; }
    td.coloured .w { background: #fff; color: #000; padding: 0 1px; }
    .bar { display: inline-block; width: 6em; height: 0.7em; border: 1px solid #ccc; }
    td .w { position: absolute; right: 1px; bottom: 0; font-size: 0.6rem; color: var(--lumo-primary-text-color, #1676f3); }
    td.rf .w { color: #a06000; }
    td.out { cursor: help; color: transparent; }
    td.out.done { color: inherit; background: var(--lumo-success-color-10pct, #e6f6ea); }
    td.out.current { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: -2px; }
    td.out.hover { outline: 2px solid #e69500; outline-offset: -2px; }
    .controls { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; margin: 0.5em 0; }
    #sum { font: 0.85rem ui-monospace, monospace; margin-top: 0.5em; min-height: 1.4em; overflow-wrap: anywhere; }
    .legend { font-size: 0.8rem; color: var(--lumo-secondary-text-color, #555); display: flex; gap: 0.4em; align-items: center; }
    .swatch { display: inline-block; width: 1.2em; height: 1em; border: 1px solid #ccc;
              background: repeating-linear-gradient(45deg, #f2f2f2, #f2f2f2 4px, #e2e2e2 4px, #e2e2e2 8px); }
  `;

  private get outRows() { return this.output.length; }
  private get outCols() { return this.output[0]?.length ?? 0; }
  private get total() { return this.outRows * this.outCols; }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('grid') || changed.has('kernel') || changed.has('output') || changed.has('stride') || changed.has('dilation')) {
      this.reset();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.pause();
  }

  /** The output cell whose window is shown: the one under the pointer, else the last computed. */
  private focusedCell(): [number, number] | null {
    if (this.hovered) return this.hovered;
    if (this.computed === 0) return null;
    const i = this.computed - 1;
    return [Math.floor(i / this.outCols), i % this.outCols];
  }

  /** Weight index [j, i] at padded cell (y, x) for output (r, c), or null when outside its window. */
  private tap(r: number, c: number, y: number, x: number): [number, number] | null {
    const dy = y - r * this.stride[0];
    const dx = x - c * this.stride[1];
    if (dy < 0 || dx < 0 || dy % this.dilation[0] !== 0 || dx % this.dilation[1] !== 0) return null;
    const j = dy / this.dilation[0];
    const i = dx / this.dilation[1];
    return j < this.kernel.length && i < this.kernel[0].length ? [j, i] : null;
  }

  private isPadding(y: number, x: number) {
    const h = this.grid.length - this.pads[0] - this.pads[1];
    const w = (this.grid[0]?.length ?? 0) - this.pads[2] - this.pads[3];
    return y < this.pads[0] || y >= this.pads[0] + h || x < this.pads[2] || x >= this.pads[2] + w;
  }

  /** "out[r][c] = a·w + b·w + ... = v", with the engine's value. */
  sumText(r: number, c: number): string {
    const terms: string[] = [];
    for (let j = 0; j < this.kernel.length; j++) {
      for (let i = 0; i < this.kernel[j].length; i++) {
        const v = this.grid[r * this.stride[0] + j * this.dilation[0]][c * this.stride[1] + i * this.dilation[1]];
        const w = this.kernel[j][i];
        terms.push(`${num(v)}·${w < 0 ? `(${num(w)})` : num(w)}`);
      }
    }
    const shown = terms.length > 81 ? [...terms.slice(0, 40), `… (${terms.length} terms) …`, ...terms.slice(-40)] : terms;
    return `out[${r}][${c}] = ${shown.join(' + ')} = ${this.output[r][c]}`;
  }

  private cellStyle(scale: Scale | null, v: number | string) {
    const n = Number(v);
    if (!scale || !Number.isFinite(n)) return {};
    const rgb = colourOf(scale, n);
    return { background: `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`, color: textOn(rgb) };
  }

  render() {
    const inScale = this.coloured ? autoScale(this.grid.flat()) : null;
    const outScale = this.coloured ? autoScale(this.output.flat().map(Number)) : null;
    const f = this.focusedCell();
    const windowClass = this.hovered ? 'rf' : 'win';
    const text = f ? this.sumText(f[0], f[1]) : this.labels.hint;
    return html`
      <div class="controls">
        <button id="play" @click=${this.play} ?disabled=${this.playing || this.computed >= this.total}>${this.labels.play}</button>
        <button id="pause" @click=${this.pause} ?disabled=${!this.playing}>${this.labels.pause}</button>
        <button id="step" @click=${this.step} ?disabled=${this.computed >= this.total}>${this.labels.step}</button>
        <button id="reset" @click=${this.reset}>${this.labels.reset}</button>
        <label>${this.labels.speed}
          <input id="speed" type="range" min="0.5" max="20" step="0.5" .value=${String(this.speed)} @input=${this.onSpeed}>
          <span id="speed-value">${this.speed}</span></label>
        <span id="position">${this.labels.position}: ${this.computed} / ${this.total}</span>
      </div>
      <div class="panes">
        <div>
          <h4>${this.labels.input}</h4>
          <table id="input">${this.grid.map((row, y) => html`<tr>${row.map((v, x) => {
            const t = f ? this.tap(f[0], f[1], y, x) : null;
            const pad = this.isPadding(y, x);
            return html`<td class="${pad ? 'pad' : ''} ${t ? windowClass : ''} ${inScale && !pad ? 'coloured' : ''}" data-y=${y} data-x=${x}
                 style=${styleMap(pad ? {} : this.cellStyle(inScale, v))}
                 title=${pad ? `${this.labels.padding}: ${this.fill}` : ''}>${num(v)}${t
                 ? html`<span class="w">×${num(this.kernel[t[0]][t[1]])}</span>` : ''}</td>`;
          })}</tr>`)}</table>
          <div class="legend"><span class="swatch"></span>${this.labels.padding}: <b id="fill">${this.fill}</b></div>
          ${inScale ? this.legend(inScale) : ''}
          ${this.flipped ? html`<div class="legend" id="flipped">${this.labels.flipped}</div>` : ''}
        </div>
        <div>
          <h4>${this.labels.output}</h4>
          <table id="output" @mouseleave=${() => { this.hovered = null; }}>${this.output.map((row, r) => html`<tr>${row.map((v, c) => {
            const i = r * this.outCols + c;
            const cls = ['out', i < this.computed ? 'done' : '', !this.hovered && i === this.computed - 1 ? 'current' : '',
              this.hovered && this.hovered[0] === r && this.hovered[1] === c ? 'hover' : ''].join(' ');
            // a tap on a phone lights the cell's window as pointing does
            return html`<td class=${cls} data-r=${r} data-c=${c} @mouseenter=${() => { this.hovered = [r, c]; }}
                 @click=${() => { this.hovered = [r, c]; }}
                 style=${styleMap(i < this.computed ? this.cellStyle(outScale, v) : {})}>${v}</td>`;
          })}</tr>`)}</table>
          ${outScale ? this.legend(outScale) : ''}
        </div>
      </div>
      <div id="sum">${text}</div>`;
  }

  private legend(scale: Scale) {
    return html`<div class="legend" role="img" aria-label="${this.labels.legend}: ${num(scale.lo)} … ${num(scale.hi)}">
      <span>${num(scale.lo)}</span><span class="bar" style=${styleMap({ background: gradient(scale) })}></span><span>${num(scale.hi)}</span></div>`;
  }

  step() {
    if (this.computed < this.total) {
      this.computed++;
    }
    if (this.computed >= this.total) {
      this.pause();
    }
  }

  play() {
    if (this.computed >= this.total) return;
    this.playing = true;
    this.schedule();
  }

  pause() {
    this.playing = false;
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  reset() {
    this.pause();
    this.computed = 0;
    this.hovered = null;
  }

  private schedule() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      if (!this.playing) return;
      this.step();
      if (this.playing) this.schedule();
    }, 1000 / this.speed);
  }

  private onSpeed(e: Event) {
    this.speed = Number((e.target as HTMLInputElement).value);
    if (this.playing) this.schedule();
  }
}

function num(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(4)).toString();
}
