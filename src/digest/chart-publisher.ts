// Publishes digest charts: renders the PNG, keeps it in the database under a random token (so every
// bot process can serve it) and returns its public URL. Without PUBLIC_URL the platforms could not
// fetch an image, so nothing is rendered and digests show the trend as text only.
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { ChartPublisher, TrendChart } from '../core/digest/trend.js';
import type { PrismaClient } from '../db/database.js';
import { trendChartPng } from './trend-chart.js';

/** Charts older than this are deleted when a new one is published. */
export const CHART_RETENTION_DAYS = 90;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export class StoredChartPublisher implements ChartPublisher {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly publicUrl: string | undefined,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async publish(chart: TrendChart): Promise<string | undefined> {
    if (!this.publicUrl) return undefined;
    try {
      return await this.store(chart, this.publicUrl);
    } catch (error) {
      // A digest without its picture still has the trend as text: better than no digest.
      this.onError(error);
      return undefined;
    }
  }

  private async store(chart: TrendChart, publicUrl: string): Promise<string> {
    const png = await trendChartPng(chart);
    // 24 random bytes: 32 URL-safe characters that cannot be guessed.
    const token = randomBytes(24).toString('base64url');
    await this.prisma.digestChart.create({ data: { token, png: new Uint8Array(png) } });
    await this.prisma.digestChart.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - CHART_RETENTION_DAYS * 24 * 60 * 60 * 1000) } } });
    return `${publicUrl}charts/${token}.png`;
  }
}

/** GET /charts/<token>.png: the chart, or 404 for any other token. */
export function mountCharts(app: Express, prisma: PrismaClient): void {
  app.get('/charts/:file', async (request, response) => {
    const token = request.params.file.replace(/\.png$/, '');
    const chart = TOKEN.test(token) ? await prisma.digestChart.findUnique({ where: { token }, select: { png: true } }) : null;
    if (!chart) {
      response.status(404).json({ error: 'not found' });
      return;
    }
    response.set({ 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400, immutable' }).send(Buffer.from(chart.png));
  });
}
