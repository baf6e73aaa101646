// A node's place in its instance's election, as hover and code lens say it: one function, so
// that every view ranks a tie the same way (equal priorities share a rank; VRRP then settles the
// tie by the higher IP address, which the configuration does not tell).

export interface RankedPeer {
  label: string;
  priority: number;
}

export interface PeerRank {
  /** 1 + the number of peers with a strictly higher priority. */
  rank: number;
  of: number;
  /** The other peers with the same priority. */
  tiedWith: string[];
}

export function peerRank(members: readonly RankedPeer[], self: RankedPeer): PeerRank {
  return {
    rank: 1 + members.filter((m) => m.priority > self.priority).length,
    of: members.length,
    tiedWith: members.filter((m) => m !== self && m.priority === self.priority).map((m) => m.label),
  };
}

/** "rank 1 of 2 among peers (tied with lb02: the higher IP address wins): lb01 150, lb02 150". */
export function peerRankText(members: readonly RankedPeer[], self: RankedPeer): string {
  const r = peerRank(members, self);
  const tie = r.tiedWith.length ? ` (tied with ${r.tiedWith.join(', ')}: the higher IP address wins)` : '';
  const sorted = [...members].sort((a, b) => b.priority - a.priority);
  return `rank ${r.rank} of ${r.of} among peers${tie}: ${sorted.map((m) => `${m.label} ${m.priority}`).join(', ')}`;
}
