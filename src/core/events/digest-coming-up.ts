// The digest's "Coming up" section: events starting in the next two weeks, for the digest's region (its
// own and national events) or, for the nation, national events with a count of regional ones per region.
// Each listed event has an "Event details" button that runs `event <number>`.
import { RUN_COMMAND_ACTION } from '../actions.js';
import type { DigestSection } from '../digests/digest-section.js';
import type { Translate } from '../i18n/translator.js';
import type { Block, Button, ListItem } from '../reply/reply.js';
import type { EventRecord } from './event.js';
import { ukRange } from './london-time.js';
import { placesLeft } from './rules.js';

/** How far ahead the digest looks. */
export const COMING_UP_DAYS = 14;
/** Events listed; the rest are counted. */
export const COMING_UP_LISTED = 5;

function placesText(t: Translate, event: EventRecord): string {
  const left = placesLeft(event.capacity, event.counts);
  if (event.capacity === null || left === undefined) return t('events.counts.noLimit');
  return left > 0 ? t('events.counts.places', { left, capacity: event.capacity }) : t('digest.comingUp.full');
}

function item(t: Translate, event: EventRecord): ListItem {
  return {
    title: [{ kind: 'strong', text: `#${event.number} ${event.title}` }],
    detail: [
      `${ukRange(event.startsAt, event.endsAt, t.language)} ${t('events.ukTime')}`,
      t(`events.type.${event.type}`),
      event.region?.name ?? t('events.national'),
      placesText(t, event),
    ].join(' · '),
  };
}

export const comingUpSection: DigestSection['build'] = async (input, services) => {
  const { t, now } = input;
  const to = new Date(now.getTime() + COMING_UP_DAYS * 24 * 60 * 60 * 1000);
  const national = input.scope.kind === 'national';
  const regionCode = national ? null : (input.regionCode ?? null);
  const [page, regional] = await Promise.all([
    services.events.startingBetween({ regionCode, from: now, to, limit: COMING_UP_LISTED }),
    national ? services.events.regionalCounts(now, to) : Promise.resolve(new Map<string, number>()),
  ]);
  if (page.total === 0 && regional.size === 0) return [];

  const blocks: Block[] = [{ kind: 'heading', text: t('digest.comingUp.heading') }];
  if (page.entries.length > 0) blocks.push({ kind: 'list', items: page.entries.map((event) => item(t, event)) });
  else blocks.push({ kind: 'text', text: t('digest.comingUp.noNational') });
  if (page.total > page.entries.length) {
    blocks.push({
      kind: 'note',
      text: [
        t('digest.comingUp.more', { count: page.total - page.entries.length }),
        ' ',
        { kind: 'command', words: national ? 'events all' : 'events' },
      ],
    });
  }
  if (regional.size > 0) {
    const names = new Map((await services.reference.regions()).map((region) => [region.value, region.label]));
    const counts = [...regional]
      .map(([code, count]) => ({ name: names.get(code) ?? code, count }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ name, count }) => `${name} ${count}`)
      .join(', ');
    blocks.push({ kind: 'note', text: [t('digest.comingUp.regional', { counts }), ' ', { kind: 'command', words: 'events all' }] });
  }
  if (page.entries.length > 0) {
    const buttons: Button[] = page.entries.map((event) => ({
      label: t('digest.comingUp.details', { number: event.number }),
      action: RUN_COMMAND_ACTION,
      value: `event ${event.number}`,
    }));
    blocks.push({ kind: 'buttons', buttons });
  }
  return blocks;
};
