// One node of a generated site: site `s` has its own VIP and VRID, and every site names its
// instance VI_1 (unrelated pairs that only grouping by shared VIP keeps apart). Used by
// bench/sites.mjs and by the CLI's clustering test.

/** The config of site `s`'s node; `role` 1 = MASTER, 2 = BACKUP. */
export function siteNode(s, role) {
  return [
    'global_defs {',
    `    router_id site${s}-lb0${role}`,
    '}',
    'vrrp_instance VI_1 {',
    `    state ${role === 1 ? 'MASTER' : 'BACKUP'}`,
    '    interface eth0',
    `    virtual_router_id ${(s % 250) + 1}`,
    `    priority ${role === 1 ? 150 : 100}`,
    '    virtual_ipaddress {',
    `        10.${Math.floor(s / 250)}.${s % 250}.100/24`,
    '    }',
    '}',
    '',
  ].join('\n');
}
