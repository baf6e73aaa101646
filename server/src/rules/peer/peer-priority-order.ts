import type { Member } from '../../workspace/cluster';
import { effectivePriority, isMaster } from '../../model/effective';
import { instanceAnchor, related, setKeyword } from './helpers';
import type { PeerRule } from './rule';

function at(m: Member) {
  return m.inst.priority?.word ?? instanceAnchor(m);
}

export const peerPriorityOrder: PeerRule = {
  id: 'peer-priority-order',
  severity: 'error',
  description: 'The MASTER-state node is not strictly the highest priority, or the top priorities tie; with nopreempt on the higher BACKUP, information describing the sticky VIP.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      if (g.members.length < 2) continue;
      const masters = g.members.filter((m) => isMaster(m.inst));
      const top = Math.max(...g.members.map((m) => effectivePriority(m.inst)));
      const atTop = g.members.filter((m) => effectivePriority(m.inst) === top);
      if (masters.length === 1) {
        const master = masters[0];
        const p = effectivePriority(master.inst);
        const above = g.members.filter((m) => m !== master && effectivePriority(m.inst) >= p);
        if (above.length === 0) continue;
        const names = above.map((m) => `${m.node.label} (${effectivePriority(m.inst)})`).join(', ');
        // A higher-priority BACKUP with nopreempt never takes the VIP from a running MASTER: the
        // VIP is sticky (it moves only when its holder fails). A design, described, not a fault.
        if (above.every((m) => m.inst.nopreempt && m.inst.state?.value !== 'MASTER' && effectivePriority(m.inst) > p)) {
          const w = at(master);
          report({
            uri: w.uri,
            range: w.range,
            severity: 'information',
            message: `${master.inst.name}: sticky VIP: this MASTER (priority ${p}) keeps the VIP while it runs, because ${names} ${above.length > 1 ? 'have' : 'has'} nopreempt; once this node fails, the VIP stays on ${above.length > 1 ? 'the peer that took it' : above[0].node.label}, even after this node comes back.`,
            related: related(above, (m) => m.inst.nopreempt?.keyword, (m) => `nopreempt, priority ${effectivePriority(m.inst)} on ${m.node.label}`),
          });
          for (const m of above) {
            const mw = at(m);
            report({
              uri: mw.uri,
              range: mw.range,
              severity: 'information',
              message: `${m.inst.name}: sticky VIP: with nopreempt, this node (priority ${effectivePriority(m.inst)}) leaves the VIP on ${master.node.label} (MASTER, priority ${p}) while it runs; it takes the VIP when ${master.node.label} fails and keeps it after ${master.node.label} comes back.`,
              related: related([master], (x) => x.inst.priority?.word ?? x.inst.state?.word, () => `MASTER priority ${p} on ${master.node.label}`),
            });
          }
          continue;
        }
        const highest = Math.max(...above.map((m) => effectivePriority(m.inst)));
        const raise = Math.min(255, highest + 50);
        const fixes = [];
        const edits = setKeyword(master, 'priority', master.inst.priority?.word, String(raise));
        if (edits && highest < 255) fixes.push({ title: `Set priority ${raise} on the MASTER`, edits, preferred: true });
        for (const m of above) {
          const lower = Math.max(1, p - 50);
          const e = setKeyword(m, 'priority', m.inst.priority?.word, String(lower));
          if (e && p > 1) fixes.push({ title: `Set priority ${lower} on ${m.node.label}`, edits: e });
        }
        // Equal priorities are settled by the primary IP address (RFC 3768 6.4.3): which node ends
        // up holding the VIP depends on addresses, not on the state written. A smell, not a certain
        // takeover, so a warning; a higher priority always takes over.
        const tie = above.every((m) => effectivePriority(m.inst) === p);
        const severity = tie ? ('warning' as const) : undefined;
        const message = tie
          ? `${master.inst.name}: this node is the MASTER with priority ${p}, but ${names} ${above.length > 1 ? 'have' : 'has'} the same priority: VRRP settles the tie by IP address, so after a failover the VIP may stay on the peer instead of coming back. Give the MASTER the highest priority.`
          : `${master.inst.name}: this node is the MASTER with priority ${p}, but ${names} ${above.length > 1 ? 'have' : 'has'} ${above.some((m) => effectivePriority(m.inst) === p) ? 'an equal or higher' : 'a higher'} priority: the VIP moves away from the MASTER as soon as the peer runs.`;
        const w = at(master);
        report({ uri: w.uri, range: w.range, severity, message, related: related(above, (m) => m.inst.priority?.word, (m) => `priority ${effectivePriority(m.inst)} on ${m.node.label}`), fixes });
        for (const m of above) {
          const mw = at(m);
          const mp = effectivePriority(m.inst);
          report({
            uri: mw.uri,
            range: mw.range,
            severity: mp === p ? 'warning' : undefined,
            message:
              mp === p
                ? `${m.inst.name}: priority ${mp} here ties with the MASTER's on ${master.node.label}: VRRP settles the tie by IP address, so this node may keep the VIP after a failover.`
                : `${m.inst.name}: priority ${mp} here is not below the MASTER's ${p} on ${master.node.label}: this node takes the VIP whenever it runs.`,
            related: related([master], (x) => x.inst.priority?.word ?? x.inst.state?.word, () => `MASTER priority ${p} on ${master.node.label}`),
            fixes: fixes.slice().reverse(),
          });
        }
        continue;
      }
      // Without a single MASTER, the highest priority wins; a tie is settled by the higher IP
      // address, which is rarely what was meant. With nopreempt everywhere a tie is deliberate.
      const allNopreempt = g.members.every((m) => m.inst.nopreempt && !isMaster(m.inst));
      if (atTop.length < 2 || allNopreempt) continue;
      for (const m of atTop) {
        const others = atTop.filter((o) => o !== m);
        const w = at(m);
        const lower = Math.max(1, top - 50);
        const e = setKeyword(m, 'priority', m.inst.priority?.word, String(lower));
        report({
          uri: w.uri,
          range: w.range,
          severity: 'warning',
          message: `${m.inst.name}: priority ${top} here ties with ${others.map((o) => o.node.label).join(', ')}: the node with the higher IP address becomes MASTER. Give each node its own priority.`,
          related: related(others, (o) => o.inst.priority?.word, (o) => `priority ${top} on ${o.node.label}`),
          fixes: e ? [{ title: `Set priority ${lower} here`, edits: e }] : undefined,
        });
      }
    }
  },
};
