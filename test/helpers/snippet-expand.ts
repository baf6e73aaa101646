/**
 * Turns VS Code snippet bodies (snippets/keepalived.code-snippets) into the plain text a user gets
 * when accepting every default, and wraps that text into complete keepalived configurations that
 * `keepalived -t` (or our own linter) can check.
 *
 * Snippet syntax handled (https://code.visualstudio.com/docs/editor/userdefinedsnippets):
 *   $1  ${1}  ${1:default with ${2:nested} $3}  ${1|first,second|}  $0
 *   $VAR  ${VAR}  ${VAR:default}
 *   escapes \$ \} \\ in text and \, \| \\ inside choices.
 * Expansion rules: a placeholder's default is the text of the first occurrence of its tab stop that
 * has one; every other occurrence of that tab stop (mirror) gets the same text; a choice becomes its
 * first option; $0 and tab stops without any default become empty; variables take the value given
 * in `variables`, else their own default, else become empty. Transforms (${1/re/fmt/}) are rejected.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export interface SnippetDefinition {
  prefix: string | string[];
  description: string;
  body: string | string[];
  scope?: string;
}

export type SnippetFile = Record<string, SnippetDefinition>;

const here = dirname(fileURLToPath(import.meta.url));
export const SNIPPETS_FILE = resolve(here, '..', '..', 'snippets', 'keepalived.code-snippets');

export function loadSnippets(file: string = SNIPPETS_FILE): SnippetFile {
  return JSON.parse(readFileSync(file, 'utf8')) as SnippetFile;
}

export function bodyText(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}

// ---------------------------------------------------------------------------
// Parsing

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.parseAny(false);
    if (this.pos < this.src.length) throw this.error('unexpected "}"');
    return nodes;
  }

  private error(msg: string): Error {
    return new Error(`snippet syntax: ${msg} at offset ${this.pos} in ${JSON.stringify(this.src)}`);
  }

  /** Parses until end of input or (when nested) an unescaped '}' which is left unconsumed. */
  private parseAny(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
        continue;
      }
      if (c === '}' && nested) break;
      if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** At a '$': returns the construct, or null (and consumes nothing) when it is a literal '$'. */
  private parseDollar(): SnippetNode | null {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}/])/.exec(rest);
    if (!m) return null;
    const id = m[1];
    const isTabstop = /^\d+$/.test(id);
    const sep = m[2];
    this.pos += m[0].length;
    if (sep === '}') {
      return isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    }
    if (sep === '/') throw this.error('transforms are not supported');
    if (sep === '|') {
      if (!isTabstop) throw this.error('a choice needs a tab stop number');
      const choices = this.parseChoices();
      return { kind: 'tabstop', index: Number(id), choices };
    }
    const children = this.parseAny(true);
    if (this.src[this.pos] !== '}') throw this.error(`unterminated \${${id}:...}`);
    this.pos++;
    return isTabstop ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
  }

  private parseChoices(): string[] {
    const choices: string[] = [];
    let cur = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && [',', '|', '\\'].includes(this.src[this.pos + 1] ?? '')) {
        cur += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        choices.push(cur);
        cur = '';
        this.pos++;
        continue;
      }
      if (c === '|' && this.src[this.pos + 1] === '}') {
        choices.push(cur);
        this.pos += 2;
        return choices;
      }
      cur += c;
      this.pos++;
    }
    throw this.error('unterminated choice');
  }
}

export function parseSnippet(body: string | string[]): SnippetNode[] {
  return new Parser(bodyText(body)).parse();
}

// ---------------------------------------------------------------------------
// Expansion

export interface ExpandOptions {
  /** Values for $VARIABLES (TM_FILENAME, ...). */
  variables?: Record<string, string>;
}

function walk(nodes: SnippetNode[], fn: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    fn(n);
    if (n.kind !== 'text' && n.children) walk(n.children, fn);
  }
}

/** Every tab stop index with the number of times it occurs (mirrors count separately). */
export function tabStopOccurrences(body: string | string[]): Map<number, number> {
  const counts = new Map<number, number>();
  walk(parseSnippet(body), (n) => {
    if (n.kind === 'tabstop') counts.set(n.index, (counts.get(n.index) ?? 0) + 1);
  });
  return counts;
}

export function expandNodes(nodes: SnippetNode[], options: ExpandOptions = {}): string {
  // The first occurrence of each tab stop that carries a default defines it for all mirrors.
  const defaults = new Map<number, Extract<SnippetNode, { kind: 'tabstop' }>>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && (n.children || n.choices) && !defaults.has(n.index)) defaults.set(n.index, n);
  });

  const active = new Set<number>();
  const render = (list: SnippetNode[]): string => list.map(renderOne).join('');
  const renderTabstopDefault = (index: number): string => {
    const def = defaults.get(index);
    if (!def) return '';
    if (def.choices) return def.choices[0] ?? '';
    if (active.has(index)) throw new Error(`snippet tab stop $${index} contains itself`);
    active.add(index);
    try {
      return render(def.children ?? []);
    } finally {
      active.delete(index);
    }
  };
  function renderOne(n: SnippetNode): string {
    switch (n.kind) {
      case 'text':
        return n.value;
      case 'tabstop':
        return n.index === 0 ? '' : renderTabstopDefault(n.index);
      case 'variable':
        return options.variables?.[n.name] ?? (n.children ? render(n.children) : '');
    }
  }

  // Mirrors must agree: two occurrences giving different defaults is a bug in the snippet.
  walk(nodes, (n) => {
    if (n.kind !== 'tabstop' || n.index === 0 || (!n.children && !n.choices)) return;
    const first = renderTabstopDefault(n.index);
    const mine = n.choices ? (n.choices[0] ?? '') : render(n.children ?? []);
    if (mine !== first) {
      throw new Error(`snippet tab stop $${n.index} has conflicting defaults ${JSON.stringify(first)} and ${JSON.stringify(mine)}`);
    }
  });

  return render(nodes);
}

