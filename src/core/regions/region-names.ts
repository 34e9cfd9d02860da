// Finds a region from what someone typed: its code (Y56, WALES), its name in any case and spacing
// (london, "North East and Yorkshire", north-east-and-yorkshire), or a common name or abbreviation
// (Yorkshire, North East, NEY, Cymru, Wales, the East, NW), in English or Welsh (Llundain, GIG Cymru,
// De-orllewin Lloegr, Gogledd-ddwyrain Lloegr a Swydd Efrog). A near miss is offered by nearestRegion.
import { distance } from 'fastest-levenshtein';
import type { Language } from '../i18n/catalogue.js';
import { plainWords } from '../i18n/mutations.js';
import type { Choice } from '../members/member.js';
import type { Translate } from '../i18n/translator.js';
import { RUN_COMMAND_ACTION } from '../actions.js';
import { message, type Message } from '../reply/reply.js';

const normalise = (text: string) => plainWords(text).replace(/[^a-z0-9]/g, '');

/**
 * The regions' names in Welsh, by region code: NHS Wales is GIG Cymru; NHS England's regions take the
 * Welsh names of England's parts (Welsh Government and BBC Cymru Fyw usage). To be confirmed by a Welsh
 * translator with the rest of the catalogue (docs/welsh-glossary.md).
 */
export const REGION_NAMES_CY: Readonly<Record<string, string>> = {
  Y56: 'Llundain',
  Y58: 'De-orllewin Lloegr',
  Y59: 'De-ddwyrain Lloegr',
  Y60: 'Canolbarth Lloegr',
  Y61: 'Dwyrain Lloegr',
  Y62: 'Gogledd-orllewin Lloegr',
  Y63: 'Gogledd-ddwyrain Lloegr a Swydd Efrog',
  WALES: 'GIG Cymru',
};

/** A region's name for a reader of `language`: its Welsh name in Welsh where there is one. */
export function regionName(region: { readonly code: string; readonly name: string }, language: Language): string {
  return language === 'cy' ? (REGION_NAMES_CY[region.code] ?? region.name) : region.name;
}

/** Common names and abbreviations, normalised, by region code. */
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Y56: ['ldn', 'londonregion', 'greaterlondon', 'llundain', 'llundainfwyaf'],
  Y58: ['sw', 'southwest', 'thesouthwest', 'deorllewin', 'deorllewinlloegr'],
  Y59: ['se', 'southeast', 'thesoutheast', 'deddwyrain', 'deddwyrainlloegr'],
  Y60: [
    'mids',
    'midlands',
    'themidlands',
    'eastmidlands',
    'westmidlands',
    'canolbarthlloegr',
    'dwyrainycanolbarth',
    'gorllewinycanolbarth',
  ],
  Y61: ['eoe', 'east', 'theeast', 'eastofengland', 'eastengland', 'dwyrainlloegr'],
  Y62: ['nw', 'northwest', 'thenorthwest', 'gogleddorllewin', 'gogleddorllewinlloegr'],
  Y63: [
    'ney',
    'neandy',
    'nyorks',
    'yorkshire',
    'yorks',
    'northeast',
    'thenortheast',
    'yorkshireandhumber',
    'humber',
    'northeastyorkshire',
    'gogleddddwyrain',
    'gogleddddwyrainlloegr',
    'gogleddddwyrainlloegraswyddefrog',
    'swyddefrog',
  ],
  WALES: ['wales', 'cymru', 'nhscymru', 'gigcymru', 'nhswales', 'welsh', 'heiw'],
};

export function findRegion(typed: string, regions: readonly Choice[]): Choice | undefined {
  const wanted = normalise(typed);
  if (wanted === '') return undefined;
  return regions.find(
    (region) =>
      normalise(region.value) === wanted ||
      normalise(region.label) === wanted ||
      normalise(region.label) === `nhs${wanted}` ||
      (REGION_ALIASES[region.value] ?? []).includes(wanted),
  );
}

/** The region a near miss ("yorkshre", "north wst") most likely meant, for "Did you mean"; undefined when none is near. */
export function nearestRegion(typed: string, regions: readonly Choice[]): Choice | undefined {
  const wanted = normalise(typed);
  if (wanted.length < 3) return undefined;
  let best: { region: Choice; score: number } | undefined;
  for (const region of regions) {
    for (const name of [normalise(region.label), ...(REGION_ALIASES[region.value] ?? [])]) {
      if (name.length < 4) continue;
      const score = distance(wanted, name);
      if (!best || score < best.score) best = { region, score };
    }
  }
  return best && best.score <= (wanted.length < 6 ? 1 : 2) ? best.region : undefined;
}

/**
 * The reply to a region that is not known, the same for every command that takes one: `unknown` (the
 * command's own "I don't know…" sentence), then "Did you mean <region>?" with a button that runs the
 * command again with that region filled in (`retry` gives the command's words for a region's name).
 */
export function unknownRegionReply(
  typed: string,
  regions: readonly Choice[],
  t: Translate,
  retry: (region: string) => string,
  unknown: string = t('roles.unknownRegion', { typed: typed.slice(0, 60) }),
): Message {
  const near = nearestRegion(typed, regions);
  if (!near) return message(unknown, [{ kind: 'text', text: unknown }]);
  const name = regionName({ code: near.value, name: near.label }, t.language);
  const didYouMean = t('regions.didYouMean', { region: name });
  return message(`${unknown} ${didYouMean}`, [
    { kind: 'text', text: unknown },
    { kind: 'text', text: didYouMean },
    { kind: 'buttons', buttons: [{ label: name, action: RUN_COMMAND_ACTION, value: retry(near.label) }] },
  ]);
}
