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

/** Publishes a chart where the platforms can fetch it; undefined when the bot has no public address. */
export interface ChartPublisher {
  publish(chart: TrendChart): Promise<string | undefined>;
}
