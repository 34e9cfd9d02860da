// Plain-text rendering of replies: notification fallbacks, logs of what was sent, and `npm run try`.
import type { Block, Reply, Rich, Span } from './reply.js';

export interface PlainTextOptions {
  /** Prefix for commands: `/cop ` in Slack, empty in Teams. */
  readonly commandPrefix: string;
}

export function spanToPlainText(span: Span, options: PlainTextOptions): string {
  if (typeof span === 'string') return span;
  switch (span.kind) {
    case 'command':
      return `${options.commandPrefix}${span.words}`;
    case 'channel':
      return span.name ? `#${span.name}` : `#${span.id}`;
    case 'strong':
      return span.text;
  }
}

export function richToPlainText(rich: Rich, options: PlainTextOptions): string {
  return typeof rich === 'string' ? rich : rich.map((span) => spanToPlainText(span, options)).join('');
}

function blockToPlainText(block: Block, options: PlainTextOptions): string {
  switch (block.kind) {
    case 'heading':
      return block.text.toUpperCase();
    case 'text':
    case 'note':
      return richToPlainText(block.text, options);
    case 'facts':
      return block.facts.map((fact) => `${fact.label}: ${richToPlainText(fact.value, options)}`).join('\n');
    case 'list':
      return block.items
        .map((item) => {
          const title = richToPlainText(item.title, options);
          return item.detail ? `- ${title}: ${richToPlainText(item.detail, options)}` : `- ${title}`;
        })
        .join('\n');
    case 'buttons':
      return block.buttons.map((button) => `[${button.label}]`).join(' ');
    case 'divider':
      return '---';
    case 'image':
      return `[${block.alt}]`;
  }
}

export function replyToPlainText(reply: Reply, options: PlainTextOptions): string {
  if (reply.kind === 'file') return `${reply.summary}\n[${reply.filename}]`;
  if (reply.kind === 'form') {
    const fields = reply.fields.map((field) => `- ${field.label}${field.required ? ' *' : ''}`);
    return [reply.title.toUpperCase(), ...(reply.intro ? [richToPlainText(reply.intro, options)] : []), ...fields].join('\n');
  }
  return reply.blocks.map((block) => blockToPlainText(block, options)).join('\n\n');
}
