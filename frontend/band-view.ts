import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state, query } from 'lit/decorators.js';

import { type Stops, VIRIDIS, DIVERGING, SINGLE, table } from './colour-maps';

/**
 * One band (or one input channel) as a picture: the values come from `src` as little-endian float32,
 * row-major, are coloured here with a colour map (diverging around zero when the band has negative values,
 * viridis otherwise, or a channel's own colour), with a colour bar and the value under the pointer. The
 * numbers stay in the browser, so hovering costs no round trip. "PNG" saves the picture as shown.
 */
@customElement('band-view')
export class BandView extends LitElement {
  /** URL of the values. */
  @property() src = '';
  @property({ type: Number }) columns = 0;
  @property({ type: Number }) rows = 0;
  @property() label = '';
  /** 'auto' (viridis or diverging), or 'gray', 'red', 'green', 'blue' for an input channel. */
  @property() colormap = 'auto';
  /** Fixed [low, high] for the colours (an input channel's 0..1 or 0..255); null: the band's own range. */
  @property({ type: Array }) range: number[] | null = null;
  /** Longest side of the picture on the page, CSS pixels. */
  @property({ type: Number }) size = 240;
  /** Name of the saved PNG, without extension. */
  @property() fileName = 'band';
  /** Link to the values as NumPy text; empty for none. */
  @property() textHref = '';
  /** True: a click fires `pick` with the cell's row and column. */
  @property({ type: Boolean }) pickable = false;
  @property({ type: Object }) labels: Record<string, string> = {
    row: 'row', column: 'column', png: 'PNG', text: 'NumPy text', loading: 'Loading…', hint: 'Point at the picture to read a value',
    failed: 'The values could not be loaded',
  };

  /** The values, once loaded; tests read it. */
  values: Float32Array | null = null;
  @state() private low = 0;
  @state() private high = 1;
  @state() private diverging = false;
  @state() private pointer = '';
  @state() private loading = false;
  /** Why the values did not load (the server's status), or '' when they did. */
  @state() private failure = '';
  @query('#image') private canvas!: HTMLCanvasElement;
  @query('#bar') private bar!: HTMLCanvasElement;
  private request = 0;

  static styles = css`
    :host { display: inline-block; font: var(--lumo-font-size-s, 0.875rem) var(--lumo-font-family, sans-serif); }
    figure { margin: 0; }
    figcaption { font-weight: 600; margin-bottom: 0.25em; }
    .row { display: flex; gap: 0.4em; align-items: stretch; }
    #image { image-rendering: pixelated; border: 1px solid var(--lumo-contrast-20pct, #ccc); cursor: crosshair; }
    #bar { width: 12px; border: 1px solid var(--lumo-contrast-20pct, #ccc); }
    .ticks { display: flex; flex-direction: column; justify-content: space-between; font: 0.75rem ui-monospace, monospace; }
    #value { width: 0; min-width: 100%; font: 0.8rem ui-monospace, monospace; min-height: 2.6em; margin-top: 0.2em; color: var(--lumo-secondary-text-color, #555); }
    .actions { display: flex; gap: 0.6em; align-items: center; }
    button, a { font-size: 0.75rem; }
  `;

