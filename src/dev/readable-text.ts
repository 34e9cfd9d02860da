// Turns what the bot sent (Slack blocks, Teams Adaptive Cards) back into readable lines, for
// `npm run try` and for test assertions about what a person would see.

type Json = Record<string, unknown>;

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const textOf = (value: unknown): string => (value && typeof value === 'object' ? str((value as Json)['text']) : '');

function unMrkdwn(text: string): string {
  return text
    .replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, '#$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

export function slackBlocksToText(blocks: unknown): string {
  return asArray(blocks)
    .map((block) => {
      switch (block['type']) {
        case 'header':
          return textOf(block['text']).toUpperCase();
        case 'section':
          return [textOf(block['text']), ...asArray(block['fields']).map(textOf)].filter(Boolean).map(unMrkdwn).join('\n');
        case 'context':
          return asArray(block['elements'])
            .map((element) => unMrkdwn(textOf(element)))
            .join(' ');
        case 'actions':
          return asArray(block['elements'])
            .map((element) => `[${textOf(element['text'])}]`)
            .join(' ');
        case 'divider':
          return '---';
        case 'image':
          return `[image: ${str(block['alt_text'])}]`;
        default:
          return '';
      }
    })
    .filter((line) => line !== '')
    .join('\n');
}

function cardElementToText(element: Json): string {
  switch (element['type']) {
    case 'TextBlock':
      return str(element['text']);
    case 'RichTextBlock':
      return asArray(element['inlines'])
        .map((run) => str(run['text']))
        .join('');
    case 'FactSet':
      return asArray(element['facts'])
        .map((fact) => `${str(fact['title'])}: ${str(fact['value'])}`)
        .join('\n');
    case 'Container':
    case 'Column':
      return asArray(element['items']).map(cardElementToText).join('\n');
    case 'ColumnSet':
      return asArray(element['columns']).map(cardElementToText).join(': ');
    case 'Image':
      return `[image: ${str(element['altText'])}]`;
    case 'ActionSet':
      return asArray(element['actions'])
        .map((action) => `[${str(action['title'])}]`)
        .join(' ');
    default:
      return element['label'] ? `${str(element['label'])}: ____` : '';
  }
}

export function adaptiveCardToText(card: unknown): string {
  const body = asArray((card as Json | undefined)?.['body']).map(cardElementToText);
  const actions = asArray((card as Json | undefined)?.['actions']).map((action) => `[${str(action['title'])}]`);
  return [...body, ...(actions.length > 0 ? [actions.join(' ')] : [])].filter((line) => line !== '').join('\n');
}

/** The Adaptive Cards attached to a Bot Framework activity. */
export function cardsOf(activity: unknown): unknown[] {
  return asArray((activity as Json | undefined)?.['attachments'])
    .filter((attachment) => attachment['contentType'] === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment['content']);
}
