// Code lenses: one above each vrrp_instance of a file, with the role keepalived gives it
// (`MASTER 150 · VRID 55`) and, from the caller, what its peers on other nodes are.
import type { CodeLens, Command } from 'vscode-languageserver-types';
import type { ConfigModel, VrrpInstance } from '../model/types';
import { headRange } from '../parser/statements';
import { instanceSummary } from './facts';
import { written } from './util';

export interface CodeLensOptions {
  /** Text about the instance's peers, e.g. `peer lb02 BACKUP 100`; omitted when undefined. */
  peerText?: (instance: VrrpInstance) => string | undefined;
  /** The command a lens runs when clicked (default: none, the lens is only text). */
  command?: (instance: VrrpInstance) => Omit<Command, 'title'> | undefined;
}

export function codeLenses(model: ConfigModel, uri: string, opts: CodeLensOptions = {}): CodeLens[] {
  const out: CodeLens[] = [];
  for (const inst of model.instances) {
    const kw = inst.stmt.keyword;
    if (kw.uri !== uri || !written(kw)) continue;
    const peer = opts.peerText?.(inst);
    const title = [instanceSummary(model, inst), peer].filter(Boolean).join(' · ');
    const cmd = opts.command?.(inst);
    out.push({ range: headRange(inst.stmt), command: { title, command: cmd?.command ?? '', arguments: cmd?.arguments } });
  }
  return out;
}
