import { isIPv4, isIPv6 } from '../schema/ip-address';
import type { ConfigModel } from '../model/types';
import type { Statement } from '../parser/statements';
import type { KeywordSpec } from '../schema/types';
import { targetHas, targetName } from '../schema/version';
import type { FileRule, Report } from './rule';
import { skippedBlockNote, subject, valueIssues } from './value-issues';

/** Keywords whose words are secrets: messages never quote them (they end up in CI logs). */
const SECRETS = new Set(['vrrp_instance/authentication auth_pass', 'vrrp_instance/auth_hmac key', 'SSL password']);

export const invalidValue: FileRule = {
  id: 'invalid-value',
  severity: 'error',
  scope: 'block',
  description: 'A value of the wrong type: not a number, not one of the allowed words, not an IP address.',
  check({ model, target, report }) {
    for (const li of valueIssues(model, ['invalid-value', 'extra-value'])) {
      const w = li.at;
      if (li.issue.kind === 'extra-value') {
        report({
          uri: w.uri,
          range: w.range,
          severity: 'warning',
          message: SECRETS.has(`${li.stmt.path} ${li.stmt.keyword.value}`)
            ? `Unexpected word after '${li.stmt.keyword.value}': keepalived uses only the first word (a value with spaces must be quoted).`
            : `Unexpected '${w.value}' after '${li.stmt.keyword.value}'${li.line ? ' entry' : ''}: keepalived does not use it.`,
          tags: ['unnecessary'],
        });
        continue;
      }
      report({
        uri: w.uri,
        range: w.range,
        message: `Invalid value '${w.value}' for ${subject(li)}: expected ${li.issue.expected}.${skippedBlockNote(li)}`,
      });
    }
    fractionsTooNew(model, target, report);
    ipv6Labels(model, report);
    realServerFamilies(model, report);
  },
};

const fractionArgs = new WeakMap<KeywordSpec, boolean>();

/** Whether a keyword has an argument whose fractions came in a later release (asked once per keyword). */
function takesFractions(spec: KeywordSpec): boolean {
  let has = fractionArgs.get(spec);
  if (has === undefined) fractionArgs.set(spec, (has = spec.args.some((a) => a.type.kind === 'decimal' && !!a.type.fractionsSince)));
  return has;
}

/**
 * A fraction where the target release reads whole numbers only: keepalived 2.2 says "invalid
 * number '0.2'" for `interval 0.2` in a vrrp_script and keeps the default.
 */
function fractionsTooNew(model: ConfigModel, target: string, report: (r: Report) => void): void {
  for (const s of model.interp.all) {
    if (!s.spec || !s.args.some((w) => w.value.includes('.')) || !takesFractions(s.spec)) continue;
    s.spec.args.forEach((arg, i) => {
      const t = arg.type;
      const w = s.args[i];
      if (t.kind !== 'decimal' || !t.fractionsSince || !w || !w.value.includes('.') || targetHas(target, t.fractionsSince)) return;
      if (s.issues.some((x) => x.word === w)) return;
      report({
        uri: w.uri,
        range: w.range,
        message: `Invalid value '${w.value}' for '${s.keyword.value}': ${targetName(target)} reads whole ${t.unit === 's' ? 'seconds' : 'numbers'} only, reports "invalid number '${w.value}'" and keeps the default${s.spec?.default ? ` (${s.spec.default})` : ''}. Fractions are accepted from keepalived ${t.fractionsSince}; set keepalived.targetVersion (--target-version) if the nodes run it.`,
      });
    });
  }
}

/** "Cannot specify label for IPv6 addresses (X) - ignoring label": Linux labels IPv4 addresses only. */
function ipv6Labels(model: ConfigModel, report: (r: Report) => void): void {
  for (const inst of model.instances) {
    for (const vip of [...inst.vips, ...inst.excludedVips]) {
      if (vip.family !== 6) continue;
      const label = vip.line.words.find((w, i) => i > 0 && w.value === 'label');
      if (!label) continue;
      report({
        uri: label.uri,
        range: label.range,
        severity: 'warning',
        message: `keepalived ignores 'label' on the IPv6 address ${vip.address}: Linux labels IPv4 addresses only.`,
      });
    }
  }
}

const family = (ip: string | undefined): 4 | 6 | undefined => (ip === undefined ? undefined : isIPv4(ip) ? 4 : isIPv6(ip) ? 6 : undefined);
/** The first argument of the last child of `s` written with one of `keywords`. */
function lastArg(s: Statement, ...keywords: string[]): string | undefined {
  const children = s.children;
  if (!children) return undefined;
  for (let i = children.length - 1; i >= 0; i--) if (keywords.includes(children[i].keyword.value)) return children[i].args[0]?.value;
  return undefined;
}

/**
 * "Address family of virtual server and real server X don't match - skipping real server": a real
 * server must have the virtual server's family (for fwmark and group, the first real server's),
 * unless it is reached by tunnelling.
 */
function realServerFamilies(model: ConfigModel, report: (r: Report) => void): void {
  for (const vs of model.virtualServers) {
    const declared = lastArg(vs.stmt, 'ip_family');
    let fam = family(vs.stmt.args[0]?.value) ?? (declared === 'inet' ? 4 : declared === 'inet6' ? 6 : undefined);
    const method = lastArg(vs.stmt, 'lb_kind', 'lvs_method');
    for (const rs of vs.realServers) {
      if ((lastArg(rs, 'lvs_method') ?? method)?.toUpperCase() === 'TUN') continue;
      const ip = rs.args[0];
      const rsFam = family(ip?.value);
      if (!ip || rsFam === undefined) continue;
      if (fam === undefined) fam = rsFam;
      else if (rsFam !== fam) {
        report({
          uri: ip.uri,
          range: ip.range,
          message: `Real server ${ip.value} is IPv${rsFam} but the virtual server is IPv${fam}: keepalived skips the real server (only TUN forwarding can mix address families).`,
        });
      }
    }
  }
}
