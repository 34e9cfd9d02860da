// The bot shows web addresses as buttons that open them (action ids `link.<what>`), never as text:
// these find such buttons in what was sent, Slack's url buttons and Teams' Action.OpenUrl actions.
type Json = Record<string, unknown>;

export interface LinkButton {
  readonly label: string;
  /** Slack: the action id (`link.calendar#0`); Teams: none, an OpenUrl action sends nothing back. */
  readonly actionId?: string;
  readonly url: string;
}

/** The url buttons in Slack blocks, in order. */
export function slackLinkButtons(blocks: readonly Json[]): LinkButton[] {
  return blocks
    .flatMap((block) => (block['type'] === 'actions' ? (block['elements'] as Json[]) : []))
    .filter((element) => typeof element['url'] === 'string')
    .map((element) => ({
      label: (element['text'] as { text: string }).text,
      actionId: element['action_id'] as string,
      url: element['url'] as string,
    }));
}

/** The Action.OpenUrl actions anywhere in an Adaptive Card (its body's action sets and its own actions). */
export function cardLinkButtons(card: unknown): LinkButton[] {
  const found: LinkButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const action = node as Json;
      if (action['type'] === 'Action.OpenUrl') found.push({ label: action['title'] as string, url: action['url'] as string });
      Object.values(action).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The one link button with this label; fails the test (showing what there was) if there is none. */
export function linkButton(buttons: readonly LinkButton[], label: string): LinkButton {
  const button = buttons.find((candidate) => candidate.label === label);
  if (!button) throw new Error(`no "${label}" link button among ${JSON.stringify(buttons)}`);
  return button;
}
