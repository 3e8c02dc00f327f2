/**
 * The page footer: version, and the attribution the GeoIP/ASN data's licence asks for: the licensor's credit as it wrote
 * it (names of works and the licence), labelled in the viewer's language.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { strings } from '../strings';

interface About {
  version: string;
  geoip: {
    attribution?: string;
    sources?: { kind?: string; name: string; license: string; buildDate?: string; attribution?: string }[];
  };
}

/** "IP Geolocation by DB-IP (https://db-ip.com)" -> a link named by the text; anything else stays text. */
function Attribution({ text }: { text: string }) {
  const m = /^(.+) \((https:\/\/[^\s()]+)\)$/.exec(text);
  if (!m) return <span>{text}</span>;
  return (
    <a href={m[2]} target="_blank" rel="noopener noreferrer">
      {m[1]}
    </a>
  );
}

/** Footer shown on every signed-in page. */
export function AppFooter() {
  const [about, setAbout] = useState<About | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api<About>('GET', '/api/about', undefined, { signal: controller.signal }).then(setAbout, () => undefined);
    return () => controller.abort();
  }, []);
  if (!about) return null;
  const sources = (about.geoip.sources ?? [])
    .map((s) => `${s.name} (${s.license}${s.buildDate ? `, ${s.buildDate.slice(0, 10)}` : ''})`)
    .join(' · ');
  return (
    <footer className="app-footer">
      <span>{strings.footer.version(about.version)}</span>
      {sources && (
        <span title={about.geoip.attribution ?? ''}>
          {strings.footer.geoData}: {sources}
        </span>
      )}
      {(about.geoip.sources ?? []).map((s) =>
        s.attribution ? (
          <span key={s.name} title={strings.footer.asWritten}>
            {strings.footer.dataKinds[s.kind ?? ''] ?? strings.footer.geoData}: <Attribution text={s.attribution} />
          </span>
        ) : null,
      )}
    </footer>
  );
}
