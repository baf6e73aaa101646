// Writes the BACKUP node's keepalived.conf from the MASTER node's: the text stays as it is
// (comments, layout, every other keyword) except for the words that must differ between peers.
// No vscode import: unit-tested in test/unit/client/peer-config.test.ts.
import { type ConfLine, blockOf, instanceOf, keywordOf, routerIdOf, scanConf, splitLines, unquote } from './conf-lines';

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
const DEFAULT_PRIORITY = 100;

/** lb01 → lb02, node9 → node10, web-a → web-b, anything else gets '-backup'. */
export function nextRouterId(id: string): string {
  const digits = /^(.*?)(\d+)$/.exec(id);
  if (digits) {
    const next = String(Number(digits[2]) + 1);
    return digits[1] + next.padStart(digits[2].length, '0');
  }
  const letter = /^(.*[-_.])([a-y])$/i.exec(id);
  if (letter) return letter[1] + String.fromCharCode(letter[2].charCodeAt(0) + 1);
  return `${id}-backup`;
}

export { routerIdOf };

interface Edit {
  line: number;
  start: number;
  end: number;
  text: string;
}

interface Insert {
  /** Inserted after this line. */
  after: number;
  text: string;
}

interface InstanceInfo {
  name: string;
  line: number;
  state?: ConfLine;
  priority?: ConfLine;
  srcIp?: ConfLine;
  peers: ConfLine[];
  /** The line that opens the block (holds its '{'). */
  open: number;
  /** Indentation of the block's statements. */
  indent?: string;
}

function collectInstances(lines: ConfLine[]): InstanceInfo[] {
  const byLine = new Map<number, InstanceInfo>();
  for (const l of lines) {
    const ref = instanceOf(l);
    if (!ref) continue;
    let info = byLine.get(ref.line);
    if (!info) {
      const open = lines.slice(ref.line).find((x) => x.words.some((w) => w.text === '{'));
      info = { name: ref.name ?? '?', line: ref.line, peers: [], open: open?.line ?? ref.line };
      byLine.set(ref.line, info);
    }
    if (l.path.length === 0) continue;
    const k = keywordOf(l);
    if (l.path.length === 1) {
      if (k !== undefined && info.indent === undefined) info.indent = l.indent;
      if (k === 'state') info.state = l;
      else if (k === 'priority') info.priority = l;
      else if (k === 'unicast_src_ip') info.srcIp = l;
    } else if (l.path.length === 2 && blockOf(l) === 'unicast_peer' && k !== undefined) {
      info.peers.push(l);
    }
  }
  return [...byLine.values()];
}

/** The BACKUP node's configuration, made from the MASTER node's text. */
export function makePeerConfig(source: string, options: PeerConfigOptions): PeerConfigResult {
  const delta = options.priorityDelta ?? DEFAULT_PRIORITY_DELTA;
  const { lines: raw, eol } = splitLines(source);
  const lines = scanConf(source);
  const edits: Edit[] = [];
  const inserts: Insert[] = [];
  const changes: string[] = [];
  const warnings: string[] = [];

  // router_id
  const oldId = routerIdOf(source);
  const routerLine = lines.find((l) => keywordOf(l) === 'router_id' && blockOf(l) === 'global_defs' && l.words[1]);
  if (routerLine) {
    const w = routerLine.words[1];
    const quoted = w.text.startsWith('"');
    edits.push({ line: routerLine.line, start: w.start, end: w.end, text: quoted ? `"${options.routerId}"` : options.routerId });
    changes.push(`router_id ${oldId} → ${options.routerId}`);
  } else {
    const globalDefs = lines.find((l) => keywordOf(l) === 'global_defs' && l.path.length === 0);
    const open = globalDefs && lines.slice(globalDefs.line).find((l) => l.words.some((w) => w.text === '{'));
    if (open && open.words[open.words.length - 1].text === '{') {
      const inner = lines.slice(open.line + 1).find((l) => keywordOf(l) !== undefined && l.path.length === 1);
      inserts.push({ after: open.line, text: `${inner?.indent ?? '    '}router_id ${options.routerId}` });
      changes.push(`router_id ${options.routerId} added to global_defs`);
    } else {
      warnings.push(`No global_defs block: router_id ${options.routerId} was not set.`);
    }
  }

  let masters = 0;
  for (const inst of collectInstances(lines)) {
    const state = inst.state?.words[1];
    const isMaster = state !== undefined && unquote(state.text).toUpperCase() === 'MASTER';
    if (isMaster) {
      masters++;
      edits.push({ line: inst.state!.line, start: state.start, end: state.end, text: 'BACKUP' });
      changes.push(`${inst.name}: state MASTER → BACKUP`);
    }

    const pw = inst.priority?.words[1];
    const oldPriority = pw && /^\d+$/.test(pw.text) ? Number(pw.text) : undefined;
    if (pw && oldPriority !== undefined) {
      const next = Math.max(1, oldPriority - delta);
      edits.push({ line: inst.priority!.line, start: pw.start, end: pw.end, text: String(next) });
      changes.push(`${inst.name}: priority ${oldPriority} → ${next}`);
      if (next === oldPriority) warnings.push(`${inst.name}: priority stays ${next}; the peers have the same priority.`);
    } else if (pw) {
      warnings.push(`${inst.name}: priority '${pw.text}' is not a number and was left as it is.`);
    } else {
      const next = isMaster ? BACKUP_OF_IMPLICIT_MASTER : Math.max(1, DEFAULT_PRIORITY - delta);
      const anchor = inst.state?.line ?? inst.open;
      inserts.push({ after: anchor, text: `${inst.indent ?? '    '}priority ${next}` });
      changes.push(`${inst.name}: priority ${next} added (was ${isMaster ? 255 : DEFAULT_PRIORITY} by default)`);
    }

    const src = inst.srcIp?.words[1];
    if (src && inst.peers.length === 1) {
      const peer = inst.peers[0].words[0];
      edits.push({ line: inst.srcIp!.line, start: src.start, end: src.end, text: peer.text });
      edits.push({ line: inst.peers[0].line, start: peer.start, end: peer.end, text: src.text });
      changes.push(`${inst.name}: unicast_src_ip ${src.text} ↔ unicast_peer ${peer.text}`);
    } else if (src && inst.peers.length > 1) {
      warnings.push(`${inst.name}: ${inst.peers.length} unicast peers; set unicast_src_ip and unicast_peer of the new node by hand.`);
    }
  }
  if (masters === 0) warnings.push('No instance is in state MASTER: is this the MASTER node\'s file?');

  // Apply from the end of the text so earlier positions stay valid.
  const out = [...raw];
  for (const e of [...edits].sort((a, b) => b.line - a.line || b.start - a.start)) {
    out[e.line] = out[e.line].slice(0, e.start) + e.text + out[e.line].slice(e.end);
  }
  for (const ins of [...inserts].sort((a, b) => b.after - a.after)) out.splice(ins.after + 1, 0, ins.text);
  return { text: out.join(eol), changes, warnings };
}
