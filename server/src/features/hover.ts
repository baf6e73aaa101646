// Hover: what a keyword means (the schema's explanation), and what keepalived makes of the value
// under the cursor: a truncated auth_pass, a rounded VRRPv2 advert_int, the priority a MASTER gets
// without one, a `$NAME`'s value, where a referenced name is defined.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import { DEFAULT_PRIORITY, isMaster, OWNER_PRIORITY } from '../model/effective';
import { AUTH_PASS_MAX, priorityFacts, effectiveVersion, instanceOf, instanceSummary, roundedAdvert } from './facts';
import { parseCondition } from '../parser/preprocess';
import type { Statement } from '../parser/statements';
import type { Word } from '../parser/syntax';
import { SCHEMA, type Schema } from '../schema';
import { blockLabel, explainMarkdown } from '../schema/describe';
import { describeType } from '../schema/values';
import { uriBasename } from '../workspace/uri';
import {
  recordedWalk,
  markdownLink,
  ownerOfArg,
  paramAt,
  statementOfKeyword,
  symbolAtWord,
  commentBefore,
  lineIndex,
  treeOf,
  wordAt,
  written,
} from './util';

export interface HoverOptions {
  schema?: Schema;
  /** Extra text about a vrrp_instance from the other nodes (e.g. its rank among its peers). */
  peerInfo?: (instanceName: string) => string | undefined;
  /**
   * The failover table (markdown) of the instance, or of every instance of this node tracking the
   * vrrp_script, when the node has peers.
   */
  failover?: (of: { instance: string } | { script: string }) => string | undefined;
}

/** The failover tables for a track_* entry: of its instance, or of the sync group's members. */
function trackEntryFailover(model: ConfigModel, owner: Statement, opts: HoverOptions): string[] {
  if (!opts.failover) return [];
  const inst = instanceOf(model, owner);
  if (inst) return [opts.failover({ instance: inst.name })].filter((x): x is string => !!x);
  const group = model.syncGroups.find((g) => g.stmt === owner.parent);
  return (group?.members ?? []).map((m) => opts.failover?.({ instance: m.name })).filter((x): x is string => !!x);
}

