import { readFileSync } from 'node:fs';
import { checkStream } from '../server/src/analysis/stream-check';
import { textUnits } from '../server/src/parser/root-units';
import { topLevelSegments } from '../server/src/parser/segments';
import { keepalivedLexer } from '../server/src/parser/lexer';
const f = '/work/wt-h2/bench/out/large.conf';
const text = readFileSync(f, 'utf8');
const uri = 'file://' + f;
function t(name: string, fn: () => void) { const a = performance.now(); fn(); return `${name} ${(performance.now() - a).toFixed(0)}`; }
for (let r = 0; r < 3; r++) {
  const out: string[] = [];
  out.push(t('lex', () => keepalivedLexer.tokenize(text)));
  out.push(t('segments', () => topLevelSegments(text)));
  out.push(t('units', () => { const n = textUnits(text, uri); while (n()); }));
  out.push(t('read', () => checkStream(uri, text, textUnits(text, uri), { check: false })));
  out.push(t('check', () => checkStream(uri, text, textUnits(text, uri))));
  console.log(out.join('  '));
}
