// Cuts the story's regional basemap out of world-atlas (Natural Earth 1:10m, public domain).
// Usage: node scripts/build-basemap.mjs [outDir]   (default: assets/basemap)
// Output is deterministic, so tests can rebuild into a temp folder and compare bytes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

/** [west, south, east, north] in lon/lat. */
export const BBOX = [33.0, 31.5, 40.0, 36.6];

// Every country the bbox touches must be listed here, so a new one in the data fails loudly.
const ISO = {
  Akrotiri: 'XAK',
  Cyprus: 'CYP',
  'Cyprus U.N. Buffer Zone': 'XCB',
  Dhekelia: 'XDK',
  Iraq: 'IRQ',
  Israel: 'ISR',
  Jordan: 'JOR',
  Lebanon: 'LBN',
  'N. Cyprus': 'XNC',
  Palestine: 'PSE',
  'Saudi Arabia': 'SAU',
  Syria: 'SYR',
  Turkey: 'TUR',
};

const CYPRUS = new Set(['Akrotiri', 'Cyprus', 'Cyprus U.N. Buffer Zone', 'Dhekelia', 'N. Cyprus']);

const LABELS = [
  {
    name: 'Anti-Lebanon Mountains',
    name_ar: 'جبال لبنان الشرقية',
    kind: 'region',
    at: [36.5, 34.0],
    note: 'Generic label point (Wikipedia, Anti-Lebanon: 34.000 N, 36.500 E).',
  },
  {
    name: 'Qalamoun Mountains',
    name_ar: 'جبال القلمون',
    kind: 'region',
    at: [36.82261, 34.00158],
    note: 'Generic label point (Wikipedia, Qalamun Mountains: 34.00158 N, 36.82261 E).',
  },
  {
    name: 'Bekaa Valley',
    name_ar: 'سهل البقاع',
    kind: 'region',
    at: [36.04, 33.93],
    country: 'Lebanon',
    note: 'Generic label position on the valley floor west of the range, chosen for legibility, not sourced.',
  },
];

// Country names follow the camera: beside the Lebanon–Syria border, on each side, at several
// distances from it, so that at any zoom some point puts the name close to the border and inside
// the screen. The page picks one point per country for each view (src/map/style/country-labels.ts).
const COUNTRY_NAMES = {
  Lebanon: { name: 'LEBANON', name_ar: 'لبنان', code: 'lb' },
  Syria: { name: 'SYRIA', name_ar: 'سوريا', code: 'sy' },
};
/** Distances from the border, in km: about 60 px from it from zoom 11 (3 km) out to zoom 7 (40 km). */
const BORDER_OFFSETS_KM = [3, 5, 8, 13, 20, 30, 45];
/** Km per degree of latitude, and of longitude at the story's latitude (flat enough for a border 400 km long). */
const KM_LAT = 110.574;
const KM_LON = 111.32 * Math.cos((34 * Math.PI) / 180);

/** Points along `line` every `step` km, each with the unit normal of the line around it (smoothed over `smooth` km), in km. */
function alongLine(line, step, smooth) {
  const km = line.map(([lon, lat]) => [lon * KM_LON, lat * KM_LAT]);
  const at = [0];
  for (let i = 1; i < km.length; i++) at.push(at[i - 1] + Math.hypot(km[i][0] - km[i - 1][0], km[i][1] - km[i - 1][1]));
  const total = at[at.length - 1];
  const pointAt = (d) => {
    const t = Math.max(0, Math.min(total, d));
    let i = 1;
    while (i < at.length - 1 && at[i] < t) i++;
    const f = (t - at[i - 1]) / (at[i] - at[i - 1] || 1);
    return [km[i - 1][0] + f * (km[i][0] - km[i - 1][0]), km[i - 1][1] + f * (km[i][1] - km[i - 1][1])];
  };
  const out = [];
  for (let d = step / 2; d < total; d += step) {
    const a = pointAt(d - smooth);
    const b = pointAt(d + smooth);
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    out.push({ at: pointAt(d), normal: [-(b[1] - a[1]) / len, (b[0] - a[0]) / len] });
  }
  return { points: out, km };
}

