/** Where alert rules read from: stored findings (detection rules) and KQL on the store (query rules, evidence). */
import { listFindings, type Finding } from '../detect/index.js';
import { KqlError } from '../kql/index.js';
import { runKql, type QueryResult, type Store } from '../store/index.js';
import { AlertRuleError } from './errors.js';
import type { Severity } from './finding.js';

/** What the rules read; tests and `serve` may pass their own (e.g. findings straight from a detection run). */
export interface AlertSources {
  /** Open findings of `rule` (or every rule for '*') whose time span ends at or after `from`. */
  findings(filter: { rule: string; from: number; to: number; minSeverity: Severity }): Promise<Finding[]>;
  /** Run KQL at `now`, restricted to `timeRange` when one is given. */
  query(kql: string, options: { now: number; timeRange?: { from?: number; to?: number } }): Promise<QueryResult>;
}

/** Sources reading the store: the Findings table, and KQL compiled for the store's dialect. */
export function storeSources(store: Store): AlertSources {
  return {
    async findings({ rule, from, to, minSeverity }) {
      const found = await listFindings(store, {
        from,
        to,
        minSeverity,
        state: 'open',
        limit: 1000,
        ...(rule === '*' ? {} : { rule: rule as Finding['rule'] }),
      });
      return found.map(({ state: _s, updatedBy: _b, updatedAt: _a, assignee: _w, ...finding }) => finding);
    },
    async query(kql, { now, timeRange }) {
      try {
        const { columns, rows } = await runKql(store, kql, { now, ...(timeRange ? { timeRange } : {}) });
        return { columns, rows };
      } catch (error) {
        if (error instanceof KqlError) throw new AlertRuleError(`the query is not valid KQL: ${error.message}`, { cause: error });
        throw error;
      }
    },
  };
}
