/**
 * Changing alert rules and destinations from the web app: each entry is checked with the same schema as
 * mailsift.yaml, names the file defines are refused (the file wins), and secrets sent back masked keep their
 * stored value.
 */
import type { AlertDefinitionKind, AlertDefinitionRow, Store } from '../store/index.js';
import { loadAlertCatalog } from './alert-catalog.js';
import { parseDestinationEntry, parseRuleEntry } from './alert-config.js';
import { BUILT_IN_RULES } from './built-in-rules.js';
import { AlertConfigError, AlertDefinitionConflictError, UnknownAlertNameError } from './errors.js';
import { holdsMask, restoreSecrets } from './secret-mask.js';

/** Who changes what, when, against which file section. */
export interface ManageContext {
  store: Pick<Store, 'listAlertDefinitions' | 'saveAlertDefinition' | 'deleteAlertDefinition'>;
  /** The `alerts:` section of mailsift.yaml. */
  fileSection: unknown;
  user: string;
  now: number;
}

/** How a save is meant: a new entry, or a change of the one named `name` (names are not changed). */
export type SaveMode = { create: true } | { create: false; name: string };

const WHAT: Record<AlertDefinitionKind, string> = { rule: 'rule', destination: 'destination' };

const isRule = (kind: AlertDefinitionKind) => kind === 'rule';

function noAppEntry(kind: AlertDefinitionKind, name: string): UnknownAlertNameError {
  return new UnknownAlertNameError(`no ${WHAT[kind]} made in the app is named '${name}'`, {
    reason: isRule(kind) ? 'no-alert-rule' : 'no-alert-destination',
    params: { name },
  });
}

function asObject(raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new AlertConfigError('send the entry as a JSON object', { reason: 'alert-entry-object' });
  return raw as Record<string, unknown>;
}

/** Refuse names the file holds, a new name already taken, a change of a name, or a change of something that does not exist. */
async function checkName(
  c: ManageContext,
  kind: AlertDefinitionKind,
  name: unknown,
  mode: SaveMode,
): Promise<AlertDefinitionRow | undefined> {
  if (typeof name !== 'string' || name === '') throw new AlertConfigError('name: give the entry a name', { reason: 'alert-entry-name' });
  if (!mode.create && name !== mode.name)
    throw new AlertConfigError(`name: a ${WHAT[kind]} cannot be renamed; make a new one instead`, {
      reason: isRule(kind) ? 'alert-rule-rename' : 'alert-destination-rename',
    });
  const catalog = await loadAlertCatalog(c.store, c.fileSection);
  const list = kind === 'rule' ? catalog.rules : catalog.destinations;
  if (list.some((e) => e.name === name && e.source === 'file'))
    throw new AlertDefinitionConflictError(`mailsift.yaml defines a ${WHAT[kind]} named '${name}', and the file wins: change it there`, {
      reason: isRule(kind) ? 'alert-rule-in-file' : 'alert-destination-in-file',
      params: { name },
    });
  const stored = (await c.store.listAlertDefinitions()).find((r) => r.kind === kind && r.name === name);
  const builtIn = kind === 'rule' && BUILT_IN_RULES.some((b) => b.name === name);
  if (mode.create && (stored || builtIn))
    throw new AlertDefinitionConflictError(`a ${WHAT[kind]} named '${name}' exists already`, {
      reason: isRule(kind) ? 'alert-rule-exists' : 'alert-destination-exists',
      params: { name },
    });
  if (!mode.create && !stored && !builtIn) throw noAppEntry(kind, name);
  return stored;
}

/** Names of every destination rules may send to (the file's and the app's valid ones). */
async function destinationNames(c: ManageContext): Promise<Set<string>> {
  return new Set((await loadAlertCatalog(c.store, c.fileSection)).effective.destinations.keys());
}

/** Check and store an alert rule made in the app; throws AlertConfigError naming the key at fault. */
export async function saveAlertRule(c: ManageContext, raw: unknown, mode: SaveMode): Promise<void> {
  const definition = asObject(raw);
  await checkName(c, 'rule', definition.name, mode);
  const known = await destinationNames(c);
  parseRuleEntry(definition, '', (d) => known.has(d));
  await c.store.saveAlertDefinition({ kind: 'rule', name: String(definition.name), definition, updatedBy: c.user, updatedAt: c.now });
}

/**
 * Check and store a destination made in the app. Masked secrets sent back keep their stored value. With
 * `useForBuiltInRules`, the built-in rules not switched on yet are switched on with this destination.
 */
export async function saveAlertDestination(
  c: ManageContext,
  raw: unknown,
  mode: SaveMode,
  options: { useForBuiltInRules?: boolean } = {},
): Promise<void> {
  const submitted = asObject(raw);
  const stored = await checkName(c, 'destination', submitted.name, mode);
  let definition = submitted;
  if (stored) {
    let secrets: string[] = [];
    try {
      const old = parseDestinationEntry(stored.definition, '');
      secrets = old.type.secrets(old.config);
    } catch {
      // A stored entry that no longer parses has nothing to keep.
    }
    definition = restoreSecrets(submitted, stored.definition, secrets) as Record<string, unknown>;
  }
  if (holdsMask(definition)) throw new AlertConfigError('a secret is still masked: type it again', { reason: 'alert-secret-masked' });
  parseDestinationEntry(definition, '');
  const name = String(definition.name);
  await c.store.saveAlertDefinition({ kind: 'destination', name, definition, updatedBy: c.user, updatedAt: c.now });
  if (!options.useForBuiltInRules) return;
  const catalog = await loadAlertCatalog(c.store, c.fileSection);
  for (const rule of catalog.rules.filter((r) => r.source === 'built-in')) {
    const b = BUILT_IN_RULES.find((x) => x.name === rule.name)!;
    const on = { ...b.definition, enabled: true, destinations: [name] };
    await c.store.saveAlertDefinition({ kind: 'rule', name: b.name, definition: on, updatedBy: c.user, updatedAt: c.now });
  }
}

/** Remove a rule or destination made in the app; a destination that rules still send to stays. */
export async function deleteAlertEntry(c: ManageContext, kind: AlertDefinitionKind, name: string): Promise<void> {
  const catalog = await loadAlertCatalog(c.store, c.fileSection);
  const entries = kind === 'rule' ? catalog.rules : catalog.destinations;
  const app = entries.find((e) => e.name === name && e.source === 'app');
  if (!app) {
    if (entries.some((e) => e.name === name && e.source === 'file'))
      throw new AlertDefinitionConflictError(`the ${WHAT[kind]} '${name}' is defined in mailsift.yaml: remove it there`, {
        reason: isRule(kind) ? 'alert-rule-file-remove' : 'alert-destination-file-remove',
        params: { name },
      });
    throw noAppEntry(kind, name);
  }
  if (kind === 'destination') {
    const users = catalog.rules.filter(
      (r) => r.source !== 'file' && r.problem === null && (r.definition.destinations as unknown[]).includes(name),
    );
    if (users.length > 0) {
      const rules = users.map((r) => r.name).join(', ');
      throw new AlertDefinitionConflictError(`rules still send to '${name}': ${rules}; change them first`, {
        reason: 'alert-destination-in-use',
        params: { name, rules },
      });
    }
  }
  await c.store.deleteAlertDefinition(kind, name);
}
