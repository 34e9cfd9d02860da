// An event's title with its type in front ("Masterclass: Legacy mentoring"), unless the title already
// starts with the type's name ("Masterclass on legacy mentoring" is not made "Masterclass: Masterclass on …").
import type { Translate } from '../i18n/translator.js';
import type { EventType } from './event.js';

/** Whether `title` already begins with `typeName` as a word (case and spacing aside). */
export function startsWithType(title: string, typeName: string): boolean {
  const name = typeName.trim().toLocaleLowerCase('en-GB');
  const start = title.trim().toLocaleLowerCase('en-GB');
  if (name === '' || !start.startsWith(name)) return false;
  const next = start.charAt(name.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}

/** "Masterclass: Legacy mentoring", or the title alone when it already names the type. */
export function typedTitle(t: Translate, event: { readonly type: EventType; readonly title: string }): string {
  const typeName = t(`events.type.${event.type}`);
  return startsWithType(event.title, typeName) ? event.title : `${typeName}: ${event.title}`;
}
