/** Alert rules and destinations made in the web app, as the store keeps them (the YAML's own keys, one object each). */

/** What a stored definition is: an alert rule or a destination. */
export type AlertDefinitionKind = 'rule' | 'destination';

/**
 * One alert rule or destination made in the web app. `definition` holds the same keys as its entry under
 * `alerts:` in mailsift.yaml (name included), secrets in full: the store is the only place they are kept.
 */
export interface AlertDefinitionRow {
  kind: AlertDefinitionKind;
  name: string;
  definition: Record<string, unknown>;
  /** Who saved it last. */
  updatedBy: string;
  /** When, in ms since the epoch. */
  updatedAt: number;
}

/** The order every engine lists definitions in: destinations before rules, then by name. */
export function compareAlertDefinitions(a: AlertDefinitionRow, b: AlertDefinitionRow): number {
  if (a.kind !== b.kind) return a.kind === 'destination' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A row as both engines read it: kind, name, the definition as JSON text, who, and when in ms. */
export function alertDefinitionFromRow([kind, name, definition, by, atMs]: readonly unknown[]): AlertDefinitionRow {
  return {
    kind: kind as AlertDefinitionKind,
    name: String(name),
    definition: JSON.parse(String(definition)) as Record<string, unknown>,
    updatedBy: String(by),
    updatedAt: Number(atMs),
  };
}
