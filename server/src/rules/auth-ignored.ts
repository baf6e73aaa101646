import type { FileRule } from './rule';

export const authIgnored: FileRule = {
  id: 'auth-ignored',
  severity: 'warning',
  description: 'authentication under VRRP version 3 or vrrp_strict, where keepalived ignores it.',
  check({ model, report }) {
    for (const inst of model.instances) {
      const auth = inst.authentication;
      if (!auth) continue;
      const version = inst.version?.value ?? model.vrrpVersion?.value ?? 2;
      let why: string | undefined;
      if (version === 3) why = 'VRRP version 3 has no authentication';
      else if (model.vrrpStrict) why = 'vrrp_strict mode does not allow authentication';
      if (!why) continue;
      report({
        uri: auth.stmt.keyword.uri,
        range: auth.stmt.keyword.range,
        message: `${inst.name}: ${why}; keepalived ignores this authentication block.`,
        tags: ['unnecessary'],
      });
    }
  },
};
