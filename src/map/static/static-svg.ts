// A step's map as a static SVG: what readers get when there is no WebGL or the map engine fails
// to load. Same GeoJSON, palette and framing as the live map (Web Mercator at maplibre's 512-px
// tile zoom, plus this screen's zoomOffset, centred in the area the cards leave free). Pure:
// a string out, tested in Node. Pitch is drawn flat; bearing is honoured.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Story, StoryData, View } from '../../story/model.ts';
import type { Camera, Layer } from '../../story/schema.ts';
import { snapshot } from '../../geo/morph-plan.ts';
import { projector as geoProjector, type Frame } from '../../geo/projection.ts';
import { linesOf } from '../../geo/rings.ts';
import { BASEMAP, SIDES, STATUSES, tokenColor } from '../../palette/palette.ts';
import {
  HIGHLIGHT_TEXT_SIZE,
  labelOffset,
  levelOf,
  markerExtent,
  markerShapes,
  PLACE_BOLD,
  PLACE_TEXT_SIZE,
  type Marker,
} from '../style/markers.ts';
import {
  COUNTRY_ARABIC_DROP,
  COUNTRY_SPACING,
  countryArabicSize,
  countryTextSize,
  pickCountryLabels,
  shownPlaces,
  shownRoutes,
  type CountryPick,
} from '../style/country-labels.ts';

export type { Frame };

export interface Basemap {
  land: FeatureCollection;
  borders: FeatureCollection;
  labels: FeatureCollection;
}

type Project = (p: Position) => [number, number];

/** A pre-shaded relief image (Web Mercator) and the [west, south, east, north] it covers. */
export interface ReliefImage {
  href: string;
  bounds: readonly [number, number, number, number];
}

/**
 * The relief image laid on the map by its corners: scaled as the map is, turned with its bearing,
 * and lighter closer in, where it is blown up (as the live map's hillshade).
 */
function reliefImage({ href, bounds: [west, south, east, north] }: ReliefImage, project: Project, z: number): string {
  const [nw, ne, sw] = [project([west, north]), project([east, north]), project([west, south])];
  const angle = (Math.atan2(ne[1] - nw[1], ne[0] - nw[0]) * 180) / Math.PI;
  const size = `width="${n(Math.hypot(ne[0] - nw[0], ne[1] - nw[1]))}" height="${n(Math.hypot(sw[0] - nw[0], sw[1] - nw[1]))}"`;
  const turn = Math.abs(angle) < 0.05 ? '' : ` transform="rotate(${n(angle)} ${xy(nw)})"`;
  const opacity = `opacity="${n(byZoom(z, 8, 1, 11, 0.6))}"`;
  return `<image data-relief="" href="${esc(href)}" x="${n(nw[0])}" y="${n(nw[1])}" ${size} preserveAspectRatio="none" ${opacity}${turn}/>`;
}

/** Screen position (CSS px from the map's top-left) of [lon, lat] under `camera`, drawn flat as maplibre draws it at pitch 0. */
export const projector = (camera: Camera, frame: Frame): Project => geoProjector(camera, frame);

/** Text made safe inside SVG or HTML elements and quoted attributes. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number) => (Math.round(v * 10) / 10).toString();
const xy = ([x, y]: [number, number]) => `${n(x)},${n(y)}`;
/** Linear interpolation by zoom, clamped, as the basemap style's `byZoom`. */
const byZoom = (z: number, z0: number, v0: number, z1: number, v1: number) =>
  v0 + (v1 - v0) * Math.max(0, Math.min(1, (z - z0) / (z1 - z0)));

const pathOf = (g: Geometry, project: Project, close: boolean) =>
  linesOf(g)
    .map((r) => `M${r.map((c) => xy(project(c))).join('L')}${close ? 'Z' : ''}`)
    .join('');

const path = (g: Geometry, project: Project, close: boolean, attrs: string) => {
  const d = pathOf(g, project, close);
  return d ? `<path d="${d}" ${attrs}/>` : '';
};

