import type { FileRule } from './rule';

export const missingBlock: FileRule = {
  id: 'missing-block',
  severity: 'error',
  description: "A block keyword (vrrp_instance, virtual_ipaddress...) without its '{'.",
  check({ model, report }) {
    for (const s of model.interp.missingOpens) {
      const values = s.spec?.block === 'values';
      report({
        uri: s.keyword.uri,
        range: s.keyword.range,
        // keepalived only logs a missing '{' before a value block, but still reads up to the next '}'.
        severity: values ? 'warning' : 'error',
        message: `'${s.keyword.value}' opens a block but no '{' follows: keepalived reads the next lines as its ${values ? 'values' : 'keywords'} up to the next '}'.`,
      });
    }
  },
};
