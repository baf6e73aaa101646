// Code lenses: one above each vrrp_instance of a file, with the role keepalived gives it
// (`MASTER 150 · VRID 55`) and, from the caller, what its peers on other nodes are.
import type { CodeLens, Command } from 'vscode-languageserver-types';
import type { ConfigModel, VrrpInstance } from '../model/types';
import { headRange } from '../parser/statements';
import { priorityFacts, effectiveVersion } from './facts';
import { written } from './util';

export interface CodeLensOptions {
  /** Text about the instance's peers, e.g. `peer lb02 BACKUP 100`; omitted when undefined. */
  peerText?: (instance: VrrpInstance) => string | undefined;
  /** The command a lens runs when clicked (default: none, the lens is only text). */
  command?: (instance: VrrpInstance) => Omit<Command, 'title'> | undefined;
}

/** keepalived's words for a priority it rejects ("Priority not valid! ... Using default 100"). */
const REJECTED_PRIORITY_FALLBACK = 100;

/** The schema's range of a number field, when the written value lies outside it. */
function outOfRange(field: VrrpInstance['priority']): string | undefined {
  const arg = field?.stmt.spec?.args[0]?.type;
  if (!field || arg?.kind !== 'integer') return undefined;
  const min = arg.min ?? -Infinity;
  const max = arg.max ?? Infinity;
  if (Number.isInteger(field.value) && field.value >= min && field.value <= max) return undefined;
  return `out of range ${min}..${max}`;
}

/** `MASTER 150 · VRID 55`: priority as keepalived uses it (255 for a MASTER without one). */
export function instanceRole(model: ConfigModel, inst: VrrpInstance): string {
  const state = inst.state?.value ?? 'BACKUP';
  const p = priorityFacts(inst);
  const badPriority = outOfRange(inst.priority);
  const parts = [badPriority ? `${state} ${REJECTED_PRIORITY_FALLBACK} (${inst.priority?.word.text} written: ${badPriority})` : `${state} ${p.value}${p.implicit ? ' (implicit)' : ''}`];
  // keepalived refuses an instance whose VRID is out of range: the lens says so, not just the number
  const badVrid = outOfRange(inst.vrid);
  if (inst.vrid) parts.push(badVrid ? `VRID ${inst.vrid.word.text} (${badVrid}: keepalived refuses it)` : `VRID ${inst.vrid.value}`);
  if (inst.version || model.vrrpVersion || inst.vips[0]?.family === 6) parts.push(`VRRPv${effectiveVersion(inst, model)}`);
  return parts.join(' · ');
}

export function codeLenses(model: ConfigModel, uri: string, opts: CodeLensOptions = {}): CodeLens[] {
  const out: CodeLens[] = [];
  for (const inst of model.instances) {
    const kw = inst.stmt.keyword;
    if (kw.uri !== uri || !written(kw)) continue;
    const peer = opts.peerText?.(inst);
    const title = [instanceRole(model, inst), peer].filter(Boolean).join(' · ');
    const cmd = opts.command?.(inst);
    out.push({ range: headRange(inst.stmt), command: { title, command: cmd?.command ?? '', arguments: cmd?.arguments } });
  }
  return out;
}
