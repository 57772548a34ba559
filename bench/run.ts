// `npm run bench`: builds the site and prints the figures the issues set targets for.
import { build } from 'vite';
import { measure } from './sizes.ts';
import { printMorphFigures } from './morph.ts';

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

await build({ logLevel: 'warn' });
const s = measure();
console.log('Bundle sizes (gzip -9)');
console.log(`  shell JS (before the map)   ${kB(s.shell.js)}   [${s.shell.files.filter((f) => f.endsWith(".js")).join(', ')}]`);
console.log(`  shell CSS                   ${kB(s.shell.css)}`);
console.log(`  map chunk (maplibre-gl)     ${kB(s.map.js)}`);
console.log(`  map worker                  ${kB(s.map.worker)}`);
console.log(`  map CSS                     ${kB(s.map.css)}`);
console.log(`  story layer data            ${kB(s.map.data)}`);
await printMorphFigures();
