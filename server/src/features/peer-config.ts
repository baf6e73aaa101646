// "Create Peer Config": the BACKUP node's keepalived.conf made from the MASTER node's, as a pure
// function of the model. Only the words peers must not share change (state, priority,
// router_id, the unicast pair); every other byte, comments included, stays as written.
import { DEFAULT_PRIORITY, effectivePriority, isMaster } from '../model/effective';
import type { ConfigModel, VrrpInstance } from '../model/types';
import { LineIndex } from '../parser/line-index';
import type { Statement } from '../parser/statements';
import type { CommentToken, Word } from '../parser/syntax';

export interface PeerConfigOptions {
  /** router_id of the new node. */
  routerId: string;
  /** How much lower the new node's priorities are; default 50. */
  priorityDelta?: number;
}

export interface PeerConfigResult {
  text: string;
  /** One line per change, for the user. */
  changes: string[];
  /** Things the user should look at. */
  warnings: string[];
}

export const DEFAULT_PRIORITY_DELTA = 50;
/**
 * A MASTER without priority runs with 255 (the address owner's priority); its BACKUP is given
 * 200, which leaves room for track_script weights between the two.
 */
export const BACKUP_OF_IMPLICIT_MASTER = 200;

/** lb01 → lb02, node9 → node10, web-a → web-b, anything else gets '-backup'. */
export function nextRouterId(id: string): string {
  const digits = /^(.*?)(\d+)$/.exec(id);
  if (digits) return digits[1] + String(Number(digits[2]) + 1).padStart(digits[2].length, '0');
  const letter = /^(.*[-_.])([a-y])$/i.exec(id);
  if (letter) return letter[1] + String.fromCharCode(letter[2].charCodeAt(0) + 1);
  return `${id}-backup`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A word written in this file (not produced by a `$NAME` expansion). */
function own(w: Word | undefined, uri: string): w is Word {
  return !!w && w.uri === uri && !w.origin;
}

class PeerText {
  readonly edits: Edit[] = [];
  readonly lines: LineIndex;
  readonly eol: string;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.eol = /\r\n/.test(text) ? '\r\n' : '\n';
  }

  replace(w: Word, text: string): void {
    this.edits.push({ start: w.start, end: w.end, text });
  }

  /** Adds a line after the line of `w`. */
  insertAfterLineOf(w: Word, line: string): void {
    const next = this.lines.lineStart(w.range.end.line + 1);
    const at = next > w.end ? next : this.text.length;
    const lead = at === this.text.length && !this.text.endsWith('\n') ? this.eol : '';
    this.edits.push({ start: at, end: at, text: `${lead}${line}${this.eol}` });
  }

  /** The indentation of the first keyword inside a block, when it sits on a line of its own. */
  childIndent(s: Statement): string | undefined {
    const first = s.children?.[0]?.keyword;
    if (!first || !s.open || first.range.start.line === s.open.range.start.line) return undefined;
    const lineStart = this.lines.lineStart(first.range.start.line);
    return this.text.slice(lineStart, first.start);
  }

  /** Whether nothing follows a block's `{` on its line, so a line can be added after it. */
  opensLine(s: Statement): boolean {
    const open = s.open;
    if (!open) return false;
    const end = this.lines.lineEnd(open.range.start.line);
    return /^\s*(?:[#!].*)?$/.test(this.text.slice(open.end, end));
  }

  result(): string {
    let out = this.text;
    for (const e of [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

function setRouterId(model: ConfigModel, uri: string, doc: PeerText, routerId: string, changes: string[], warnings: string[]): void {
  const current = model.routerId;
  if (current && own(current.word, uri)) {
    doc.replace(current.word, current.word.kind === 'quoted' ? `"${routerId}"` : routerId);
    changes.push(`router_id ${current.value} → ${routerId}`);
    return;
  }
  const g = model.globalDefs;
  if (g && own(g.keyword, uri) && g.open && doc.opensLine(g)) {
    doc.insertAfterLineOf(g.open, `${doc.childIndent(g) ?? '    '}router_id ${routerId}`);
    changes.push(`router_id ${routerId} added to global_defs`);
    return;
  }
  warnings.push(`No global_defs block: router_id ${routerId} was not set.`);
}

function lowerPriority(inst: VrrpInstance, doc: PeerText, delta: number, master: boolean, changes: string[], warnings: string[]): void {
  const written = inst.stmt.children?.filter((c) => c.keyword.value === 'priority').pop();
  const p = inst.priority;
  if (p && written === p.stmt) {
    const next = Math.max(1, p.value - delta);
    doc.replace(p.word, String(next));
    changes.push(`${inst.name}: priority ${p.value} → ${next}`);
    if (next === p.value) warnings.push(`${inst.name}: priority stays ${next}; the peers have the same priority.`);
    return;
  }
  if (written) {
    warnings.push(`${inst.name}: priority '${written.args[0]?.text ?? ''}' is not a number and was left as it is.`);
    return;
  }
  const next = master ? BACKUP_OF_IMPLICIT_MASTER : Math.max(1, DEFAULT_PRIORITY - delta);
  const anchor = inst.state?.word ?? (doc.opensLine(inst.stmt) ? inst.stmt.open : undefined);
  if (!anchor) {
    warnings.push(`${inst.name}: set priority ${next} by hand (the block is written on one line).`);
    return;
  }
  doc.insertAfterLineOf(anchor, `${doc.childIndent(inst.stmt) ?? '    '}priority ${next}`);
  changes.push(`${inst.name}: priority ${next} added (was ${effectivePriority(inst)} by default)`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Comments that name the source node (`! lb01: MASTER of the lb01/lb02 pair`) are about the new
 * node from its own side: the two node names and MASTER/BACKUP trade places in them, as a
 * mirror, so that no word of the comment is lost and no header claims to be the other node.
 */
function mirrorComments(comments: readonly CommentToken[], doc: PeerText, source: string, target: string, changes: string[]): void {
  const swaps: Record<string, string> = { [source]: target, [target]: source, MASTER: 'BACKUP', BACKUP: 'MASTER' };
  const word = new RegExp(`(?<![\\w.-])(?:${[source, target, 'MASTER', 'BACKUP'].map(escapeRe).join('|')})(?![\\w-])`, 'g');
  const lines: number[] = [];
  for (const c of comments) {
    if (!new RegExp(`(?<![\\w.-])${escapeRe(source)}(?![\\w-])`).test(c.text)) continue;
    const text = c.text.replace(word, (w) => swaps[w] ?? w);
    if (text === c.text) continue;
    doc.edits.push({ start: c.start, end: c.end, text });
    lines.push(c.range.start.line + 1);
  }
  if (lines.length) changes.push(`comment${lines.length > 1 ? 's' : ''} naming ${source} mirrored for ${target} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`);
}

/** The BACKUP node's configuration, made from the MASTER node's file `uri` as read in `model`. */
export function makePeerConfig(model: ConfigModel, uri: string, options: PeerConfigOptions): PeerConfigResult {
  const tree = model.interp.trees.find((t) => t.uri === uri);
  if (!tree) return { text: '', changes: [], warnings: ['The file is not part of this configuration.'] };
  const delta = options.priorityDelta ?? DEFAULT_PRIORITY_DELTA;
  const doc = new PeerText(tree.text);
  const changes: string[] = [];
  const warnings: string[] = [];
  setRouterId(model, uri, doc, options.routerId, changes, warnings);

  let masters = 0;
  for (const inst of model.instances) {
    if (!own(inst.stmt.keyword, uri)) continue;
    const master = isMaster(inst);
    if (master && inst.state && own(inst.state.word, uri)) {
      masters++;
      doc.replace(inst.state.word, 'BACKUP');
      changes.push(`${inst.name}: state MASTER → BACKUP`);
    }
    lowerPriority(inst, doc, delta, master, changes, warnings);
    const src = inst.unicastSrcIp;
    if (src && own(src.word, uri) && inst.unicastPeers.length === 1 && own(inst.unicastPeers[0].word, uri)) {
      const peer = inst.unicastPeers[0].word;
      doc.replace(src.word, peer.text);
      doc.replace(peer, src.word.text);
      changes.push(`${inst.name}: unicast_src_ip ${src.word.text} ↔ unicast_peer ${peer.text}`);
    } else if (src && inst.unicastPeers.length > 1) {
      warnings.push(`${inst.name}: ${inst.unicastPeers.length} unicast peers; set unicast_src_ip and unicast_peer of the new node by hand.`);
    }
  }
  if (masters === 0) warnings.push("No instance is in state MASTER: is this the MASTER node's file?");
  const source = model.routerId?.value;
  if (source && source !== options.routerId) mirrorComments(tree.comments, doc, source, options.routerId, changes);
  return { text: doc.result(), changes, warnings };
}
