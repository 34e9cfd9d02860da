// Fitting card content into a byte budget. Sizes are UTF-8 bytes of JSON, which is what travels and what
// the budget in card-limits.ts counts. Text is only ever cut between graphemes, so an emoji, a flag or a
// Welsh ŵ written as w + combining circumflex is never split into something that renders as garbage.

/** An Adaptive Card element (or action, or inline) as plain JSON. */
export type CardElement = Record<string, unknown> & { type: string };

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** What an element adds to the array it sits in: itself and a comma (one byte too many for the first: harmless). */
export function sizeInArray(element: unknown): number {
  return jsonBytes(element) + 1;
}

export function totalSize(elements: readonly unknown[]): number {
  return elements.reduce<number>((sum, element) => sum + sizeInArray(element), 0);
}

/**
 * The longest start of `text`, ending with "…", whose JSON string takes at most `maxBytes`; undefined
 * if not even one grapheme fits. Binary search, since each try serialises the candidate.
 */
export function cutText(text: string, maxBytes: number): string | undefined {
  // No fitting text is longer in UTF-16 units than its byte count, so the rest need not be segmented.
  const head = text.slice(0, Math.max(0, maxBytes));
  const parts = Array.from(graphemes.segment(head), (part) => part.segment);
  // A head cut short may end inside a grapheme (half a surrogate pair, an emoji without its modifier).
  if (head.length < text.length) parts.pop();
  const fits = (count: number): boolean => jsonBytes(parts.slice(0, count).join('') + ELLIPSIS) <= maxBytes;
  if (parts.length === 0 || !fits(1)) return undefined;
  let low = 1;
  let high = parts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return parts.slice(0, low).join('') + ELLIPSIS;
}

/** The array property that holds an element's children, for the elements that can lose their tail. */
function childrenKey(element: CardElement): 'items' | 'inlines' | undefined {
  if (element.type === 'Container' || element.type === 'Column') return 'items';
  if (element.type === 'RichTextBlock') return 'inlines';
  return undefined;
}

/** The first children of an element that fit, the last of them shortened if need be. */
function prefixOf(element: CardElement, key: 'items' | 'inlines', maxBytes: number): CardElement | undefined {
  const children = element[key];
  if (!Array.isArray(children)) return undefined;
  const kept: CardElement[] = [];
  let used = jsonBytes({ ...element, [key]: [] });
  for (const child of children as CardElement[]) {
    const size = sizeInArray(child);
    if (used + size <= maxBytes) {
      kept.push(child);
      used += size;
      continue;
    }
    const part = shrink(child, maxBytes - used - 1);
    if (part) kept.push(part);
    break;
  }
  return kept.length > 0 ? { ...element, [key]: kept } : undefined;
}

/**
 * The start of an element that takes at most `maxBytes`: a list keeps its first items, text its first
 * words, and a picture that does not fit is replaced by its description. Undefined if nothing useful fits.
 */
export function shrink(element: CardElement, maxBytes: number): CardElement | undefined {
  if (jsonBytes(element) <= maxBytes) return element;
  if (element.type === 'TextRun' && typeof element['text'] === 'string') {
    const room = maxBytes - jsonBytes({ ...element, text: '' }) + 2;
    const text = cutText(element['text'], room);
    return text === undefined ? undefined : { ...element, text };
  }
  if (element.type === 'Image' && typeof element['altText'] === 'string') {
    // An inline chart (a data: URL) can be most of a card; its description still says what it showed.
    return shrink({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `[${element['altText']}]`, isSubtle: true }] }, maxBytes);
  }
  const key = childrenKey(element);
  return key ? prefixOf(element, key, maxBytes) : undefined;
}

/**
 * The body elements that fit in `room` bytes, with `note` where content was left out. Action sets are
 * kept first whenever they fit, since buttons are how a person answers a card; then the other content
 * in order, up to the first element that does not fit, which keeps what of it fits. Content after that
 * is left out rather than skipped over, so the card never reads as if nothing were missing in between.
 */
export function fitBody(elements: readonly CardElement[], room: number, note: CardElement): CardElement[] {
  if (totalSize(elements) <= room) return [...elements];
  const space = room - sizeInArray(note);
  const keptActions = new Set<number>();
  let used = 0;
  elements.forEach((element, index) => {
    if (element.type === 'ActionSet' && used + sizeInArray(element) <= space) {
      keptActions.add(index);
      used += sizeInArray(element);
    }
  });

  const body: CardElement[] = [];
  let noted = false;
  elements.forEach((element, index) => {
    if (element.type === 'ActionSet') {
      if (keptActions.has(index)) body.push(element);
      return;
    }
    if (noted) return;
    if (used + sizeInArray(element) <= space) {
      body.push(element);
      used += sizeInArray(element);
      return;
    }
    const part = shrink(element, space - used - 1);
    if (part) {
      body.push(part);
      used += sizeInArray(part);
    }
    body.push(note);
    noted = true;
  });
  // Only actions were left out: say so at the end.
  if (!noted) body.push(note);
  return body;
}
