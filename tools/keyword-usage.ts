// Measures how often each keyword is written in a set of keepalived configurations, per block,
// for completion's ranking (server/src/schema/keyword-usage.ts). Not part of the extension bundle.
//
//   node --import tsx tools/keyword-usage.ts DIR...   prints the table's entries
//
// A keyword counts once per block that writes it (a vrrp_instance with `priority` counts 1), so
// the figure reads "used in N blocks of the sample".
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readText } from '../server/src/model/read';

export function keywordUsage(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  texts.forEach((text, i) => {
    const model = readText(text, pathToFileURL(`/sample/${i}/keepalived.conf`).toString());
    const seen = new Set<string>();
    for (const s of model.interp.all) {
      if (!s.spec) continue;
      const blockKey = `${s.parent ? `${s.parent.keyword.start}:${s.parent.keyword.uri}` : 'top'}/${s.spec.path}/${s.spec.keyword}`;
      if (seen.has(blockKey)) continue;
      seen.add(blockKey);
      const key = s.spec.path ? `${s.spec.path}/${s.spec.keyword}` : s.spec.keyword;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return counts;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesIn(p) : [p];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = process.argv.slice(2).flatMap((d) => (statSync(d).isDirectory() ? filesIn(d) : [d]));
  const counts = keywordUsage(files.map((f) => readFileSync(f, 'utf8')));
  console.log(`// ${files.length} files`);
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  '${k}': ${n},`);
}
