/** The Japanese text of every feed failure, by the codes of feed-failures-en.ts (a test checks both have the same). */
import type { FeedFailureParams, FeedFailureTexts } from './feed-failure.js';

type P = FeedFailureParams;

export const FAILURES_JA: FeedFailureTexts = {
  unreachable: (p: P) => `${p.url} に接続できません: ${p.detail}`,
  'credentials-refused': (p: P) => `${p.url} が認証情報を拒否しました（HTTP ${p.status}）`,
  'rate-limit-wait': (p: P) => `${p.url} から ${p.seconds} 秒待つよう求められました（HTTP ${p.status}）`,
  'rate-limited': (p: P) => `${p.url} がリクエストを制限しています（HTTP 429、${p.retries} 回再試行しました）`,
  'http-status': (p: P) => `${p.url} が HTTP ${p.status} を返しました${p.body ? `: ${p.body}` : ''}`,
  'not-json': (p: P) => `${p.url} の応答が JSON ではありません`,
  'invalid-json': (p: P) => `${p.what} が JSON として不正です: ${p.detail}`,
  'html-page': (p: P) => `${p.what} がリストではなく HTML ページを返しました。保存済みのインジケーターはそのままです`,
  'no-entries': (p: P) =>
    `${p.what} にエントリがありません（空か、最初のエントリの前で途切れています）。保存済みのインジケーターはそのままです`,
  'not-stix-bundle': (p: P) => `${p.what} は STIX バンドルではありません（"objects" 配列がありません）`,
  'not-taxii-object': (p: P) => `${p.url} の応答が TAXII オブジェクトではありません`,
  'cannot-read-file': (p: P) => `フィード ${p.feed}: ${p.path} を読み込めません: ${p.detail}`,
  config: (p: P) => `フィードの設定に問題があります: ${p.detail}`,
  fetch: (p: P) => `フィードを取得できません: ${p.detail}`,
  auth: (p: P) => `フィードの認証に失敗しました: ${p.detail}`,
  'rate-limit': (p: P) => `フィードのサーバーがリクエストを制限しています: ${p.detail}`,
  format: (p: P) => `フィードの内容が想定した形式ではありません: ${p.detail}`,
  other: (p: P) => `フィードの読み込みに失敗しました: ${p.detail}`,
};
