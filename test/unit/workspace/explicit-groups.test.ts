// The groups a user names (keepalived.clusters, # keepalived-peer:), as the server computes them
// again at every change with a cache, and with file names looked up instead of matched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readText } from '../../../server/src/model/read';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { explicitGroups, groupingCache, type NodeRoot } from '../../../server/src/workspace/explicit-groups';
import type { Node } from '../../../server/src/workspace/nodes';

function root(path: string, text = 'vrrp_instance VI_1 {\n}\n'): NodeRoot & { nodes: Node[] } {
  const uri = `file://${path}`;
  const model = readText(text, uri);
  return { tree: parseSyntax(text, uri), nodes: [{ id: uri, uri, label: path, model }] };
}

test('a peer directive naming a file and one matching it by a glob pair the same nodes', () => {
  const literal = [root('/ws/a/lb01.conf', '# keepalived-peer: lb02.conf\n'), root('/ws/a/lb02.conf'), root('/ws/a/lb03.conf')];
  const glob = [root('/ws/a/lb01.conf', '# keepalived-peer: lb02.co?f\n'), root('/ws/a/lb02.conf'), root('/ws/a/lb03.conf')];
  const groups = (roots: NodeRoot[]) => explicitGroups(roots.flatMap((r) => r.nodes), [], ['/ws'], roots);
  assert.deepEqual(groups(literal), [['file:///ws/a/lb01.conf', 'file:///ws/a/lb02.conf']]);
  assert.deepEqual(groups(glob), groups(literal));
  // A directive naming a file that is no node pairs nothing.
  assert.deepEqual(groups([root('/ws/a/lb01.conf', '# keepalived-peer: missing.conf\n'), root('/ws/a/lb02.conf')]), []);
});

test('groups computed with a kept cache, as the node set changes, are those of a fresh call', () => {
  const settings = [['a/**'], ['/ws/b/lb01.conf', 'b/lb02.conf']];
  const cache = groupingCache();
  let roots = [root('/ws/a/lb01.conf'), root('/ws/a/lb02.conf'), root('/ws/b/lb01.conf'), root('/ws/c/x.conf', '# keepalived-peer: ../b/lb02.conf\n')];
  const both = () => {
    const nodes = roots.flatMap((r) => r.nodes);
    const kept = explicitGroups(nodes, settings, ['/ws'], roots, cache);
    assert.deepEqual(kept, explicitGroups(nodes, settings, ['/ws'], roots));
    return kept;
  };
  assert.deepEqual(both(), [['file:///ws/a/lb01.conf', 'file:///ws/a/lb02.conf']]);
  // b/lb02 appears: the second setting group and the directive now pair it.
  roots = [...roots, root('/ws/b/lb02.conf')];
  assert.deepEqual(both(), [
    ['file:///ws/a/lb01.conf', 'file:///ws/a/lb02.conf'],
    ['file:///ws/b/lb01.conf', 'file:///ws/b/lb02.conf'],
    ['file:///ws/c/x.conf', 'file:///ws/b/lb02.conf'],
  ]);
  // a/lb02 is read again (a new node object): the cache does not keep the old one's answer.
  roots = roots.map((r) => (r.nodes[0].uri === 'file:///ws/a/lb02.conf' ? root('/ws/a/lb02.conf') : r));
  both();
});
