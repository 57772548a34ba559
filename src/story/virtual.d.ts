declare module 'virtual:story' {
  const story: import('./model.ts').Story;
  export default story;
}
declare module 'virtual:story-data' {
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
