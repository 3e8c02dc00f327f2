/** The Japanese text of every delivery failure, by the codes of delivery-failures-en.ts (a test checks both have the same). */
import type { DeliveryFailureParams, DeliveryFailureTexts } from './delivery-failure.js';

type P = DeliveryFailureParams;

/** A network error's code (ECONNREFUSED, a certificate's) in words, the code kept for searching; other text as it came. */
export function networkTextJa(detail: string | number | undefined): string {
  const d = String(detail ?? '');
  if (/^ECONNREFUSED$/.test(d)) return `接続を拒否されました（${d}）`;
  if (/^(ENOTFOUND|EAI_AGAIN)$/.test(d)) return `ホスト名を解決できません（${d}）`;
  if (/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/.test(d)) return `接続が切断されました（${d}）`;
  if (/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)$/.test(d)) return `接続がタイムアウトしました（${d}）`;
  if (/^(EHOSTUNREACH|ENETUNREACH)$/.test(d)) return `ホストに到達できません（${d}）`;
  if (/CERT|SELF_SIGNED|HOSTNAME|ALTNAME|UNABLE_TO/.test(d)) return `TLS 証明書を検証できません（${d}）`;
  if (/^(EPROTO|ERR_SSL_.*)$/.test(d)) return `TLS 接続を確立できません（${d}）`;
  return `通信エラー（${d}）`;
}

const smtp = (p: P) => `SMTP ${p.host}:${p.port}`;

export const DELIVERY_FAILURES_JA: DeliveryFailureTexts = {
  'post-timeout': (p) => `${p.host} への POST に失敗しました: ${p.ms} ミリ秒以内に応答がありません`,
  'post-network': (p) => `${p.host} への POST に失敗しました: ${networkTextJa(p.detail)}`,
  'http-redirect': (p) => `${p.host} が HTTP ${p.status} を返しました（リダイレクトには従いません）`,
  'http-status': (p) => `${p.host} が HTTP ${p.status} を返しました${p.body ? `: ${p.body}` : ''}`,
  'smtp-refused': (p) => `${smtp(p)}: 接続を拒否されました`,
  'smtp-timeout': (p) => `${smtp(p)}: 時間内に応答がありません`,
  'smtp-auth': (p) => `${smtp(p)}: ログインを拒否されました${p.reply ? `（サーバーの応答: ${p.reply}）` : ''}`,
  'smtp-rejected': (p) => `${smtp(p)}: サーバーが応答コード ${p.status} で拒否しました${p.reply ? `（${p.reply}）` : ''}`,
  'smtp-tls': (p) => `${smtp(p)}: TLS で接続できません（STARTTLS がないか、証明書を検証できません）`,
  'smtp-other': (p) => `${smtp(p)}: 送信に失敗しました（${p.detail}）`,
  'syslog-network': (p) => `${p.where}: ${networkTextJa(p.detail)}`,
  'syslog-timeout': (p) => `${p.where}: ${p.ms} ミリ秒以内に送信が進みません`,
  'syslog-stopped': (p) => `${p.where}: 停止しました`,
  'ca-file': (p) => `CA ファイル ${p.path} を読めません`,
  disabled: () => '送信先が無効です',
  'below-min-severity': (p) => `送信先の minSeverity（${p.min}）より重大度が低いため送りません`,
  other: (p) => `送信に失敗しました（${p.detail}）`,
};

export const GIVING_UP_JA = (seconds: string | number) => `（${seconds} 秒後の再試行を求められたため、今回は中止しました）`;
