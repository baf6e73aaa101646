// keepalived's own warnings on the lines of virtual_routes/static_routes and virtual_rules/
// static_rules (alloc_route, alloc_rule): a route it cannot track, a rule without a preference,
// and the deprecated `gw` and `or` spellings.
import type { ValueLine } from '../parser/statements';
import type { Word } from '../parser/syntax';
import type { FileRule, Report } from './rule';
import { replaceWordFix } from './word-edit';

const ROUTE_BLOCKS = new Set(['virtual_routes', 'static_routes']);
const RULE_BLOCKS = new Set(['virtual_rules', 'static_rules']);
/** Options whose value could be spelt `gw` or `or` (a table or interface name). */
const TAKES_NAME = new Set(['table', 'dev', 'oif', 'vrf', 'protocol', 'scope', 'realms', 'tos', 'dsfield', 'iif', 'track_group']);

function checkRoute(line: ValueLine, report: (r: Report) => void): void {
  const words = line.words;
  // keepalived reads the words up to `nexthop` itself; the next hops' own `dev` does not count.
  const hop = words.findIndex((w) => w.value === 'nexthop');
  const head = hop < 0 ? words : words.slice(0, hop);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0 && TAKES_NAME.has(words[i - 1].value)) continue;
    if (w.value === 'gw') {
      report({
        uri: w.uri,
        range: w.range,
        message: "'gw' is deprecated for routes: keepalived warns and reads it as 'via'.",
        tags: ['deprecated'],
        fixes: replaceWordFix(w, "Replace with 'via'", 'via'),
      });
    } else if (w.value === 'or') {
      report({
        uri: w.uri,
        range: w.range,
        message: "'or' is deprecated for routes: keepalived warns. Write the two gateways as next hops: 'nexthop via A nexthop via B'.",
        tags: ['deprecated'],
      });
    }
  }
  if (head.some((w) => w.value === 'dev' || w.value === 'oif' || w.value === 'no_track')) return;
  const first = words[0] as Word;
  report({
    uri: first.uri,
    range: first.range,
    message:
      "keepalived cannot track this route without 'dev' (before any 'nexthop'): it warns and does not restore the route if it is deleted. Add 'dev IFNAME', or 'no_track' if that is what you mean.",
  });
}

/** alloc_rule(): the words that give a rule its action. */
const RULE_ACTIONS: ReadonlySet<string> = new Set(['table', 'lookup', 'l3mdev', 'goto', 'nop', 'blackhole', 'unreachable', 'prohibit']);
const RULE_PREFERENCE: ReadonlySet<string> = new Set(['preference', 'order', 'priority']);

function checkRule(line: ValueLine, report: (r: Report) => void): void {
  const words = line.words;
  const first = words[0] as Word;
  const has = (names: ReadonlySet<string>) => words.some((w, i) => names.has(w.value) && !(i > 0 && TAKES_NAME.has(words[i - 1].value)));
  if (!has(RULE_ACTIONS)) {
    report({
      uri: first.uri,
      range: first.range,
      severity: 'error',
      message: 'This rule has no action (table/lookup, goto, nop, blackhole, unreachable, prohibit or l3mdev): keepalived ignores it.',
    });
  }
  if (has(RULE_PREFERENCE)) return;
  report({
    uri: first.uri,
    range: first.range,
    message:
      "This rule has no 'preference': keepalived picks one (counting down from 16384, per address family) and warns. Give every rule an explicit preference so that their order is the one meant.",
  });
}

export const routeAdvice: FileRule = {
  id: 'route-advice',
  severity: 'warning',
  scope: 'block',
  description:
    "keepalived's checks of virtual/static routes and rules: a route it cannot track (no 'dev'), a rule without a preference, a rule without an action (an error: keepalived ignores it), the deprecated 'gw' and 'or' spellings.",
  check({ model, report }) {
    for (const s of model.interp.all) {
      if (!s.spec || s.spec.block !== 'values' || !s.values) continue;
      const k = s.keyword.value;
      const route = ROUTE_BLOCKS.has(k);
      if (!route && !RULE_BLOCKS.has(k)) continue;
      for (const line of s.values) {
        if (line.words.length === 0 || line.words[0].value === '{') continue;
        if (route) checkRoute(line, report);
        else checkRule(line, report);
      }
    }
  },
};
