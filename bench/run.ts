// `npm run bench`: builds the site and prints the figures the issues set targets for.
import { build } from 'vite';
import { engineSizes } from './engines.ts';
import { measure } from './sizes.ts';
import { measureCheck } from './check.ts';
import { report as embedReport } from './embed.ts';
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
for (const line of embedReport()) console.log(line);

const check = measureCheck();
console.log('npm run check on the real story (target: well under 1 s)');
console.log(`  check, warm (median)        ${check.checkMs.toFixed(1)} ms`);
console.log(`  whole command (median of 3) ${Math.round(check.commandMs)} ms`);

const kb = (n: number) => kB(n).padStart(9);
console.log('\nMap engines (gzip -9), each its own chunk, fetched after the text');
console.log('  engine                   build        JS     worker     CSS      total');
for (const e of await engineSizes()) {
  // mapbox-gl's single bundle carries its worker inside.
  const worker = e.worker ? kb(e.worker) : '  (in JS)';
  console.log(`  ${e.engine.padEnd(24)} ${e.build.padEnd(10)} ${kb(e.js)} ${worker} ${kb(e.css)} ${kb(e.js + e.worker + e.css)}`);
  if (e.onDemand.length) console.log(`    on demand: ${e.onDemand.map((m) => `${m.name} ${kB(m.bytes)}`).join(', ')}`);
}

await printMorphFigures();
