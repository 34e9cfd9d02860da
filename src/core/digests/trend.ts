// The trend a digest shows: 12 months of the rolling leaver rate, drawn as a chart where the platform
// can show an image, and always written out as text too.
import type { Month } from '../metrics/period.js';

export interface TrendPoint {
  readonly month: Month;
  /** e.g. `Apr 2024`. */
  readonly label: string;
  /** A fraction; null when not published for that month. */
  readonly value: number | null;
}

export interface TrendChart {
  readonly title: string;
  readonly subtitle: string;
  readonly axisTitle: string;
  /** Describes the chart for screen readers and for clients that show no images. */
  readonly altText: string;
  readonly points: readonly TrendPoint[];
}

/** A drawn chart: the picture itself, and where it can be downloaded. */
export interface PublishedChart {
  /** A small PNG, base64: it travels in the message, so neither platform has to reach the bot to show it. */
  readonly png: string;
  /** The chart behind the bot's address (PUBLIC_URL), from `now` on: a download link for where it cannot be shown. */
  readonly url: string;
}

/** Draws a chart and keeps it behind a link; undefined when drawing failed (the digest keeps the trend as text). */
export interface ChartPublisher {
  publish(chart: TrendChart, now: Date): Promise<PublishedChart | undefined>;
}
