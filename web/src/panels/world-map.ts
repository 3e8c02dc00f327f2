// The world map for ECharts, from Natural Earth via world-atlas (public domain), features named by ISO alpha-2.
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { loadECharts } from '../components/echart';

let registered = false;

type Ring = number[][];

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band across the whole map:
 * their western points are moved onto the 180° edge.
 */
function clampAntimeridian<G extends { type: string }>(geometry: G): G {
  const fix = (ring: Ring): Ring => {
    const xs = ring.map((c) => c[0]!);
    return Math.max(...xs) - Math.min(...xs) > 180 ? ring.map(([x, y]) => [x! < 0 ? 180 : x!, y!]) : ring;
  };
  const g = geometry as unknown as { type: string; coordinates: Ring[] | Ring[][] };
  if (g.type === 'Polygon') return { ...geometry, coordinates: (g.coordinates as Ring[]).map(fix) };
  if (g.type === 'MultiPolygon') return { ...geometry, coordinates: (g.coordinates as Ring[][]).map((p) => p.map(fix)) };
  return geometry;
}

/**
 * Register the map as 'world' once ECharts has come, before any chart is drawn with it (called as a map panel is
 * drawn, before its chart asks for ECharts); features get the alpha-2 code as their name.
 */
export function registerWorldMap(): void {
  if (registered) return;
  registered = true;
  loadECharts().then(
    (echarts) => echarts.registerMap('world', { type: 'FeatureCollection', features: worldFeatures() } as never),
    () => {
      registered = false;
    },
  );
}

/** The countries of Natural Earth's 110m map, named by alpha-2 code, without Antarctica. */
function worldFeatures() {
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  return fc.features
    .map((f) => ({
      ...f,
      geometry: clampAntimeridian(f.geometry),
      properties: { name: countries.numericToAlpha2(String(f.id ?? '')) ?? '' },
    }))
    .filter((f) => f.properties.name !== '' && f.properties.name !== 'AQ');
}

/** Name of a country code in the shown language (Japan / 日本). */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
