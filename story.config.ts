// Where the story script lives; read by the Vite plugin, `npm run check` and the tests.
export const STORY_SCRIPT = 'story/qalamoun.yaml';

/** The interface's own words in every edition's language (src/story/interface.ts reads it). */
export const STORY_INTERFACE = 'story/interface.yaml';

/** [west, south, east, north]: the ground the story maps. Front-line polygons stay inside it. */
export const STORY_REGION = [35.9, 33.5, 37.0, 34.5] as const;
