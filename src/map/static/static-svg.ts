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
import { BASEMAP, HIGHLIGHT, SIDES, tokenColor } from '../../palette/palette.ts';
import { FRONT_FILL_OPACITY, PLACE_RADIUS, PLACE_TEXT_SIZE } from '../style/story-layers.ts';

export type { Frame };

export interface Basemap {
  land: FeatureCollection;
  borders: FeatureCollection;
  labels: FeatureCollection;
}

type Project = (p: Position) => [number, number];

/** Screen position (CSS px from the map's top-left) of [lon, lat] under `camera`, drawn flat as maplibre draws it at pitch 0. */
export const projector = (camera: Camera, frame: Frame): Project => geoProjector(camera, frame);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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

/** A label the map would like to draw, with the spots it may take, in order of preference. */
interface Label {
  key: string;
  lines: string[];
  size: number;
  attrs: string;
  spots: Spot[];
  /** letter-spacing, in em */
  spacing?: number;
}

/**
 * Labels that do not overlap, as the live map's collision detection leaves them: in the order
 * given (most important first), each takes its first free spot or is left out. Widths are
 * estimated from the character count, which is enough to keep names apart.
 */
function placeLabels(labels: Label[]): Map<string, string> {
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const placed = new Map<string, string>();
  for (const l of labels) {
    const w = Math.max(...l.lines.map((s) => s.length)) * l.size * (0.56 + (l.spacing ?? 0));
    const h = l.lines.length * l.size * 1.15;
    for (const spot of l.spots) {
      const x0 = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x - w : spot.x - w / 2;
      const box = { x0, y0: spot.y - l.size * 0.9, x1: x0 + w, y1: spot.y - l.size * 0.9 + h };
      if (taken.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      taken.push(box);
      placed.set(l.key, text([spot.x, spot.y], l.lines, l.size, `${l.attrs} text-anchor="${spot.anchor}"`));
      break;
    }
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

/** Country and region names: after the story's own labels, so they give way as on the live map. */
function basemapLabels(b: Basemap, project: Project, z: number): Label[] {
  const muted = `fill="${BASEMAP.labelMuted}" ${halo(3)}`;
  return points(b.labels).flatMap((f, i): Label[] => {
    const [x, y] = project(f.geometry.coordinates);
    const name = String(prop(f, 'name') ?? '');
    const ar = String(prop(f, 'name_ar') ?? '');
    if (prop(f, 'kind') === 'country') {
      const size = byZoom(z, 7, 13, 11, 17);
      const arSize = byZoom(z, 7, 12, 11, 15);
      return [
        {
          key: `base:${i}`,
          lines: [name.toUpperCase()],
          size,
          spacing: 0.3,
          attrs: `${muted} font-weight="700" letter-spacing="0.3em"`,
          spots: [{ x, y, anchor: 'middle' }],
        },
        ...(ar
          ? [
              {
                key: `base-ar:${i}`,
                lines: [ar],
                size: arSize,
                attrs: `${muted} font-weight="700"`,
                spots: [{ x, y: y + arSize * 1.3, anchor: 'middle' as const }],
              },
            ]
          : []),
      ];
    }
    const size = byZoom(z, 7, 11, 11, 14);
    return [
      {
        key: `base:${i}`,
        lines: [...wrap(name, 12), ...(ar ? [ar] : [])],
        size,
        attrs: `${muted} font-style="italic"`,
        spots: [{ x, y, anchor: 'middle' }],
      },
    ];
  });
}

/** Fills of area and front layers: drawn under the borders, as on the live map. */
function fills(layer: Layer, fc: FeatureCollection, view: View, project: Project): string {
  if (layer.kind === 'area') {
    const color = tokenColor(layer.style.color);
    return fc.features
      .map((f) => path(f.geometry, project, true, `fill="${color}" fill-opacity="${layer.style.opacity ?? 0.45}" fill-rule="evenodd"`))
      .join('');
  }
  if (layer.kind === 'front') {
    return snapshot(fc, view.front)
      .features.map((f) => {
        const color = SIDES[prop(f, 'side') as keyof typeof SIDES]?.color ?? BASEMAP.label;
        return path(
          f.geometry,
          project,
          true,
          `fill="${color}" fill-opacity="${FRONT_FILL_OPACITY[String(prop(f, 'status'))] ?? 0.2}" fill-rule="evenodd"`,
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
function strokes(layer: Layer, fc: FeatureCollection, view: View, project: Project, labels: Map<string, string>): string {
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
      return snapshot(fc, view.front)
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

const rankOf = (f: Feature) => Math.min(2, Math.max(0, Number(prop(f, 'rank') ?? 2) || 0));
const isApprox = (f: Feature) => prop(f, 'confidence') === 'approximate';

/** Names of the story's places and label layers, the larger places first. */
/** A place's name beside its mark (text-variable-anchor: right of it, left, below, above); "(approx.)" on a line of its own. */
function placeLabel(key: string, f: Feature<GeoJSON.Point>, project: Project, size: number, clearance: number, attrs: string): Label {
  const [x, y] = project(f.geometry.coordinates);
  const lines = [String(prop(f, 'name') ?? ''), ...(isApprox(f) ? ['(approx.)'] : [])];
  const gap = clearance + size * 0.35;
  const mid = y + size * 0.35 - ((lines.length - 1) * size * 1.15) / 2;
  return {
    key,
    lines,
    size,
    attrs: `fill="${BASEMAP.label}" ${attrs}`,
    spots: [
      { x: x + gap, y: mid, anchor: 'start' },
      { x: x - gap, y: mid, anchor: 'end' },
      { x, y: y + gap + size * 0.8, anchor: 'middle' },
      { x, y: y - gap - (lines.length - 1) * size * 1.15, anchor: 'middle' },
    ],
  };
}

/** The places a step rings, from every places layer, shown or not (as the live map's highlight source). */
const highlighted = (story: Pick<Story, 'layers'>, data: StoryData, view: View) => {
  const wanted = new Set(view.highlight);
  return story.layers
    .filter((l) => l.kind === 'places')
    .flatMap((l) => points(data[l.id] ?? { type: 'FeatureCollection', features: [] }))
    .filter((f) => wanted.has(String(prop(f, 'id'))));
};

/** Names of the story's places and label layers: the ringed places first, then the larger places. */
function storyLabels(layers: Layer[], data: StoryData, view: View, project: Project, rings: Feature<GeoJSON.Point>[]): Label[] {
  const out: (Label & { rank: number })[] = rings.map((f) => ({
    ...placeLabel(`ring:${String(prop(f, 'id'))}`, f, project, 14, 11, `${halo(4)} font-weight="700"`),
    rank: -1,
  }));
  const ringed = new Set(view.highlight);
  for (const layer of layers) {
    const fc = data[layer.id]!;
    if (layer.kind === 'places') {
      points(fc).forEach((f, i) => {
        if (ringed.has(String(prop(f, 'id')))) return;
        const rank = rankOf(f);
        const label = placeLabel(
          `story:${layer.id}:${i}`,
          f,
          project,
          PLACE_TEXT_SIZE[rank]!,
          PLACE_RADIUS[rank]!,
          `${halo(3)}${rank <= 1 ? ' font-weight="700"' : ''}`,
        );
        out.push({ ...label, rank });
      });
    } else if (layer.kind === 'label') {
      points(fc).forEach((f, i) => {
        const [x, y] = project(f.geometry.coordinates);
        const lines = wrap(String(prop(f, 'name') ?? ''), 16);
        out.push({
          key: `story:${layer.id}:${i}`,
          rank: 1.5,
          lines,
          size: 13,
          attrs: `fill="${tokenColor(layer.style.color)}" ${halo(3)}`,
          spots: [{ x, y, anchor: 'middle' }],
        });
      });
    }
  }
  return out.sort((a, b) => a.rank - b.rank);
}

function placeMarks(layer: Layer, fc: FeatureCollection, project: Project, labels: Map<string, string>): string {
  const color = tokenColor(layer.style.color);
  return points(fc)
    .map((f, i) => {
      const [x, y] = project(f.geometry.coordinates);
      const r = PLACE_RADIUS[rankOf(f)]!;
      const dot = isApprox(f)
        ? `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="#fff" fill-opacity="0.6" stroke="${color}" stroke-width="1.5"/>`
        : `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="${color}" stroke="${BASEMAP.halo}" stroke-width="1.2"/>`;
      return `<g data-place="${esc(String(prop(f, 'id') ?? ''))}">${dot}${labels.get(`story:${layer.id}:${i}`) ?? ''}</g>`;
    })
    .join('');
}

function highlights(rings: Feature<GeoJSON.Point>[], project: Project): string {
  return rings
    .map((f) => {
      const [x, y] = project(f.geometry.coordinates);
      return `<circle data-highlight="${esc(String(prop(f, 'id')))}" cx="${n(x)}" cy="${n(y)}" r="11" fill="none" stroke="${HIGHLIGHT.color}" stroke-width="3"/>`;
    })
    .join('');
}

/** The map of `view` as an SVG document sized `frame.width` × `frame.height`. */
export function staticMapSvg(story: Pick<Story, 'layers'>, data: StoryData, basemap: Basemap, view: View, frame: Frame): string {
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
  const labels = placeLabels([...storyLabels(layers, data, view, project, rings), ...basemapLabels(basemap, project, z)]);
  const { width, height } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" aria-hidden="true" focusable="false" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="${BASEMAP.sea}"/>`,
    basemapLand(basemap, project),
    each((l, fc) => fills(l, fc, view, project)),
    basemapBorders(basemap, project, z),
    [...labels]
      .filter(([key]) => key.startsWith('base'))
      .map(([, svg]) => svg)
      .join(''),
    each(
      (l, fc) => strokes(l, fc, view, project, labels),
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
