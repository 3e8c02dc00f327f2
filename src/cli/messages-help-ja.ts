/**
 * The CLI's help in Japanese: each command, option and argument description by its English text (the test
 * fails when a description has no Japanese), and the headings of commander's help.
 */

/** Japanese of every description, keyed by the English one. */
export const HELP_JA: Readonly<Record<string, string>> = {
  'security analytics for Microsoft 365 / Exchange Online message trace':
    'Microsoft 365 / Exchange Online のメッセージトレースのセキュリティ分析',
  'output the version number': 'バージョン番号を表示',
  'configuration file (default ./mailsift.yaml, or $MAILSIFT_CONFIG)': '設定ファイル（既定は ./mailsift.yaml、または $MAILSIFT_CONFIG）',
  'store URL, e.g. duckdb:./mailsift-data/mailsift.duckdb (or $MAILSIFT_STORE)':
    'ストアの URL。例: duckdb:./mailsift-data/mailsift.duckdb（または $MAILSIFT_STORE）',
  'time zone of printed times, e.g. Asia/Tokyo (default organization.timeZone, else the system zone)':
    '表示する日時のタイムゾーン。例: Asia/Tokyo（既定は organization.timeZone、なければシステムのタイムゾーン）',
  'language of messages: en|ja (default from LC_ALL, LC_MESSAGES or LANG)':
    'メッセージの言語: en|ja（既定は LC_ALL、LC_MESSAGES、LANG から）',
  'read message-trace files or folders (any supported format, detected by content) into the store':
    'メッセージトレースのファイルやフォルダー（対応形式を内容から判別）をストアに読み込む',
  'input format: auto|graph|rws|powershell|eac|tracking-log': '入力形式: auto|graph|rws|powershell|eac|tracking-log',
  'print the counts as JSON': '件数を JSON で表示',
  'where rejected records go (NDJSON)': '除外したレコードの書き込み先（NDJSON）',
  'progress on stderr: auto|lines|none (a bar on a terminal, a line per commit)':
    '標準エラーへの進捗表示: auto|lines|none（端末ではバー、lines はコミットごとに 1 行）',
  'records per transaction (larger loads faster, smaller commits sooner)':
    '1 トランザクションあたりのレコード数（大きいほど速く、小さいほど早くコミット）',
  'when another mailsift command holds the store, wait for it to finish instead of failing':
    'ほかの mailsift コマンドがストアを使用中なら、失敗せずに終わるまで待つ',
  'files or folders (read recursively)': 'ファイルまたはフォルダー（サブフォルダーも読み込み）',
  'rows, messages, time span and breakdowns of the store': 'ストアの行数、メッセージ数、期間と内訳',
  'print as JSON': 'JSON で表示',
  'run a KQL query (tables MessageTrace, MessageEvents, Indicators, Findings, Watchlist)':
    'KQL クエリを実行（テーブル: MessageTrace、MessageEvents、Indicators、Findings、Watchlist）',
  'output: table|csv|json|ndjson': '出力形式: table|csv|json|ndjson',
  'only rows at or after this time (ISO, or 7d/12h back from now)': 'この日時以降の行のみ（ISO 形式、または現在からさかのぼる 7d/12h）',
  'only rows before this time': 'この日時より前の行のみ',
  'print the SQL the query compiles to instead of running it': '実行せずに、クエリをコンパイルした SQL を表示',
  'print what the query is answered from (a summary table or the rows) and its SQL, instead of running it':
    '実行せずに、クエリの答えをどこから読むか（集計テーブルか行か）とその SQL を表示',
  "the query, e.g. 'MessageTrace | summarize count() by Status'": "クエリ。例: 'MessageTrace | summarize count() by Status'",
  'build a demo tenant (a month of realistic mail with planted incidents) in a store of its own (default ./mailsift-data/demo.duckdb, or --store) and serve the app':
    'デモテナント（インシデントを仕込んだ 1 か月分のリアルなメール）を専用のストア（既定は ./mailsift-data/demo.duckdb、または --store）に作成し、アプリを公開する',
  'port to serve on (default from config, 8080)': '公開するポート（既定は設定の値、8080）',
  'address to listen on (default 127.0.0.1)': '待ち受けるアドレス（既定は 127.0.0.1）',
  'seed of the generator': 'データ生成のシード',
  'days of mail': 'メールの日数',
  'message x recipient rows on a working day': '平日 1 日あたりのメッセージ×受信者の行数',
  'build the demo store again even when it is current': '最新でもデモ用ストアを作り直す',
  'only build the store': 'ストアの作成のみ行う',
  'serve the HTTP API and the web app (sign in with a user from `mailsift users add`)':
    'HTTP API と Web アプリを公開する（`mailsift users add` で追加したユーザーでサインイン）',
  'address to listen on (default server.host, 127.0.0.1)': '待ち受けるアドレス（既定は server.host、127.0.0.1）',
  'port to listen on (default server.port, 8080)': '待ち受けるポート（既定は server.port、8080）',
  'local users of the web app and API': 'Web アプリと API のローカルユーザー',
  'add a user (or --replace the password and role of one)': 'ユーザーを追加する（--replace で既存ユーザーのパスワードとロールを置き換え）',
  'admin|analyst|viewer': 'admin|analyst|viewer',
  'read the password from standard input (at least 12 characters, hard to guess)':
    'パスワードを標準入力から読み込む（12 文字以上で推測されにくいもの）',
  "replace an existing user's password and role (ends their sessions; works whatever the sign-in limits)":
    '既存ユーザーのパスワードとロールを置き換える（そのユーザーのセッションは終了。サインイン制限に関係なく実行可能）',
  'user name': 'ユーザー名',
  'list users': 'ユーザーの一覧',
  'remove a user': 'ユーザーを削除する',
  'API tokens (Authorization: Bearer <token>)': 'API トークン（Authorization: Bearer <token>）',
  'create a token; it is printed once and cannot be shown again': 'トークンを作成する。表示は一度だけで、再表示できません',
  'token name (what it is for)': 'トークン名（用途）',
  'list tokens (names and roles)': 'トークンの一覧（名前とロール）',
  'revoke a token': 'トークンを無効にする',
  'token name': 'トークン名',
  'pull message trace from Microsoft 365 with the collectors of the configuration (see docs/collectors.md)':
    '設定のコレクターで Microsoft 365 からメッセージトレースを取得する（docs/collectors.md を参照）',
  'one pass of each collector, then exit (exit code 1 when a pass failed)':
    '各コレクターを 1 回ずつ実行して終了（失敗した回があれば終了コード 1）',
  'run only these collectors': '指定したコレクターのみ実行',
  'print each pass as a JSON line': '各回の結果を JSON の 1 行で表示',
  'threat-intelligence feeds (STIX/TAXII, MISP, CrowdStrike, CSV, Spamhaus DROP; free: threatfox, feodotracker, spamhaus-drop, spamhaus-edrop, openphish) and their matches':
    '脅威インテリジェンスのフィード（STIX/TAXII、MISP、CrowdStrike、CSV、Spamhaus DROP。無料: threatfox、feodotracker、spamhaus-drop、spamhaus-edrop、openphish）と一致結果',
  'replace a feed with the indicators of a file or URL (STIX 2.1 bundle, MISP feed, CSV or DROP list; detected by content)':
    'フィードをファイルまたは URL の指標で置き換える（STIX 2.1 バンドル、MISP フィード、CSV、DROP リスト。内容から判別）',
  'feed name (default: the file name)': 'フィード名（既定はファイル名）',
  'feed type: auto|stix|misp|csv|drop|threatfox|feodotracker|spamhaus-drop|spamhaus-edrop|openphish':
    'フィードの種類: auto|stix|misp|csv|drop|threatfox|feodotracker|spamhaus-drop|spamhaus-edrop|openphish',
  'print the summary as JSON': '概要を JSON で表示',
  'file, folder (MISP feed) or http(s) URL': 'ファイル、フォルダー（MISP フィード）または http(s) の URL',
  'read every feed of the configuration (intel.feeds), incrementally where the feed allows':
    '設定のすべてのフィード（intel.feeds）を読み込む（フィードが対応していれば差分のみ）',
  'only these feeds': '指定したフィードのみ',
  'read feeds whole, not from where the last sync stopped': '前回の続きからではなく、フィード全体を読み込む',
  'print the summaries as JSON': '概要を JSON で表示',
  'senders, sender domains, sender IPs and recipients that match an active indicator':
    '有効な指標に一致する送信者、送信ドメイン、送信元 IP、受信者',
  'only mail at or after this time (ISO, or 7d/12h back from now)': 'この日時以降のメールのみ（ISO 形式、または現在からさかのぼる 7d/12h）',
  'only mail before this time': 'この日時より前のメールのみ',
  'only indicators at least this confident (0-100)': '確信度がこの値以上の指標のみ（0-100）',
  'copy the store into another store (month by month; run it again to resume), then compare the counts':
    'ストアを別のストアへコピーし（月ごと。再実行で続きから）、件数を比較する',
  'the target store, e.g. clickhouse://user:pass@host:8123/mailsift?cluster=NAME':
    'コピー先のストア。例: clickhouse://user:pass@host:8123/mailsift?cluster=NAME',
  'print the report as JSON': 'レポートを JSON で表示',
  'alert rules and their destinations (webhook, slack, teams, smtp, syslog)':
    'アラートルールとその送信先（webhook、slack、teams、smtp、syslog）',
  'run the alert rules on their schedules until stopped (Ctrl-C), or each rule once with --once':
    '停止する（Ctrl-C）までスケジュールどおりにアラートルールを実行する。--once なら各ルールを 1 回だけ実行',
  'evaluate every enabled rule now, deliver, print what happened and exit': '有効なルールをすべて今すぐ評価して送信し、結果を表示して終了',
  'only these rules (with --once)': '指定したルールのみ（--once と一緒に）',
  'print each run as JSON': '各回の結果を JSON で表示',
  'send a sample alert to the destination NAME': '送信先 NAME にサンプルのアラートを送る',
  'print the outcome as JSON': '結果を JSON で表示',
  'a destination name from alerts.destinations': 'alerts.destinations にある送信先の名前',
  'find incidents (spikes, campaigns, bursts, look-alikes, threat intel, embargoed countries, large transfers, EDR correlation)':
    'インシデントを見つける（急増、キャンペーン、大量送信、なりすましドメイン、脅威インテリジェンス、禁輸対象国、大容量送信、EDR との相関）',
  'start of the window (ISO, or 7d/12h back from now; default: detections.lookbackDays before --to)':
    '期間の開始（ISO 形式、または現在からさかのぼる 7d/12h。既定は --to の detections.lookbackDays 日前）',
  'end of the window (default: the newest mail in the store)': '期間の終了（既定はストアの最新のメール）',
  'output: table|json': '出力形式: table|json',
  'run only these rules': '指定したルールのみ実行',
  'alerts of other security products (EDR/XDR), correlated with mail': 'ほかのセキュリティ製品（EDR/XDR）のアラート。メールと相関させる',
  'replace a watchlist with the alerts of a CSV or JSON file (columns for time, user, product, detection, severity)':
    'ウォッチリストを CSV または JSON ファイルのアラートで置き換える（日時、ユーザー、製品、検出名、重大度の列）',
  'watchlist name (default: the configured watchlist with this path, else the file name)':
    'ウォッチリスト名（既定はこのパスの設定済みウォッチリスト、なければファイル名）',
  'product name for rows that have none': '製品名のない行に使う製品名',
  'CSV or JSON file': 'CSV または JSON ファイル',
  'apply the retention of the configuration now (serve applies it daily)': '設定の保存期間を今すぐ適用する（serve は毎日適用）',
  'print what was removed as JSON': '削除した内容を JSON で表示',
  'write a consistent copy of the store to a new file (also while serve runs)':
    'ストアの一貫したコピーを新しいファイルに書き込む（serve の実行中も可）',
  'the backup file to create (must not exist)': '作成するバックアップファイル（既存でないこと）',
  'replace the store with a backup (stop serve first; the current file is kept beside it)':
    'ストアをバックアップで置き換える（先に serve を停止。現在のファイルは横に残す）',
  'a file written by mailsift backup': 'mailsift backup で書き込んだファイル',
  'check the store, file permissions, disk space, GeoIP data and collectors (exit 1 when a person is needed)':
    'ストア、ファイルの権限、ディスクの空き、GeoIP データ、コレクターを確認する（対応が必要なら終了コード 1）',
  'print the checks as JSON': '確認結果を JSON で表示',
  'display help for command': 'コマンドのヘルプを表示',
};

