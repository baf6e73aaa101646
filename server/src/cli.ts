// keepalived-lint: checks node configs from the terminal. The files given are grouped into
// clusters as the language server groups a workspace, and each cluster's peers are compared.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compareFindings, type Finding } from './rules/finding';
import { checkFiles, clustersOfFiles } from './analysis/check-files';
import { clusterFailover } from './failover/model';
import { failoverJson, failoverText } from './features/failover';
import { formatJson, formatSarif, formatText, type Located } from './cli-format';
import { SCHEMA } from './schema';
import { explainText } from './schema/describe';
import { parseVersion } from './schema/version';
import { isTemplate } from './workspace/file-patterns';
import { uriToPath } from './workspace/include-resolver';

const USAGE = `usage: keepalived-lint [--format text|json|sarif] [--target-version X.Y[.Z]]
                       [--cluster GLOB[,GLOB...]]... [--one-cluster] FILE...
       keepalived-lint --failover [--format text|json] [--cluster GLOB[,GLOB...]]... [--one-cluster] FILE...
       keepalived-lint --explain KEYWORD
       keepalived-lint --list-keywords

Checks keepalived.conf files. The files are grouped into clusters as the language server groups
a workspace: each --cluster group (glob patterns, relative to the current directory), files
naming each other in '# keepalived-peer:' comments, files whose instances share a VIP, else an
instance name with its virtual_router_id. --one-cluster checks all the files as one cluster.
--failover prints, per VRRP instance of those clusters, who holds the VIP in normal operation,
with each node stopped and with each tracked item failing on each node.
Exit status: 0 no error, 1 errors found, 2 bad usage or unreadable file.`;

function fail(msg: string): never {
  process.stderr.write(`keepalived-lint: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

function main(argv: string[]): number {
  let format = 'text';
  let failover = false;
  let targetVersion: string | undefined;
  let oneCluster = false;
  const clusters: string[][] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (a === '--format' || a.startsWith('--format=')) {
      format = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? '');
      if (!['text', 'json', 'sarif'].includes(format)) fail(`unknown format '${format}'`);
    } else if (a === '--failover') {
      failover = true;
    } else if (a === '--target-version' || a.startsWith('--target-version=')) {
      targetVersion = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? '');
      if (!parseVersion(targetVersion)) fail(`--target-version takes a keepalived release such as 2.2 or 2.3.2, not '${targetVersion}'`);
    } else if (a === '--cluster' || a.startsWith('--cluster=')) {
      const globs = (a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[++i] ?? '')).split(',').filter(Boolean);
      if (!globs.length) fail('--cluster needs glob patterns, e.g. --cluster "site1/*/keepalived.conf"');
      clusters.push(globs);
    } else if (a === '--one-cluster') {
      oneCluster = true;
    } else if (a === '--explain') {
      const k = argv[++i];
      if (!k) fail('--explain needs a keyword');
      const specs = SCHEMA.named(k);
      if (!specs.length) {
        process.stderr.write(`keepalived-lint: '${k}' is not a keepalived keyword\n`);
        return 2;
      }
      process.stdout.write(explainText(specs) + '\n');
      return 0;
    } else if (a === '--list-keywords') {
      const list = SCHEMA.all.map((s) => ({ path: s.path, keyword: s.keyword, args: s.args, doc: s.doc }));
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      fail(`unknown option '${a}'`);
    } else files.push(a);
  }
  if (files.length === 0) fail('no file given');
  if (failover && format === 'sarif') fail('--failover prints text or json');

  const texts = new Map<string, string>();
  for (const f of files) {
    try {
      texts.set(resolve(f), readFileSync(f, 'utf8'));
    } catch (e) {
      process.stderr.write(`keepalived-lint: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  }
  for (const [p, text] of texts) {
    if (!isTemplate(text)) continue;
    // keepalived.conf.j2 and friends: what they become depends on the template's variables.
    process.stderr.write(`keepalived-lint: skipping ${files.find((f) => resolve(f) === p)}: it is a template ({{ }}, {% %} or <% %>); check the rendered file\n`);
    texts.delete(p);
  }
  if (failover) {
    const list = clustersOfFiles(texts, { clusters, oneCluster, cwd: process.cwd() }).flatMap(clusterFailover);
    if (format === 'json') process.stdout.write(JSON.stringify(failoverJson(list), null, 2) + '\n');
    else process.stdout.write((list.length ? failoverText(list) : 'No VRRP instance is shared by two or more of the files given.') + '\n');
    return 0;
  }
  const given = new Map(files.map((f) => [resolve(f), f]));
  const findings = checkFiles(texts, { targetVersion, clusters, oneCluster, cwd: process.cwd() });
  const located: Located[] = findings.sort(compareFindings).map((finding: Finding) => {
    const abs = uriToPath(finding.uri);
    return { file: given.get(abs) ?? relative(process.cwd(), abs), finding };
  });
  if (format === 'json') process.stdout.write(formatJson(located) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(located) + '\n');
  else if (located.length) process.stdout.write(formatText(located) + '\n');
  return located.some((l) => l.finding.severity === 'error') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
