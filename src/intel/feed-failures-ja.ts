/** The Japanese text of every feed failure, by the codes of feed-failures-en.ts (a test checks both have the same). */
import type { FeedFailureParams, FeedFailureTexts } from './feed-failure.js';

type P = FeedFailureParams;

/** `what` names the feed as `feed NAME`, maybe followed by its list's URL or file: the word "feed" in Japanese. */
const what = (p: P) => String(p.what).replace(/^feed /, 'フィード ');

export const FAILURES_JA: FeedFailureTexts = {
  unreachable: (p: P) => `${p.url} に接続できません: ${p.detail}`,
  'credentials-refused': (p: P) => `${p.url} が認証情報を拒否しました（HTTP ${p.status}）`,
  'rate-limit-wait': (p: P) => `${p.url} から ${p.seconds} 秒待つよう求められました（HTTP ${p.status}）`,
  'rate-limited': (p: P) => `${p.url} がリクエストを制限しています（HTTP 429、${p.retries} 回再試行しました）`,
  'http-status': (p: P) => `${p.url} が HTTP ${p.status} を返しました${p.body ? `: ${p.body}` : ''}`,
  'not-json': (p: P) => `${p.url} の応答が JSON ではありません`,
  'invalid-json': (p: P) => `${what(p)} が JSON として不正です: ${p.detail}`,
  'html-page': (p: P) => `${what(p)} がリストではなく HTML ページを返しました。保存済みのインジケーターはそのままです`,
  'no-entries': (p: P) =>
    `${what(p)} にエントリがありません（空か、最初のエントリの前で途切れています）。保存済みのインジケーターはそのままです`,
  'not-stix-bundle': (p: P) => `${what(p)} は STIX バンドルではありません（"objects" 配列がありません）`,
  'not-taxii-object': (p: P) => `${p.url} の応答が TAXII オブジェクトではありません`,
  'cannot-read-file': (p: P) => `フィード ${p.feed}: ${p.path} を読み込めません: ${p.detail}`,
  'needs-name': () => 'フィードには名前（name）が必要です',
  'unknown-type': (p: P) => `フィード ${p.feed}: 種類 ${p.type} は使えません（${p.types} のいずれかです）`,
  'path-and-url': (p: P) => `フィード ${p.feed}: path と ${p.other} はどちらか一方だけを指定してください`,
  'url-and-urls': (p: P) => `フィード ${p.feed}: url と urls はどちらか一方だけを指定してください`,
  'needs-path-or-url': (p: P) => `フィード ${p.feed}: path か url を指定してください`,
  'urls-not-list': (p: P) => `フィード ${p.feed}: urls は URL のリストで指定してください`,
  'not-a-url': (p: P) => `URL ではありません: ${p.url}`,
  'unsupported-scheme': (p: P) => `URL スキーム ${p.scheme} には対応していません（${p.url}）`,
  'redirect-unsupported-scheme': (p: P) => `${p.url} のリダイレクト先の URL スキーム ${p.scheme} には対応していません`,
  'redirect-no-location': (p: P) => `${p.url} が Location ヘッダーなしで HTTP ${p.status} を返しました`,
  'too-many-redirects': (p: P) => `${p.url} のリダイレクトが ${p.max} 回を超えました`,
  'redirect-invalid-url': (p: P) => `${p.url} のリダイレクト先が不正な URL です`,
  'redirect-body-other-origin': (p: P) =>
    `${p.url} が本文付きのリクエストを別のオリジン（${p.origin}）へリダイレクトしたため、送信しませんでした`,
  'crowdstrike-needs-credentials': (p: P) => `フィード ${p.feed}: CrowdStrike には clientId と clientSecret が必要です`,
  'crowdstrike-unknown-cloud': (p: P) => `フィード ${p.feed}: CrowdStrike のクラウド ${p.cloud} は不明です（${p.clouds} のいずれかです）`,
  'crowdstrike-no-token': (p: P) => `${p.url} がアクセストークンを返しませんでした`,
  'crowdstrike-no-resources': (p: P) => `${p.url} の応答に resources がありません`,
  'misp-manifest-not-object': (p: P) => `フィード ${p.feed}: manifest.json がイベントのオブジェクトではありません`,
  'taxii-needs-url': (p: P) => `フィード ${p.feed}: TAXII フィードには url が必要です`,
  'taxii-other-origin': (p: P) => `フィード ${p.feed}: url とは別のオリジンの ${p.url} へはフィードの認証情報を送りません`,
  'taxii-no-api-root': (p: P) => `フィード ${p.feed}: TAXII サーバーが API ルートを示していません。apiRoot を指定してください`,
  'taxii-api-root-other-origin': (p: P) =>
    `フィード ${p.feed}: TAXII のディスカバリーが ${p.origin} とは別のオリジンの API ルート ${p.url} を示しているため、` +
    `認証情報は送りません。そのサーバーを信頼する場合は、フィードに apiRoot: ${p.url} を指定してください`,
  'taxii-choose-collection': (p: P) => `フィード ${p.feed}: コレクションを指定してください。API ルートにあるもの: ${p.names || 'なし'}`,
  'taxii-no-collection': (p: P) =>
    `フィード ${p.feed}: コレクション ${p.collection} がありません。API ルートにあるもの: ${p.names || 'なし'}`,
  'taxii-collection-unreadable': (p: P) => `フィード ${p.feed}: この認証情報ではコレクション ${p.collection} を読み取れません`,
  'taxii-too-many-pages': (p: P) => `フィード ${p.feed}: ${p.max} ページを超えました。サーバーのページングが進みません`,
  'taxii-repeated-token': (p: P) => `フィード ${p.feed}: サーバーが同じページングトークンを繰り返しました`,
  'taxii-no-next': (p: P) => `フィード ${p.feed}: サーバーは続きがあると答えましたが、next も X-TAXII-Date-Added-Last もありません`,
  config: (p: P) => `フィードの設定に問題があります: ${p.detail}`,
  fetch: (p: P) => `フィードを取得できません: ${p.detail}`,
  auth: (p: P) => `フィードの認証に失敗しました: ${p.detail}`,
  'rate-limit': (p: P) => `フィードのサーバーがリクエストを制限しています: ${p.detail}`,
  format: (p: P) => `フィードの内容が想定した形式ではありません: ${p.detail}`,
  other: (p: P) => `フィードの読み込みに失敗しました: ${p.detail}`,
};
