// Build-time settings read from the environment or a git-ignored .env.local (see README).
interface ImportMetaEnv {
  /** a public Mapbox token (pk.…): turns on the satellite and terrain engine */
  readonly VITE_MAPBOX_TOKEN?: string;
  /** a Mapbox style to use instead of satellite imagery, e.g. mapbox://styles/mapbox/satellite-streets-v12 */
  readonly VITE_MAPBOX_STYLE?: string;
}
