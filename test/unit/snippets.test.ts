import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bodyText,
  expandSnippet,
  loadSnippets,
  parseSnippet,
  snippetConfigs,
  splitNodes,
  tabStopOccurrences,
} from '../helpers/snippet-expand';

const snippets = loadSnippets();
const names = Object.keys(snippets);

// ---------------------------------------------------------------------------
// The expander itself

test('expander: placeholders, mirrors, choices, nesting, escapes and $0', () => {
  assert.equal(expandSnippet('a ${1:x} b $1 c ${1}'), 'a x b x c x');
  assert.equal(expandSnippet('$1 then ${1:later}'), 'later then later');
  assert.equal(expandSnippet('state ${1|MASTER,BACKUP|} again $1'), 'state MASTER again MASTER');
  assert.equal(expandSnippet('${1:outer ${2:inner} $3} $2'), 'outer inner  inner');
  assert.equal(expandSnippet(['line1 $0', 'line2']), 'line1 \nline2');
  assert.equal(expandSnippet('cost \\$5 and \\} and \\\\ and ${1:a\\}b}'), 'cost $5 and } and \\ and a}b');
  assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
  assert.equal(expandSnippet('$TM_FILENAME ${UNKNOWN:dflt}', { variables: { TM_FILENAME: 'k.conf' } }), 'k.conf dflt');
  assert.equal(expandSnippet('literal $ sign and ${ brace'), 'literal $ sign and ${ brace');
  assert.throws(() => expandSnippet('${1:a} ${1:b}'), /conflicting defaults/);
  assert.throws(() => expandSnippet('${1/x/y/}'), /transforms/);
  assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  assert.deepEqual([...tabStopOccurrences('${1:a} $1 ${2|x,y|} $0')], [[1, 2], [2, 1], [0, 1]]);
});

test('expander: splitNodes separates MASTER and BACKUP node text', () => {
  const parts = splitNodes('# ===== MASTER node (a) =====\nx\n\n# ===== BACKUP node (b) =====\ny\n');
  assert.deepEqual(parts.map((p) => p.node), ['MASTER', 'BACKUP']);
  assert.match(parts[0].text, /^# =+ MASTER node \(a\) =+\nx\n$/);
  assert.match(parts[1].text, /\ny\n$/);
});

// ---------------------------------------------------------------------------
// Shape of the snippet file

test('snippets file is non-empty', () => {
  assert.ok(names.length >= 12, `expected at least 12 snippets, found ${names.length}`);
});

test('every snippet has prefix, description and body', () => {
  for (const name of names) {
    const s = snippets[name];
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.trim() !== ''), `${name}: prefix`);
    assert.ok(typeof s.description === 'string' && s.description.trim() !== '', `${name}: description`);
    const body = Array.isArray(s.body) ? s.body : [s.body];
    assert.ok(body.length > 0 && body.every((l) => typeof l === 'string'), `${name}: body`);
    assert.ok(bodyText(s.body).trim() !== '', `${name}: body is empty`);
  }
});

