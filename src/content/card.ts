/** The suggestion card for one finding. Built with DOM APIs and textContent only. */
import { isRuleLocked, type Finding } from './findings';
import { CATEGORY_STYLES } from './categories';
import { send } from './settings-client';
import { isShortcutKey } from './shortcut-keys';
import { cutAtWord, trapFocus } from './focus-trap';
import type { StatEvent } from '../shared/stats';

export interface CardActions {
  apply(index: number): void;
  dismiss(): void;
  ignore(): void;
  disableRule(): void;
  close(): void;
  /** The shortcut pressed again with focus in the card: the next finding. */
  next(): void;
}

/** The default of the manifest's `open-card` command; the agent may remap it in the browser. */
export const SHORTCUT_HINT = 'Alt+Shift+Y: next suggestion';

let seq = 0;

function button(doc: Document, role: string, text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.setAttribute('data-tactful', role);
  b.textContent = text;
  if (label) b.setAttribute('aria-label', label);
  // Keep focus and selection in the editor when the card is used with the mouse.
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** Another finding on the same words, in another category: shown in the same card. */
export interface AlsoFinding {
  finding: Finding;
  apply(index: number): void;
}

function alsoSection(doc: Document, a: AlsoFinding): HTMLElement {
  const f = a.finding;
  const section = doc.createElement('div');
  section.className = 'also';
  section.setAttribute('data-tactful', 'also');
  section.setAttribute('data-category', f.category);
  section.setAttribute('data-rule', f.ruleId);
  const title = doc.createElement('span');
  title.className = 'swatch';
  title.setAttribute('data-category', f.category);
  title.textContent = CATEGORY_STYLES[f.category]?.label ?? f.category;
  const msg = doc.createElement('p');
  msg.className = 'message';
  msg.textContent = f.message;
  const phrase = doc.createElement('p');
  phrase.className = 'phrase';
  phrase.textContent = `“${cutAtWord(f.text, 90)}”`;
  section.append(title, phrase, msg);
  if (f.suggestions.length) {
    const list = doc.createElement('div');
    list.className = 'suggestions';
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', 'Rewrites');
    f.suggestions.forEach((s, i) => {
      const apply = () => {
        send({ type: 'stat', category: f.category, event: 'applied' });
        a.apply(i);
      };
      list.appendChild(button(doc, 'also-suggestion', s.replacement, apply, `Replace with: ${s.replacement}`));
    });
    section.appendChild(list);
  }
  return section;
}

/**
 * @param also findings of other categories on the same words (cardOrder), shown below this one.
 * @param countShown whether this opening counts as the finding being shown (once per reply: CardSurface decides).
 */
export function renderCard(doc: Document, f: Finding, actions: CardActions, error?: string, also: AlsoFinding[] = [], countShown = true): HTMLElement {
  const id = `tactful-card-${++seq}`;
  const style = CATEGORY_STYLES[f.category];
  // Local stats: category and event only, never text.
  const stat = (event: StatEvent) => send({ type: 'stat', category: f.category, event });
  const counted = (event: StatEvent, fn: () => void) => () => {
    stat(event);
    fn();
  };
  const card = doc.createElement('div');
  card.setAttribute('data-tactful', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-labelledby', `${id}-title`);
  card.setAttribute('aria-describedby', `${id}-msg`);
  card.setAttribute('data-category', f.category);
  card.setAttribute('data-rule', f.ruleId);
  card.setAttribute('data-start', String(f.start));
  card.setAttribute('data-end', String(f.end));

  const head = doc.createElement('div');
  head.className = 'head';
  const title = doc.createElement('span');
  title.id = `${id}-title`;
  title.className = 'swatch';
  title.setAttribute('data-category', f.category);
  title.setAttribute('data-tactful', 'category');
  title.textContent = style?.label ?? f.category;
  const close = button(doc, 'close', '×', actions.close, 'Close suggestion');
  close.className = 'close';
  head.append(title, close);

  const msg = doc.createElement('p');
  msg.id = `${id}-msg`;
  msg.className = 'message';
  msg.setAttribute('data-tactful', 'message');
  msg.textContent = f.message;

  const phrase = doc.createElement('p');
  phrase.className = 'phrase';
  phrase.textContent = `“${cutAtWord(f.text, 90)}”`;

  card.append(head, phrase, msg);

  if (f.suggestions.length > 0) {
    const list = doc.createElement('div');
    list.className = 'suggestions';
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', 'Rewrites');
    f.suggestions.forEach((s, i) => {
      const b = button(doc, 'suggestion', s.replacement, counted('applied', () => actions.apply(i)), `Replace with: ${s.replacement}`);
      if (s.label) b.title = s.label;
      list.appendChild(b);
    });
    card.appendChild(list);
  }

  if (error) {
    const e = doc.createElement('p');
    e.className = 'error';
    e.setAttribute('role', 'alert');
    e.setAttribute('data-tactful', 'error');
    e.textContent = error;
    card.appendChild(e);
  }

  for (const a of also) card.appendChild(alsoSection(doc, a));

  const actionsRow = doc.createElement('div');
  actionsRow.className = 'actions';
  actionsRow.append(
    button(doc, 'dismiss', 'Dismiss', counted('dismissed', actions.dismiss), 'Dismiss this suggestion'),
    button(doc, 'ignore', 'Always ignore this phrase', counted('ignored', actions.ignore)),
  );
  // A rule the team locked (managed policy) cannot be turned off here.
  if (isRuleLocked(f.ruleId)) card.setAttribute('data-locked', '');
  else actionsRow.append(button(doc, 'disable-rule', 'Turn off this rule', actions.disableRule));
  card.appendChild(actionsRow);
  const hint = doc.createElement('div');
  hint.className = 'hint';
  hint.setAttribute('data-tactful', 'shortcut-hint');
  hint.textContent = SHORTCUT_HINT;
  card.appendChild(hint);
  if (countShown) stat('shown');

  card.addEventListener('keydown', (e) => {
    if (isShortcutKey(e)) {
      e.preventDefault();
      e.stopPropagation();
      actions.next();
    }
  });
  trapFocus(card, actions.close);
  return card;
}
