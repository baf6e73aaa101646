// keepalived's sample configurations: we report an unknown keyword only where keepalived does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findings, hasKeepalived, keepalivedCheck } from '../../helpers/analyze';

const SAMPLES = fileURLToPath(new URL('../../../../shared/reference/samples/', import.meta.url));
const NO_SAMPLES = !existsSync(SAMPLES) && `${SAMPLES} is not there`;
const files = NO_SAMPLES ? [] : readdirSync(SAMPLES).sort();
/** Codes of diagnostics that mean "keepalived reports Unknown keyword here". */
const UNKNOWN_CODES = new Set(['unknown-keyword', 'misplaced-keyword']);
/** What keepalived 2.2.7 reports as unknown in the samples (1-based lines), for hosts without it. */
const KNOWN_UNKNOWN: Record<string, number[]> = { 'keepalived.conf.vrrp.lvs_syncd': [4, 5] };

function unknownLines(text: string): number[] {
  if (!hasKeepalived()) return [];
  const out = new Set<number>();
  for (const l of keepalivedCheck(text)!.lines) {
    const m = /^Line (\d+): Unknown keyword/.exec(l);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
}

test('there are samples', { skip: NO_SAMPLES }, () => {
  assert.ok(files.length >= 20, `${files.length} samples`);
});

for (const name of files) {
  test(`sample ${name}: unknown keywords only where keepalived reports them`, () => {
    const text = readFileSync(SAMPLES + name, 'utf8');
    const ours = findings(text)
      .filter((f) => UNKNOWN_CODES.has(f.code))
      .map((f) => f.range.start.line + 1);
    const allowed = new Set(hasKeepalived() ? unknownLines(text) : (KNOWN_UNKNOWN[name] ?? []));
    const extra = ours.filter((l) => !allowed.has(l));
    assert.deepEqual(extra, [], `lines we call unknown and keepalived does not: ${extra.join(', ')}`);
  });
}

test('the samples keepalived finds unknown keywords in are found by us too', { skip: NO_SAMPLES }, () => {
  for (const [name, lines] of Object.entries(KNOWN_UNKNOWN)) {
    const text = readFileSync(SAMPLES + name, 'utf8');
    const ours = new Set(
      findings(text)
        .filter((f) => UNKNOWN_CODES.has(f.code))
        .map((f) => f.range.start.line + 1),
    );
    for (const l of lines) assert.ok(ours.has(l), `${name}:${l}`);
  }
});

test('the samples have no value errors keepalived would not report', { skip: NO_SAMPLES || (!hasKeepalived() && 'keepalived is not installed') }, () => {
  const problems: string[] = [];
  for (const name of files) {
    const text = readFileSync(SAMPLES + name, 'utf8');
    const reported = new Set(keepalivedCheck(text)!.lines.map((l) => /^Line (\d+):/.exec(l)?.[1]).filter(Boolean).map(Number));
    for (const f of findings(text)) {
      if (f.severity === 'error' && !reported.has(f.range.start.line + 1)) problems.push(`${name}:${f.range.start.line + 1}: ${f.code} ${f.message}`);
    }
  }
  assert.deepEqual(problems, []);
});
