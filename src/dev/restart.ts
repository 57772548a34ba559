// Whether a live update can be applied to the running page, or needs the story remounted:
// the map reads layers and data once, when it starts, and the active index only means the
// same step while the steps stay the same.
import type { Story, StoryData } from '../story/model.ts';

export function needsRestart(before: { story: Story; data: StoryData }, after: { story: Story; data: StoryData }): boolean {
  const ids = (s: Story) => s.steps.map((step) => step.id).join('\n');
  return (
    ids(before.story) !== ids(after.story) ||
    JSON.stringify(before.story.layers) !== JSON.stringify(after.story.layers) ||
    JSON.stringify(before.data) !== JSON.stringify(after.data)
  );
}
