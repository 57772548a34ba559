declare module 'virtual:story' {
  const story: import('./model.ts').Story;
  export default story;
}
declare module 'virtual:story-data' {
  const data: import('./model.ts').StoryData;
  export default data;
}
