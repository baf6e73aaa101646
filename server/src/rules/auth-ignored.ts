import { effectiveVersion } from '../model/effective';
import type { FileRule } from './rule';

export const authIgnored: FileRule = {
  id: 'auth-ignored',
  severity: 'warning',
  scope: 'file',
  description: 'authentication under VRRP version 3 or vrrp_strict, where keepalived ignores it.',
  check({ model, report }) {
    for (const inst of model.instances) {
      const auth = inst.authentication;
      if (!auth) continue;
      const version = effectiveVersion(inst, model);
      let why: string | undefined;
      if (version === 3) why = inst.vips[0]?.family === 6 ? 'IPv6 instances run VRRP version 3, which has no authentication' : 'VRRP version 3 has no authentication';
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
