// The table of cross-file (peer) rules.
import { peerAdvertIntMismatch } from './peer-advert-int-mismatch';
import { peerAuthMismatch } from './peer-auth-mismatch';
import { peerFailoverIneffective } from './peer-failover-ineffective';
import { peerMissingInstance } from './peer-missing-instance';
import { peerNopreemptMismatch } from './peer-nopreempt-mismatch';
import { peerPriorityOrder } from './peer-priority-order';
import { peerRouterIdDuplicate } from './peer-router-id-duplicate';
import { peerStateConflict } from './peer-state-conflict';
import { peerSyncGroupMismatch } from './peer-sync-group-mismatch';
import { peerUnicastMismatch } from './peer-unicast-mismatch';
import { peerVersionMismatch } from './peer-version-mismatch';
import { peerVipInterfaceMismatch } from './peer-vip-interface-mismatch';
import { peerVipMismatch } from './peer-vip-mismatch';
import { peerVridMismatch } from './peer-vrid-mismatch';
import type { PeerRule } from './rule';

export const PEER_RULES: readonly PeerRule[] = [
  peerVridMismatch,
  peerPriorityOrder,
  peerStateConflict,
  peerAuthMismatch,
  peerVipMismatch,
  peerVipInterfaceMismatch,
  peerAdvertIntMismatch,
  peerVersionMismatch,
  peerUnicastMismatch,
  peerNopreemptMismatch,
  peerRouterIdDuplicate,
  peerMissingInstance,
  peerSyncGroupMismatch,
  peerFailoverIneffective,
];
