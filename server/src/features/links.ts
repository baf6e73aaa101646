// Document links: each include pattern links to the files it reads.
import type { DocumentLink, Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import { uriBasename } from '../workspace/uri';
import { written } from './util';

/**
 * One link per file an include line of `uri` reads, over the pattern. A pattern matching several
 * files gives several links over the same text (the editor offers each).
 */
export function documentLinks(model: ConfigModel, uri: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const inc of model.interp.includes) {
    const words = inc.words.filter((w) => w.uri === uri && written(w));
    if (!words.length || !written(inc.keyword) || inc.keyword.uri !== uri) continue;
    const range: Range = { start: words[0].range.start, end: words[words.length - 1].range.end };
    for (const target of inc.targets) {
      out.push({ range, target, tooltip: inc.targets.length > 1 ? `Open ${uriBasename(target)} (${inc.targets.length} files match)` : `Open ${uriBasename(target)}` });
    }
  }
  return out;
}
