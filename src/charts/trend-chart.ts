// The digest's 12-month trend as a PNG, drawn without a browser: a Vega-Lite spec with inline data,
// compiled to Vega, rendered to SVG, then rasterised by resvg with the DejaVu Sans font shipped in
// node_modules (dejavu-fonts-ttf), so charts look the same on every machine and need no system fonts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import UPNG from 'upng-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TrendChart } from '../core/digests/trend.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
const FONT = 'DejaVu Sans';
const NHS_BLUE = '#005EB8';

function spec(chart: TrendChart): TopLevelSpec {
  const values = chart.points.map((point) => ({
    month: point.label,
    value: point.value === null ? null : Math.round(point.value * 10000) / 100,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: 220,
    background: 'white',
    padding: 12,
    title: {
      text: chart.title,
      subtitle: chart.subtitle,
      anchor: 'start',
      font: FONT,
      subtitleFont: FONT,
      fontSize: 15,
      subtitleFontSize: 11,
    },
    config: {
      font: FONT,
      axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 11, gridColor: '#e8edee' },
      view: { stroke: null },
    },
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 40 }, color: NHS_BLUE, strokeWidth: 2.5 },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: null, title: null, axis: { labelAngle: -40 } },
      y: { field: 'value', type: 'quantitative', title: chart.axisTitle, scale: { zero: false } },
    },
  };
}

/** The chart as SVG text (vega's headless renderer; inline data only, nothing is loaded). */
export async function trendChartSvg(chart: TrendChart): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function rasterise(svg: string, zoom: number) {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT, sansSerifFamily: FONT },
  }).render();
}

/** Colours kept in the compact PNG: the chart is a line, its points, grey axes and anti-aliased text. */
const COMPACT_COLOURS = 16;

export interface TrendChartPngs {
  /** Twice the SVG's size, for sharp display: the file behind the download link. */
  readonly sharp: Buffer;
  /**
   * The SVG's size with a 16-colour palette, a fraction of resvg's own PNG of the same size: small enough
   * to travel inside the message itself, uploaded to Slack or inline in a Teams card.
   */
  readonly compact: Buffer;
}

/** The chart as PNGs, drawn from one SVG. */
export async function trendChartPngs(chart: TrendChart): Promise<TrendChartPngs> {
  const svg = await trendChartSvg(chart);
  const sharp = rasterise(svg, 2).asPng();
  const small = rasterise(svg, 1);
  const rgba = small.pixels;
  const compact = UPNG.encode(
    [rgba.buffer.slice(rgba.byteOffset, rgba.byteOffset + rgba.byteLength) as ArrayBuffer],
    small.width,
    small.height,
    COMPACT_COLOURS,
  );
  return { sharp, compact: Buffer.from(compact) };
}

/** The chart as a PNG, twice the SVG's size for sharp display. */
export async function trendChartPng(chart: TrendChart): Promise<Buffer> {
  return rasterise(await trendChartSvg(chart), 2).asPng();
}
