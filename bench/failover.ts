// What the failover analysis costs: checks a generated MASTER/BACKUP pair (N instances per node,
// each tracking a weak vrrp_script, an unweighted one and an interface with a weak weight, so every
// instance gets a peer-failover-ineffective finding with its weight search) with the rule off and
// on, alternating, in one process. Reports the median CPU time of each and their ratio. A report,
// not a test: it always exits 0.
//
//   node --import tsx bench/failover.ts [--instances N] [--runs N]
import { checkFiles } from '../server/src/analysis/check-files';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const instances = arg('--instances', 250);
const runs = arg('--runs', 9);

function node(id: string, state: string, priority: number): string {
  const out = [`vrrp_script chk {\n    script "/bin/true"\n    weight -20\n}`, `vrrp_script chk_fault {\n    script "/bin/true"\n}`, `global_defs {\n    router_id ${id}\n}`];
  for (let i = 1; i <= instances; i++) {
    out.push(
      `vrrp_instance VI_${i} {\n    state ${state}\n    interface eth0\n    virtual_router_id ${(i % 255) + 1}\n    priority ${priority}\n` +
        `    virtual_ipaddress {\n        10.${i >> 8}.${i & 255}.1/24\n    }\n    track_script {\n        chk\n        chk_fault\n    }\n` +
        `    track_interface {\n        eth1 weight -10\n    }\n}`,
    );
  }
  return out.join('\n') + '\n';
}

const texts = new Map([
  ['/bench/lb01/keepalived.conf', node('lb01', 'MASTER', 150)],
  ['/bench/lb02/keepalived.conf', node('lb02', 'BACKUP', 100)],
]);

function cpuMs(f: () => unknown): number {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const off: number[] = [];
const on: number[] = [];
let findings = 0;
for (let r = 0; r < runs; r++) {
  off.push(cpuMs(() => checkFiles(texts, { levels: { 'peer-failover-ineffective': 'off' } })));
  on.push(cpuMs(() => (findings = checkFiles(texts).filter((f) => f.code === 'peer-failover-ineffective').length)));
}
console.log(`pair of ${instances} instances per node, ${findings} peer-failover-ineffective findings, median of ${runs} runs (CPU time)`);
console.log(`rule off ${median(off).toFixed(0)} ms · rule on ${median(on).toFixed(0)} ms · ratio ${(median(on) / median(off)).toFixed(2)}`);
