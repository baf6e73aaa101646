// Checks files from disk (or given texts) as one cluster: what the CLI runs.
import { FsIncludeResolver, pathToUri, TreeCache } from '../workspace/include-resolver';
import type { Finding } from './finding';
import { checkNodes } from './node-check';
import type { CheckOptions } from './analyze';

/** `texts`: absolute path → text of each file given. */
export function checkFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions = {}): Finding[] {
  const cache = new TreeCache();
  const byUri = new Map([...texts].map(([p, t]) => [pathToUri(p), t]));
  const resolver = new FsIncludeResolver(
    {
      read: (uri) => byUri.get(uri) ?? readDisk(uri),
    },
    undefined,
    cache,
  );
  const nodes = [...byUri].map(([uri, text]) => ({ tree: cache.get(uri, text) }));
  const checked = checkNodes(nodes, resolver, opts);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const c of checked) {
    for (const f of c.findings) {
      // A file included by several given files reports once.
      const key = `${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

import { diskSource } from '../workspace/include-resolver';
function readDisk(uri: string): string | undefined {
  return diskSource.read(uri);
}
