// Peer rules share the one rule contract (../rule.ts); this module keeps their `./rule` import.
export type { PeerRule } from '../rule';
