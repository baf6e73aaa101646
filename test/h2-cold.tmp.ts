import { readFileSync } from 'node:fs';
import { checkStream } from '../server/src/analysis/stream-check';
import { textUnits } from '../server/src/parser/root-units';
import { FILE_RULES } from '../server/src/rules';
const f = '/work/wt-h2/bench/out/large.conf';
const text = readFileSync(f, 'utf8');
const uri = 'file://' + f;
let rulesT = 0, unitsT = 0; const per = new Map<string, number>();
const rules = FILE_RULES.map((r) => ({ ...r, check: (ctx: any) => { const a = performance.now(); r.check(ctx); const d = performance.now() - a; rulesT += d; per.set(r.id, (per.get(r.id) ?? 0) + d); }, checkFile: r.checkFile ? (ctx: any) => { const a = performance.now(); r.checkFile!(ctx); rulesT += performance.now() - a; } : undefined }));
const mode = process.argv[2];
const a = performance.now();
if (mode === 'units') { const n = textUnits(text, uri); while (n()); }
else {
  const inner = textUnits(text, uri);
  const units = () => { const b = performance.now(); const u = inner(); unitsT += performance.now() - b; return u; };
  checkStream(uri, text, units, { rules });
}
console.log(mode, 'total', (performance.now() - a).toFixed(0), 'units', unitsT.toFixed(0), 'rules', rulesT.toFixed(0));
if (mode === 'all') console.log([...per].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([k, v]) => k + ' ' + v.toFixed(0)).join(', '));
