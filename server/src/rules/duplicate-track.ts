// The same interface, script, process or BFD tracked twice by one vrrp_instance or sync group,
// possibly in two separate track_* blocks: keepalived (alloc_track_*) reports the second and
// ignores it, weight included.
import { overlap } from '../parser/conditions';
import type { ValueLine } from '../parser/statements';
import type { FileRule } from './rule';
import { blockName } from './text';

const TRACK_LISTS = new Set(['track_interface', 'track_script', 'track_process', 'track_bfd']);
const OWNERS = new Set(['vrrp_instance', 'vrrp_sync_group']);

export const duplicateTrack: FileRule = {
  id: 'duplicate-track',
  severity: 'warning',
  scope: 'block',
  description: 'An interface, script, process or BFD instance tracked twice by one vrrp_instance or sync group: keepalived ignores the second.',
  check({ model, report }) {
    for (const owner of model.interp.all) {
      if (owner.path !== '' || !OWNERS.has(owner.keyword.value) || !owner.children) continue;
      const seen = new Map<string, ValueLine[]>();
      for (const list of owner.children) {
        if (!TRACK_LISTS.has(list.keyword.value) || !list.values) continue;
        for (const line of list.values) {
          const w = line.words[0];
          if (!w || w.value === '{' || w.value.includes('$')) continue;
          const key = `${list.keyword.value}\u0000${w.value}`;
          const earlier = seen.get(key) ?? [];
          const first = earlier.find((e) => overlap(e, line));
          if (first) {
            const f = first.words[0];
            report({
              uri: w.uri,
              range: w.range,
              message: `'${w.value}' is already in ${list.keyword.value} of ${blockName(owner)} (line ${f.range.start.line + 1}): keepalived reports the duplicate and ignores it, weight included.`,
              related: [{ uri: f.uri, range: f.range, message: `first '${w.value}'` }],
              tags: ['unnecessary'],
            });
          }
          earlier.push(line);
          seen.set(key, earlier);
        }
      }
    }
  },
};
