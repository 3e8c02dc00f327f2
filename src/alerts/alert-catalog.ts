/**
 * Every alert rule and destination mailsift knows, from three sources: mailsift.yaml, the web app (kept in the
 * store) and the built-in rules. The file wins: a name it defines is read-only in the web app, and an entry made
 * in the app under a name the file took later is shown as shadowed and does not run. App entries win over the
 * built-in rules (switching a built-in on saves it as an app rule of the same name).
 */
import type { AlertDefinitionRow, Store } from '../store/index.js';
import {
  parseAlertsConfig,
  parseDestinationEntry,
  parseRuleEntry,
  type AlertsConfig,
  type AlertRule,
  type ConfiguredDestination,
} from './alert-config.js';
import { BUILT_IN_RULES } from './built-in-rules.js';
import { maskSecrets } from './secret-mask.js';
import { AlertConfigError, type AlertErrorReason } from './errors.js';

/** Where a definition comes from. */
export type DefinitionSource = 'file' | 'app' | 'built-in';

/** What an entry of the catalog says besides its definition. */
interface CatalogEntry {
  name: string;
  source: DefinitionSource;
  /** Whether it runs (rules) or receives alerts (destinations) now. */
  active: boolean;
  /** Why an app or built-in entry does not run although it could: shadowed by the file, no longer valid, no destination. */
  problem: string | null;
  /** The same as a reason code and its values, for the web app to word in the viewer's language. */
  problemReason: AlertErrorReason | null;
  /** App entries: who saved it last and when (ISO 8601). */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A rule as the web app shows it (rules hold no secrets: the definition is as written). */
export interface CatalogRule extends CatalogEntry {
  definition: Record<string, unknown>;
  /** Whether a built-in rule of this name exists (an app rule of that name is its switched-on copy). */
  builtIn: boolean;
  /** Built-in rules: what they watch for (English), and in Japanese. */
  summary: string | null;
  summaryJa: string | null;
}

/** A destination as the web app shows it: secrets masked. */
export interface CatalogDestination extends CatalogEntry {
  type: string;
  definition: Record<string, unknown>;
  /** Rules that send to it. */
  usedBy: string[];
}

/** The three sources merged. */
export interface AlertCatalog {
  /** What runs: the file's rules and destinations and the valid app entries it does not shadow. */
  effective: AlertsConfig;
  rules: CatalogRule[];
  destinations: CatalogDestination[];
}

const problemOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const problemReasonOf = (error: unknown): AlertErrorReason | null => (error instanceof AlertConfigError ? (error.why ?? null) : null);

/** Why an entry does not run, in English and as a reason code. */
type Problem = Pick<CatalogEntry, 'problem' | 'problemReason'>;
const NO_PROBLEM: Problem = { problem: null, problemReason: null };
const problemFrom = (error: unknown): Problem => ({ problem: problemOf(error), problemReason: problemReasonOf(error) });
const FILE_WINS: Record<'rule' | 'destination', Problem> = {
  rule: { problem: 'mailsift.yaml defines a rule of this name; the file wins', problemReason: { reason: 'alert-file-wins-rule' } },
  destination: {
    problem: 'mailsift.yaml defines a destination of this name; the file wins',
    problemReason: { reason: 'alert-file-wins-destination' },
  },
};
const NO_DESTINATION: Problem = { problem: 'off until it has a destination', problemReason: { reason: 'alert-no-destination' } };

function appMeta(row: AlertDefinitionRow): Pick<CatalogEntry, 'updatedBy' | 'updatedAt'> {
  return { updatedBy: row.updatedBy, updatedAt: new Date(row.updatedAt).toISOString() };
}

/** Mask the secrets of a destination definition; one that does not parse has every string masked but its name and type. */
function maskedDestination(definition: Record<string, unknown>, parsed: ConfiguredDestination | undefined): Record<string, unknown> {
  if (parsed) return maskSecrets(definition, parsed.type.secrets(parsed.config));
  const { name, type, ...rest } = definition;
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(rest);
  return { name, type, ...maskSecrets(rest, strings) };
}

/** Merge the file's `alerts:` section, the store's app definitions and the built-in rules. Throws AlertConfigError when the file's section is wrong. */
export async function loadAlertCatalog(store: Pick<Store, 'listAlertDefinitions'>, fileSection: unknown): Promise<AlertCatalog> {
  const file = parseAlertsConfig(fileSection);
  const raw = (fileSection ?? {}) as { rules?: Record<string, unknown>[]; destinations?: Record<string, unknown>[] };
  const stored = await store.listAlertDefinitions();
  const destinations = new Map(file.destinations);
  const destinationList: CatalogDestination[] = [];
  for (const d of raw.destinations ?? []) {
    const parsed = file.destinations.get(String(d.name));
    destinationList.push({
      name: String(d.name),
      type: String(d.type),
      source: 'file',
      active: parsed?.enabled ?? false,
      ...NO_PROBLEM,
      updatedBy: null,
      updatedAt: null,
      definition: maskedDestination(d, parsed),
      usedBy: [],
    });
  }
  for (const row of stored.filter((r) => r.kind === 'destination')) {
    let parsed: ConfiguredDestination | undefined;
    let problem: Problem = NO_PROBLEM;
    if (file.destinations.has(row.name)) problem = FILE_WINS.destination;
    else {
      try {
        parsed = parseDestinationEntry(row.definition, '');
        destinations.set(parsed.name, parsed);
      } catch (error) {
        problem = problemFrom(error);
      }
    }
    destinationList.push({
      name: row.name,
      type: String(row.definition.type ?? ''),
      source: 'app',
      active: problem.problem === null && (parsed?.enabled ?? false),
      ...problem,
      ...appMeta(row),
      definition: maskedDestination(row.definition, parsed),
      usedBy: [],
    });
  }

  const rules: AlertRule[] = [...file.rules];
  const ruleList: CatalogRule[] = [];
  const builtIn = new Map(BUILT_IN_RULES.map((b) => [b.name, b]));
  const extra = (name: string) => ({
    builtIn: builtIn.has(name),
    summary: builtIn.get(name)?.summary ?? null,
    summaryJa: builtIn.get(name)?.summaryJa ?? null,
  });
  for (const r of raw.rules ?? []) {
    const name = String(r.name);
    const parsed = file.rules.find((x) => x.name === name);
    ruleList.push({
      name,
      source: 'file',
      active: parsed?.enabled ?? false,
      ...NO_PROBLEM,
      updatedBy: null,
      updatedAt: null,
      definition: r,
      ...extra(name),
    });
  }
  const taken = new Set(ruleList.map((r) => r.name));
  for (const row of stored.filter((r) => r.kind === 'rule')) {
    let problem: Problem = NO_PROBLEM;
    let parsed: AlertRule | undefined;
    if (taken.has(row.name)) problem = FILE_WINS.rule;
    else {
      try {
        parsed = parseRuleEntry(row.definition, '', (d) => destinations.has(d));
        rules.push(parsed);
      } catch (error) {
        problem = problemFrom(error);
      }
    }
    taken.add(row.name);
    ruleList.push({
      name: row.name,
      source: 'app',
      active: parsed?.enabled ?? false,
      ...problem,
      ...appMeta(row),
      definition: row.definition,
      ...extra(row.name),
    });
  }
  for (const b of BUILT_IN_RULES) {
    if (taken.has(b.name)) continue;
    ruleList.push({
      name: b.name,
      source: 'built-in',
      active: false,
      ...NO_DESTINATION,
      updatedBy: null,
      updatedAt: null,
      definition: { ...b.definition, enabled: false, destinations: [] },
      builtIn: true,
      summary: b.summary,
      summaryJa: b.summaryJa,
    });
  }
  for (const d of destinationList) {
    d.usedBy = ruleList
      .filter((r) => Array.isArray(r.definition.destinations) && r.definition.destinations.includes(d.name))
      .map((r) => r.name);
  }
  return { effective: { rules, destinations }, rules: ruleList, destinations: destinationList };
}
