import { isIP } from '../../schema/ip-address';
import type { Member } from '../../workspace/cluster';
import { insertFirstLine } from '../missing-required';
import { instanceAnchor, related } from './helpers';
import type { PeerRule } from './rule';

function usesUnicast(m: Member): boolean {
  return m.inst.unicastPeers.length > 0;
}

export const peerUnicastMismatch: PeerRule = {
  id: 'peer-unicast-mismatch',
  severity: 'error',
  description: "Unicast peers that do not list each other's unicast_src_ip, two nodes with one unicast_src_ip, a node listing itself, or unicast on one side and multicast on the other.",
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      const unicast = g.members.filter(usesUnicast);
      if (unicast.length === 0) continue;
      for (const here of g.members) {
        const w = here.inst.unicastPeerBlock?.keyword ?? instanceAnchor(here);
        if (!usesUnicast(here)) {
          report({
            uri: w.uri,
            range: w.range,
            message: `${here.inst.name}: this node uses multicast but ${unicast.map((m) => m.node.label).join(', ')} use${unicast.length > 1 ? '' : 's'} unicast_peer: the adverts never meet and both nodes become MASTER.`,
            related: related(unicast, (m) => m.inst.unicastPeerBlock?.keyword, (m) => `unicast_peer on ${m.node.label}`),
          });
          continue;
        }
        const self = here.inst.unicastSrcIp?.value;
        const listed = here.inst.unicastPeers.find((p) => p.address === self);
        if (self && listed) {
          report({
            uri: listed.word.uri,
            range: listed.word.range,
            severity: 'warning',
            message: `${here.inst.name}: unicast_peer lists this node's own unicast_src_ip ${self}.`,
          });
        }
        for (const other of g.members) {
          if (other === here || !usesUnicast(other)) continue;
          const src = other.inst.unicastSrcIp;
          // A placeholder ([main_ip], <IP>) is no address to look for: invalid-value reports it.
          if (!src || !isIP(src.value)) continue;
          if (src.value === self) {
            // A copy-paste: one address cannot be the source of two nodes.
            const mine = here.inst.unicastSrcIp as NonNullable<typeof here.inst.unicastSrcIp>;
            const [a, b] = [here, other].map((m) => m.node.label).sort();
            report({
              uri: mine.word.uri,
              range: mine.word.range,
              message: `${here.inst.name}: ${a} and ${b} both use unicast_src_ip ${self}: one of them sends from an address that is not its own (a copy-paste?), so the peer that lists ${self} hears only one node. Give each node its own address.`,
              related: related([other], () => src.word, () => `unicast_src_ip on ${other.node.label}`),
            });
            continue;
          }
          if (here.inst.unicastPeers.some((p) => p.address === src.value)) continue;
          const block = here.inst.unicastPeerBlock;
          const last = block?.values?.[block.values.length - 1]?.words[0];
          const edits = last && !last.origin
            ? [{ uri: last.uri, range: { start: { line: last.range.start.line + 1, character: 0 }, end: { line: last.range.start.line + 1, character: 0 } }, newText: `${' '.repeat(last.range.start.character)}${src.value}\n` }]
            : block
              ? undefined
              : insertFirstLine(here.inst.stmt, `unicast_peer {\n${' '.repeat(here.inst.stmt.keyword.range.start.character + 8)}${src.value}\n${' '.repeat(here.inst.stmt.keyword.range.start.character + 4)}}`);
          report({
            uri: w.uri,
            range: w.range,
            message: `${here.inst.name}: unicast_peer does not list ${src.value}, the unicast_src_ip of ${other.node.label}: this node never sends it adverts.`,
            related: related([other], () => src.word, () => `unicast_src_ip on ${other.node.label}`),
            fixes: edits ? [{ title: `Add ${src.value} to unicast_peer`, edits, preferred: true }] : undefined,
          });
        }
      }
    }
  },
};
