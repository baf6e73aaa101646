// Configurations whose reading carries state from one top-level block to the next (`$NAME`,
// `@ID`, `~SEQ`, includes, names defined so far, displaced and missing braces): the cases on
// which reading block by block must give what reading the whole file gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutants } from '../../corpus/mutants';
import { ourCorpus } from '../../helpers/corpus';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface StreamCase {
  name: string;
  /** The root file, by path relative to the case's folder, then its text. */
  main: string;
  /** Every file of the case (root files and included ones), by relative path. */
  files: Record<string, string>;
}

const INSTANCE = (name: string, vrid: number, extra = '') => `vrrp_instance ${name} {
    state BACKUP
    interface eth0
    virtual_router_id ${vrid}
    priority 100
    virtual_ipaddress {
        192.0.2.${vrid}/24
    }${extra}
}
`;

/** Hand-written cases, one mechanism each (several where they meet). */
export const TRICKY: Record<string, string> = {
  'definitions.conf': `$IF=eth1
$VIP=192.0.2.10/24
$MULTI=virtual_router_id 61 \\
    priority 90
vrrp_instance VI_1 {
    interface $IF
    $MULTI
    virtual_ipaddress {
        $VIP
        $VIP/32
    }
    notify \${UNDEFINED} x
}
$IF=eth2
vrrp_instance VI_2 {
    interface $IF
    virtual_router_id 61
    virtual_ipaddress { 192.0.2.11 }
}
`,
  'conditions.conf': `@lb1 global_defs {
    router_id LB1
}
@^lb1 global_defs {
    router_id OTHER
    vrrp_strict
}
@lb1 vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    authentication {
        auth_type PASS
        auth_pass secret12345
    }
    virtual_ipaddress { 192.0.2.1 }
}
@lb2 vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 51
    priorty 50
    virtual_ipaddress { 192.0.2.1 }
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 52
}
`,
  'sequences.conf': `~SEQ(i,1,3) vrrp_script chk_$i { script "/bin/true" }
~SEQ(n,4,6) vrrp_instance VI_$n { interface eth0 virtual_router_id $n track_script { chk_1 chk_9 } }
~LST(h,a,b) vrrp_script chk_$h { interval 2 }
`,
  'includes.conf': `include inc/scripts.conf
include inc/scripts.conf
include inc/missing-*.conf
include
${INSTANCE('VI_A', 70, '\n    track_script {\n        chk_inc\n        chk_late\n        chk_nope\n    }')}vrrp_script chk_late {
    script "/bin/true"
}
`,
  'limits.conf': `include deep/d0.conf
include inc/not-a-config
virtual_server 192.0.2.20 80 {
    real_server 192.0.2.21 80 {
        HTTP_GET {
            url { path / }
            nb_get_retry 3
        }
    }
}
`,
  'inc/not-a-config': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n',
  'inc/scripts.conf': `vrrp_script chk_inc {
    script "/bin/true"
    interval 2
}
vrrp_instance VI_INC {
    interface eth0
    virtual_router_id 71
    priority 300
}
`,
  'braces.conf': `global_defs {
    router_id A
}
unknown_block {
    priority 5
}
}
vrrp_instance VI_1
    interface eth0
    virtual_router_id 80
}
state MASTER
vrrp_script chk {
    script "/bin/true"
}
vrrp_instance VI_2
{
    interface eth0
    virtual_router_id 81
    virtual_ipaddress
        192.0.2.81
    }
}
}
virtual_server_group G
{
    192.0.2.5 80
}
virtual_server 192.0.2.300 80 {
    real_server 192.0.2.6 80 {
        weight x
    }
}
global_defs {
    vrrp_version 3
}
vrrp_instance VI_3 {
    interface eth0
    virtual_router_id 80
    authentication { auth_type PASS }
    virtual_ipaddress { 192.0.2.82 }
`,
  'names.conf': `vrrp_sync_group G1 {
    group {
        VI_1
        VI_MISSING
    }
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 90
    state MASTER
    nopreempt
    track_script {
        chk_a weight 10
        chk_a
    }
    track_file {
        tf_later
    }
    virtual_ipaddress { 192.0.2.90 }
}
vrrp_script chk_a {
    interval 2
}
vrrp_instance VI_1 {
    interface eth0
    virtual_router_id 91
}
virtual_server 192.0.2.9 80 {
    real_server 192.0.2.10 80 {
        FILE_CHECK {
            track_file tf_later
        }
    }
    real_server 2001:db8::1 80 {
        weight 1
    }
}
track_file tf_later {
    weight 1
}
vrrp_instance VI_3 {
    interface eth0
    virtual_router_id 90
    virtual_ipaddress { 192.0.2.93 }
    virtual_routes {
        192.0.2.0/24 gw 192.0.2.1
    }
}
`,
};

/** A chain of includes deeper than keepalived's reading here allows (limits.ts MAX_INCLUDE_DEPTH). */
for (let i = 0; i <= 17; i++) {
  TRICKY[`deep/d${i}.conf`] = `vrrp_script chk_d${i} {\n    script "/bin/true"\n}\ninclude d${i + 1}.conf\n`;
}

/** Every case: the corpus files, the hand-written ones, and seeded mistakes in each corpus file. */
export function streamCases(): StreamCase[] {
  const out: StreamCase[] = [];
  for (const f of ourCorpus()) {
    out.push({ name: f.name, main: f.name, files: { ...f.companions, [f.name]: f.text } });
    mutants(f.text, f.name, 14, 2).forEach((m, i) => out.push({ name: `${f.name} mutant ${i} (${m.description})`, main: f.name, files: { ...f.companions, [f.name]: m.text } }));
  }
  for (const name of Object.keys(TRICKY).filter((n) => !n.includes('/'))) out.push({ name, main: name, files: TRICKY });
  for (const g of ['test/grammar/blocks.conf', 'test/grammar/directives.conf', 'test/grammar/values.conf', 'test/grammar/comments.conf']) {
    out.push({ name: g, main: 'k.conf', files: { 'k.conf': readFileSync(join(ROOT, g), 'utf8') } });
  }
  return out;
}

/** Node files checked together: the example pair, the failover fixture, the e2e workspace. */
export const PAIRS = ['examples/nginx-ha', 'test/fixtures/failover/nginx-weight-20', 'test/e2e/workspace'].map((d) => ({
  name: d,
  files: ['lb01', 'lb02'].map((n) => join(ROOT, d, n, 'keepalived.conf')),
}));
