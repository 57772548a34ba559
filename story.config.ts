// Where the story script lives; read by the Vite plugin, `npm run check` and the tests.
export const STORY_SCRIPT = 'story/qalamoun.yaml';
