// Custom requests between the VS Code client and the language server (plain JSON types, so the
// client bundle can import this module without pulling in the server).

/** `keepalived/peers`: the peer node files of a file, for the diff view. */
export const PEERS_REQUEST = 'keepalived/peers';
export interface PeersParams {
  uri: string;
}
export interface PeerNode {
  uri: string;
  /** The node's label (server/src/workspace/nodes.ts nodeLabels: router_id when unique in the cluster, else the folder). */
  label: string;
  /** Instances this file shares with the peer. */
  instances: string[];
}

/**
 * `keepalived/nodeLabels`: how the server names the nodes of these files (the one label rule:
 * router_id when unique among them, else the folder), e.g. for the diff view's title. Files of
 * one cluster get their cluster's labels; others are named as if they formed one.
 */
export const NODE_LABELS_REQUEST = 'keepalived/nodeLabels';
export interface NodeLabelsParams {
  uris: string[];
}

/** `keepalived/clusters`: every cluster the server found, for the overview and status bar. */
export const CLUSTERS_REQUEST = 'keepalived/clusters';
export interface ClusterMember {
  uri: string;
  node: string;
  /** `MASTER 150 · VRID 55 · eth1 · 192.168.31.5/24` (features/facts.ts instanceSummary). */
  summary: string;
  state?: string;
  /** keepalived's effective priority (MASTER without priority = 255, default 100). */
  priority: number;
  vrid?: number;
  authType?: string;
  vips: string[];
  interface?: string;
  advertInt: number;
  /** Position of the instance's name, 0-based. */
  line: number;
  character: number;
}
/** One scenario of an instance's failover table (see keepalived-lint --failover). */
export interface FailoverRow {
  /** "normal", "lb01 down", "chk_nginx fails on lb01". */
  scenario: string;
  /** Each node's priority after the event, or "down" / "FAULT". */
  priorities: { node: string; value: string }[];
  /** The node that holds the VIP, "tie (…)" or "none". */
  holder: string;
  /** A tracked failure on the holder that leaves the VIP there. */
  ineffective: boolean;
  notes: string[];
  /** For a tracked failure: the entry that tracks the item on the failing node (0-based). */
  at?: { uri: string; line: number; character: number };
}
export interface ClusterInstance {
  name: string;
  members: ClusterMember[];
  /** Who holds the VIP in each failover scenario; empty for an instance on one node only. */
  failover: FailoverRow[];
  /**
   * Peer findings about this instance: rule id and message, on the node `node` (whose side "here"
   * in the message is). The same problem is reported on each node involved; those reports share
   * `problem`, so a count takes each problem once.
   */
  mismatches: { code: string; message: string; uri: string; line: number; severity: FindingSeverity; node: string; problem: string }[];
  /** Distinct problems of error or warning severity among `mismatches`. */
  problems: number;
}
export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';
export interface ClusterView {
  id: string;
  nodes: { uri: string; label: string }[];
  instances: ClusterInstance[];
  /** Number of distinct peer problems of error or warning severity (each counted once, not once per node). */
  problems: number;
}

/** Sent by the server when clusters or their findings change. */
export const CLUSTERS_CHANGED = 'keepalived/clustersChanged';

/**
 * `keepalived/compare`: the lines of two nodes' root files, aligned, each classified, and the
 * nodes' labels (for the diff's title).
 */
export const COMPARE_REQUEST = 'keepalived/compare';
export interface CompareParams {
  left: string;
  right: string;
}
/**
 * `same` on both nodes; `expected`: a difference peers are meant to have (each node its own
 * state, priority, router_id...); `mismatch`: a peer rule reported the line (`code` is its id);
 * `differs`: another difference, which no rule judges.
 */
export type CompareKind = 'same' | 'expected' | 'mismatch' | 'differs';
export interface CompareMark {
  /** 0-based line in its file. */
  line: number;
  kind: CompareKind;
  /** What differs, or the finding's message; empty for `same`. */
  message: string;
  code?: string;
  /** A mismatch's severity (the finding's); absent for other kinds. */
  severity?: FindingSeverity;
}
/** One line of either file, with the line it is aligned with on the other, when there is one. */
export interface CompareRow {
  left?: CompareMark;
  right?: CompareMark;
}
export interface CompareResult {
  left: { uri: string; label: string };
  right: { uri: string; label: string };
  rows: CompareRow[];
}

/**
 * `keepalived/createPeerConfig`: the BACKUP node's text made from a MASTER node's file. Without
 * `routerId`, the next one (lb01 → lb02) is used; the answer says which.
 */
export const CREATE_PEER_REQUEST = 'keepalived/createPeerConfig';
export interface CreatePeerParams {
  uri: string;
  routerId?: string;
  priorityDelta?: number;
}
export interface CreatePeerResult {
  text: string;
  changes: string[];
  warnings: string[];
  routerId: string;
  /** The source node's router_id, when it has one. */
  sourceRouterId?: string;
  /** The source node's label (workspace/nodes.ts). */
  sourceLabel: string;
}

/**
 * `keepalived/workspaceTrust` (client → server notification): whether the workspace is trusted. The
 * same value goes in `initializationOptions.trusted` (missing = trusted, for other editors). While
 * untrusted, the server reads no file outside the workspace folders.
 */
export const TRUST_NOTIFICATION = 'keepalived/workspaceTrust';
export interface TrustParams {
  trusted: boolean;
}

/**
 * Commands of the VS Code client that the server's code lenses run (other LSP clients may offer
 * them too; the argument is `{ uri }` of the file the lens is in).
 */
export const LENS_COMMANDS = {
  compareWithPeer: 'keepalived.compareWithPeer',
  createPeerConfig: 'keepalived.createPeerConfig',
} as const;
