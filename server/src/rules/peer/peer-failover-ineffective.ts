// A tracked failure on the node that holds the VIP which leaves it there: the weight is too small
// against the peers' priorities (or keepalived ignores it). Read from the failover model.
import type { Fix, TextEditAt } from '../finding';
import { clusterFailover, trackersOfMember, weightThatMoves, type InstanceFailover, type Scenario } from '../../failover/model';
import { failureSubject, type Tracker } from '../../failover/trackers';
import type { Statement } from '../../parser/statements';
import type { SyntaxTree, Word } from '../../parser/syntax';
import type { Cluster, Member } from '../../workspace/cluster';
import type { Node } from '../../workspace/nodes';
import { instanceAnchor, replaceWord } from './helpers';
import type { PeerRule } from './rule';

/** The weight the quick fix writes: the smallest that works plus a margin of 5, rounded up to ten. */
export function weightWithMargin(min: number): number {
  const m = Math.min(253, Math.ceil((Math.abs(min) + 5) / 10) * 10);
  return Math.sign(min) * Math.max(m, Math.abs(min));
}

function treeOf(node: Node, uri: string): SyntaxTree | undefined {
  const model = node.model;
  return uri === model.tree.uri ? model.tree : model.interp.trees.find((t) => t.uri === uri);
}