test('every snippet body parses and expands to plain text without snippet syntax', () => {
  for (const name of names) {
    const nodes = parseSnippet(snippets[name].body);
    assert.ok(nodes.length > 0, name);
    const text = expandSnippet(snippets[name].body);
    assert.doesNotMatch(text, /\$\{?\d/, `${name}: leftover tab stop in ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, /\t?\$\{[^}]*\|/, `${name}: leftover choice`);
  }
});

test('snippets cover the expected keepalived features', () => {
  const all = names.map((n) => bodyText(snippets[n].body)).join('\n');
  for (const feature of [
    /state MASTER/, /state BACKUP/, /unicast_src_ip/, /unicast_peer/, /vrrp_script/, /track_script/,
    /vrrp_sync_group/, /global_defs/, /real_server/, /HTTP_GET/, /TCP_CHECK/, /MISC_CHECK/,
    /notify_master/, /notify_backup/, /notify_fault/, /pgrep -x nginx|killall -0 nginx/,
  ]) {
    assert.match(all, feature);
  }
});

// ---------------------------------------------------------------------------
// The MASTER/BACKUP pair

function pairSnippetName(): string {
  const name = names.find((n) => {
    const parts = splitNodes(bodyText(snippets[n].body));
    return parts.some((p) => p.node === 'MASTER') && parts.some((p) => p.node === 'BACKUP');
  });
  assert.ok(name, 'no snippet with both a MASTER and a BACKUP node section');
  return name;
}

/** Tab stop number used for the value of `keyword` in a body fragment ($N, ${N} or ${N:...}). */
function tabStopOf(fragment: string, keyword: RegExp): number | undefined {
  const m = new RegExp(`${keyword.source}\\s+\\$\\{?(\\d+)`, 'm').exec(fragment);
  return m ? Number(m[1]) : undefined;
}

test('MASTER/BACKUP pair: both instances share the VRID, auth_pass, VIP and interface tab stops', () => {
  const name = pairSnippetName();
  const parts = splitNodes(bodyText(snippets[name].body));
  const master = parts.find((p) => p.node === 'MASTER');
  const backup = parts.find((p) => p.node === 'BACKUP');
  assert.ok(master && backup);

  const checks: [string, RegExp][] = [
    ['virtual_router_id', /^\s*virtual_router_id/],
    ['auth_pass', /^\s*auth_pass/],
    ['interface', /^\s*interface/],
    ['virtual IP', /virtual_ipaddress\s*\{\s*\n/],
    ['instance name', /^\s*vrrp_instance/],
  ];
  for (const [what, re] of checks) {
    const m = tabStopOf(master.text, re);
    const b = tabStopOf(backup.text, re);
    assert.ok(m !== undefined, `MASTER ${what} is not a tab stop`);
    assert.equal(b, m, `BACKUP ${what} must mirror tab stop $${m}`);
  }

  assert.match(master.text, /^\s*state MASTER\s*$/m);
  assert.match(master.text, /^\s*priority 150\s*$/m);
  assert.match(backup.text, /^\s*state BACKUP\s*$/m);
  assert.match(backup.text, /^\s*priority 100\s*$/m);

  // And the expanded halves agree on the mirrored values.
  const [mx, bx] = splitNodes(expandSnippet(snippets[name].body)).map((p) => p.text);
  for (const re of [/virtual_router_id\s+(\S+)/, /auth_pass\s+(\S+)/, /interface\s+(\S+)/, /virtual_ipaddress\s*\{\s*(\S+)/]) {
    assert.equal(re.exec(bx)?.[1], re.exec(mx)?.[1], `mirrored value for ${re.source}`);
    assert.ok(re.exec(mx)?.[1], `value for ${re.source}`);
  }
});

// ---------------------------------------------------------------------------
// keepalived -t on every expanded snippet

function findKeepalived(): string | undefined {
  const r = spawnSync('keepalived', ['--version'], { encoding: 'utf8' });
  return r.error ? undefined : 'keepalived';
}

/** Messages that depend on the host's network interfaces, not on the configuration. */
const HOST_DEPENDENT = [/interface .* doesn't exist/, /Non-existent interface/];

test('keepalived -t accepts every expanded snippet', { skip: findKeepalived() ? false : 'keepalived is not on PATH' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepalived-snippets-'));
  try {
    let n = 0;
    for (const name of names) {
      for (const cfg of snippetConfigs(name, snippets[name])) {
        await t.test(cfg.label, () => {
          const file = join(dir, `snippet-${++n}.conf`);
          writeFileSync(file, cfg.text);
          const r = spawnSync('keepalived', ['-t', '-f', file], { encoding: 'utf8', timeout: 60_000 });
          assert.ifError(r.error);
          const problems = `${r.stdout ?? ''}\n${r.stderr ?? ''}`
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '' && !HOST_DEPENDENT.some((re) => re.test(l)));
          assert.deepEqual(problems, [], `keepalived -t (exit ${r.status}) on:\n${cfg.text}`);
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('our own checker reports no error on any expanded snippet, and the pair is a consistent cluster', async (t) => {
  const { checkModel } = await import('../../server/src/analysis/analyze');
  const { readText } = await import('../../server/src/model/read');
  const { checkFiles } = await import('../../server/src/analysis/check-files');
  for (const name of names) {
    for (const cfg of snippetConfigs(name, snippets[name])) {
      await t.test(cfg.label, () => {
        const errors = checkModel(readText(cfg.text, 'file:///snippet/keepalived.conf')).filter((f) => f.severity === 'error');
        assert.deepEqual(errors.map((f) => `${f.range.start.line + 1}: ${f.message} [${f.code}]`), []);
      });
    }
  }
  // The two halves of the MASTER/BACKUP pair, checked together as peers: no peer finding at all.
  const pair = snippetConfigs(pairSnippetName(), snippets[pairSnippetName()]);
  assert.equal(pair.length, 2);
  const peers = checkFiles(new Map(pair.map((c, i) => [`/snippet/lb0${i + 1}/keepalived.conf`, c.text]))).filter((f) => f.code.startsWith('peer-'));
  assert.deepEqual(peers.map((f) => f.message), []);
});
