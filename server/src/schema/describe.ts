// Human-readable descriptions of keywords, shared by --explain, hover and completion.
import { describeType } from './values';
import type { ArgSpec, KeywordSpec, LineSpec, OptionSpec } from './types';

function argText(a: ArgSpec): string {
  const t = `${a.name}${a.repeat ? '...' : ''}`;
  return a.optional ? `[${t}]` : t;
}

function optionText(o: OptionSpec): string {
  return `[${[o.name, ...o.args.map(argText)].join(' ')}]`;
}

export function lineSignature(l: LineSpec): string {
  return [...l.args.map(argText), ...(l.options ?? []).map(optionText)].join(' ');
}

/** `priority PRIORITY`, `virtual_server IP PORT | fwmark FWMARK | group NAME`. */
export function signature(spec: KeywordSpec): string {
  const forms = spec.forms?.length ? spec.forms : [spec];
  const lines = forms.map((f) => [spec.keyword, lineSignature(f)].filter(Boolean).join(' '));
  const sig = lines.join(' | ');
  return spec.block ? `${sig} { ... }` : sig;
}

/** `vrrp_instance > authentication` or `top level`. */
export function blockLabel(path: string): string {
  return path ? path.split('/').join(' > ') : 'top level';
}

export function argDetails(spec: KeywordSpec): string[] {
  const out: string[] = [];
  const forms = spec.forms?.length ? spec.forms : [spec];
  for (const f of forms) {
    for (const a of f.args) out.push(`${a.name}: ${describeType(a.type)}${a.optional ? ' (optional)' : ''}`);
    for (const o of f.options ?? []) {
      const args = o.args.map((a) => `${a.name} = ${describeType(a.type)}`).join(', ');
      out.push(`${o.name}${args ? ` ${args}` : ''}${o.doc ? `: ${o.doc}` : ''}`);
    }
  }
  const v = spec.valueLineForms?.length ? spec.valueLineForms : spec.valueLine ? [spec.valueLine] : [];
  for (const l of v) out.push(`each line: ${lineSignature(l)}`);
  return [...new Set(out)];
}

/** Plain-text explanation, as `keepalived-lint --explain` prints it. */
export function explainText(specs: readonly KeywordSpec[]): string {
  return specs
    .map((spec) => {
      const lines = [signature(spec), `  block: ${blockLabel(spec.path)}`];
      for (const a of argDetails(spec)) lines.push(`  ${a}`);
      if (spec.default !== undefined) lines.push(`  default: ${spec.default}`);
      if (spec.repeatable) lines.push('  may be repeated');
      if (spec.deprecated) lines.push(`  deprecated${spec.deprecated.replacement ? `: use ${spec.deprecated.replacement}` : ''}${spec.deprecated.note ? ` (${spec.deprecated.note})` : ''}`);
      if (spec.since) lines.push(`  since keepalived ${spec.since}`);
      if (spec.guard) lines.push(`  needs keepalived built with ${spec.guard}`);
      lines.push('', `  ${spec.doc}`);
      if (spec.example) lines.push(`  example: ${spec.example}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

/**
 * Build options keepalived's configure leaves off unless asked (`--enable-snmp`, `--enable-dbus`,
 * `--enable-json`, `--enable-bfd`, `--enable-regex`; distributions pass these flags themselves).
 * A default build has the rest (VRRP, LVS, VMAC, track_process...), so naming them says nothing.
 */
const OPT_IN_BUILD_OPTIONS = /(?<!!)\b_WITH_(SNMP|DBUS|JSON|BFD|REGEX_CHECK)\w*_/;

/** The build condition worth telling a user about: one that needs an option a default build lacks. */
export function notableGuard(guard: string | undefined): string | undefined {
  return guard && OPT_IN_BUILD_OPTIONS.test(guard) ? guard : undefined;
}

/** Markdown for hover and completion documentation. */
export function explainMarkdown(spec: KeywordSpec): string {
  const parts = ['```keepalived\n' + signature(spec) + '\n```', spec.doc];
  const facts: string[] = [`Block: \`${blockLabel(spec.path)}\``];
  const args = argDetails(spec);
  if (args.length) facts.push(...args.map((a) => `\`${a.split(':')[0]}\`${a.includes(':') ? ':' + a.slice(a.indexOf(':') + 1) : ''}`));
  if (spec.default !== undefined) facts.push(`Default: \`${spec.default}\``);
  if (spec.deprecated) facts.push(`**Deprecated**${spec.deprecated.replacement ? `: use \`${spec.deprecated.replacement}\`` : ''}`);
  if (spec.since) facts.push(`Since keepalived ${spec.since}`);
  const guard = notableGuard(spec.guard);
  if (guard) facts.push(`Needs keepalived built with \`${guard}\` (not in a default build)`);
  parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (spec.example) parts.push('```keepalived\n' + spec.example + '\n```');
  return parts.join('\n\n');
}
