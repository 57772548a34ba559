// The basemap's country and region names (68 kB of the map's data): a chunk of their own, loaded
// beside the engine and the static maps (engine/engine.ts builtLabels), so that failing to load
// them costs the names, not the map.
import names from '../../../assets/basemap/country-labels.json';

export default names as unknown as GeoJSON.FeatureCollection;
