// A stand-in for Mapbox's web services, answered inside the page with playwright routes, so the
// mapbox-gl engine runs for real here with no network: the satellite-v9 style, TileJSON for its
// tilesets, imagery and elevation tiles drawn from a synthetic relief (not real terrain), empty
// glyph ranges, and telemetry swallowed. The style can be made to fail instead.
import { crc32, deflateSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';

/** Syntactically valid (pk. + base64url JSON payload + signature), accepted by no server. */
export const FAKE_TOKEN = `pk.${Buffer.from(JSON.stringify({ u: 'newsroom', a: 'test' })).toString('base64url')}.c2lnbmF0dXJl`;

/** Hosts that are Mapbox's own: the provider a token build is allowed to talk to. */
export const MAPBOX_HOSTS = ['api.mapbox.com', 'events.mapbox.com'];

/** How the style request is answered: served, refused (bad or expired token), cut (blocked network) or never. */
export type StyleAnswer = 'ok' | 401 | 'abort' | 'hang';

export interface Answers {
  style?: StyleAnswer;
  /** imagery tiles: served, or never answered (a network that stalls) */
  imagery?: 'ok' | 'hang';
}

const png = (width: number, height: number, rgb: (x: number, y: number) => [number, number, number]) => {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(rgb(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Synthetic relief in metres: one ridge along the border, some knolls, a plain around it. */
export function elevation(lon: number, lat: number): number {
  // distance in degrees from the line (35.85, 33.45) → (36.65, 34.45)
  const [ax, ay, bx, by] = [35.85, 33.45, 36.65, 34.45];
  const d = Math.abs((by - ay) * lon - (bx - ax) * lat + bx * ay - by * ax) / Math.hypot(bx - ax, by - ay);
  return 700 + 1800 * Math.exp(-((d / 0.14) ** 2)) + 150 * Math.sin(lon * 23 + lat * 7) * Math.cos(lat * 29 - lon * 5);
}

const lonLatOf = (z: number, x: number, y: number, px: number, py: number, size: number) => {
  const n = 2 ** z;
  const lon = ((x + (px + 0.5) / size) / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + (py + 0.5) / size)) / n))) * 180) / Math.PI;
  return [lon, lat] as const;
};

/** Terrain-RGB: height = -10000 + (R·65536 + G·256 + B) · 0.1 */
const demTile = (z: number, x: number, y: number) =>
  png(512, 512, (px, py) => {
    const v = Math.round((elevation(...lonLatOf(z, x, y, px, py, 512)) + 10000) * 10);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  });

/** Imagery: the relief in earth tones, lit from the north-west. */
const imageryTile = (z: number, x: number, y: number) =>
  png(256, 256, (px, py) => {
    const [lon, lat] = lonLatOf(z, x, y, px, py, 256);
    const h = elevation(lon, lat);
    const e = 0.002;
    const shade = Math.max(0.55, Math.min(1.25, 1 + (elevation(lon - e, lat) - h - (elevation(lon, lat + e) - h)) / 60));
    const t = Math.min(1, Math.max(0, (h - 700) / 1800));
    return [150 + 70 * t, 130 + 70 * t, 95 + 80 * t].map((c) => Math.min(255, Math.round(c * shade))) as [number, number, number];
  });

/** Font families on Mapbox's glyph API that its own styles use (Mapbox Studio's default fonts). */
const SERVED_FONTS = /^(DIN Pro|Arial Unicode MS|Open Sans|Roboto) (Regular|Medium|Bold|Italic)$/;

const SATELLITE_STYLE = {
  version: 8,
  name: 'Mapbox Satellite (test stand-in)',
  sources: { mapbox: { type: 'raster', url: 'mapbox://mapbox.satellite', tileSize: 256 } },
  glyphs: 'mapbox://fonts/mapbox/{fontstack}/{range}.pbf',
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': 'rgb(4,7,14)' } },
    { id: 'satellite', type: 'raster', source: 'mapbox' },
  ],
};

const tileJson = (tileset: string) => ({
  tilejson: '2.2.0',
  name: tileset,
  scheme: 'xyz',
  tiles: [`https://api.mapbox.com/v4/${tileset}/{z}/{x}/{y}.png`],
  minzoom: 0,
  maxzoom: tileset.includes('dem') ? 14 : 19,
  bounds: [-180, -85.0511, 180, 85.0511],
  attribution:
    '<a href="https://www.mapbox.com/about/maps/" target="_blank">© Mapbox</a> <a href="https://www.maxar.com/" target="_blank">© Maxar</a>',
  // Mapbox's TileJSON asks for the wordmark; mapbox-gl shows its logo because of it.
  mapbox_logo: true,
});

export interface FakeMapbox {
  /** every Mapbox URL the page requested, without its query */
  requests: string[];
}

/** Answers the page's requests to Mapbox's hosts, as `answers` says (all served by default). */
export async function fakeMapbox(page: Page, { style = 'ok', imagery = 'ok' }: Answers = {}): Promise<FakeMapbox> {
  const requests: string[] = [];
  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body), headers: { 'access-control-allow-origin': '*' } });
  const cors = { 'access-control-allow-origin': '*' };
  await page.route(
    (url) => MAPBOX_HOSTS.includes(url.hostname),
    async (route) => {
      const url = new URL(route.request().url());
      requests.push(url.origin + url.pathname);
      const path = url.pathname;
      // Telemetry and the map-load (billing) session: acknowledged, nothing to say.
      if (url.hostname === 'events.mapbox.com' || path.startsWith('/map-sessions/')) return route.fulfill({ status: 204, headers: cors });
      if (path.startsWith('/styles/v1/')) {
        if (style === 'ok') return json(route, SATELLITE_STYLE);
        if (style === 401) return json(route, { message: 'Not Authorized - Invalid Token' }, 401);
        if (style === 'abort') return route.abort('internetdisconnected');
        return; // 'hang': never answered
      }
      const fonts = /^\/fonts\/v1\/mapbox\/([^/]+)\/\d+-\d+\.pbf$/.exec(path);
      if (fonts) {
        // Glyph ranges come back empty (labels are not drawn here), and only for fonts Mapbox has.
        const served = decodeURIComponent(fonts[1]!)
          .split(',')
          .every((f) => SERVED_FONTS.test(f));
        return route.fulfill({ status: served ? 200 : 404, contentType: 'application/x-protobuf', body: Buffer.alloc(0), headers: cors });
      }
      const tilejson = /^\/v4\/([\w.-]+)\.json$/.exec(path);
      if (tilejson) return json(route, tileJson(tilejson[1]!));
      // mapbox-gl asks for .webp (and @2x for elevation) whatever the TileJSON says; PNG is sniffed fine.
      const tile = /^\/v4\/([\w.-]+)\/(\d+)\/(\d+)\/(\d+)(?:@2x)?\.(?:png|webp|jpg)$/.exec(path);
      if (tile) {
        const [z, x, y] = tile.slice(2).map(Number) as [number, number, number];
        const dem = tile[1]!.includes('dem');
        if (!dem && imagery === 'hang') return;
        const body = dem ? demTile(z, x, y) : imageryTile(z, x, y);
        return route.fulfill({ status: 200, contentType: 'image/png', body, headers: cors });
      }
      return route.fulfill({ status: 404, headers: cors });
    },
  );
  return { requests };
}
