/** Colour stops from 0 to 1, as [r, g, b]. Shared by the image bands and the number matrices. */
export type Stops = number[][];

/** Viridis (matplotlib's default): perceptually even, readable in gray, for values of one sign. */
export const VIRIDIS: Stops = [[68, 1, 84], [72, 40, 120], [62, 73, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [110, 206, 88], [181, 222, 43], [253, 231, 37]];
/** Blue - white - red (ColorBrewer RdBu, reversed): for signed values, white at zero. */
export const DIVERGING: Stops = [[33, 102, 172], [67, 147, 195], [146, 197, 222], [209, 229, 240], [247, 247, 247],
  [253, 219, 199], [244, 165, 130], [214, 96, 77], [178, 24, 43]];
export const SINGLE: Record<string, Stops> = {
  gray: [[0, 0, 0], [255, 255, 255]], red: [[0, 0, 0], [255, 0, 0]],
  green: [[0, 0, 0], [0, 255, 0]], blue: [[0, 0, 0], [0, 0, 255]],
};

/** 256 colours interpolated between the stops, flat [r, g, b, r, g, b, ...]. */
export function table(stops: Stops): Uint8ClampedArray {
  const out = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const t = k / 255 * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(t));
    const f = t - i;
    for (let c = 0; c < 3; c++) {
      out[3 * k + c] = Math.round(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f);
    }
  }
  return out;
}

/** The map for a set of values: diverging and symmetric around zero when any is negative, viridis otherwise. */
export interface Scale { lo: number; hi: number; diverging: boolean; lut: Uint8ClampedArray }

const VIRIDIS_LUT = table(VIRIDIS);
const DIVERGING_LUT = table(DIVERGING);

export function autoScale(values: Iterable<number>): Scale {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) {
    return { lo: 0, hi: 1, diverging: false, lut: VIRIDIS_LUT };
  }
  if (lo < 0) {
    // symmetric around zero, so that white means exactly 0 and equal colours mean equal magnitudes
    const m = Math.max(-lo, hi);
    return { lo: -m, hi: m, diverging: true, lut: DIVERGING_LUT };
  }
  return { lo, hi, diverging: false, lut: VIRIDIS_LUT };
}

/** The [r, g, b] of a value on a scale. */
export function colourOf(scale: Scale, v: number): [number, number, number] {
  const t = scale.hi > scale.lo ? (v - scale.lo) / (scale.hi - scale.lo) : 0.5;
  const k = 3 * Math.max(0, Math.min(255, Math.round(t * 255)));
  return [scale.lut[k], scale.lut[k + 1], scale.lut[k + 2]];
}

/**
 * Black or white, whichever contrasts more with the background (WCAG relative luminance), so every
 * coloured cell keeps a readable number.
 */
export function textOn([r, g, b]: [number, number, number]): string {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
}

/** A CSS linear-gradient of a scale's colours, for legends. */
export function gradient(scale: Scale, direction = 'to right'): string {
  const parts: string[] = [];
  for (let i = 0; i <= 8; i++) {
    const k = 3 * Math.round(i * 255 / 8);
    parts.push(`rgb(${scale.lut[k]},${scale.lut[k + 1]},${scale.lut[k + 2]})`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}
