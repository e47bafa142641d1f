import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import * as echarts from 'echarts';

interface Row { backend: string; medianMillis: number | null; gflops: number | null; }

/** Bars of median time and GFLOP/s per engine, drawn with ECharts in the browser. */
@customElement('bench-chart')
export class BenchChart extends LitElement {
  @property({ type: Array }) rows: Row[] = [];
  @property({ type: Object }) labels: Record<string, string> = { millis: 'median ms', gflops: 'GFLOP/s' };

  private chart?: echarts.ECharts;
  private resizes?: ResizeObserver;

  static styles = css`
    :host { display: block; width: 100%; max-width: 900px; height: 320px; }
    #chart { width: 100%; height: 100%; }
  `;

  render() {
    return html`<div id="chart"></div>`;
  }

  firstUpdated() {
    this.start();
  }

  /** Vaadin may detach the element and attach it again (navigating back): the chart comes back with it. */
  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) {
      this.start();
    }
  }

  /** ECharts keeps its canvas, listeners and timers until disposed: a page left must not leak them. */
  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizes?.disconnect();
    this.resizes = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  private start() {
    this.chart = echarts.init(this.renderRoot.querySelector('#chart') as HTMLElement);
    this.resizes = new ResizeObserver(() => this.chart?.resize());
    this.resizes.observe(this);
    this.draw();
  }

  updated() {
    this.draw();
  }

  private draw() {
    if (!this.chart) return;
    const names = this.rows.map(r => r.backend);
    this.chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [this.labels.millis, this.labels.gflops] },
      xAxis: { type: 'category', data: names },
      yAxis: [{ type: 'value', name: this.labels.millis }, { type: 'value', name: this.labels.gflops }],
      series: [
        { name: this.labels.millis, type: 'bar', data: this.rows.map(r => r.medianMillis) },
        { name: this.labels.gflops, type: 'bar', yAxisIndex: 1, data: this.rows.map(r => r.gflops) },
      ],
    }, true);
  }
}
