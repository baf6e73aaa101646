// The contract of a cross-file rule: it sees one cluster (the peer nodes and their instance
// counterparts) and reports on every node involved, pointing at the peers' lines.
import type { Finding, Severity } from '../finding';
import type { Cluster } from '../../workspace/cluster';

export type PeerReport = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

export interface PeerContext {
  cluster: Cluster;
  report(finding: PeerReport): void;
}

export interface PeerRule {
  id: string;
  severity: Severity;
  description: string;
  check(ctx: PeerContext): void;
}
