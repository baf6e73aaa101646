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
  assert.ok(names.length >= 10, `expected at least 10 snippets, found ${names.length}`);
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
// One prefix each, none a keyword: the server completes keywords itself, in their blocks only

test('every snippet has one prefix, and no prefix is a keepalived keyword', async () => {
  const { SCHEMA } = await import('../../server/src/schema');
  const prefixes = names.map((n) => snippets[n].prefix);
  for (const [i, p] of prefixes.entries()) {
    assert.equal(typeof p, 'string', `${names[i]}: one prefix, not an alias list (each alias is listed again)`);
    assert.deepEqual(SCHEMA.named(p as string), [], `${names[i]}: prefix ${String(p)} is also a keyword, so the list shows it twice`);
  }
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
});

// ---------------------------------------------------------------------------
// The MASTER node of a pair: one file is one node; Create Peer Config writes the other

const snippetByPrefix = (prefix: string) => {
  const name = names.find((n) => snippets[n].prefix === prefix);
  assert.ok(name, `no snippet with prefix ${prefix}`);
  return snippets[name];
};

/** The weight of the vrrp_script an instance tracks, and both nodes' priorities. */
async function failover(masterText: string) {
  const { readText } = await import('../../server/src/model/read');
  const { makePeerConfig } = await import('../../server/src/features/peer-config');
  const uri = 'file:///cluster/lb01/keepalived.conf';
  const master = readText(masterText, uri);
  const backupText = makePeerConfig(master, uri, { routerId: 'lb02' }).text;
  const backup = readText(backupText, 'file:///cluster/lb02/keepalived.conf');
  const [mi] = master.instances;
  const [bi] = backup.instances;
  const script = master.interp.all.find((st) => st.keyword.value === 'vrrp_script' && st.args[0]?.value === mi.trackScripts[0]?.name);
  const weight = Number(script?.children?.find((c) => c.keyword.value === 'weight')?.args[0]?.value);
  return { masterText, backupText, master: mi, backup: bi, weight };
}

for (const prefix of ['vrrp-pair', 'vrrp-nginx']) {
  test(`${prefix}: one node per file, and a failing check on the MASTER moves the VIP to the BACKUP`, async () => {
    const text = expandSnippet(snippetByPrefix(prefix).body);
    assert.equal((text.match(/^\s*vrrp_instance\b/gm) ?? []).length, 1, 'one instance: this node only');
    const f = await failover(text);
    assert.equal(f.master.state?.value, 'MASTER');
    assert.equal(f.backup.state?.value, 'BACKUP');
    assert.ok(f.master.trackScripts.length === 1, 'the instance tracks the check');
    assert.ok(Number.isFinite(f.weight) && f.weight < 0, `a negative weight (found ${f.weight})`);
    const masterPriority = f.master.priority!.value;
    const backupPriority = f.backup.priority!.value;
    assert.ok(masterPriority > backupPriority, 'the MASTER wins while the check passes');
    assert.ok(masterPriority + f.weight < backupPriority, `${masterPriority} ${f.weight} must fall below ${backupPriority}`);
    // and the description says why
    assert.match(snippetByPrefix(prefix).description, /150 to 90[^.]*below the BACKUP's 100/);
  });
}

test('vrrp-pair and Create Peer Config together: a cluster without peer findings', async () => {
  const { checkFiles } = await import('../../server/src/analysis/check-files');
  const f = await failover(expandSnippet(snippetByPrefix('vrrp-pair').body));
  const found = checkFiles(new Map([['/snippet/lb01/keepalived.conf', f.masterText], ['/snippet/lb02/keepalived.conf', f.backupText]]));
  assert.deepEqual(found.filter((x) => x.code.startsWith('peer-') || x.severity === 'error').map((x) => `${x.code}: ${x.message}`), []);
});

// ---------------------------------------------------------------------------
// Every snippet expanded alone in a file

test('every snippet expanded alone in a file: our checker reports no error', async () => {
  const { checkModel } = await import('../../server/src/analysis/analyze');
  const { readText } = await import('../../server/src/model/read');
  for (const name of names) {
    const text = expandSnippet(snippets[name].body);
    const errors = checkModel(readText(text, 'file:///snippet/keepalived.conf')).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${name} ${f.range.start.line + 1}: ${f.message} [${f.code}]`), []);
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

test('keepalived -t accepts every snippet expanded alone in a file', { skip: findKeepalived() ? false : 'keepalived is not on PATH' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'keepalived-snippets-alone-'));
  try {
    names.forEach((name, i) => {
      const file = join(dir, `alone-${i}.conf`);
      writeFileSync(file, expandSnippet(snippets[name].body));
      const r = spawnSync('keepalived', ['-t', '-f', file], { encoding: 'utf8', timeout: 60_000 });
      const lines = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const problems = lines.filter((l) => !HOST_DEPENDENT.some((re) => re.test(l)));
      assert.deepEqual(problems, [], `${name}: keepalived -t (exit ${r.status})`);
      // keepalived -t fails only for what this host lacks (an interface named in the snippet)
      if (problems.length === lines.length) assert.equal(r.status, 0, `${name}: keepalived -t exit status`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('our own checker reports no error on any expanded snippet in context', async (t) => {
  const { checkModel } = await import('../../server/src/analysis/analyze');
  const { readText } = await import('../../server/src/model/read');
  for (const name of names) {
    for (const cfg of snippetConfigs(name, snippets[name])) {
      await t.test(cfg.label, () => {
        const errors = checkModel(readText(cfg.text, 'file:///snippet/keepalived.conf')).filter((f) => f.severity === 'error');
        assert.deepEqual(errors.map((f) => `${f.range.start.line + 1}: ${f.message} [${f.code}]`), []);
      });
    }
  }
});
