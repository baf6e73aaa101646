import { AUTH_PASS_MAX } from '../../model/effective';
import type { Member } from '../../workspace/cluster';
import { effectiveVersion } from '../../workspace/nodes';
import { instanceAnchor, related, replaceWord } from './helpers';
import type { PeerRule } from './rule';

/** What goes on the wire: nothing under VRRPv3 or strict mode, else type and truncated password. */
function wire(m: Member): { type: string; pass?: string } {
  const a = m.inst.authentication;
  if (!a || effectiveVersion(m.inst, m.node.model) === 3 || m.node.model.vrrpStrict) return { type: 'none' };
  const type = a.type?.value ?? 'none';
  return { type, pass: type === 'PASS' || type === 'AH' ? a.pass?.value.slice(0, AUTH_PASS_MAX) : undefined };
}

export const peerAuthMismatch: PeerRule = {
  id: 'peer-auth-mismatch',
  severity: 'error',
  description: "Counterpart instances whose authentication differs (type, presence, or the password's first 8 characters).",
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      for (const here of g.members) {
        const mine = wire(here);
        const others = g.members.filter((o) => o !== here);
        const typeDiff = others.filter((o) => wire(o).type !== mine.type);
        const passDiff = others.filter((o) => wire(o).type === mine.type && wire(o).pass !== mine.pass);
        if (typeDiff.length) {
          const w = here.inst.authentication?.type?.word ?? here.inst.authentication?.stmt.keyword ?? instanceAnchor(here);
          report({
            uri: w.uri,
            range: w.range,
            message: `${here.inst.name}: authentication ${mine.type === 'none' ? 'is off' : mine.type} here but ${typeDiff.map((o) => `${wire(o).type === 'none' ? 'off' : wire(o).type} on ${o.node.label}`).join(', ')}. Peers drop each other's adverts and both become MASTER.`,
            related: related(typeDiff, (o) => o.inst.authentication?.type?.word ?? o.inst.authentication?.stmt.keyword, (o) => `authentication on ${o.node.label}`),
          });
        }
        if (passDiff.length && mine.pass !== undefined) {
          const w = here.inst.authentication?.pass?.word ?? instanceAnchor(here);
          // Never show the passwords: only where they differ.
          const peer = passDiff[0];
          const peerPass = peer.inst.authentication?.pass;
          const fixes = [];
          const take = peerPass && replaceWord(here.inst.authentication?.pass?.word, peerPass.word.text);
          if (take) fixes.push({ title: `Use ${peer.node.label}'s auth_pass here`, edits: take, preferred: passDiff.length >= others.length / 2 });
          const push = here.inst.authentication?.pass && replaceWord(peerPass?.word, here.inst.authentication.pass.word.text);
          if (push) fixes.push({ title: `Set this auth_pass on ${peer.node.label}`, edits: push });
          report({
            uri: w.uri,
            range: w.range,
            message: `${here.inst.name}: auth_pass differs from ${passDiff.map((o) => o.node.label).join(', ')} in its first ${AUTH_PASS_MAX} characters (the ones keepalived uses). Peers reject each other's adverts and both become MASTER.`,
            related: related(passDiff, (o) => o.inst.authentication?.pass?.word, (o) => `auth_pass on ${o.node.label}`),
            fixes,
          });
        }
      }
    }
  },
};
