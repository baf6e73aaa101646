// The corpus (test/fixtures/corpus, and keepalived's samples when KEEPALIVED_SAMPLES is set): we
// report an unknown keyword only where keepalived does, and every one it reports. (That we report
// no error keepalived does not is the oracle's check (b): test/corpus/oracle.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCorpora, ourCorpus, type CorpusFile } from '../../helpers/corpus';
import { findings, hasKeepalived, keepalivedCheck } from '../../helpers/analyze';

const files = allCorpora();
/** Codes of diagnostics that mean "keepalived reports Unknown keyword here". */
const UNKNOWN_CODES = new Set(['unknown-keyword', 'misplaced-keyword']);
/** What keepalived 2.2.7 reports as unknown (1-based lines), for hosts without it. */
const KNOWN_UNKNOWN: Record<string, number[]> = {
  'mistakes.conf': [10, 17],
  'samples/keepalived.conf.vrrp.lvs_syncd': [4, 5],
};

const ours = (f: CorpusFile) => findings(f.text, Object.keys(f.companions).length ? { files: f.companions } : {});
const kaLines = (f: CorpusFile) => keepalivedCheck(f.text, f.companions)!.lines;

function unknownLines(f: CorpusFile): number[] {
  const out = new Set<number>();
  for (const l of kaLines(f)) {
    const m = /^Line (\d+): Unknown keyword/.exec(l);
    if (m) out.add(Number(m[1]));
  }
  return [...out].sort((a, b) => a - b);
}

test('our corpus covers every construct keepalived configurations are made of', () => {
  const text = ourCorpus()
    .map((f) => [f.text, ...Object.values(f.companions)].join('\n'))
    .join('\n');
  const constructs: Record<string, RegExp> = {
    'vrrp_instance': /^\s*vrrp_instance\s/m,
    'authentication': /^\s*authentication\s*\{/m,
    'vrrp_script + track_script': /^\s*vrrp_script\s[\s\S]*^\s*track_script\s*\{/m,
    'vrrp_track_process + track_process': /^\s*vrrp_track_process\s[\s\S]*^\s*track_process\s*\{/m,
    'track_file block + track_file': /^\s*track_file\s+\S+\s*\{[\s\S]*^\s*track_file\s*\{/m,
    'track_interface': /^\s*track_interface\s*\{/m,
    'unicast': /^\s*unicast_src_ip\s[\s\S]*^\s*unicast_peer\s*\{/m,
    'vrrp_sync_group': /^\s*vrrp_sync_group\s/m,
    'VRRP version 3': /^\s*version 3$/m,
    'IPv6 VIP': /^\s*[0-9a-f]*:[0-9a-f:]*::[0-9a-f]*\/\d+/m,
    'virtual_routes': /^\s*virtual_routes\s*\{/m,
    'virtual_rules': /^\s*virtual_rules\s*\{/m,
    'static_ipaddress / static_routes / static_rules': /static_ipaddress[\s\S]*static_routes[\s\S]*static_rules/,
    'virtual_server IP PORT': /^\s*virtual_server\s+\d[\d.]*\s+\d+\s*\{/m,
    'virtual_server IPv6': /^\s*virtual_server\s+[0-9a-f:]+::[0-9a-f]*\s+\d+/m,
    'virtual_server fwmark': /^\s*virtual_server\s+fwmark\s+\d+/m,
    'virtual_server_group + virtual_server group': /^\s*virtual_server_group\s[\s\S]*^\s*virtual_server\s+group\s/m,
    'quorum': /^\s*quorum\s+\d+/m,
    'sorry_server': /^\s*sorry_server\s/m,
    ...Object.fromEntries(
      ['HTTP_GET', 'SSL_GET', 'TCP_CHECK', 'SMTP_CHECK', 'MISC_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'BFD_CHECK'].map((c) => [c, new RegExp(`\\b${c}\\s*\\{`)]),
    ),
    'bfd_instance': /^\s*bfd_instance\s/m,
    'include': /^\s*include\s+\S/m,
    '@ID and @^ID lines': /^@\w+\s[\s\S]*^@\^\w+\s/m,
    '$NAME= definition (one multi-line)': /^\$\w+=.*\\$/m,
    '$NAME and ${NAME}': /\$[A-Z_]+\b(?!=)[\s\S]*\$\{[A-Z_]+\}/,
    '~SEQ': /~SEQ\(/,
    '~LST': /~LST\(/,
  };
  const missing = Object.entries(constructs)
    .filter(([, re]) => !re.test(text))
    .map(([name]) => name);
  assert.deepEqual(missing, []);
});

for (const f of files) {
  test(`corpus ${f.name}: unknown keywords only where keepalived reports them`, () => {
    const lines = ours(f)
      .filter((x) => UNKNOWN_CODES.has(x.code))
      .map((x) => x.range.start.line + 1);
    const allowed = new Set(hasKeepalived() ? unknownLines(f) : (KNOWN_UNKNOWN[f.name] ?? []));
    const extra = lines.filter((l) => !allowed.has(l));
    assert.deepEqual(extra, [], `lines we call unknown and keepalived does not: ${extra.join(', ')}`);
  });
}

test('every unknown keyword keepalived reports in the corpus is reported by us too', () => {
  const problems: string[] = [];
  let checked = 0;
  for (const f of files) {
    const expected = hasKeepalived() ? unknownLines(f) : KNOWN_UNKNOWN[f.name];
    if (!expected) continue;
    checked += expected.length;
    const found = new Set(
      ours(f)
        .filter((x) => UNKNOWN_CODES.has(x.code))
        .map((x) => x.range.start.line + 1),
    );
    for (const l of expected) if (!found.has(l)) problems.push(`${f.name}:${l}`);
  }
  assert.ok(checked >= 2, `only ${checked} unknown keyword(s) to look for: the corpus lost its mistakes`);
  assert.deepEqual(problems, []);
});
