/**
 * The English text of why mailsift.yaml's `alerts:` section is wrong, or names no such alert rule or destination, by
 * reason code (config-reasons-ja.ts has the same codes).
 */
import type { AlertFileReasonCode, AlertNameReasonCode } from '../alerts/index.js';
import type { IssueReasonCode } from '../config/index.js';

export type ConfigReasonCode = IssueReasonCode | AlertFileReasonCode | AlertNameReasonCode;
type P = Readonly<Record<string, string | number>>;
export type ConfigReasonTexts = Record<ConfigReasonCode, (p: P) => string>;

export const CONFIG_REASONS_EN: ConfigReasonTexts = {
  'value-type': (p) => `${p.key}: expected ${p.expected}`,
  'value-choice': (p) => `${p.key}: must be one of ${p.values}`,
  'value-too-small': (p) => `${p.key}: must be ${p.limit} (in characters or items for text and lists)`,
  'value-too-big': (p) => `${p.key}: must be ${p.limit} (in characters or items for text and lists)`,
  'value-unknown-keys': (p) => `${p.key}: unknown keys ${p.keys}`,
  'value-invalid': (p) => `${p.key}: ${p.issue}`,
  // Worded by the schema's own text (config-reason-text.ts); this is its fallback.
  'value-schema': (p) => `${p.key}: ${p.schemaText}`,
  'alert-destination-type': (p) => `${p.key}: unknown destination type '${p.type}' (known: ${p.known})`,
  'alert-unknown-destination': (p) => `${p.key}: no destination is named '${p.name}'`,
  'alert-destination-duplicate': (p) => `${p.key}: another destination is already named '${p.name}'`,
  'alert-rule-duplicate': (p) => `${p.key}: another rule is already named '${p.name}'`,
  'no-destination-named': (p) => `no destination is named '${p.name}' (configured: ${p.configured})`,
  'no-alert-rule-named': (p) => `no alert rule is named '${p.name}' (configured: ${p.configured})`,
};
