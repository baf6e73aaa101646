// MASTER/BACKUP node configs for the tests of the incremental workspace index (unit and LSP):
// small nodes that pair by VIP and VRID, and a base workspace both tests build on.

/** A node with one instance VI_1 on eth0: MASTER 150 or BACKUP 100, its VIP /24, then `extra`. */
export function pairNode(routerId: string, state: string, vrid: number, vip: string, extra = ''): string {
  return [
    'global_defs {',
    `    router_id ${routerId}`,
    '}',
    'vrrp_instance VI_1 {',
    `    state ${state}`,
    '    interface eth0',
    `    virtual_router_id ${vrid}`,
    `    priority ${state === 'MASTER' ? 150 : 100}`,
    '    virtual_ipaddress {',
    `        ${vip}/24`,
    '    }',
    '}',
    extra,
  ].join('\n');
}

/** Two pairs, one of whose nodes includes a fragment from its conf.d. */
export const TWO_PAIRS: Readonly<Record<string, string>> = {
  'a/lb01/keepalived.conf': pairNode('lb01', 'MASTER', 51, '10.0.0.1', 'include conf.d/*.conf\n'),
  'a/lb01/conf.d/script.conf': 'vrrp_script chk {\n    script "/bin/true"\n}\n',
  'a/lb02/keepalived.conf': pairNode('lb02', 'BACKUP', 51, '10.0.0.1'),
  'b/lb01/keepalived.conf': pairNode('b1', 'MASTER', 52, '10.0.1.1'),
  'b/lb02/keepalived.conf': pairNode('b2', 'BACKUP', 52, '10.0.1.1'),
};
