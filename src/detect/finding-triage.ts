/** Working a finding: who it is assigned to, notes, and its history of states, assignments and notes (who and when). */
import type { FindingActivityRow } from '../schema/index.js';
import type { Store } from '../store/index.js';
import { FindingNotFoundError, FindingTriageError } from './errors.js';
import type { FindingState } from './finding.js';

/** The longest note kept (characters). */
export const MAX_NOTE_CHARS = 10_000;
/** The longest assignee name (user names are shorter; see the server's user names). */
export const MAX_ASSIGNEE_CHARS = 200;

/** One entry of a finding's history as the API returns it. */
export interface FindingHistoryEntry {
  kind: 'state' | 'assignee' | 'note';
  /** The new state, the new assignee ('' = nobody) or the note's text. */
  value: string;
  by: string;
  /** ISO 8601. */
  at: string;
}

/** Assign a finding to a user ('' = nobody); recorded in its history. */
export async function assignFinding(store: Store, id: string, assignee: string, by: string, now = Date.now()): Promise<void> {
  const name = assignee.trim();
  if (name.length > MAX_ASSIGNEE_CHARS || /[\u0000-\u001f\u007f]/.test(name))
    throw new FindingTriageError(`an assignee is a user name of at most ${MAX_ASSIGNEE_CHARS} characters without control characters`, {
      reason: 'triage-assignee',
      params: { max: MAX_ASSIGNEE_CHARS },
    });
  if (!(await store.addFindingActivity({ Id: id, Kind: 'assignee', Value: name, By: by, At: now }))) throw new FindingNotFoundError(id);
}

/** Add a note to a finding; kept as text (shown as text, never as markup). */
export async function addFindingNote(store: Store, id: string, text: string, by: string, now = Date.now()): Promise<void> {
  const note = text.trim();
  if (note === '') throw new FindingTriageError('a note needs some text', { reason: 'triage-note-empty' });
  if (note.length > MAX_NOTE_CHARS)
    throw new FindingTriageError(`a note has at most ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters`, {
      reason: 'triage-note-long',
      params: { max: MAX_NOTE_CHARS },
    });
  if (!(await store.addFindingActivity({ Id: id, Kind: 'note', Value: note, By: by, At: now }))) throw new FindingNotFoundError(id);
}

/** Current assignee of each finding that was ever assigned (the latest assignment wins; '' = unassigned again). */
export function currentAssignees(activity: readonly FindingActivityRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of activity) if (a.Kind === 'assignee') out.set(a.Id, a.Value);
  return out;
}

/** Ids of the findings assigned to `assignee` now. */
export async function findingsAssignedTo(store: Store, assignee: string): Promise<string[]> {
  const now = currentAssignees(await store.findingActivity({ kinds: ['assignee'] }));
  return [...now].filter(([, who]) => who === assignee).map(([id]) => id);
}

/** The history of a finding: state changes, assignments and notes, oldest first. */
export async function findingTimeline(store: Store, id: string): Promise<FindingHistoryEntry[]> {
  const [states, activity] = await Promise.all([store.findingHistory(id), store.findingActivity({ ids: [id] })]);
  const entries: { at: number; order: number; entry: FindingHistoryEntry }[] = [
    ...states.map((s, i) => ({ at: s.UpdatedAt, order: i, entry: entry('state', s.State, s.UpdatedBy, s.UpdatedAt) })),
    ...activity.map((a, i) => ({ at: a.At, order: states.length + i, entry: entry(a.Kind, a.Value, a.By, a.At) })),
  ];
  return entries.sort((a, b) => a.at - b.at || a.order - b.order).map((e) => e.entry);
}

function entry(kind: FindingHistoryEntry['kind'], value: string | FindingState, by: string, at: number): FindingHistoryEntry {
  return { kind, value, by, at: new Date(at).toISOString() };
}
