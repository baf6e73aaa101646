// Shared pieces of the peer rules: where to report, related locations, and value fixes.
import type { Fix, Related, TextEditAt } from '../finding';
import type { Word } from '../../parser/syntax';
import type { InstanceGroup, Member } from '../../workspace/cluster';
import { insertFirstLine } from '../missing-required';

/** The word a finding about an instance sits on when the keyword itself is absent. */
export function instanceAnchor(m: Member): Word {
  return m.inst.nameWord ?? m.inst.stmt.keyword;
}

export function related(members: readonly Member[], at: (m: Member) => Word | undefined, text: (m: Member) => string): Related[] {
  return members.map((m) => {
    const w = at(m) ?? instanceAnchor(m);
    return { uri: w.uri, range: w.range, message: text(m) };
  });
}

export function replaceWord(w: Word | undefined, text: string): TextEditAt[] | undefined {
  if (!w || w.origin) return undefined;
  return [{ uri: w.uri, range: w.range, newText: text }];
}

/** Sets `keyword value` on an instance: replaces the existing value or adds the line. */
export function setKeyword(m: Member, keyword: string, current: Word | undefined, value: string): TextEditAt[] | undefined {
  if (current) return replaceWord(current, value);
  return insertFirstLine(m.inst.stmt, `${keyword} ${value}`);
}

/** How many members share each value. */
export function tally<T>(members: readonly Member[], value: (m: Member) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (const m of members) {
    const v = value(m);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/**
 * The two fixes of a value mismatch between `here` and `peer`: take the peer's value, or push
 * this node's value to the peer. The one that changes the minority side is preferred.
 */
export function valueFixes(
  group: InstanceGroup,
  here: Member,
  peer: Member,
  keyword: string,
  value: (m: Member) => string | undefined,
  word: (m: Member) => Word | undefined,
): Fix[] {
  const mine = value(here);
  const theirs = value(peer);
  const out: Fix[] = [];
  const counts = tally(group.members, value);
  const hereIsMinority = (counts.get(mine) ?? 0) < (counts.get(theirs) ?? 0);
  if (theirs !== undefined) {
    const edits = setKeyword(here, keyword, word(here), theirs);
    if (edits) out.push({ title: `Use ${peer.node.label}'s ${keyword} ${theirs} here`, edits, preferred: hereIsMinority });
  }
  if (mine !== undefined) {
    const edits = setKeyword(peer, keyword, word(peer), mine);
    if (edits) out.push({ title: `Set ${keyword} ${mine} on ${peer.node.label}`, edits, preferred: !hereIsMinority });
  }
  return out;
}

/** Reports a per-member value that should be equal across the group; returns whether it differed. */
export function checkEqual(
  group: InstanceGroup,
  report: (f: { uri: string; range: Word['range']; message: string; related: Related[]; fixes: Fix[] }) => void,
  opts: {
    keyword: string;
    value: (m: Member) => string | undefined;
    word: (m: Member) => Word | undefined;
    message: (here: Member, hereValue: string, others: string) => string;
  },
): void {
  const values = new Set(group.members.map(opts.value));
  if (values.size < 2) return;
  for (const here of group.members) {
    const others = group.members.filter((m) => m !== here && opts.value(m) !== opts.value(here));
    if (others.length === 0) continue;
    const at = opts.word(here) ?? instanceAnchor(here);
    const list = others.map((o) => `${opts.value(o) ?? 'none'} on ${o.node.label}`).join(', ');
    report({
      uri: at.uri,
      range: at.range,
      message: opts.message(here, opts.value(here) ?? 'none', list),
      related: related(others, opts.word, (o) => `${opts.keyword} ${opts.value(o) ?? '(not set)'} on ${o.node.label}`),
      fixes: valueFixes(group, here, others[0], opts.keyword, opts.value, opts.word),
    });
  }
}