/** Plain text of a snippet body with every placeholder at its default. */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  return expandNodes(parseSnippet(body), options);
}

// ---------------------------------------------------------------------------
// keepalived context

/** Marker comment that separates the node files of a multi-node snippet. */
export const NODE_MARKER = /^#\s*=+\s*(MASTER|BACKUP)\s+node\b.*$/;

/** Splits expanded text at NODE_MARKER lines; a text without markers is one part. */
export function splitNodes(text: string): { node?: string; text: string }[] {
  const lines = text.split('\n');
  const parts: { node?: string; text: string[] }[] = [];
  let cur: { node?: string; text: string[] } = { text: [] };
  for (const line of lines) {
    const m = NODE_MARKER.exec(line.trim());
    if (m) {
      if (cur.text.some((l) => l.trim() !== '') || cur.node) parts.push(cur);
      cur = { node: m[1], text: [line] };
    } else cur.text.push(line);
  }
  parts.push(cur);
  return parts.map((p) => ({ node: p.node, text: p.text.join('\n') }));
}

/** Keywords that may start a statement at the top level of keepalived.conf. */
const TOP_LEVEL = new Set([
  'global_defs', 'vrrp_instance', 'vrrp_script', 'vrrp_sync_group', 'vrrp_track_process', 'vrrp_track_file',
  'track_file', 'track_group', 'garp_group', 'static_ipaddress', 'static_routes', 'static_rules',
  'linkbeat_interfaces', 'interface_up_down_delays', 'virtual_server', 'virtual_server_group', 'SSL',
  'bfd_instance', 'net_namespace', 'include', 'includer', 'includem', 'includew', 'includeb', 'includea',
]);

/** First keyword of the text, ignoring blank lines, comments and @ID prefixes. */
export function firstKeyword(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#!].*$/, '').trim().replace(/^@\^?\S+\s+/, '');
    if (line) return line.split(/[\s{]/)[0];
  }
  return undefined;
}

const SCRIPT_SECURITY = ['global_defs {', '\tenable_script_security', '\tscript_user root', '}', ''].join('\n');

/** A vrrp_script named like the defaults of the track-script snippet, for fragments that reference it. */
const CONTEXT_SCRIPT = ['vrrp_script chk_service {', '\tscript "/usr/bin/true"', '\tinterval 2', '}', ''].join('\n');

function contextInstance(name: string, vrid: number, body: string): string {
  return [
    `vrrp_instance ${name} {`,
    '\tstate BACKUP',
    '\tinterface eth0',
    `\tvirtual_router_id ${vrid}`,
    '\tpriority 100',
    '\tvirtual_ipaddress {',
    `\t\t192.0.2.${vrid}/32`,
    '\t}',
    body,
    '}',
    '',
  ].join('\n');
}

export interface SnippetConfig {
  /** snippet name, plus the node (MASTER/BACKUP) for multi-node snippets */
  label: string;
  /** complete keepalived.conf text */
  text: string;
  /** the expanded snippet text contained in `text` */
  snippetText: string;
}

/**
 * Complete configurations for one snippet: its expansion (one per node for multi-node snippets),
 * with the minimal context keepalived needs: script security settings when the snippet has none,
 * an enclosing vrrp_instance for instance-level fragments, and the instances a sync group names.
 */
export function snippetConfigs(name: string, snippet: SnippetDefinition, options: ExpandOptions = {}): SnippetConfig[] {
  const expanded = expandSnippet(snippet.body, options);
  return splitNodes(expanded).map((part, i, all) => {
    const label = all.length > 1 ? `${name} [${part.node ?? `part ${i + 1}`}]` : name;
    const kw = firstKeyword(part.text);
    let text: string;
    if (kw && TOP_LEVEL.has(kw)) {
      text = part.text.trimEnd() + '\n';
      const groupNames = /vrrp_sync_group[^{]*\{\s*group\s*\{([^}]*)\}/.exec(text)?.[1];
      if (groupNames) {
        let vrid = 240;
        for (const member of groupNames.split(/\s+/).filter(Boolean)) {
          if (!new RegExp(`^\\s*vrrp_instance\\s+${member.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'm').test(text)) {
            text += '\n' + contextInstance(member, vrid++, '');
          }
        }
      }
    } else {
      const indented = part.text.trimEnd().split('\n').map((l) => (l ? `\t${l}` : l)).join('\n');
      text = CONTEXT_SCRIPT + '\n' + contextInstance('VI_CONTEXT', 250, indented);
    }
    if (!/^\s*global_defs\b/m.test(text)) text = SCRIPT_SECURITY + '\n' + text;
    return { label, text, snippetText: part.text };
  });
}
