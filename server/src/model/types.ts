// The typed model: what a node's configuration means, with the statement and word behind each
// value so that diagnostics, hovers and fixes can point at the exact text.
import type { Interpretation } from '../parser/interpreter';
import type { Statement, ValueLine } from '../parser/statements';
import type { SyntaxTree, Word } from '../parser/syntax';

export interface Field<T> {
  value: T;
  stmt: Statement;
  /** The word holding the value (the keyword itself for flags). */
  word: Word;
}

export interface VipAddress {
  /** Address as written, without prefix. */
  address: string;
  prefix?: number;
  family: 4 | 6;
  dev?: string;
  label?: string;
  scope?: string;
  brd?: string;
  peer?: string;
  line: ValueLine;
  /** The address word. */
  word: Word;
}

export interface TrackRef {
  name: string;
  word: Word;
  weight?: number;
  line?: ValueLine;
  stmt: Statement;
}

export interface UnicastPeer {
  address: string;
  word: Word;
  line: ValueLine;
}

export interface Authentication {
  stmt: Statement;
  type?: Field<string>;
  pass?: Field<string>;
}

export interface VrrpInstance {
  name: string;
  nameWord?: Word;
  stmt: Statement;
  state?: Field<string>;
  interface?: Field<string>;
  vrid?: Field<number>;
  priority?: Field<number>;
  advertInt?: Field<number>;
  version?: Field<number>;
  authentication?: Authentication;
  vipBlock?: Statement;
  vips: VipAddress[];
  excludedVips: VipAddress[];
  unicastSrcIp?: Field<string>;
  unicastPeerBlock?: Statement;
  unicastPeers: UnicastPeer[];
  trackScripts: TrackRef[];
  trackInterfaces: TrackRef[];
  trackProcesses: TrackRef[];
  trackFiles: TrackRef[];
  nopreempt?: Statement;
  preemptDelay?: Field<number>;
  /** The sync group that lists this instance, when any. */
  syncGroup?: SyncGroup;
}

export interface SyncGroup {
  name: string;
  stmt: Statement;
  members: TrackRef[];
}

export interface VirtualServer {
  stmt: Statement;
  /** `IP PORT`, `fwmark N` or `group NAME`, as written. */
  key: string;
  realServers: Statement[];
}

export interface ConfigModel {
  /** The root file of the node. */
  uri: string;
  tree: SyntaxTree;
  interp: Interpretation;
  statements: Statement[];
  globalDefs?: Statement;
  routerId?: Field<string>;
  vrrpStrict?: Statement;
  /** global_defs vrrp_version, the default version of every instance. */
  vrrpVersion?: Field<number>;
  instances: VrrpInstance[];
  syncGroups: SyncGroup[];
  virtualServers: VirtualServer[];
  /** Named objects (vrrp_script, vrrp_instance...) by kind, then name. */
  named: Map<string, Map<string, Word[]>>;
  /** The `-i ID` this model was read for, when the file uses `@ID` lines. */
  configId?: string;
}