  render() {
    const scale = this.size / Math.max(1, this.columns, this.rows);
    const w = Math.max(1, Math.round(this.columns * scale));
    const h = Math.max(1, Math.round(this.rows * scale));
    return html`
      <figure>
        <figcaption part="label">${this.label}</figcaption>
        <div class="row">
          <canvas id="image" style="width:${w}px;height:${h}px" @mousemove=${this.onMove}
                  @mouseleave=${() => { this.pointer = ''; }} @click=${this.onClick}></canvas>
          <canvas id="bar" width="1" height="128" style="height:${h}px"></canvas>
          <div class="ticks" style="height:${h}px">
            <span id="high">${fmt(this.high)}</span>
            ${this.diverging ? html`<span>0</span>` : ''}
            <span id="low">${fmt(this.low)}</span>
          </div>
        </div>
        <div id="value" part="value">${this.loading ? this.labels.loading : this.failure || this.pointer || this.labels.hint}</div>
        <div class="actions">
          <button id="png" @click=${this.savePng}>${this.labels.png}</button>
          ${this.textHref ? html`<a id="text" href=${this.textHref} download="${this.fileName}.txt">${this.labels.text}</a>` : ''}
        </div>
      </figure>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('src')) {
      this.load();
    } else if (changed.has('colormap') || changed.has('range')) {
      this.draw();
    }
  }

  private async load() {
    const ticket = ++this.request;
    this.values = null;
    this.failure = '';
    this.removeAttribute('ready');
    this.removeAttribute('failed');
    if (!this.src) {
      return;
    }
    this.loading = true;
    try {
      // an expired or missing band answers 404 with a JSON error: reading that as float32 would draw noise
      const response = await fetch(this.src);
      if (ticket !== this.request) {
        return;
      }
      if (!response.ok) {
        this.fail(`${this.labels.failed} (HTTP ${response.status})`);
        return;
      }
      const buffer = await response.arrayBuffer();
      if (ticket !== this.request) {
        return;
      }
      const view = new DataView(buffer);
      const n = Math.min(buffer.byteLength / 4, this.columns * this.rows);
      const values = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        values[i] = view.getFloat32(4 * i, true);
      }
      this.values = values;
    } catch (e) {
      if (ticket === this.request) {
        this.fail(`${this.labels.failed} (${e instanceof Error ? e.message : e})`);
      }
      return;
    } finally {
      if (ticket === this.request) {
        this.loading = false;
      }
    }
    await this.updateComplete;
    this.draw();
    this.setAttribute('ready', '');
    this.dispatchEvent(new CustomEvent('band-ready'));
  }

  private fail(why: string) {
    this.failure = why;
    // no picture rather than the previous band's under this one's label
    this.canvas?.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.setAttribute('failed', '');
    this.dispatchEvent(new CustomEvent('band-failed'));
  }

  /** Colours every value and the colour bar. */
  private draw() {
    const v = this.values;
    if (!v || !this.canvas) {
      return;
    }
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      if (v[i] < lo) lo = v[i];
      if (v[i] > hi) hi = v[i];
    }
    let stops: Stops;
    if (this.colormap !== 'auto') {
      stops = SINGLE[this.colormap] ?? SINGLE.gray;
      if (this.range) {
        [lo, hi] = this.range;
      }
      this.diverging = false;
    } else if (lo < 0) {
      // symmetric around zero, so that white means exactly 0 and equal colours mean equal magnitudes
      const m = Math.max(-lo, hi);
      lo = -m;
      hi = m;
      stops = DIVERGING;
      this.diverging = true;
    } else {
      stops = VIRIDIS;
      this.diverging = false;
    }
    this.low = lo;
    this.high = hi;
    const span = hi > lo ? hi - lo : 1;
    this.canvas.width = this.columns;
    this.canvas.height = this.rows;
    const ctx = this.canvas.getContext('2d')!;
    const img = ctx.createImageData(this.columns, this.rows);
    const px = img.data;
    const lut = table(stops);
    for (let i = 0; i < v.length; i++) {
      const t = hi > lo ? (v[i] - lo) / span : 0.5;
      const k = 3 * Math.max(0, Math.min(255, Math.round(t * 255)));
      px[4 * i] = lut[k];
      px[4 * i + 1] = lut[k + 1];
      px[4 * i + 2] = lut[k + 2];
      px[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    const b = this.bar.getContext('2d')!;
    for (let y = 0; y < 128; y++) {
      const k = 3 * Math.round((127 - y) * 255 / 127);
      b.fillStyle = `rgb(${lut[k]},${lut[k + 1]},${lut[k + 2]})`;
      b.fillRect(0, y, 1, 1);
    }
  }

  private cell(e: MouseEvent): [number, number] | null {
    if (!this.values) {
      return null;
    }
    const rect = this.canvas.getBoundingClientRect();
    const x = Math.floor((e.clientX - rect.left) / rect.width * this.columns);
    const y = Math.floor((e.clientY - rect.top) / rect.height * this.rows);
    return x >= 0 && y >= 0 && x < this.columns && y < this.rows ? [y, x] : null;
  }

  private onMove(e: MouseEvent) {
    const c = this.cell(e);
    this.pointer = c ? `${this.labels.row} ${c[0]}, ${this.labels.column} ${c[1]}: ${fmt(this.values![c[0] * this.columns + c[1]])}` : '';
  }

  private onClick(e: MouseEvent) {
    const c = this.cell(e);
    if (c && this.pickable) {
      this.dispatchEvent(new CustomEvent('pick', { detail: { row: c[0], column: c[1] } }));
    }
  }

  private savePng() {
    this.canvas.toBlob(blob => {
      if (!blob) return;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${this.fileName}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }, 'image/png');
  }
}

/** A value in at most 6 significant digits, without trailing zeros. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e7) return String(v);
  const a = Math.abs(v);
  const s = a !== 0 && (a < 1e-4 || a >= 1e7) ? v.toExponential(4) : Number(v.toPrecision(6)).toString();
  return s;
}
