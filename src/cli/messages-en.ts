/** The CLI's messages in English: the table every other language has (see messages.ts). */

export const en = {
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
  alerts: {
    ruleNeedsOnce: '--rule goes with --once',
    started: (rules: string) => `alerting started (${rules} rules); Ctrl-C stops`,
    delivered: (dest: string, attempts: string) => `${dest}: delivered${Number(attempts) > 1 ? ` after ${attempts} attempts` : ''}`,
    skipped: (dest: string, detail: string) => `${dest}: skipped (${detail})`,
    failed: (dest: string, attempts: string, detail: string) =>
      `${dest}: failed after ${attempts} attempt${attempts === '1' ? '' : 's'}: ${detail}`,
    suppressed: (n: string) => `${n} suppressed`,
    deferred: (n: string) => `${n} left for the next run`,
    ruleError: (rule: string, error: string) => `${rule}: error: ${error}`,
    ruleFired: (rule: string, n: string, extra: string) => `${rule}: fired ${n} alert${n === '1' ? '' : 's'}${extra ? ` (${extra})` : ''}`,
    ruleSuppressed: (rule: string, extra: string) => `${rule}: suppressed (${extra})`,
    ruleQuiet: (rule: string) => `${rule}: quiet`,
    noRules: (at: string) => `${at}: no enabled alert rules`,
  },
  collect: {
    none: 'no collectors in the configuration: add a collectors: section (see docs/collectors.md)',
    started: (names: string) => `collecting with ${names}; stop with Ctrl-C`,
    stopping: 'stopping (an unfinished window is read again next time)',
    gap: (time: string, name: string, from: string, to: string) =>
      `${time} ${name}: warning: mail received ${from}..${to} is older than Microsoft keeps and was not collected`,
    counts: (rows: string, added: string, updated: string, rejected: string, requests: string) =>
      `${rows} rows (${added} new, ${updated} updated${rejected}), ${requests} ${requests === '1' ? 'request' : 'requests'}`,
    rejected: (n: string, first: string) => `, ${n} rejected: ${first}`,
    nothingNew: 'nothing new yet (within the lag)',
    pass: (time: string, name: string, span: string, counts: string) => `${time} ${name}: ${span}: ${counts}`,
    failed: (time: string, name: string, error: string, stored: string) =>
      `${time} ${name}: failed: ${error}${stored ? ` (stored before that: ${stored})` : ''}`,
    unknownError: 'unknown error',
    collectorsNone: 'collectors: none has run against this store',
    collectors: 'collectors:',
    collector: (name: string, last: string, complete: string, rows: string) =>
      `  ${name}: last success ${last}, complete up to ${complete}, ${rows} rows last pass`,
    lastError: (when: string, message: string) => `    last error ${when}: ${message}`,
    never: 'never',
    minutesAgo: (n: string) => `${n} min ago`,
    hoursAgo: (n: string) => `${n} h ago`,
    daysAgo: (n: string) => `${n} days ago`,
  },
  demo: {
    notDemo: (store: string) => `${store} holds mail that is not a demo tenant; the demo needs a store of its own (--store)`,
    current: (store: string) => `demo store is current (${store}); --rebuild to build it again`,
    building: (rows: string, expected: string) => `building demo tenant: ${rows} of ~${expected} rows`,
    built: (tenant: string, rows: string, events: string, indicators: string, watchlist: string, incidents: string, secs: string) =>
      `demo tenant ${tenant}: ${rows} rows, ${events} events, ${indicators} indicators, ${watchlist} watchlist entries, ${incidents} planted incidents (${secs} s)`,
    running: (url: string) => `  mailsift demo is running at ${url}`,
    signIn: (password: string) => `  sign in as  admin  with the one-time password  ${password}`,
    stops: '  Ctrl-C stops it.',
  },
  doctor: {
    needed: 'a person is needed: see the lines marked fail',
    healthy: 'healthy',
  },
  intel: {
    typeOneOf: (types: string) => `--type must be one of ${types}`,
    noFeedNamed: (names: string) => `no feed named ${names} in intel.feeds`,
    noFeeds: 'no feeds configured (intel.feeds in mailsift.yaml)',
    feedFailed: (feed: string, reason: string) => `feed ${feed}: ${reason}`,
    minConfidence: '--min-confidence must be a number from 0 to 100',
    matches: (n: string) => `(${n} matches)`,
    summary: (feed: string, indicators: string, upsert: string, skipped: string) =>
      `feed ${feed}: ${indicators} indicators (${upsert === 'upsert' ? 'added or updated' : 'replaced'}), ${skipped} skipped`,
    skippedValue: (value: string, reason: string) => `  skipped ${value}: ${reason}`,
    more: (n: string) => `  … and ${n} more (--json lists them all)`,
  },
  maintain: {
    noRetention: 'no retention configured (retention: 400d in mailsift.yaml): nothing removed',
    tableRows: (n: string, table: string) => `${n} ${table} rows`,
    removed: (retention: string, removed: string, cutoff: string) => `retention ${retention}: removed ${removed} from before ${cutoff}`,
    backupOwnTools: (dialect: string) => `${dialect} stores are backed up with the engine's own tools (see docs/operations.md)`,
    backupWritten: (path: string, bytes: string, rows: string) => `backup written to ${path} (${bytes} bytes; ${rows} rows at the time)`,
    restoreDuckdb: 'restore replaces a DuckDB store file',
    restored: (backup: string, rows: string, path: string, kept: string) =>
      `restored ${backup} (${rows} rows) into ${path}; the previous store is kept as ${kept}`,
  },
  migrate: {
    doneBefore: 'done before',
    month: (traces: string, events: string) => `${traces} traces, ${events} events`,
    copied: (from: string, to: string) => `copied ${from} -> ${to}`,
  },
  serve: {
    port: '--port must be a number from 0 to 65535',
    serving: (url: string) => `mailsift is serving on ${url}`,
    noUsers:
      'no users yet: add one with `mailsift users add NAME --role admin --password-stdin` (run it while this server runs: it takes the command)',
    stopping: 'stopping',
  },
  users: {
    passwordPipe: '--password-stdin reads a pipe: echo "$PASSWORD" | mailsift users add NAME --role R --password-stdin',
    roleOneOf: (roles: string) => `--role must be one of ${roles}`,
    saved: (name: string, role: string) => `user ${name} (${role}) saved`,
    noUsers: 'no users',
    removed: (name: string) => `user ${name} removed`,
    tokenCreated: (name: string, role: string) => `token ${name} (${role}) created; store it now, it is not shown again`,
    noTokens: 'no tokens',
    tokenRevoked: (name: string) => `token ${name} revoked`,
  },
  watchlist: {
    skipped: (n: string, problems: string) => `, skipped ${n} (${problems})`,
    imported: (n: string, name: string, skipped: string) => `imported ${n} alerts into watchlist ${name}${skipped}`,
  },
  handoff: {
    notHanded: (path: string) => `mailsift ${path} cannot be handed to a running server`,
    waiting: 'the store is in use by another mailsift process; waiting for it to finish (--wait)',
  },
  more: {
    batchSize: '--batch-size must be a whole number above 0',
    fileError: (path: string, error: string) => `${path}: ${error}`,
    rejectFileCounted: (error: string, n: string) => `${error}; the ${n} rejected records are counted above`,
  },
};

/** The shape every language's table has. */
export type Messages = typeof en;
