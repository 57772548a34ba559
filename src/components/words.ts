// The page's words (one language's column of story/interface.yaml), handed down by Story.svelte
// through Svelte's context, so each component says its own without a prop at every level.
import { getContext, setContext } from 'svelte';
import type { Lang } from '../story/dates.ts';
import type { Alternate, Ui } from '../story/ui.ts';

export interface Words {
  ui: Ui;
  lang: Lang;
  /** right to left: the layout, and the map's framing around the cards, mirrored */
  rtl: boolean;
  /** the story's other editions, which each card links to at its own step */
  others: Alternate[];
}
const KEY = Symbol('words');

export const provideWords = (words: Words): Words => setContext(KEY, words);
export const useWords = (): Words => getContext<Words>(KEY);
