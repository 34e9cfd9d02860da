// Publishes digest charts: draws the PNGs (./trend-chart.ts), keeps the sharp one behind a file link
// (src/core/links), so every bot process can serve it as a download, and hands back the compact one to
// travel in the message: Slack gets it uploaded and Teams inline, so a chart shows whether or not the
// platforms' servers can reach the bot's address.
import type { ChartPublisher, PublishedChart, TrendChart } from '../core/digests/trend.js';
import { createFileLink, type FileLinkStore } from '../core/links/file-links.js';

export class LinkedChartPublisher implements ChartPublisher {
  constructor(
    private readonly links: FileLinkStore,
    /** The bot's address for links: PUBLIC_URL, or the port it listens on. */
    private readonly publicUrl: () => string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async publish(chart: TrendChart, now: Date): Promise<PublishedChart | undefined> {
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
