/** Per-user settings of the web app (language, time zone), kept in the store's state entries so every browser sees them. */
import { isValidTimeZone } from '../../config/index.js';
import type { Store } from '../../store/index.js';
import { BadRequestError } from '../errors.js';

const PREFERENCES_KEY = 'server.preferences';

/** The languages of the web app and CLI. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What one user chose; an absent value follows the browser (language) or organization.timeZone (zone). */
export interface Preferences {
  language?: Language;
  timeZone?: string;
}

/** A change: a value sets, null clears, absent keeps. */
export type PreferencesChange = { [K in keyof Preferences]?: Preferences[K] | null };

/** Preferences of every user of one store, keyed by user name; writes are serialised. */
export class UserPreferences {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  /** One user's preferences ({} when none). */
  async get(user: string): Promise<Preferences> {
    return (await this.all())[user] ?? {};
  }

  /** Apply a change; BadRequestError for an unknown language or zone. */
  async update(user: string, change: PreferencesChange): Promise<Preferences> {
    if (change.language != null && !(LANGUAGES as readonly string[]).includes(change.language))
      throw new BadRequestError(`language must be one of ${LANGUAGES.join(', ')}`, {
        reason: 'language',
        params: { languages: LANGUAGES.join(', ') },
      });
    if (change.timeZone != null && !isValidTimeZone(change.timeZone))
      throw new BadRequestError('timeZone must be an IANA time zone such as Asia/Tokyo', { reason: 'time-zone' });
    const work = async () => {
      const all = await this.all();
      const next: Preferences = { ...all[user] };
      for (const key of ['language', 'timeZone'] as const) {
        if (change[key] === null) delete next[key];
        else if (change[key] !== undefined) (next as Record<string, string>)[key] = change[key];
      }
      all[user] = next;
      await this.store.setState(PREFERENCES_KEY, all);
      return next;
    };
    const done = this.chain.then(work, work);
    this.chain = done.catch(() => undefined);
    return done;
  }

  private async all(): Promise<Record<string, Preferences>> {
    const entry = await this.store.getState(PREFERENCES_KEY);
    const value = entry?.value;
    return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, Preferences>) } : {};
  }
}
