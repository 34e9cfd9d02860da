// Publishes digest charts: draws the PNGs (./trend-chart.ts), keeps the sharp one behind a file link
// (src/core/links), so every bot process can serve it as a download, and hands back the compact one to
// travel in the message: Slack gets it uploaded and Teams inline, so a chart shows whether or not the
// platforms' servers can reach the bot's address.
//
// A chart is drawn once for its content: the same figures (a preview asked for again, the same digest in
// several channels) get the same pictures and link while the link has long to run, instead of another
// Vega render (tens of megabytes of work) and another stored PNG each time.
import type { ChartPublisher, PublishedChart, TrendChart } from '../core/digests/trend.js';
import { CHART_LINK_DAYS, createFileLink, type FileLinkStore } from '../core/links/file-links.js';

/** Charts kept, most recently used last. */
const KEPT_CHARTS = 32;
/** A kept chart's link is handed out again for a day; it works for CHART_LINK_DAYS from when it was made. */
const REUSE_MS = 24 * 60 * 60 * 1000;

export class LinkedChartPublisher implements ChartPublisher {
  private readonly kept = new Map<string, { readonly madeAt: number; readonly chart: Promise<PublishedChart | undefined> }>();

  constructor(
    private readonly links: FileLinkStore,
    /** The bot's address for links: PUBLIC_URL, or the port it listens on. */
    private readonly publicUrl: () => string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    if (REUSE_MS >= CHART_LINK_DAYS * 24 * 60 * 60 * 1000) throw new Error('a reused chart link must still have time to run');
  }

  publish(chart: TrendChart, now: Date): Promise<PublishedChart | undefined> {
    const key = JSON.stringify([this.publicUrl(), chart]);
    const found = this.kept.get(key);
    this.kept.delete(key);
    if (found && now.getTime() - found.madeAt < REUSE_MS && now.getTime() >= found.madeAt) {
      this.kept.set(key, found);
      return found.chart;
    }
    const drawn = this.draw(chart, now);
    this.kept.set(key, { madeAt: now.getTime(), chart: drawn });
    // A chart that could not be drawn is not kept: the next digest tries again.
    void drawn.then((published) => {
      if (published === undefined && this.kept.get(key)?.chart === drawn) this.kept.delete(key);
    });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= KEPT_CHARTS) break;
      this.kept.delete(oldest);
    }
    return drawn;
  }

  private async draw(chart: TrendChart, now: Date): Promise<PublishedChart | undefined> {
    try {
      // Vega, Vega-Lite and resvg take about a second to load: only when the first digest draws a chart.
      const { trendChartPngs } = await import('./trend-chart.js');
      const { sharp, compact } = await trendChartPngs(chart);
      const url = await createFileLink(
        this.links,
        this.publicUrl(),
        { kind: 'chart', filename: 'trend.png', mediaType: 'image/png', content: sharp },
        now,
      );
      return { png: compact.toString('base64'), url };
    } catch (error) {
      // A digest without its picture still has the trend as text: better than no digest.
      this.onError(error);
      return undefined;
    }
  }
}
