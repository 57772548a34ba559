// GSAP as the story uses it: on the wall clock, like the map's camera. GSAP's default lag
// smoothing stretches a tween over every slow frame: on a software-rendered map a 1.2 s morph
// took 30 s, and the legend counter and date stamp would drift from the map.
import gsap from 'gsap';
import { motionScale } from './scale.ts';

gsap.ticker.lagSmoothing(0);
gsap.globalTimeline.timeScale(1 / motionScale());

export default gsap;
