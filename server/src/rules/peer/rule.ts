// Peer rules share the one rule contract (../rule.ts); this module keeps their `./rule` import.
export type { PeerContext, PeerRule, Report as PeerReport } from '../rule';
