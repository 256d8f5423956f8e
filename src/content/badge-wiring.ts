/** The badges wired to what they open: a click opens or closes the field's panel; Escape closes what is open on the field. */
import { Badges } from './badges';
import type { Field } from './field';

export interface BadgeHost {
  togglePanel(field: Field): void;
  /** Closes the card or panel open on the field; false when neither is. */
  closeOn(field: Field, restoreFocus: boolean): boolean;
}

export function wireBadges(doc: Document, container: () => HTMLElement, host: BadgeHost): Badges {
  return new Badges(doc, container, {
    toggle: (field) => host.togglePanel(field),
    // From the badge, Escape closes what it opened and gives the caret back.
    escape: (field) => host.closeOn(field, true),
  });
}