function md(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

/** Facts about the value a statement sets, from what keepalived does with it. */
function statementFacts(model: ConfigModel, s: Statement, opts: HoverOptions): string[] {
  const facts: string[] = [];
  const k = s.keyword.value;
  const inst = instanceOf(model, s);
  if (k === 'auth_pass') {
    const v = s.args[0]?.value;
    if (v !== undefined && v.length > AUTH_PASS_MAX) {
      facts.push(`This password is ${v.length} characters long: keepalived uses only the first ${AUTH_PASS_MAX} (effective length ${AUTH_PASS_MAX}), so only those have to match on the peers.`);
    }
  }
  if (inst && k === 'advert_int') {
    const v = Number(s.args[0]?.value);
    const version = effectiveVersion(inst, model);
    if (Number.isFinite(v) && version === 2 && !Number.isInteger(v)) {
      facts.push(`VRRPv2 adverts carry whole seconds: keepalived rounds ${s.args[0]?.value} to **${roundedAdvert(v)}** s. Use \`version 3\` for fractions.`);
    }
  }
  if (inst && (k === 'priority' || k === 'state')) {
    const p = priorityFacts(inst);
    if (k === 'state' && p.implicit) {
      facts.push(
        isMaster(inst)
          ? `No \`priority\` is set: a MASTER without priority gets **${OWNER_PRIORITY}** (address owner), which preempts every peer and cannot be lowered by tracking.`
          : `No \`priority\` is set: keepalived uses ${DEFAULT_PRIORITY}.`,
      );
    }
    if (k === 'priority') {
      if (p.value === OWNER_PRIORITY) facts.push('255 makes this router the address owner: it becomes MASTER at once and tracking cannot lower its priority.');
      facts.push('A MASTER without `priority` means 255; a BACKUP without it means 100.');
    }
    const peer = opts.peerInfo?.(inst.name);
    if (peer) facts.push(peer);
    const table = k === 'priority' ? opts.failover?.({ instance: inst.name }) : undefined;
    if (table) facts.push(table);
  }
  if (k === 'weight' && s.parent?.keyword.value === 'vrrp_script' && !s.parent.parent) {
    const name = s.parent.args[0]?.value;
    const table = name !== undefined ? opts.failover?.({ script: name }) : undefined;
    if (table) facts.push(table);
  }
  if (k === 'vrrp_instance' && inst) {
    facts.push(instanceSummary(model, inst, { version: true }));
    const peer = opts.peerInfo?.(inst.name);
    if (peer) facts.push(peer);
  }
  return facts;
}

function symbolText(model: ConfigModel, w: Word, opts: HoverOptions): string | undefined {
  const sym = symbolAtWord(model, w);
  if (!sym) return undefined;
  const defs = model.named.get(sym.target)?.get(w.value) ?? [];
  const refs = model.interp.symbols.filter((u) => u.role === 'reference' && u.target === sym.target && u.word.value === w.value);
  const lines: string[] = [];
  if (sym.role === 'definition') {
    lines.push(`Defines ${sym.target} \`${w.value}\`: referenced ${refs.length} time${refs.length === 1 ? '' : 's'} in this configuration.`);
    if (defs.length > 1) lines.push(`Also defined at ${defs.filter((d) => d !== w).map(markdownLink).join(', ')}.`);
    if (sym.target === 'vrrp_instance') {
      const peer = opts.peerInfo?.(w.value);
      if (peer) lines.push(peer);
    }
  } else if (defs.length) {
    lines.push(`${sym.target} \`${w.value}\`, defined at ${defs.map(markdownLink).join(', ')}.`);
  } else {
    lines.push(`No ${sym.target} named \`${w.value}\` is defined in this configuration: keepalived ignores the reference.`);
  }
  return lines.join('\n\n');
}

/** `The value`, or for one of several words `The virtual router id`: no placeholder jargon (PRIORITY, IFNAME); a literal word by its name. */
function argPhrase(name: string, severalWords: boolean): string {
  // a literal word of the line's form (`fwmark`, `group`) is named as written
  if (name !== name.toUpperCase()) return `**${name}**`;
  return severalWords ? `The ${name.toLowerCase().replace(/_/g, ' ')}` : 'The value';
}

function argText(model: ConfigModel, w: Word, opts: HoverOptions): string | undefined {
  const owner = ownerOfArg(model, w);
  const parts: string[] = [];
  if (owner?.stmt.spec) {
    const spec = owner.stmt.spec;
    const words = owner.line ? owner.line.words : owner.stmt.args;
    const walk = recordedWalk(owner.line ? owner.line.form : owner.stmt.form, words);
    const role = walk?.roles[owner.index];
    const where = owner.line ? `entry of \`${spec.keyword}\`` : `of \`${spec.keyword}\``;
    if (role?.kind === 'arg') {
      parts.push(`${argPhrase(role.arg.name, role.option !== undefined || words.length > 1)} ${role.option ? `(option \`${role.option.name}\`) ` : ''}${where}: ${describeType(role.arg.type)}.`);
    } else if (role?.kind === 'option') {
      parts.push(`Option \`${role.option.name}\` ${where}${role.option.doc ? `: ${role.option.doc}` : '.'}`);
    } else if (role?.kind === 'extra') {
      parts.push(`Extra word ${where}: keepalived ignores it.`);
    }
    if (!owner.line && owner.index === 0) parts.push(...statementFacts(model, owner.stmt, opts));
  }
  if (owner?.line && owner.index === 0 && /^track_(script|interface|file|process|bfd)$/.test(owner.stmt.keyword.value)) {
    parts.push(...trackEntryFailover(model, owner.stmt, opts));
  }
  const sym = symbolText(model, w, opts);
  if (sym) parts.push(sym);
  return parts.length ? parts.join('\n\n') : undefined;
}

function includeText(model: ConfigModel, w: Word): string | undefined {
  const inc = model.interp.includes.find((i) => i.keyword === w || i.words.includes(w));
  if (!inc) return undefined;
  const head = '```keepalived\ninclude PATTERN\n```\n\nReads the files matching the pattern at this point, in sorted order.';
  const targets = inc.targets.length
    ? inc.targets.map((t) => `- [${uriBasename(t)}](${t})`).join('\n')
    : 'No file matches this pattern: keepalived reads nothing here.';
  return `${head}\n\n${targets}`;
}

/**
 * The hover at a position of `uri`: keyword documentation, value facts, `$NAME` values and
 * reference targets. Never shows an auth_pass value.
 */
export function hover(model: ConfigModel, uri: string, position: Position, opts: HoverOptions = {}): Hover | null {
  const schema = opts.schema ?? SCHEMA;
  const tree = treeOf(model, uri);
  if (!tree) return null;
  if (commentBefore(tree, lineIndex(tree).offsetAt(position))) return null;

  const param = paramAt(tree, position);
  if (param) {
    const defs = model.interp.definitions.filter((d) => d.name === param.name);
    if (!defs.length) return md(`\`$${param.name}\` is not defined: keepalived leaves the text as written.`, param.range);
    const last = defs[defs.length - 1];
    const value = '```keepalived\n' + last.value + '\n```';
    const where = defs.map((d) => markdownLink(d.word)).join(', ');
    return md(`**$${param.name}** = \n\n${value}\n\nDefined at ${where}${defs.length > 1 ? ' (the definition before a line is the one it uses)' : ''}.`, param.range);
  }

  const w = wordAt(tree, position);
  if (!w || w.kind === 'brace' || !written(w)) return null;

  if (w.kind === 'conditional') {
    const c = parseCondition(w);
    return md(
      c.negated
        ? `Line read unless keepalived runs with \`-i ${c.id}\` (config id).`
        : `Line read only when keepalived runs with \`-i ${c.id}\` (config id; by default the host name).`,
      w.range,
    );
  }

  const inc = includeText(model, w);
  if (inc) return md(inc, w.range);

  const stmt = statementOfKeyword(model, w);
  if (stmt) {
    if (stmt.spec) {
      const facts = statementFacts(model, stmt, opts);
      return md([explainMarkdown(stmt.spec), ...facts].join('\n\n'), w.range);
    }
    const elsewhere = schema.named(w.value);
    const text = elsewhere.length
      ? `\`${w.value}\` is not valid in ${blockLabel(stmt.path) === 'top level' ? 'the top level' : `\`${blockLabel(stmt.path)}\``}: keepalived ignores it here. It belongs in ${elsewhere.map((s) => `\`${blockLabel(s.path)}\``).join(', ')}.`
      : `Unknown keyword \`${w.value}\`: keepalived ignores the line.`;
    return md(text, w.range);
  }

  const arg = argText(model, w, opts);
  return arg ? md(arg, w.range) : null;
}
