// Writes story/story.schema.json from the schema in src/story/schema.ts (a test keeps it fresh).
import { writeFileSync } from 'node:fs';
import { storyJsonSchema } from '../src/story/schema.ts';

export const SCHEMA_FILE = 'story/story.schema.json';
export const schemaText = () => `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