/** The headings of commander's help. */
export const HELP_TITLES_JA: Readonly<Record<string, string>> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
  'Arguments:': '引数:',
  'Global Options:': '共通オプション:',
};

/**
 * commander's own error messages in Japanese, by commander's error code: `match` reads the parts of the English
 * message (commander 14 words them so), `ja` writes them again.
 */
export const COMMANDER_ERRORS_JA: Readonly<Record<string, { match: RegExp; ja: (...parts: string[]) => string }>> = {
  'commander.unknownOption': { match: /^error: unknown option '(.*)'$/, ja: (flag) => `エラー: 不明なオプション '${flag}'` },
  'commander.unknownCommand': { match: /^error: unknown command '(.*)'$/, ja: (name) => `エラー: 不明なコマンド '${name}'` },
  'commander.missingArgument': {
    match: /^error: missing required argument '(.*)'$/,
    ja: (name) => `エラー: 必須の引数 '${name}' がありません`,
  },
  'commander.optionMissingArgument': {
    match: /^error: option '(.*)' argument missing$/,
    ja: (flags) => `エラー: オプション '${flags}' の値がありません`,
  },
  'commander.missingMandatoryOptionValue': {
    match: /^error: required option '(.*)' not specified$/,
    ja: (flags) => `エラー: 必須のオプション '${flags}' が指定されていません`,
  },
  'commander.excessArguments': {
    match: /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    ja: (name, expected, got) => `エラー: ${name ? `'${name}' の` : ''}引数が多すぎます。${expected} 個のはずが ${got} 個あります。`,
  },
  'commander.invalidArgument': {
    match: /^error: option '(.*)' argument '(.*)' is invalid\.(.*)$/s,
    ja: (flags, value, detail) => `エラー: オプション '${flags}' の値 '${value}' は無効です。${detail}`,
  },
  'commander.conflictingOption': {
    match: /^error: option '(.*)' cannot be used with option '(.*)'$/,
    ja: (a, b) => `エラー: オプション '${a}' と '${b}' は同時に使えません`,
  },
};

/** commander's suggestion after an unknown option or command. */
export const DID_YOU_MEAN_JA = {
  match: /\n\(Did you mean (one of )?(.*)\?\)$/,
  ja: (names: string) => `\n（${names} のことですか？）`,
};

/** The words commander adds to help: `[options]` in usage lines, `(default: ...)` after descriptions. */
export const HELP_WORDS_JA: Readonly<Record<string, string>> = {
  '[options]': '[オプション]',
  '[command]': '[コマンド]',
  'default:': '既定:',
  'choices:': '選択肢:',
  'preset:': '省略時:',
  'env:': '環境変数:',
};
