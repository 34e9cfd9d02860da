// One-time linking codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with
// the crypto random generator (31^8, about 8.5 * 10^11 codes). The store keeps only a keyed hash.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const CODE_VALID_MINUTES = 15;

export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The code as typed, in any case and with spaces or dashes, as stored; undefined if it cannot be a code. */
export function normaliseLinkCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((character) => CODE_ALPHABET.includes(character)) ? code : undefined;
}

/** Failed `link <code>` attempts one account may make within CODE_VALID_MINUTES before it must wait. */
export const MAX_FAILED_ATTEMPTS = 5;
