/** The Japanese text of why mailsift.yaml's `alerts:` section is wrong, by the codes of config-reasons-en.ts (a test checks both). */
import type { ConfigReasonTexts } from './config-reasons-en.js';

export const CONFIG_REASONS_JA: ConfigReasonTexts = {
  'value-type': (p) => `${p.key}: ${p.expected} 型の値にしてください`,
  'value-choice': (p) => `${p.key}: 次のいずれかにしてください: ${p.values}`,
  'value-too-small': (p) => `${p.key}: ${p.limit} にしてください（文字列と一覧は文字数・要素数）`,
  'value-too-big': (p) => `${p.key}: ${p.limit} にしてください（文字列と一覧は文字数・要素数）`,
  'value-unknown-keys': (p) => `${p.key}: 不明なキーです: ${p.keys}`,
  // zod's own wording of this issue is English; the key at fault is what the reader needs.
  'value-invalid': (p) => `${p.key}: 値の形が正しくありません`,
  'value-schema': (p) => `${p.key}: 値が正しくありません（${p.schemaText}）`,
  'alert-destination-type': (p) => `${p.key}: 送信先の種類 '${p.type}' はありません（使える種類: ${p.known}）`,
  'alert-unknown-destination': (p) => `${p.key}: '${p.name}' という送信先はありません`,
  'alert-destination-duplicate': (p) => `${p.key}: '${p.name}' という名前の送信先がすでにあります`,
  'alert-rule-duplicate': (p) => `${p.key}: '${p.name}' という名前のルールがすでにあります`,
  'no-destination-named': (p) => `'${p.name}' という送信先はありません（設定済み: ${none(p.configured)}）`,
  'no-alert-rule-named': (p) => `'${p.name}' という名前のアラートルールはありません（設定済み: ${none(p.configured)}）`,
};

/** The list of configured names, or "none" in Japanese. */
function none(configured: string | number | undefined): string {
  return configured === 'none' || configured === undefined || configured === '' ? 'なし' : String(configured);
}
