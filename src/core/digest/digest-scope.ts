// What a digest is about, from the words typed: `national`, a region (name or code), or an
// organisation's ODS code. Nothing typed: the asker's own region, or the nation for non-members.
import type { Scope } from '../metrics/metric-store.js';
import { findRegion } from '../regions/region-names.js';
import type { CoreServices } from '../services.js';
import type { Actor } from '../context.js';

const NATIONAL_WORDS = new Set(['national', 'nation', 'nationally', 'all']);

export type ScopeChoice = { readonly kind: 'ok'; readonly scope: Scope } | { readonly kind: 'unknown'; readonly typed: string };

export async function scopeFromWords(typed: string, actor: Actor, services: CoreServices): Promise<ScopeChoice> {
  const words = typed.trim();
  if (words === '') {
    const member = await services.members.findByIdentity(actor);
    const region = member?.status === 'active' ? member.region?.code : undefined;
    return { kind: 'ok', scope: region ? { kind: 'region', code: region } : { kind: 'national' } };
  }
  if (NATIONAL_WORDS.has(words.toLowerCase())) return { kind: 'ok', scope: { kind: 'national' } };
  const region = findRegion(words, await services.reference.regions());
  if (region) return { kind: 'ok', scope: { kind: 'region', code: region.value } };
  if (/^[A-Za-z0-9]{3,5}$/.test(words)) {
    const [organisation] = await services.metrics.organisations([words.toUpperCase()]);
    if (organisation) return { kind: 'ok', scope: { kind: 'organisation', code: organisation.code } };
  }
  return { kind: 'unknown', typed: words };
}

/** A scope as words that scopeFromWords reads back (stored with subscriptions). */
export function scopeWords(scope: Scope): string {
  return scope.kind === 'national' ? 'national' : scope.code;
}
