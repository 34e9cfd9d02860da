// Slack delivers again what it thinks was not acknowledged in time: an Events API callback over HTTP
// comes back with X-Slack-Retry-Num, an envelope over Socket Mode with retry_attempt > 0; Bolt gives both
// to the listeners as context.retryNum. A redelivery of something this process has handled already is
// acknowledged and not handled again; one whose first delivery never arrived is handled as new.

/** How many deliveries are remembered: far more than Slack can redeliver before it gives up (about an hour). */
const REMEMBERED = 10_000;

interface DeliveryBody {
  readonly type?: string;
  readonly event_id?: string;
  readonly command?: string;
  readonly trigger_id?: string;
  readonly user?: { readonly id?: string };
  readonly actions?: readonly { readonly action_ts?: string }[];
}

/**
 * What stays the same when Slack delivers the same thing again: an event's event_id, a click's person and
 * action_ts, a command's trigger_id. Undefined for what is answered in its acknowledgement (modal
 * submissions, a select's options): answering again is what Slack asks for, and changes nothing twice.
 */
export function deliveryKey(body: unknown): string | undefined {
  const delivery = body as DeliveryBody;
  if (typeof delivery.event_id === 'string') return `event:${delivery.event_id}`;
  const actionTs = delivery.actions?.[0]?.action_ts;
  if (delivery.type === 'block_actions' && actionTs) return `action:${delivery.user?.id ?? ''}:${actionTs}`;
  if (typeof delivery.command === 'string' && delivery.trigger_id) return `command:${delivery.trigger_id}`;
  return undefined;
}

/** The deliveries handled lately, oldest first. */
export class Redeliveries {
  private readonly seen = new Set<string>();

  /** True when `key` is a redelivery of something handled already; otherwise remembers it. */
  alreadyHandled(key: string, retryNum: number | undefined): boolean {
    if ((retryNum ?? 0) > 0 && this.seen.has(key)) return true;
    this.seen.add(key);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    return false;
  }
}
