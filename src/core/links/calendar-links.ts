// The token in an event's calendar-file link, `<PUBLIC_URL>calendar/<token>.ics`. Posts re-render the
// link from the event and people subscribe to it, so it is derived, never stored: the event's id, a dot,
// and an HMAC-SHA256 of the id keyed with the COP_SECRET setting (its first 192 bits, base64url). A
// token is checked by recomputing its MAC and comparing in constant time. Events made before the tokens
// were derived also keep their old random token: the database holds only its SHA-256
// (`legacyLinkTokenHash`), so a copy of the database alone opens no calendar link.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A derived token: an event id (a UUID), a dot and 32 base64url characters. */
const DERIVED_TOKEN = /^([A-Za-z0-9-]{1,64})\.([A-Za-z0-9_-]{32})$/;
/** A token stored by events made before the tokens were derived: 24 random bytes, base64url. */
export const LEGACY_CALENDAR_TOKEN = /^[A-Za-z0-9_-]{32}$/;

function mac(secret: string, eventId: string): Buffer {
  return createHmac('sha256', secret).update(`calendar:${eventId}`, 'utf8').digest().subarray(0, 24);
}

/** The token of an event's calendar link. */
export function calendarToken(secret: string, eventId: string): string {
  return `${eventId}.${mac(secret, eventId).toString('base64url')}`;
}

/** The event a derived token names, when its MAC is right; undefined otherwise (legacy tokens included). */
export function calendarTokenEvent(secret: string, token: string): string | undefined {
  const parts = DERIVED_TOKEN.exec(token);
  if (!parts) return undefined;
  const [, eventId, given] = parts as unknown as [string, string, string];
  const expected = mac(secret, eventId);
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? eventId : undefined;
}
