/** The Japanese text of every message the schemas give themselves, by the codes of schema-texts-en.ts. */
import type { SchemaTextParams, SchemaTexts } from './schema-text.js';

type P = SchemaTextParams;

// The fields of a cron expression as Japanese admins name them.
const CRON_FIELDS: Record<string, string> = {
  minute: '分',
  hour: '時',
  'day of month': '日',
  month: '月',
  'day of week': '曜日',
};
const field = (p: P) => CRON_FIELDS[String(p.field)] ?? String(p.field);

export const SCHEMA_TEXTS_JA: SchemaTexts = {
  'country-code': () => 'JP のような ISO 3166-1 alpha-2 の国コードにしてください',
  'time-zone': () => 'Asia/Tokyo のような IANA タイムゾーンにしてください',
  'retention-days': () => '1 日以上の期間にしてください（例: 400d）',
  'oidc-needs-public-url': () =>
    'シングルサインオン（server.oidc）には server.publicUrl（利用者が開くアドレス、例: https://mailsift.example.com）が必要です',
  'duplicate-panel-id': () => '同じ id のパネルが 2 つあります',
  'collector-duration': (p: P) => `期間ではありません（${p.value}）。30s、15m、24h、7d のように書いてください`,
  'collector-duration-range': (p: P) => `${p.min} 秒から ${p.max} 日の間にしてください`,
  'collector-url': () => 'http(s) の URL にしてください',
  'collector-name': () => '英数字と . _ - だけにしてください',
  'tenant-id': () => 'ディレクトリ（テナント）ID にしてください。GUID か contoso.onmicrosoft.com のようなドメインです',
  'client-id': () => 'アプリケーション（クライアント）ID の GUID にしてください',
  thumbprint: () => '証明書の SHA-1 拇印（16 進数 40 桁）にしてください',
  'one-of': (p: P) => `次のいずれかにしてください: ${p.values}`,
  'detection-choice': (p: P) => `'*' か次のいずれかにしてください: ${p.values}`,
  'alert-duration': (p: P) => `'${p.value}' は期間ではありません。30m、1h、1d のように書いてください`,
  'schedule-invalid': (p: P) => `'${p.value}' は間隔（30s、5m、1h、1d）でも cron 式（'*/10 * * * *'）でもありません`,
  'schedule-too-short': (p: P) => `間隔 '${p.value}' は短すぎます。10s 以上にしてください`,
  'cron-fields': (p: P) => `cron 式は 5 つのフィールド（分 時 日 月 曜日）からなりますが、'${p.value}' は ${p.count} つです`,
  'cron-never': (p: P) => `cron 式 '${p.value}' は一度も実行されません`,
  'cron-field-invalid': (p: P) => `cron の${field(p)}のフィールド '${p.value}' が正しくありません`,
  'cron-step': (p: P) => `cron の${field(p)}の間隔は 1 以上にしてください（'${p.value}'）`,
  'cron-range-backwards': (p: P) => `cron の${field(p)}の範囲 '${p.value}' が逆順です`,
  'cron-value-range': (p: P) => `cron の${field(p)}の値 '${p.value}'（'${p.expression}'）が ${p.min}-${p.max} の範囲外です`,
  'condition-shape': () => "{ rows: '>0' } か { column: count_, op: '>', value: 100 } の形にしてください",
  'condition-rows-extra': (p: P) => `'rows' と一緒に指定できないキー '${p.name}' があります`,
  'condition-rows': (p: P) => `rows は '>0' や '>=10' のような整数との比較にしてください（'${p.value}' は使えません）`,
  'condition-extra': (p: P) => `不明なキー '${p.name}' があります（条件は 'rows' か、'column'・'op'・'value' で指定します）`,
  'condition-column': () => "'rows' か、count_ のような結果の列を指す 'column' を指定してください",
  'condition-op': (p: P) => `op は次のいずれかにしてください: ${p.values}`,
  'condition-value': () => 'value は数値か文字列にしてください',
  'destinations-none': () => '送信先を 1 つ以上指定してください',
  'detection-or-query': () => "'detection'（ルール ID か '*'）と 'query'（KQL）のどちらか一方だけを指定してください",
  'condition-query-only': () => '条件（condition）を持てるのはクエリのルールだけです。検知ルールは検知結果ごとに通知します',
  'key-query-only': () => 'key を持てるのはクエリのルールだけです。検知のアラートは検知結果の ID で区別します',
  'email-address': () => 'soc@contoso.com のようなメールアドレスにしてください',
  'header-name': () => 'HTTP ヘッダー名として正しくありません',
  'header-value': () => 'ヘッダーの値に改行は入れられません',
  'secret-length': () => '16 文字以上にしてください',
  'http-url': () => 'http:// か https:// の URL にしてください',
  'syslog-facility': (p: P) => `0-23 か次のいずれかにしてください: ${p.values}`,
};
