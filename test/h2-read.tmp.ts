import { readFileSync } from 'node:fs';
import { checkStream } from '../server/src/analysis/stream-check';
import { textUnits } from '../server/src/parser/root-units';
const f = '/work/wt-h2/bench/out/large.conf';
const text = readFileSync(f, 'utf8');
const uri = 'file://' + f;
for (let k = 0; k < 5; k++) {
  const a = performance.now();
  checkStream(uri, text, textUnits(text, uri), { check: process.env.CHECK === '1' });
  console.log((performance.now() - a).toFixed(0));
}
