/** A configuration mistake's reason (an AlertConfigError's `why`) in the CLI's language, from config-reasons-*.ts. */
import { schemaTextIn } from '../config/index.js';
import { CONFIG_REASONS_EN, type ConfigReasonCode, type ConfigReasonTexts } from './config-reasons-en.js';
import { CONFIG_REASONS_JA } from './config-reasons-ja.js';
import type { CliLanguage } from './messages.js';

/** Every language's texts, for the test that checks they have the same codes. */
export const CONFIG_REASONS: Record<CliLanguage, ConfigReasonTexts> = { en: CONFIG_REASONS_EN, ja: CONFIG_REASONS_JA };

/** A reason as errors carry it. */
export interface ConfigReasonJson {
  reason: string;
  params?: Readonly<Record<string, string | number>>;
}

const isCode = (code: string): code is ConfigReasonCode => Object.hasOwn(CONFIG_REASONS_EN, code);

/** The text of `why` in `language`; undefined for a reason this table does not hold. */
export function configReasonText(why: ConfigReasonJson, language: CliLanguage): string | undefined {
  if (!isCode(why.reason)) return undefined;
  const params = why.params ?? {};
  if (why.reason === 'value-schema') {
    // A schema's own text (a schedule, a URL, a condition): its code and values, worded by the schema texts.
    const { key, schemaText, ...values } = params;
    const text = schemaTextIn({ code: String(schemaText), params: values }, language);
    if (text !== undefined) return `${key}: ${text}`;
  }
  return CONFIG_REASONS[language][why.reason](params);
}
