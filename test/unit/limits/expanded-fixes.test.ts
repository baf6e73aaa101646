// Quick fixes on words produced by $NAME, ~SEQ and ~LST: a fix edits the written text that produced
// the word (the definition's value, the word of the ~SEQ line), precisely, or is not offered.
// Applying any fix never loses a word or comment of the user's other than the one it replaces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, conf, findings, only } from '../../helpers/analyze';

function fixOf(text: string, code = 'unknown-keyword') {
  const f = only(findings(text), code)[0];
  assert.ok(f, `no ${code} in ${JSON.stringify(text)}`);
  return f;
}

test('$KW=stat then `${KW} MASTER   # keep me`: the fix edits the definition, MASTER and the comment stay', () => {
  const text = conf('vrrp_instance V {', '    $KW=stat', '    ${KW} MASTER   # keep me', '}');
  const f = fixOf(text);
  assert.match(f.message, /Did you mean 'state'/);
  const fixed = applyFix(text, f);
  assert.equal(fixed, conf('vrrp_instance V {', '    $KW=state', '    ${KW} MASTER   # keep me', '}'));
  assert.equal(only(findings(fixed), 'unknown-keyword').length, 0);
});

test('~SEQ(i,1,2) vrrp_scrpt s${i} { script "x" }: the fix edits the written word only', () => {
  const text = conf('~SEQ(i,1,2) vrrp_scrpt s${i} { script "x" }');
  const f = fixOf(text);
  assert.equal(applyFix(text, f), conf('~SEQ(i,1,2) vrrp_script s${i} { script "x" }'));
});

test('$LINE=intrface eth0 … $LINE: the fix edits the definition, eth0 stays', () => {
  const text = conf('$LINE=intrface eth0', 'vrrp_instance V {', '    $LINE', '}');
  const f = fixOf(text);
  assert.equal(applyFix(text, f), conf('$LINE=interface eth0', 'vrrp_instance V {', '    $LINE', '}'));
});

test('a word made of a definition and written text (${A}face) is not fixed: no fix rather than a wrong one', () => {
  const text = conf('$A=intr', 'vrrp_instance V {', '    ${A}face eth0', '}');
  const f = fixOf(text);
  assert.equal(f.fixes?.length ?? 0, 0);
});

test('a multi-line definition is not edited by a fix (its value is not written as read)', () => {
  const text = conf('$BLOCK=vrrp_instance V { \\', '    intrface eth0 \\', '}', '$BLOCK');
  for (const f of findings(text)) {
    for (const fix of f.fixes ?? []) {
      const out = applyFix(text, { ...f, fixes: [fix] });
      // Every word of the original is still there, but for the one replaced.
      const before = text.split(/\s+/).filter(Boolean);
      const after = out.split(/\s+/).filter(Boolean);
      assert.equal(after.length, before.length, `${fix.title}: ${out}`);
    }
  }
});

test('every fix on an expanded line keeps the words around the one it replaces', () => {
  const cases = [
    conf('$K=priorty', 'vrrp_instance V {', '    ${K} 100 # comment', '}'),
    conf('~LST(n,a,b) vrrp_instance ${n} {', '    stat MASTER', '}'),
    conf('$T=chk', 'vrrp_instance V {', '    track_script {', '        ${T}_x weight 10', '    }', '}'),
    conf('vrrp_instance V {', '    $S=MASTR', '    state $S # keep', '}'),
  ];
  for (const text of cases) {
    for (const f of findings(text)) {
      for (const fix of f.fixes ?? []) {
        const out = applyFix(text, { ...f, fixes: [fix] });
        const words = (t: string) => t.split(/[\s]+/).filter(Boolean).length;
        assert.ok(words(out) >= words(text), `${f.code} '${fix.title}' lost words: ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
        assert.match(out, /#|^[^#]*$/s);
        if (text.includes('# comment')) assert.ok(out.includes('# comment'));
        if (text.includes('# keep')) assert.ok(out.includes('# keep'));
      }
    }
  }
});

test('the guard drops any fix that edits an expanded word by its line-wide range', async () => {
  const { checkModel } = await import('../../../server/src/analysis/analyze');
  const { readText } = await import('../../../server/src/model/read');
  const text = conf('$LINE=intrface eth0', 'vrrp_instance V {', '    $LINE', '}');
  const model = readText(text, 'file:///memory/keepalived.conf');
  const expanded = model.interp.all.find((s) => s.keyword.value === 'intrface')!.keyword;
  assert.ok(expanded.origin, 'the keyword came out of the expansion');
  const careless = {
    id: 'careless',
    severity: 'error' as const,
    description: 'a rule that edits w.range',
    check(ctx: { report(r: unknown): void }) {
      ctx.report({ uri: expanded.uri, range: expanded.range, message: 'x', fixes: [{ title: 'replace', edits: [{ uri: expanded.uri, range: expanded.range, newText: 'interface' }] }] });
    },
  };
  const out = checkModel(model, { rules: [careless as never] });
  assert.equal(out.length, 1, 'the finding stays');
  assert.equal(out[0].fixes, undefined, 'its fix is dropped');
});
