import { readFileSync } from 'node:fs';
import { checkStream } from '../server/src/analysis/stream-check';
import { textUnits } from '../server/src/parser/root-units';
import { FILE_RULES } from '../server/src/rules';
const f = '/work/wt-h2/bench/out/large.conf';
const text = readFileSync(f, 'utf8');
const uri = 'file://' + f;
const times = new Map<string, number>();
const rules = FILE_RULES.map((r) => ({ ...r, check: (ctx: any) => { const a = performance.now(); r.check(ctx); times.set(r.id, (times.get(r.id) ?? 0) + performance.now() - a); }, checkFile: r.checkFile ? (ctx: any) => { const a = performance.now(); r.checkFile!(ctx); times.set(r.id + '.file', (times.get(r.id + '.file') ?? 0) + performance.now() - a); } : undefined }));
for (let k = 0; k < 4; k++) {
  times.clear();
  let a = performance.now();
  checkStream(uri, text, textUnits(text, uri), { check: false });
  const read = performance.now() - a;
  a = performance.now();
  checkStream(uri, text, textUnits(text, uri), { rules });
  const all = performance.now() - a;
  let u = performance.now(); const n = textUnits(text, uri); while (n()); const units = performance.now() - u;
  console.log(`units ${units.toFixed(0)} read ${read.toFixed(0)} check ${all.toFixed(0)} rules ${[...times.values()].reduce((x, y) => x + y, 0).toFixed(0)}`);
  if (k === 3) console.log([...times].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('\n'));
}