/** Deletes a statement; the whole line when nothing else is written on it. */
function deleteStatement(node: Node, s: Statement): TextEditAt[] | undefined {
  const first = s.keyword;
  const lastWord = s.args[s.args.length - 1] ?? first;
  if (first.origin || lastWord.origin || first.uri !== lastWord.uri) return undefined;
  const text = treeOf(node, first.uri)?.text;
  if (text === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  let lineEnd = text.indexOf('\n', lastWord.end);
  if (lineEnd < 0) lineEnd = text.length;
  const alone = text.slice(lineStart, first.start).trim() === '' && text.slice(lastWord.end, lineEnd).trim() === '';
  if (alone) {
    const end = lineEnd < text.length ? { line: first.range.start.line + 1, character: 0 } : lastWord.range.end;
    return [{ uri: first.uri, range: { start: { line: first.range.start.line, character: 0 }, end }, newText: '' }];
  }
  return [{ uri: first.uri, range: { start: first.range.start, end: lastWord.range.end }, newText: '' }];
}

/** Sets the weight an entry uses: on the entry line when written there, else in the definition, else on the entry line. */
function setWeight(t: Tracker, weight: number): TextEditAt[] | undefined {
  if (t.entryWeight) return replaceWord(t.entryWeight, String(weight));
  const def = t.definitionWeight?.args[0];
  if (def) return replaceWord(def, String(weight));
  if (t.entry.origin) return undefined;
  return [{ uri: t.entry.uri, range: { start: t.entry.range.end, end: t.entry.range.end }, newText: ` weight ${weight}` }];
}

/** Removes the weight so that a failure sends the instance to FAULT. */
function removeWeight(node: Node, t: Tracker): TextEditAt[] | undefined {
  // A track_file's weight defaults to 1: FAULT needs an explicit 0.
  if (t.kind === 'file') return setWeight(t, 0);
  const out: TextEditAt[] = [];
  if (t.entryWeight) {
    const i = t.line.indexOf(t.entryWeight);
    const end = t.line[i + 1] && ['reverse', 'noreverse'].includes(t.line[i + 1].value) ? t.line[i + 1] : t.entryWeight;
    if (end.origin || end.uri !== t.entry.uri) return undefined;
    out.push({ uri: t.entry.uri, range: { start: t.entry.range.end, end: end.range.end }, newText: '' });
  }
  if (t.definitionWeight) {
    const e = deleteStatement(node, t.definitionWeight);
    if (!e) return undefined;
    out.push(...e);
  }
  return out.length ? out : undefined;
}

/** Nodes read from one file with `@ID` lines share their words: each edit once. */
function distinct(edits: readonly TextEditAt[]): TextEditAt[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.uri}:${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function trackerOn(m: Member, t: Tracker): Tracker | undefined {
  return trackersOfMember(m).find((o) => o.kind === t.kind && o.name === t.name);
}

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** Why the VIP stays, in the issue's words. */
function explanation(s: Scenario, holder: string, t: Tracker): string {
  const subject = `${failureSubject(t)} on ${holder}`;
  if (t.ignored) return `keepalived ignores the weight of ${t.name} (${t.adjusted}): ${subject} leaves the VIP on ${holder}.`;
  const me = s.outcomes.find((o) => o.node === holder);
  const others = s.outcomes.filter((o) => o.node !== holder && o.state === 'up');
  const p = me?.priority ?? 0;
  if (!others.length) return `${subject} leaves no other node able to take the VIP.`;
  const top = Math.max(...others.map((o) => o.priority));
  const best = others.filter((o) => o.priority === top);
  if (s.holder.kind === 'tie' && best.length > 1 && top > p) {
    return `${subject} lowers its priority to ${p}: ${names(best.map((o) => o.node))} tie at ${top}, so which one takes the VIP depends on their IP addresses.`;
  }
  const b = best[0];
  if (p > top) return `${subject} lowers its priority to ${p}, still above ${b.node}'s ${top}: the VIP stays on ${holder}.`;
  if (p === top) return `${subject} lowers its priority to ${p}, equal to ${b.node}'s: a BACKUP does not take over on an equal priority, so the VIP stays on ${holder}.`;
  return `${subject} leaves its priority at ${p}: the VIP stays on ${holder}.`;
}

function report(cluster: Cluster, f: InstanceFailover, s: Scenario): { word: Word; message: string; fixes: Fix[]; related: Member[] } | undefined {
  const t = s.tracker;
  const holder = f.group.members.find((m) => m.node.label === s.node);
  if (!t || !holder) return undefined;
  const fixes: Fix[] = [];
  let advice: string;
  const found = weightThatMoves(cluster, f.group, s);
  const tied = s.holder.kind === 'tie' && !s.holder.nodes.includes(holder.node.label) ? s.holder.nodes : undefined;
  if (tied) {
    // Neither a weight nor FAULT decides between BACKUPs of equal priority.
    return { word: t.entry, message: `${f.name}: ${explanation(s, holder.node.label, t)} Give ${names(tied)} different priorities.`, fixes, related: f.group.members.filter((m) => m !== holder) };
  }
  if (found) {
    const where = found.weight > 0 ? ` on ${names(found.nodes.map((n) => n.label))}` : '';
    advice = `Use weight ${found.weight} or more${where}, or no weight (FAULT).`;
    const w = weightWithMargin(found.weight);
    const edits = distinct(found.nodes.flatMap((n) => {
      const m = f.group.members.find((x) => x.node === n);
      const on = m && trackerOn(m, t);
      return (on && setWeight(on, w)) || [];
    }));
    if (edits.length) fixes.push({ title: `Set weight ${w} for ${t.name}${where}`, edits, preferred: true });
  } else if (t.ignored) {
    advice = t.adjusted?.includes('sync group') ? `Remove the weight (FAULT), or add sync_group_tracking_weight to the sync group.` : 'Remove the weight (FAULT), or use a priority below 255.';
  } else {
    advice = `No weight ${t.weight > 0 ? 'added while healthy' : 'of this sign'} moves it: use no weight (FAULT).`;
  }
  // FAULT semantics on every node that tracks the item with a weight, so the nodes stay alike.
  const removal = distinct(
    f.group.members.flatMap((m) => {
      const on = trackerOn(m, t);
      return on && on.configured !== 0 ? (removeWeight(m.node, on) ?? []) : [];
    }),
  );
  if (removal.length) fixes.push({ title: `Remove the weight of ${t.name} (FAULT while it fails)`, edits: removal, preferred: !fixes.length });
  const others = f.group.members.filter((m) => m !== holder);
  return { word: t.entry, message: `${f.name}: ${explanation(s, holder.node.label, t)} ${advice}`, fixes, related: others };
}

export const peerFailoverIneffective: PeerRule = {
  id: 'peer-failover-ineffective',
  severity: 'warning',
  description: 'A tracked check failing on the node that holds the VIP leaves it there (or in a tie): its weight is too small against the peers\' priorities, or keepalived ignores it.',
  check({ cluster, report: emit }) {
    for (const f of clusterFailover(cluster)) {
      for (const s of f.scenarios) {
        // A track_file with weight ±1 adds the file's value itself, which the configuration does not show.
        if (!s.ineffective || (s.tracker?.kind === 'file' && Math.abs(s.tracker.weight) === 1)) continue;
        const r = report(cluster, f, s);
        if (!r) continue;
        emit({
          uri: r.word.uri,
          range: r.word.range,
          message: r.message,
          related: r.related.map((m) => {
            const w = m.inst.priority?.word ?? instanceAnchor(m);
            const o = s.outcomes.find((x) => x.node === m.node.label);
            return { uri: w.uri, range: w.range, message: `${m.node.label}: priority ${o?.priority ?? '?'}${o && o.state !== 'up' ? ` (${o.state})` : ''} in this scenario` };
          }),
          fixes: r.fixes,
        });
      }
    }
  },
};
