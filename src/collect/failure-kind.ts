/**
 * What kind of failure a collector's error code names, in Japanese: the CLI (`mailsift collect`) and the web app
 * (Settings, the top bar) put it before the error's own one-line message, which keeps Microsoft's words. Pure (no
 * I/O): the web app imports it too.
 */

/** Japanese of each collector error code (errors.ts). */
export const COLLECTOR_FAILURES_JA: Readonly<Record<string, string>> = {
  COLLECTOR: 'コレクターのエラー',
  COLLECTOR_CONFIG: '設定の誤り',
  COLLECTOR_AUTH: 'サインインに失敗（アプリの資格情報を確認してください）',
  COLLECTOR_PERMISSION: 'アクセス許可が不足（アプリに必要なアクセス許可と管理者の同意を確認してください）',
  COLLECTOR_REQUEST: 'Microsoft が要求を拒否',
  COLLECTOR_RESPONSE: 'Microsoft からの応答が想定外（プロキシやサインイン画面の可能性）',
  COLLECTOR_UNAVAILABLE: 'Microsoft に接続できないか混雑中（再試行の上限に達しました）',
  COLLECTOR_NOT_FOUND: 'コレクターが見つかりません',
  STOPPED: '処理の途中で停止',
  UNEXPECTED: '予期しないエラー',
};

/** A collector's error for a reader of `language`: Japanese says the kind of failure before the message. */
export function collectorFailureText(message: string, code: string | undefined, language: string): string {
  if (language !== 'ja') return message;
  const kind = COLLECTOR_FAILURES_JA[code ?? ''];
  return kind ? `${kind}: ${message}` : message;
}