const halo = (width: number) => `paint-order="stroke" stroke="${BASEMAP.halo}" stroke-width="${width}" stroke-linejoin="round"`;

function text(at: [number, number], lines: string[], size: number, attrs: string): string {
  const spans = lines.map((l, i) => `<tspan x="${n(at[0])}" dy="${i === 0 ? 0 : 1.15}em">${esc(l)}</tspan>`).join('');
  return `<text x="${n(at[0])}" y="${n(at[1])}" font-size="${n(size)}" ${attrs}>${spans}</text>`;
}

interface Spot {
  x: number;
  /** baseline of the first line */
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/** A label the map would like to draw, with the spots it may take, in order of preference. */
interface Label {
  key: string;
  lines: string[];
  size: number;
  attrs: string;
  spots: Spot[];
  /** letter-spacing, in em */
  spacing?: number;
  /** px kept free around the text, as the engine's text-padding (default 2) */
  padding?: number;
  /** the marker drawn with the name (the symbol's icon): it must be free too, and goes with it */
  marker?: Box;
  /** placed even where it collides (the card's places), on its first free spot or else its first */
  always?: boolean;
  /** placed only with the label of this key (an Arabic name under its Latin one) */
  with?: string;
}

/**
 * Labels that do not overlap, as the live map's collision detection leaves them: in the order
 * given (most important first), each takes its first free spot or is left out, its marker with
 * it. Widths are estimated from the character count, which is enough to keep names apart. A
 * spot must lie wholly inside the frame (a name cut by the edge, "ahle" for Nahle, reads wrong);
 * only the card's places, always drawn, may fall back to a spot that does not.
 */
function placeLabels(labels: Label[], frame: { width: number; height: number }): Map<string, string> {
  const taken: Box[] = [];
  const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= frame.width && b.y1 <= frame.height;
  const free = (b: Box) => inside(b) && !taken.some((t) => t.x0 < b.x1 && b.x0 < t.x1 && t.y0 < b.y1 && b.y0 < t.y1);
  const placed = new Map<string, string>();
  for (const l of labels) {
    const bold = l.attrs.includes('font-weight="700"');
    const w = Math.max(...l.lines.map((s) => s.length)) * l.size * ((bold ? 0.6 : 0.55) + (l.spacing ?? 0));
    const h = l.lines.length * l.size * 1.15;
    const pad = l.padding ?? 2;
    const boxAt = (spot: Spot): Box => {
      const x0 = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - w : spot.x - w / 2;
      return { x0: x0 - pad, y0: spot.y - l.size * 0.9 - pad, x1: x0 + w + pad, y1: spot.y - l.size * 0.9 + h + pad };
    };
    if ((l.marker && !l.always && !free(l.marker)) || (l.with && !placed.has(l.with))) continue;
    const spot = l.spots.find((s) => free(boxAt(s))) ?? (l.always ? l.spots[0] : undefined);
    if (!spot) continue;
    taken.push(boxAt(spot), ...(l.marker ? [l.marker] : []));
    placed.set(l.key, text([spot.x, spot.y], l.lines, l.size, `${l.attrs} text-anchor="${spot.anchor}"`));
  }
  return placed;
}

/** Greedy word wrap to about `max` characters a line (maplibre's text-max-width). */
function wrap(s: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of s.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const prop = (f: Feature, key: string): unknown => f.properties?.[key];
const points = (fc: FeatureCollection) => fc.features.filter((f): f is Feature<GeoJSON.Point> => f.geometry?.type === 'Point');

function basemapLand(b: Basemap, project: Project): string {
  return b.land.features
    .map((f) =>
      path(
        f.geometry,
        project,
        true,
        `fill="${['Syria', 'Lebanon'].includes(String(prop(f, 'name'))) ? BASEMAP.land : BASEMAP.landOther}"`,
      ),
    )
    .join('');
}

function basemapBorders(b: Basemap, project: Project, z: number): string {
  const isSL = (f: Feature) => prop(f, 'between') === 'Lebanon–Syria';
  const line = 'fill="none" stroke-linejoin="round"';
  const other = b.borders.features
    .filter((f) => !isSL(f))
    .map((f) =>
      path(f.geometry, project, false, `${line} stroke="${BASEMAP.borderOther}" stroke-width="${n(byZoom(z, 7, 0.6, 11, 1.2))}"`),
    );
  const w = byZoom(z, 7, 1.2, 11, 2);
  const sl = b.borders.features
    .filter(isSL)
    .map(
      (f) =>
        path(
          f.geometry,
          project,
          false,
          `${line} stroke="${BASEMAP.halo}" stroke-opacity="0.85" stroke-linecap="round" stroke-width="${n(byZoom(z, 7, 3, 11, 6))}"`,
        ) +
        path(
          f.geometry,
          project,
          false,
          `${line} stroke="${BASEMAP.border}" stroke-width="${n(w)}" stroke-dasharray="${n(3 * w)} ${n(2 * w)}"`,
        ),
    );
  return [...other, ...sl].join('');
}

/** Region names: after the story's own labels and the country names, so they give way as on the live map. */
function regionLabels(b: Basemap, project: Project, z: number): Label[] {
  const size = byZoom(z, 7, 11, 11, 14);
  return points(b.labels)
    .filter((f) => prop(f, 'kind') === 'region')
    .map((f, i): Label => {
      const [x, y] = project(f.geometry.coordinates);
      const ar = String(prop(f, 'name_ar') ?? '');
      return {
        key: `base:region:${i}`,
        lines: [...wrap(String(prop(f, 'name') ?? ''), 12), ...(ar ? [ar] : [])],
        size,
        attrs: `fill="${BASEMAP.labelMuted}" ${halo(3)} font-style="italic"`,
        spots: [{ x, y, anchor: 'middle' }],
      };
    });
}

/** LEBANON and SYRIA at the points the live map picks for this view (country-labels.ts), Arabic below. */
function countryLabels(b: Basemap, shown: Pick<CountryPick, 'places' | 'routes'>, view: View, frame: Frame, project: Project): Label[] {
  const z = view.camera.zoom + frame.zoomOffset;
  const picked = new Set(pickCountryLabels({ labels: b.labels, borders: b.borders, ...shown }, view.camera, frame));
  const muted = `fill="${BASEMAP.labelMuted}" ${halo(3)} font-weight="700"`;
  const [size, arSize] = [countryTextSize(z), countryArabicSize(z)];
  return points(b.labels)
    .filter((f) => picked.has(String(prop(f, 'id'))))
    .flatMap((f): Label[] => {
      const [x, y] = project(f.geometry.coordinates);
      const key = `base:country:${String(prop(f, 'id'))}`;
      return [
        {
          key,
          lines: [String(prop(f, 'name') ?? '')],
          size,
          spacing: COUNTRY_SPACING,
          padding: 0,
          attrs: `${muted} letter-spacing="${COUNTRY_SPACING}em"`,
          // anchored at the bottom of the text, as on the live map: the baseline a little above the point
          spots: [{ x, y: y - size * 0.25, anchor: 'middle' }],
        },
        {
          key: `${key}:ar`,
          with: key,
          padding: 0,
          lines: [String(prop(f, 'name_ar') ?? '')],
          size: arSize,
          attrs: muted,
          spots: [{ x, y: y + arSize * (COUNTRY_ARABIC_DROP + 0.95), anchor: 'middle' }],
        },
      ];
    });
}

/** Front layers' polygons drawn instead of the view's snapshot (a day between snapshots), by layer id. */
export type Fronts = Readonly<Record<string, FeatureCollection>>;

const frontOf = (layer: Layer, fc: FeatureCollection, view: View, fronts?: Fronts) => fronts?.[layer.id] ?? snapshot(fc, view.front);

/** Fills of area and front layers: drawn under the borders, as on the live map. */
function fills(layer: Layer, fc: FeatureCollection, view: View, project: Project, fronts?: Fronts): string {
  if (layer.kind === 'area') {
    const color = tokenColor(layer.style.color);
    return fc.features
      .map((f) => path(f.geometry, project, true, `fill="${color}" fill-opacity="${layer.style.opacity ?? 0.45}" fill-rule="evenodd"`))
      .join('');
  }
  if (layer.kind === 'front') {
    return frontOf(layer, fc, view, fronts)
      .features.map((f) => {
        const color = SIDES[prop(f, 'side') as keyof typeof SIDES]?.color ?? BASEMAP.label;
        return path(
          f.geometry,
          project,
          true,
          `fill="${color}" fill-opacity="${STATUSES[prop(f, 'status') as keyof typeof STATUSES]?.fillOpacity ?? 0.2}" fill-rule="evenodd"`,
        );
      })
      .join('');
  }
  return '';
}

/** An arrow head centred on the line's end, pointing along its last drawn segment. */
function arrowHead(line: Position[], project: Project, color: string): string {
  if (line.length < 2) return '';
  const [x1, y1] = project(line[line.length - 2]!);
  const [x2, y2] = project(line[line.length - 1]!);
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [dx, dy] = [(x2 - x1) / len, (y2 - y1) / len];
  const s = 6;
  const tip: [number, number] = [x2 + dx * s, y2 + dy * s];
  const left: [number, number] = [x2 - dx * s - dy * s, y2 - dy * s + dx * s];
  const right: [number, number] = [x2 - dx * s + dy * s, y2 - dy * s - dx * s];
  return `<path d="M${xy(tip)}L${xy(left)}L${xy(right)}Z" fill="${color}"/>`;
}

/** Everything else a layer draws: edges, lines with heads, labels. Places come last (placeMarks). */
function strokes(layer: Layer, fc: FeatureCollection, view: View, project: Project, labels: Map<string, string>, fronts?: Fronts): string {
  const color = tokenColor(layer.style.color);
  switch (layer.kind) {
    case 'area':
      return fc.features
        .map((f) =>
          path(
            f.geometry,
            project,
            true,
            `fill="none" stroke="${color}" stroke-width="1.5"${layer.style.dashed ? ' stroke-dasharray="3 3"' : ''}`,
          ),
        )
        .join('');
    case 'front':
      return frontOf(layer, fc, view, fronts)
        .features.map((f) => {
          const side = SIDES[prop(f, 'side') as keyof typeof SIDES]?.color ?? BASEMAP.label;
          const dash = prop(f, 'status') === 'claimed' ? ' stroke-dasharray="3 3"' : '';
          return path(f.geometry, project, true, `fill="none" stroke="${side}" stroke-width="1.5"${dash}`);
        })
        .join('');
    case 'line': {
      const dash = layer.style.dashed ? ' stroke-dasharray="8 6"' : '';
      return fc.features
        .map(
          (f) =>
            path(
              f.geometry,
              project,
              false,
              `fill="none" stroke="${BASEMAP.halo}" stroke-opacity="0.9" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"`,
            ) +
            path(
              f.geometry,
              project,
              false,
              `fill="none" stroke="${color}" stroke-opacity="${layer.style.opacity ?? 0.85}" stroke-width="4" stroke-linejoin="round"${dash}`,
            ) +
            linesOf(f.geometry)
              .map((l) => arrowHead(l, project, color))
              .join(''),
        )
        .join('');
    }
    case 'label':
      return points(fc)
        .map((_, i) => labels.get(`story:${layer.id}:${i}`) ?? '')
        .join('');
    default:
      return '';
  }
}

const isApprox = (f: Feature) => prop(f, 'confidence') === 'approximate';
const markerOf = (f: Feature, highlighted: boolean): Marker => ({ level: levelOf(f.properties), approximate: isApprox(f), highlighted });

/** A marker as SVG circles (markers.ts): discs and rings, the strokes outside each radius as the engine draws them. */
function marker(at: [number, number], token: Layer['style']['color'], m: Marker): string {
  return markerShapes(token, m)
    .map(({ r0, r1, color, opacity }) => {
      const c = `cx="${n(at[0])}" cy="${n(at[1])}"`;
      const o = opacity < 1 ? ` fill-opacity="${opacity}"` : '';
      return r0 === 0
        ? `<circle ${c} r="${n(r1)}" fill="${color}"${o}/>`
        : `<circle ${c} r="${n((r0 + r1) / 2)}" fill="none" stroke="${color}" stroke-width="${n(r1 - r0)}"/>`;
    })
    .join('');
}

/** A place's name beside its marker (text-variable-anchor: right of it, left, below, above), clear of the marker's edge. */
function placeLabel(key: string, f: Feature<GeoJSON.Point>, project: Project, m: Marker, attrs: string): Label {
  const [x, y] = project(f.geometry.coordinates);
  const size = m.highlighted ? HIGHLIGHT_TEXT_SIZE : PLACE_TEXT_SIZE[m.level];
  const gap = labelOffset(m.level, m.highlighted) * size;
  const r = markerExtent(m.level, m.highlighted);
  return {
    key,
    lines: [String(prop(f, 'name') ?? '')],
    size,
    attrs: `fill="${BASEMAP.label}" ${attrs}`,
    marker: { x0: x - r, y0: y - r, x1: x + r, y1: y + r },
    always: m.highlighted,
    spots: [
      { x: x + gap, y: y + size * 0.35, anchor: 'start' },
      { x: x - gap, y: y + size * 0.35, anchor: 'end' },
      { x, y: y + gap + size * 0.8, anchor: 'middle' },
      { x, y: y - gap - size * 0.2, anchor: 'middle' },
    ],
  };
}

/** The places a step rings, from every places layer, shown or not (as the live map's highlight source), with their layer's colour. */
const highlighted = (story: Pick<Story, 'layers'>, data: StoryData, view: View) => {
  const wanted = new Set(view.highlight);
  return story.layers
    .filter((l) => l.kind === 'places')
    .flatMap((l) => points(data[l.id] ?? { type: 'FeatureCollection', features: [] }).map((f) => ({ f, token: l.style.color })))
    .filter(({ f }) => wanted.has(String(prop(f, 'id'))));
};
type Ringed = ReturnType<typeof highlighted>;

/**
 * Names of the story's places and label layers in the order the live map places them: the ringed
 * places, then layer by layer from the top (the script's last layer), within a places layer by level.
 */
function storyLabels(layers: Layer[], data: StoryData, view: View, project: Project, rings: Ringed): Label[] {
  const out: (Label & { order: number })[] = rings.map(({ f }) => ({
    ...placeLabel(`ring:${String(prop(f, 'id'))}`, f, project, markerOf(f, true), `${halo(4)} font-weight="700"`),
    order: -1,
  }));
  const ringed = new Set(view.highlight);
  for (const [index, layer] of layers.entries()) {
    const fc = data[layer.id]!;
    const above = (layers.length - index) * 10;
    if (layer.kind === 'places') {
      points(fc).forEach((f, i) => {
        if (ringed.has(String(prop(f, 'id')))) return;
        const m = markerOf(f, false);
        const label = placeLabel(`story:${layer.id}:${i}`, f, project, m, `${halo(3)}${PLACE_BOLD[m.level] ? ' font-weight="700"' : ''}`);
        out.push({ ...label, order: above + m.level });
      });
    } else if (layer.kind === 'label') {
      points(fc).forEach((f, i) => {
        const [x, y] = project(f.geometry.coordinates);
        const lines = wrap(String(prop(f, 'name') ?? ''), 16);
        out.push({
          key: `story:${layer.id}:${i}`,
          order: above,
          lines,
          size: 13,
          attrs: `fill="${tokenColor(layer.style.color)}" ${halo(3)}`,
          spots: [{ x, y, anchor: 'middle' }],
        });
      });
    }
  }
  return out.sort((a, b) => a.order - b.order);
}

/** Each place whose name found room, marker and name together (a marker alone would be an orphan). */
function placeMarks(layer: Layer, fc: FeatureCollection, project: Project, labels: Map<string, string>): string {
  return points(fc)
    .map((f, i) => {
      const name = labels.get(`story:${layer.id}:${i}`);
      if (!name) return '';
      const mark = marker(project(f.geometry.coordinates), layer.style.color, markerOf(f, false));
      return `<g data-place="${esc(String(prop(f, 'id') ?? ''))}">${mark}${name}</g>`;
    })
    .join('');
}

/** The card's places: the orange ring around the place's own marker. */
function highlights(rings: Ringed, project: Project): string {
  return rings
    .map(
      ({ f, token }) =>
        `<g data-highlight="${esc(String(prop(f, 'id')))}">${marker(project(f.geometry.coordinates), token, markerOf(f, true))}</g>`,
    )
    .join('');
}

/**
 * The map of `view` as an SVG document sized `frame.width` × `frame.height`; `relief` is drawn over
 * the land, under everything else; `fronts`, when given, are drawn instead of the view's snapshot.
 */
export function staticMapSvg(
  story: Pick<Story, 'layers'>,
  data: StoryData,
  basemap: Basemap,
  view: View,
  frame: Frame,
  relief?: ReliefImage,
  fronts?: Fronts,
): string {
  const project = projector(view.camera, frame);
  const z = view.camera.zoom + frame.zoomOffset;
  const shown = new Set(view.layers);
  const layers = story.layers.filter((l) => shown.has(l.id) && data[l.id]);
  const each = (draw: (l: Layer, fc: FeatureCollection) => string, only?: (l: Layer) => boolean) =>
    layers
      .filter((l) => !only || only(l))
      .map((l) => {
        const drawn = draw(l, data[l.id]!);
        return drawn ? `<g data-layer="${esc(l.id)}">${drawn}</g>` : '';
      })
      .join('');
  const rings = highlighted(story, data, view);
  const labels = placeLabels(
    [
      ...storyLabels(layers, data, view, project, rings),
      ...countryLabels(
        basemap,
        { places: shownPlaces(story.layers, data, view), routes: shownRoutes(story.layers, data, view) },
        view,
        frame,
        project,
      ),
      ...regionLabels(basemap, project, z),
    ],
    frame,
  );
  const { width, height } = frame;
  // direction="ltr": names are placed by their left end (text-anchor start) on a right-to-left
  // page too, whose direction the SVG would otherwise inherit; an Arabic name still reads right to left.
  // Noto Sans Arabic: the Arabic edition's text face, which its page loads (elsewhere, the next font has Arabic).
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" aria-hidden="true" focusable="false" direction="ltr" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="${BASEMAP.sea}"/>`,
    basemapLand(basemap, project),
    relief ? reliefImage(relief, project, z) : '',
    each((l, fc) => fills(l, fc, view, project, fronts)),
    basemapBorders(basemap, project, z),
    [...labels]
      .filter(([key]) => key.startsWith('base'))
      .map(([, svg]) => svg)
      .join(''),
    each(
      (l, fc) => strokes(l, fc, view, project, labels, fronts),
      (l) => l.kind !== 'places',
    ),
    highlights(rings, project),
    each(
      (l, fc) => placeMarks(l, fc, project, labels),
      (l) => l.kind === 'places',
    ),
    // the names the card mentions, on top of everything
    [...labels]
      .filter(([key]) => key.startsWith('ring:'))
      .map(([, svg]) => svg)
      .join(''),
    '</svg>',
  ].join('');
}
