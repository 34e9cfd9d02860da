// A posted message that shows live data (an event's announcement with its counts) has a post key: the
// kind of record it shows and the record's id. The outbox stores the key with each posted copy, and a
// refresh re-renders every copy with the renderer its feature declares for that kind (see feature.ts).
// Built and read here only.

export interface PostKey {
  /** The feature's name for what the post shows, e.g. `event`. */
  readonly kind: string;
  readonly id: string;
}

const SEPARATOR = ':';

export function postKey(kind: string, id: string): string {
  if (kind === '' || kind.includes(SEPARATOR)) throw new Error(`A post kind is a word without "${SEPARATOR}"`);
  return `${kind}${SEPARATOR}${id}`;
}

export function parsePostKey(key: string): PostKey | undefined {
  const at = key.indexOf(SEPARATOR);
  return at > 0 ? { kind: key.slice(0, at), id: key.slice(at + 1) } : undefined;
}
