/** Delivery status values of MessageTrace and how raw inputs map to them. */

export const STATUSES = [
  'Delivered',
  'Failed',
  'Pending',
  'Expanded',
  'Quarantined',
  'FilteredAsSpam',
  'GettingStatus',
  'Recalled',
  'None',
] as const;

export type Status = (typeof STATUSES)[number];

/**
 * How each status is shown to a Japanese reader: the one list of display names (the web app's labels, chart
 * legends, finding and alert titles). The stored value, KQL and filters keep the English name.
 */
export const STATUS_LABELS_JA: Readonly<Record<Status, string>> = {
  Delivered: '配信済み',
  Failed: '失敗',
  Pending: '保留中',
  Expanded: '展開済み',
  Quarantined: '隔離',
  FilteredAsSpam: '迷惑メール判定',
  GettingStatus: '状態取得中',
  Recalled: '取り消し済み',
  None: 'なし',
};

/** A status as `language` shows it (English shows the stored name; a value that is no status stays as it is). */
export function statusLabel(status: string, language: 'en' | 'ja'): string {
  return language === 'ja' ? (STATUS_LABELS_JA[status as Status] ?? status) : status;
}

const byLower = new Map<string, Status>(STATUSES.map((s) => [s.toLowerCase(), s]));
// Graph v1.0 sends lower camel case and may add `unknownFutureValue` (an evolvable enum sentinel).
byLower.set('unknownfuturevalue', 'None');
byLower.set('', 'None');
// The admin center shows statuses as words ("Filtered as spam", "Getting status") and, in Japanese, as
// the labels of its Japanese UI (the spellings used by its downloaded reports there).
const WORDS: [string, Status][] = [
  ['filtered as spam', 'FilteredAsSpam'],
  ['getting status', 'GettingStatus'],
  ['配信済み', 'Delivered'],
  ['配信', 'Delivered'],
  ['失敗', 'Failed'],
  ['保留中', 'Pending'],
  ['保留', 'Pending'],
  ['展開済み', 'Expanded'],
  ['展開', 'Expanded'],
  ['検疫済み', 'Quarantined'],
  ['検疫', 'Quarantined'],
  ['スパムとしてフィルター処理済み', 'FilteredAsSpam'],
  ['スパムとしてフィルター処理', 'FilteredAsSpam'],
  ['状態を取得中', 'GettingStatus'],
  ['取り消し済み', 'Recalled'],
  ['なし', 'None'],
];
for (const [raw, status] of WORDS) byLower.set(raw, status);

/** Every accepted raw spelling (trimmed, lower-case) with its canonical status, for engines that map in SQL. */
export function statusAliases(): ReadonlyMap<string, Status> {
  return byLower;
}

/**
 * Canonical status for a raw value in any case (`Delivered`, `delivered`, `DELIVERED`, `filteredAsSpam`,
 * `Filtered as spam`, `recalled`...), or undefined when it is not a status at all. The one place where
 * every source's spelling becomes a status.
 */
export function normalizeStatus(raw: string | null | undefined): Status | undefined {
  if (raw == null) return 'None';
  const key = raw.trim().toLowerCase();
  return byLower.get(key) ?? byLower.get(key.replace(/[\s_-]+/g, ''));
}

/** Statuses that may still change; a final status is never replaced by one of these. */
export const TRANSIENT_STATUSES: readonly Status[] = ['Pending', 'GettingStatus', 'None'];

/** Whether `incoming` should replace `existing` when the same record is read again. */
export function statusSupersedes(existing: Status, incoming: Status): boolean {
  if (existing === incoming) return false;
  const existingTransient = TRANSIENT_STATUSES.includes(existing);
  const incomingTransient = TRANSIENT_STATUSES.includes(incoming);
  if (incomingTransient && !existingTransient) return false;
  return true;
}

/** Event names of MessageEvents (tracking-log event ids) and the status each one leads to. */
export const EVENT_STATUS: Readonly<Record<string, Status>> = {
  DELIVER: 'Delivered',
  SEND: 'Delivered',
  FAIL: 'Failed',
  DSN: 'Failed',
  DEFER: 'Pending',
  EXPAND: 'Expanded',
  REDIRECT: 'Expanded',
  RESOLVE: 'Pending',
  RECEIVE: 'Pending',
  SUBMIT: 'Pending',
  HAREDIRECT: 'Pending',
  HARECEIVE: 'Pending',
  TRANSFER: 'Pending',
  POISONMESSAGE: 'Failed',
  BADMAIL: 'Failed',
  DROP: 'Failed',
  QUARANTINE: 'Quarantined',
  SPAM: 'FilteredAsSpam',
};
