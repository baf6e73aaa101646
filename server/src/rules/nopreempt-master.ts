import { isMaster } from '../model/effective';
import type { FileRule } from './rule';

export const nopreemptMaster: FileRule = {
  id: 'nopreempt-master',
  severity: 'warning',
  scope: 'block',
  description: 'nopreempt with state MASTER: keepalived clears nopreempt.',
  check({ model, report }) {
    for (const inst of model.instances) {
      const state = inst.state;
      if (!inst.nopreempt || !state || !isMaster(inst)) continue;
      report.at(
        inst.nopreempt.keyword,
        `${inst.name}: nopreempt does not work with initial state MASTER; keepalived clears it. Use state BACKUP on every node for non-preemptive failover.`,
        state.word.origin ? undefined : [{ title: 'Set state BACKUP', edits: [{ uri: state.word.uri, range: state.word.range, newText: 'BACKUP' }], preferred: true }],
        { related: [{ uri: state.word.uri, range: state.word.range, message: 'state MASTER' }] },
      );
    }
  },
};
