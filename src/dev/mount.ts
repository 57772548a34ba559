// The dev server's page: the story as readers get it, plus what editors need while revising.
import { mount } from 'svelte';
import type { Story } from '../story/model.ts';
import type { Alternate, Ui } from '../story/ui.ts';
import DevStory from './DevStory.svelte';

export const mountDev = (target: HTMLElement, story: Story, ui: Ui, alternates: Alternate[]) =>
  mount(DevStory, { target, props: { initial: story, ui, alternates } });
