// The viewer's language and time zone: a small menu in the header. A choice is kept in this browser and on the server
// (per user), so it follows the user to other browsers.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { BROWSER_TIME_ZONE } from '../format';
import { browserLanguage, choose, currentChoice, LANGUAGES, type Language } from '../i18n';
import { strings } from '../strings';

/** Answer of /api/preferences. */
interface ServerPreferences {
  language?: Language;
  timeZone?: string;
  organizationTimeZone: string;
}

// Zones offered first; the browser's list follows.
const COMMON_ZONES = [
  'Asia/Tokyo',
  'UTC',
  'Asia/Seoul',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
];

function allZones(): string[] {
  const more = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([...COMMON_ZONES, ...more])];
}

let loaded: Promise<ServerPreferences | undefined> | undefined;

/** The signed-in user's saved choice, asked once per page load and applied when it differs from this browser's. */
export function loadServerPreferences(): Promise<ServerPreferences | undefined> {
  loaded ??= api<ServerPreferences>('GET', '/api/preferences').then(
    (p) => {
      // The account's choice wins; a choice made in this browser before signing in is kept and saved for the account.
      const local = currentChoice();
      choose({ ...(p.language ? { language: p.language } : {}), ...(p.timeZone ? { timeZone: p.timeZone } : {}) });
      const missing = {
        ...(!p.language && local.language ? { language: local.language } : {}),
        ...(!p.timeZone && local.timeZone ? { timeZone: local.timeZone } : {}),
      };
      if (Object.keys(missing).length > 0) void api('PUT', '/api/preferences', missing).catch(() => undefined);
      return p;
    },
    () => undefined,
  );
  return loaded;
}

/** Save a change for the user, then show it. */
async function save(change: { language?: Language | null; timeZone?: string | null }): Promise<void> {
  const saved = await api<ServerPreferences>('PUT', '/api/preferences', change).catch(() => undefined);
  if (saved) loaded = Promise.resolve(saved);
  choose(change);
}

export function DisplaySettings() {
  const [organizationZone, setOrganizationZone] = useState<string | undefined>();
  useEffect(() => {
    void loadServerPreferences().then((p) => setOrganizationZone(p?.organizationTimeZone));
  }, []);
  const choice = currentChoice();
  const zones = allZones();
  return (
    <details className="display-settings" data-testid="display-settings">
      <summary>
        <span aria-hidden="true">⚙</span> <span className="display-settings-label">{strings.prefs.title}</span>
      </summary>
      <div className="display-settings-body">
        <label>
          {strings.prefs.language}
          <select
            data-testid="language-select"
            value={choice.language ?? ''}
            onChange={(e) => void save({ language: (e.target.value || null) as Language | null })}
          >
            <option value="">{strings.prefs.languageAuto(strings.prefs.languages[browserLanguage()] ?? browserLanguage())}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {strings.prefs.languages[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {strings.prefs.timeZone}
          <select data-testid="zone-select" value={choice.timeZone ?? ''} onChange={(e) => void save({ timeZone: e.target.value || null })}>
            <option value="">{strings.prefs.zoneBrowser(BROWSER_TIME_ZONE)}</option>
            {organizationZone && organizationZone !== BROWSER_TIME_ZONE && (
              <option value={organizationZone}>{strings.prefs.zoneOrganization(organizationZone)}</option>
            )}
            {zones
              .filter((z) => z !== organizationZone || organizationZone === BROWSER_TIME_ZONE)
              .map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
          </select>
        </label>
      </div>
    </details>
  );
}
