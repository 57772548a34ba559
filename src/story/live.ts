// The live preview's message: what the dev server sends the page each time the script or a
// data file is saved, so the page can update in place instead of reloading.
import { codeFrame, formatError, frameSource, type StoryError } from './errors.ts';
import { LIMITS } from './limits.ts';
import type { Story, StoryData } from './model.ts';
import { planFronts } from '../geo/morph-plan.ts';
import type { MorphPlan } from '../geo/morph-plan.ts';
import type { Locale } from './schema.ts';

export const LIVE_EVENT = 'story:update';

export interface LiveProblem {
  severity: StoryError['severity'];
  /** `file:line:column  message` */
  message: string;
  /** the lines around it, with a caret under the column; empty when the file is missing */
  frame: string;
}

export interface LiveUpdate {
  /** the new story, or null when the script has errors: the page keeps the last one that worked */
  story: Story | null;
  data: StoryData | null;
  /** how the new data's front layers morph (as virtual:story-morph would give them) */
  plans: Record<string, MorphPlan> | null;
  problems: LiveProblem[];
  /** the translated editions' stories and data (the same plans), for an edition's page */
  editions?: Partial<Record<Locale, { story: Story; data: StoryData }>>;
}

export function liveUpdate(
  result: { story: Story | null; data: StoryData; errors: StoryError[]; editions?: LiveUpdate['editions'] },
  read: (file: string) => string | null,
): LiveUpdate {
  const source = frameSource(read);
  // The page lists the first problems, as `npm run check` prints them.
  const problems = result.errors.slice(0, LIMITS.errorsShown).map((e) => {
    const lines = source(e.file);
    return { severity: e.severity, message: formatError(e), frame: lines === null ? '' : codeFrame(lines, e.line, e.column) };
  });
  return result.story
    ? { story: result.story, data: result.data, plans: planFronts(result.story.layers, result.data), problems, editions: result.editions ?? {} }
    : { story: null, data: null, plans: null, problems };
}
