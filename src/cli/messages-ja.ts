/** The CLI's messages in Japanese, in the shape of the English table. */
import type { Messages } from './messages-en.js';

export const ja: Messages = {
  rows: (n: string) => `（${n} 行）`,
  findings: (n: string) => `（検出結果 ${n} 件）`,
  findingColumns: ['重大度', 'ルール', '開始', '終了', '件数', 'タイトル', 'ID'],
  stats: {
    store: 'データストア',
    rows: '行数',
    rowsValue: (rows: string, messages: string) => `${rows}（メッセージ ${messages} 件）`,
    from: '最古',
    to: '最新',
    zone: 'タイムゾーン',
    status: '状態',
    direction: '方向',
    source: '取得元',
    geoip: 'GeoIP データ',
    none: '（なし）',
  },
  ingest: {
    file: (path: string, format: string, counts: string) => `${path}（${format}）: ${counts}`,
    unknownFormat: '形式不明',
    counts: (read: string, added: string, updated: string, duplicates: string, rejected: string) =>
      `読み込み ${read} 件、新規 ${added} 件、更新 ${updated} 件、重複 ${duplicates} 件、除外 ${rejected} 件`,
    total: (counts: string, events: string, skipped: string) => `合計: ${counts}、スキップ ${skipped} 件、イベント ${events} 件`,
    rejectFile: (path: string) => `除外したレコード: ${path}`,
    skipped: (n: string) => `、メールボックスイベント ${n} 件をスキップ`,
    wholeFile: (reason: string) => `  除外: ${reason}`,
    reason: (count: string, reason: string) => `  ${count} 件: ${reason}`,
    noFiles: '読み込むファイルがありません',
    notRead: '読み込めず',
    rejectFileFailed: (reason: string) => `除外したレコード: 書き込めませんでした（${reason}）`,
  },
  errors: {
    formatOneOf: (flag: string, choices: string) => `${flag} には ${choices} のいずれかを指定してください`,
    unknownRule: (rules: string, all: string) => `不明なルールです: ${rules}（ルール: ${all}）`,
    badTime: (flag: string, value: string) =>
      `${flag} の '${value}' は日時（2026-11-01、2026-11-01T09:00:00Z）でも、現在からさかのぼる期間（7d、12h、30m）でもありません`,
    badZone: (value: string) => `--tz の '${value}' は IANA タイムゾーン（Asia/Tokyo、UTC など）ではありません`,
    badLanguage: (value: string, all: string) => `--lang の '${value}' は mailsift の言語ではありません（${all}）`,
    unexpected: (message: string) => `予期しないエラー: ${message}`,
    debugHint: '詳細は MAILSIFT_DEBUG=1 を付けて実行すると表示されます',
  },
  alerts: {
    ruleNeedsOnce: '--rule は --once と一緒に指定してください',
    started: (rules: string) => `アラートを開始しました（ルール ${rules} 件）。Ctrl-C で停止します`,
    delivered: (dest: string, attempts: string) => `${dest}: 送信済み${Number(attempts) > 1 ? `（${attempts} 回目で成功）` : ''}`,
    skipped: (dest: string, detail: string) => `${dest}: 送信せず（${detail}）`,
    failed: (dest: string, attempts: string, detail: string) => `${dest}: ${attempts} 回試して失敗: ${detail}`,
    suppressed: (n: string) => `${n} 件は抑止`,
    deferred: (n: string) => `${n} 件は次回に送信`,
    ruleError: (rule: string, error: string) => `${rule}: エラー: ${error}`,
    ruleFired: (rule: string, n: string, extra: string) => `${rule}: アラート ${n} 件を送信${extra ? `（${extra}）` : ''}`,
    ruleSuppressed: (rule: string, extra: string) => `${rule}: 抑止（${extra}）`,
    ruleQuiet: (rule: string) => `${rule}: 該当なし`,
    noRules: (at: string) => `${at}: 有効なアラートルールがありません`,
  },
  collect: {
    none: '設定にコレクターがありません: collectors: セクションを追加してください（docs/collectors.md を参照）',
    started: (names: string) => `${names} で収集しています。Ctrl-C で停止します`,
    stopping: '停止します（途中の期間は次回もう一度読み込みます）',
    gap: (time: string, name: string, from: string, to: string) =>
      `${time} ${name}: 警告: ${from}..${to} に受信したメールは Microsoft の保存期間を過ぎており、収集できませんでした`,
    counts: (rows: string, added: string, updated: string, rejected: string, requests: string) =>
      `${rows} 行（新規 ${added}、更新 ${updated}${rejected}）、リクエスト ${requests} 回`,
    rejected: (n: string, first: string) => `、除外 ${n}: ${first}`,
    nothingNew: 'まだ新しいデータはありません（遅延時間内）',
    pass: (time: string, name: string, span: string, counts: string) => `${time} ${name}: ${span}（${counts}）`,
    failed: (time: string, name: string, error: string, stored: string) =>
      `${time} ${name}: 失敗: ${error}${stored ? `（それまでに保存: ${stored}）` : ''}`,
    unknownError: '不明なエラー',
    collectorsNone: 'コレクター: このストアではまだ実行されていません',
    collectors: 'コレクター:',
    collector: (name: string, last: string, complete: string, rows: string) =>
      `  ${name}: 最終成功 ${last}、${complete} まで収集済み、前回 ${rows} 行`,
    lastError: (when: string, message: string) => `    最後のエラー ${when}: ${message}`,
    never: 'なし',
    minutesAgo: (n: string) => `${n} 分前`,
    hoursAgo: (n: string) => `${n} 時間前`,
    daysAgo: (n: string) => `${n} 日前`,
  },
  demo: {
    notDemo: (store: string) => `${store} にはデモ以外のメールがあります。デモには専用のストアを指定してください（--store）`,
    current: (store: string) => `デモ用ストアは最新です（${store}）。作り直すには --rebuild を付けてください`,
    building: (rows: string, expected: string) => `デモテナントを作成中: ${rows} / 約 ${expected} 行`,
    built: (tenant: string, rows: string, events: string, indicators: string, watchlist: string, incidents: string, secs: string) =>
      `デモテナント ${tenant}: ${rows} 行、イベント ${events} 件、指標 ${indicators} 件、ウォッチリスト ${watchlist} 件、仕込んだインシデント ${incidents} 件（${secs} 秒）`,
    running: (url: string) => `  mailsift デモを ${url} で実行中です`,
    signIn: (password: string) => `  admin としてワンタイムパスワード  ${password}  でサインインしてください`,
    stops: '  Ctrl-C で停止します。',
  },
  doctor: {
    needed: '対応が必要です: fail の行を確認してください',
    healthy: '正常です',
  },
  intel: {
    typeOneOf: (types: string) => `--type には ${types} のいずれかを指定してください`,
    noFeedNamed: (names: string) => `intel.feeds に ${names} という名前のフィードはありません`,
    noFeeds: 'フィードが設定されていません（mailsift.yaml の intel.feeds）',
    feedFailed: (feed: string, reason: string) => `フィード ${feed}: ${reason}`,
    minConfidence: '--min-confidence には 0 から 100 の数値を指定してください',
    matches: (n: string) => `（一致 ${n} 件）`,
    summary: (feed: string, indicators: string, upsert: string, skipped: string) =>
      `フィード ${feed}: 指標 ${indicators} 件（${upsert === 'upsert' ? '追加または更新' : '置き換え'}）、スキップ ${skipped} 件`,
    skippedValue: (value: string, reason: string) => `  スキップ ${value}: ${reason}`,
    more: (n: string) => `  …ほか ${n} 件（--json ですべて表示）`,
  },
  maintain: {
    noRetention: '保存期間が設定されていません（mailsift.yaml の retention: 400d など）: 削除したものはありません',
    tableRows: (n: string, table: string) => `${table} ${n} 行`,
    removed: (retention: string, removed: string, cutoff: string) => `保存期間 ${retention}: ${cutoff} より前の ${removed} を削除しました`,
    backupOwnTools: (dialect: string) =>
      `${dialect} のストアはそのエンジン自身のツールでバックアップしてください（docs/operations.md を参照）`,
    backupWritten: (path: string, bytes: string, rows: string) =>
      `バックアップを ${path} に書き込みました（${bytes} バイト、その時点で ${rows} 行）`,
    restoreDuckdb: 'restore で置き換えられるのは DuckDB のストアファイルだけです',
    restored: (backup: string, rows: string, path: string, kept: string) =>
      `${backup}（${rows} 行）を ${path} に復元しました。以前のストアは ${kept} に残してあります`,
  },
  migrate: {
    doneBefore: '前回までに完了',
    month: (traces: string, events: string) => `トレース ${traces} 件、イベント ${events} 件`,
    copied: (from: string, to: string) => `${from} から ${to} へコピーしました`,
  },
  serve: {
    port: '--port には 0 から 65535 の数値を指定してください',
    serving: (url: string) => `mailsift を ${url} で公開しています`,
    noUsers:
      'まだユーザーがいません: `mailsift users add NAME --role admin --password-stdin` で追加してください（このサーバーの実行中に実行できます。コマンドはサーバーが引き受けます）',
    stopping: '停止します',
  },
  users: {
    passwordPipe:
      '--password-stdin はパイプから読み込みます: echo "$PASSWORD" | mailsift users add NAME --role R --password-stdin のように指定してください',
    roleOneOf: (roles: string) => `--role には ${roles} のいずれかを指定してください`,
    saved: (name: string, role: string) => `ユーザー ${name}（${role}）を保存しました`,
    noUsers: 'ユーザーはいません',
    removed: (name: string) => `ユーザー ${name} を削除しました`,
    tokenCreated: (name: string, role: string) => `トークン ${name}（${role}）を作成しました。再表示できないので今すぐ保管してください`,
    noTokens: 'トークンはありません',
    tokenRevoked: (name: string) => `トークン ${name} を無効にしました`,
  },
  watchlist: {
    skipped: (n: string, problems: string) => `、スキップ ${n} 件（${problems}）`,
    imported: (n: string, name: string, skipped: string) => `ウォッチリスト ${name} にアラート ${n} 件を取り込みました${skipped}`,
  },
  handoff: {
    notHanded: (path: string) => `mailsift ${path} は実行中のサーバーに引き渡せません`,
    waiting: 'ストアは別の mailsift プロセスが使用中です。終わるまで待ちます（--wait）',
  },
  more: {
    batchSize: '--batch-size には 1 以上の整数を指定してください',
    fileError: (path: string, error: string) => `${path}: ${error}（読み込めません）`,
    rejectFileCounted: (error: string, n: string) => `${error}。除外した ${n} 件は上の件数に含まれています`,
  },
};
