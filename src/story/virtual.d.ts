declare module 'virtual:story' {
  const story: import('./model.ts').Story;
  export default story;
  /** the interface's words in the story's language */
  export const ui: import('./ui.ts').Ui;
  export const alternates: import('./ui.ts').Alternate[];
}
declare module 'virtual:story/ar' {
  const story: import('./model.ts').Story;
  export default story;
  export const ui: import('./ui.ts').Ui;
  export const alternates: import('./ui.ts').Alternate[];
}
declare module 'virtual:story-data' {
  const data: import('./model.ts').StoryData;
  export default data;
}
declare module 'virtual:story-data/ar' {
  const data: import('./model.ts').StoryData;
  export default data;
}
declare module 'virtual:story-morph' {
  const plans: Record<string, import('../geo/morph-plan.ts').MorphPlan>;
  export default plans;
}
declare module 'virtual:story-evidence' {
  const evidence: import('./evidence.ts').EvidenceIndex;
  export default evidence;
}
declare module 'virtual:story-pages' {
  type Page = { story: import('./model.ts').Story; ui: import('./ui.ts').Ui; alternates: import('./ui.ts').Alternate[] };
  const pages: { en: Page; ar?: Page };
  export default pages;
}
