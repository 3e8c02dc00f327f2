/** The page footer: version, and the attribution the GeoIP/ASN data's licence asks for. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import { strings } from '../strings';

interface About {
  version: string;
  geoip: { attribution?: string; sources?: { name: string; license: string; buildDate?: string }[] };
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
      {about.geoip.attribution && <span>{about.geoip.attribution}</span>}
    </footer>
  );
}
