// The digest's 12-month trend as a PNG, drawn without a browser: a Vega-Lite spec with inline data,
// compiled to Vega, rendered to SVG, then rasterised by resvg with the DejaVu Sans font shipped in
// node_modules (dejavu-fonts-ttf), so charts look the same on every machine and need no system fonts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TrendChart } from '../core/digest/trend.js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = [join(FONT_DIR, 'DejaVuSans.ttf'), join(FONT_DIR, 'DejaVuSans-Bold.ttf')];
const FONT = 'DejaVu Sans';
const NHS_BLUE = '#005EB8';

function spec(chart: TrendChart): TopLevelSpec {
  const values = chart.points.map((point) => ({ month: point.label, value: point.value === null ? null : Math.round(point.value * 10000) / 100 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: 220,
    background: 'white',
    padding: 12,
    title: { text: chart.title, subtitle: chart.subtitle, anchor: 'start', font: FONT, subtitleFont: FONT, fontSize: 15, subtitleFontSize: 11 },
    config: { font: FONT, axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 10, titleFontSize: 11, gridColor: '#e8edee' }, view: { stroke: null } },
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

/** The chart as a PNG, twice the SVG's size for sharp display. */
export async function trendChartPng(chart: TrendChart): Promise<Buffer> {
  const svg = await trendChartSvg(chart);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}
