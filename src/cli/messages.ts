/** The CLI's user-facing messages, per language, in one place (`--lang`, else LC_ALL / LC_MESSAGES / LANG). */

const en = {
  rows: (n: string) => `(${n} rows)`,
  findings: (n: string) => `(${n} findings)`,
  findingColumns: ['severity', 'rule', 'from', 'to', 'count', 'title', 'id'],
  stats: {
    store: 'store',
    rows: 'rows',
    rowsValue: (rows: string, messages: string) => `${rows} (${messages} messages)`,
    from: 'from',
    to: 'to',
    zone: 'time zone',
    status: 'status',
    direction: 'direction',
    source: 'source',
    geoip: 'geoip data',
    none: '(none)',
  },
  ingest: {
    file: (path: string, format: string, counts: string) => `${path} (${format}): ${counts}`,
    unknownFormat: 'unknown format',
    counts: (read: string, added: string, updated: string, duplicates: string, rejected: string) =>
      `${read} read, ${added} new, ${updated} updated, ${duplicates} duplicates, ${rejected} rejected`,
    total: (counts: string, events: string, skipped: string) => `total: ${counts}, ${skipped} skipped, ${events} events`,
    rejectFile: (path: string) => `rejected records: ${path}`,
    skipped: (n: string) => `, skipped: ${n} mailbox events`,
    wholeFile: (reason: string) => `  rejected: ${reason}`,
    reason: (count: string, reason: string) => `  ${count} x ${reason}`,
    noFiles: 'no files to read',
    notRead: 'not read',
    rejectFileFailed: (reason: string) => `rejected records: not written (${reason})`,
  },
  errors: {
    formatOneOf: (flag: string, choices: string) => `${flag} must be one of ${choices}`,
    unknownRule: (rules: string, all: string) => `unknown rule ${rules} (rules: ${all})`,
    badTime: (flag: string, value: string) =>
      `${flag} '${value}' is neither a time (2026-11-01, 2026-11-01T09:00:00Z) nor a duration back from now (7d, 12h, 30m)`,
    badZone: (value: string) => `--tz '${value}' is not an IANA time zone (such as Asia/Tokyo or UTC)`,
    badLanguage: (value: string, all: string) => `--lang '${value}' is not a language of mailsift (${all})`,
    unexpected: (message: string) => `unexpected error: ${message}`,
    debugHint: 'run with MAILSIFT_DEBUG=1 for details',
  },
};

/** The shape every language's table has. */
export type Messages = typeof en;

const ja: Messages = {
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
};

export const CLI_LANGUAGES = ['en', 'ja'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

/** Every language's table, for the test that checks they have the same keys. */
export const MESSAGES: Record<CliLanguage, Messages> = { en, ja };

/** The language a POSIX locale names (ja_JP.UTF-8 -> ja); undefined for C, POSIX or one mailsift does not speak. */
export function languageOfLocale(locale: string | undefined): CliLanguage | undefined {
  const base = (locale ?? '').toLowerCase().split(/[_.@-]/)[0] ?? '';
  return (CLI_LANGUAGES as readonly string[]).includes(base) ? (base as CliLanguage) : undefined;
}

/**
 * --lang, else the first of LC_ALL, LC_MESSAGES, LANG that is set (as gettext reads them) when it names a
 * language, else organization.language (`configured`), else English.
 */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, configured?: CliLanguage): CliLanguage {
  if (flag !== undefined) return languageOfLocale(flag) ?? 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return languageOfLocale(locale) ?? configured ?? 'en';
}

let current: Messages = en;

/** The messages of the language in use. */
export function msg(): Messages {
  return current;
}

/** Use `language` from now on (set once per run, from --lang and the environment). */
export function useLanguage(language: CliLanguage): void {
  current = MESSAGES[language];
}
