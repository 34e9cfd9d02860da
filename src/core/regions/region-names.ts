// Finds a region from what someone typed: its code (Y56, WALES) or its name in any case and spacing
// (london, "North East and Yorkshire", north-east-and-yorkshire).
import type { Choice } from '../members/member.js';

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export function findRegion(typed: string, regions: readonly Choice[]): Choice | undefined {
  const wanted = normalise(typed);
  if (wanted === '') return undefined;
  return regions.find(
    (region) => normalise(region.value) === wanted || normalise(region.label) === wanted || normalise(region.label) === `nhs${wanted}`,
  );
}