/** Distance in km from point p to the polyline (both in km). */
function distanceToLine(p, km) {
  let best = Infinity;
  for (let i = 1; i < km.length; i++) {
    const [ax, ay] = km[i - 1];
    const [dx, dy] = [km[i][0] - ax, km[i][1] - ay];
    const t = Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy));
  }
  return best;
}

/** Label points for both countries along their border, checked to lie inside the country named, clear of the border's other bends. */
function countryLabelPoints(border, byName) {
  const features = [];
  for (const offset of BORDER_OFFSETS_KM) {
    const { points, km } = alongLine(border, Math.max(4, offset * 0.8), Math.max(4, offset));
    for (const [country, { name, name_ar, code }] of Object.entries(COUNTRY_NAMES)) {
      let n = 0;
      for (const { at, normal } of points) {
        for (const side of [1, -1]) {
          const p = [at[0] + side * normal[0] * offset, at[1] + side * normal[1] * offset];
          const lonLat = [Math.round((p[0] / KM_LON) * 1e3) / 1e3, Math.round((p[1] / KM_LAT) * 1e3) / 1e3];
          if (!polygonContains(byName.get(country), lonLat) || distanceToLine(p, km) < offset * 0.8) continue;
          features.push({
            type: 'Feature',
            properties: { id: `${code}-${offset}-${n++}`, name, name_ar, kind: 'country', offset },
            geometry: { type: 'Point', coordinates: lonLat },
          });
        }
      }
    }
  }
  return features;
}

const round = (v) => Math.round(v * 1e5) / 1e5;
const roundPoint = (p) => [round(p[0]), round(p[1])];
const samePoint = (a, b) => a[0] === b[0] && a[1] === b[1];

/** Where segment a→b crosses the line coordinate[axis] = bound; exact on that line. */
function cross(a, b, axis, bound) {
  const t = (bound - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = bound;
  return p;
}

/** Sutherland–Hodgman against the bbox; takes and returns an open ring. */
function clipRingOpen(points, [w, s, e, n]) {
  const planes = [
    [0, w, 1],
    [0, e, -1],
    [1, s, 1],
    [1, n, -1],
  ];
  let pts = points;
  for (const [axis, bound, sign] of planes) {
    const inside = (p) => sign * (p[axis] - bound) >= 0;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur, axis, bound));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cross(prev, cur, axis, bound));
      }
    }
    pts = out;
    if (pts.length === 0) break;
  }
  return pts;
}

/** Shoelace area, positive when counter-clockwise. */
function signedArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return a / 2;
}

/** Clips, rounds and closes a ring, wound RFC 7946 style (exterior CCW, holes CW); null if nothing is left. */
function clipRing(ring, bbox, exterior) {
  const open = clipRingOpen(ring.slice(0, -1), bbox).map(roundPoint);
  const pts = open.filter((p, i) => !samePoint(p, open[(i + open.length - 1) % open.length]));
  if (pts.length < 3) return null;
  const area = signedArea(pts);
  if (Math.abs(area) < 1e-9) return null;
  if (area > 0 !== exterior) pts.reverse();
  return [...pts, pts[0]];
}

function clipPolygons(geometry, bbox) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out = [];
  for (const [outer, ...holes] of polygons) {
    const shell = clipRing(outer, bbox, true);
    if (!shell) continue;
    out.push([shell, ...holes.map((h) => clipRing(h, bbox, false)).filter(Boolean)]);
  }
  if (out.length === 0) return null;
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

/** Liang–Barsky: the part of segment a→b inside the bbox, and whether either end was moved. */
function clipSegment(a, b, [w, s, e, n]) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const tests = [
    [-dx, a[0] - w],
    [dx, e - a[0]],
    [-dy, a[1] - s],
    [dy, n - a[1]],
  ];
  for (const [p, q] of tests) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  const at = (t) => [a[0] + t * dx, a[1] + t * dy];
  return { from: t0 > 0 ? at(t0) : a, to: t1 < 1 ? at(t1) : b, cutStart: t0 > 0, cutEnd: t1 < 1 };
}

