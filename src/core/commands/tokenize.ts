// Splits what a user typed into words. Double quotes (straight or curly) group words, so a value with
// spaces can be given as one argument: `cases "flexible retirement"`.

/** Longest input parsed; anything longer is cut, so a pasted essay cannot make parsing slow. */
export const MAX_INPUT_LENGTH = 2_000;

// Control and invisible formatting characters (Unicode categories Cc and Cf) other than tab and newlines.
const CONTROL_CHARACTERS = /(?![\t\n\r])[\p{Cc}\p{Cf}]/gu;

export function tokenize(input: string): string[] {
  const text = input
    .slice(0, MAX_INPUT_LENGTH)
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[\u201C\u201D\u201E]/g, '"');
  const tokens: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const token = (match[1] ?? match[2] ?? '').trim();
    if (token !== '') tokens.push(token);
  }
  return tokens;
}