/** Splits a polyline into the runs that lie inside the bbox. */
function clipLine(coords, bbox) {
  const runs = [];
  let run = null;
  for (let i = 1; i < coords.length; i++) {
    const seg = clipSegment(coords[i - 1], coords[i], bbox);
    if (!seg) {
      run = null;
      continue;
    }
    if (!run || seg.cutStart) {
      run = [seg.from];
      runs.push(run);
    }
    run.push(seg.to);
    if (seg.cutEnd) run = null;
  }
  return runs.map((r) => r.map(roundPoint).filter((p, i, all) => i === 0 || !samePoint(p, all[i - 1]))).filter((r) => r.length >= 2);
}

function ringContains(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function polygonContains(geometry, point) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => ringContains(outer, point) && !holes.some((h) => ringContains(h, point)));
}

const intersects = ([w, s, e, n], [w2, s2, e2, n2]) => w <= e2 && w2 <= e && s <= n2 && s2 <= n;

function geometryBounds(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygons.flat(2)) {
    b[0] = Math.min(b[0], p[0]);
    b[1] = Math.min(b[1], p[1]);
    b[2] = Math.max(b[2], p[0]);
    b[3] = Math.max(b[3], p[1]);
  }
  return b;
}

const collection = (features) => ({ type: 'FeatureCollection', bbox: BBOX, features });

/** One feature a line, so diffs of the committed files stay readable. */
function serialize(fc) {
  const head = JSON.stringify({ type: fc.type, bbox: fc.bbox }).slice(0, -1);
  return `${head},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export function buildBasemap() {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  const object = topo.objects.countries;

  const present = object.geometries
    .filter((g) => g.type)
    .map((g) => ({ g, f: feature(topo, g) }))
    .filter(({ f }) => intersects(geometryBounds(f.geometry), BBOX))
    .map(({ g, f }) => ({ g, name: f.properties.name, clipped: clipPolygons(f.geometry, BBOX) }))
    .filter(({ clipped }) => clipped)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  for (const { name } of present) {
    if (!ISO[name]) throw new Error(`no ISO code listed for ${name}: add it to ISO in build-basemap.mjs`);
  }

  const land = collection(
    present.map(({ name, clipped }) => ({ type: 'Feature', properties: { name, iso: ISO[name] }, geometry: clipped })),
  );

  const borderFeatures = [];
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const A = present[i];
      const B = present[j];
      // Cyprus's internal lines only distract on a map of the Levant mainland.
      if (CYPRUS.has(A.name) || CYPRUS.has(B.name)) continue;
      const lines = mesh(topo, object, (a, b) => (a === A.g && b === B.g) || (a === B.g && b === A.g));
      for (const line of lines.coordinates) {
        for (const run of clipLine(line, BBOX)) {
          borderFeatures.push({
            type: 'Feature',
            properties: { between: `${A.name}–${B.name}` },
            geometry: { type: 'LineString', coordinates: run },
          });
        }
      }
    }
  }
  const borders = collection(borderFeatures);

  const byName = new Map(present.map((c) => [c.name, c.clipped]));
  const border = borderFeatures.filter((f) => f.properties.between === 'Lebanon–Syria');
  if (border.length !== 1) throw new Error(`expected the Lebanon–Syria border in one piece, found ${border.length}`);
  const labels = collection([
    ...LABELS.map(({ at, country, note, ...props }) => {
      if (country && !polygonContains(byName.get(country), at)) {
        throw new Error(`label ${props.name} at ${at} is not inside ${country}`);
      }
      return {
        type: 'Feature',
        properties: note ? { ...props, note } : props,
        geometry: { type: 'Point', coordinates: at },
      };
    }),
    ...countryLabelPoints(border[0].geometry.coordinates, byName),
  ]);

  return { 'land.json': land, 'borders.json': borders, 'country-labels.json': labels };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'assets/basemap'));
  mkdirSync(outDir, { recursive: true });
  for (const [file, fc] of Object.entries(buildBasemap())) {
    const text = serialize(fc);
    writeFileSync(join(outDir, file), text);
    console.log(`${join(outDir, file)}: ${fc.features.length} features, ${Buffer.byteLength(text)} bytes`);
  }
}
