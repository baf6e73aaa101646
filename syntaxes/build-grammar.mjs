#!/usr/bin/env node
// Generates syntaxes/keepalived.tmLanguage.json from keepalived's keyword tables.
//
// Usage:
//   node syntaxes/build-grammar.mjs [--ref DIR] [--check]
//
//   --ref DIR   directory holding keepalived-keywords.tsv and keepalived-blocks.tsv
//               (default: $KEEPALIVED_REFERENCE, else ../shared/reference next to the repo)
//   --check     do not write; exit 1 when the committed grammar differs from the generated one
//   --coverage DIR
//               do not write; exit 1 unless every scope the grammar can emit is asserted
//               (positively) in some vscode-tmgrammar-test file DIR/*.conf
//
// The tables list every keyword keepalived's parser registers (column 2 of
// keepalived-keywords.tsv) and which keywords open a block (last path segment of
// keepalived-blocks.tsv). Everything else in the grammar is hand-written below.

import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const outFile = join(here, 'keepalived.tmLanguage.json');

const args = process.argv.slice(2);
const refIdx = args.indexOf('--ref');
const refDir =
  refIdx >= 0 ? resolve(args[refIdx + 1]) :
  process.env.KEEPALIVED_REFERENCE ? resolve(process.env.KEEPALIVED_REFERENCE) :
  resolve(repoRoot, '..', 'shared', 'reference');
const checkOnly = args.includes('--check');
const covIdx = args.indexOf('--coverage');
const coverageDir = covIdx >= 0 ? resolve(args[covIdx + 1] ?? 'test/grammar') : null;

function readTsv(name) {
  const file = join(refDir, name);
  if (!existsSync(file)) {
    console.error(`build-grammar: ${file} not found (pass --ref DIR or set KEEPALIVED_REFERENCE)`);
    process.exit(2);
  }
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const cols = header.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

// ---------------------------------------------------------------------------
// Word lists

const keywordRows = readTsv('keepalived-keywords.tsv');
const blockRows = readTsv('keepalived-blocks.tsv');

const allKeywords = new Set(keywordRows.map((r) => r.keyword).filter(Boolean));
const blockKeywords = new Set(blockRows.map((r) => r.block_path.split('/').pop()).filter(Boolean));
for (const b of blockKeywords) allKeywords.add(b);

/** Blocks whose first argument is a user-chosen name. */
const namedSections = ['vrrp_instance', 'vrrp_sync_group', 'virtual_server_group', 'track_group'];
/** Tracker definitions: their names are referenced from track_* blocks. */
const namedTrackers = ['vrrp_script', 'vrrp_track_process', 'vrrp_track_file', 'track_file', 'bfd_instance'];
for (const k of [...namedSections, ...namedTrackers]) {
  if (!blockKeywords.has(k)) throw new Error(`named block ${k} missing from keepalived-blocks.tsv`);
}

const includeKeywords = ['include', 'includer', 'includem', 'includew', 'includeb', 'includea'];

const plainKeywords = [...allKeywords].filter((k) => !blockKeywords.has(k));

const enumConstants = [
  // vrrp_instance state / authentication
  'MASTER', 'BACKUP', 'PASS', 'AH',
  // lvs_method / lb_kind
  'NAT', 'DR', 'TUN',
  // lvs_sched / lb_algo
  'rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'mh', 'dh', 'fo', 'ovf', 'sed', 'nq', 'twos',
  // protocol
  'TCP', 'UDP', 'SCTP',
  // tunnel_type
  'ipip', 'gue', 'gre',
  // ip_family / family
  'inet', 'inet6',
];
const boolConstants = ['on', 'off', 'true', 'false', 'yes', 'no'];

/** Options that follow an address in virtual_ipaddress / routes / rules lines. */
const ipOptions = [
  'dev', 'brd', 'broadcast', 'scope', 'label', 'peer', 'via', 'src', 'table', 'metric',
  'preferred_lft', 'no_track', 'home', 'nodad', 'noprefixroute', 'autojoin', 'track_group',
  'blackhole', 'unreachable', 'prohibit', 'throw', 'onlink', 'from', 'to', 'iif', 'oif',
  'fwmark', 'tos', 'uidrange', 'goto', 'l3mdev',
];

// ---------------------------------------------------------------------------
// Regex helpers

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first so that the alternation never prefers a prefix. */
const alt = (words) => [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(esc).join('|');

/** A statement starts at a line start, at the anchor left by a prefix region (\G), or after a brace
 * that is not the `{` of `${NAME}`. */
const STMT = '(?:^|\\G|(?<=^\\{|[^$]\\{|\\}))\\s*';
/** A word ends at whitespace, a brace, a comment start or the end of the line. */
const END = '(?=[\\s{}#!]|$)';
/** Value tokens may also sit inside ~SEQ(...) argument lists. */
const VSTART = '(?<![^\\s{(,=])';
const VEND = '(?=[\\s{}#!,)]|$)';
const NAME_CHARS = '(?:[^\\s{}#!"$\\\\]|\\$\\{[A-Za-z_]\\w*\\}|\\$[A-Za-z_]\\w*)+';
const IPV4 = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}';
const H = '[0-9A-Fa-f]{1,4}';
const IPV6 =
  `(?:(?:${H}:){7}${H}` +
  `|(?:${H}:){6}${IPV4}` +
  `|(?=[0-9A-Fa-f:.]*::)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:${IPV4}|${H})?)`;

const variablesInName = [{ include: '#variable' }];

// ---------------------------------------------------------------------------
// Grammar

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Keepalived',
  scopeName: 'source.keepalived',
  comment: 'GENERATED by syntaxes/build-grammar.mjs from keepalived-keywords.tsv / keepalived-blocks.tsv - do not edit by hand.',
  fileTypes: ['keepalived.conf'],
  firstLineMatch: '^! Configuration File for keepalived',
  patterns: [{ include: '#conditional' }, { include: '#statement' }],
  repository: {
    conditional: {
      comment: '@ID / @^ID at the start of a line: the rest of the line only applies when keepalived runs with (or without) -i ID.',
      begin: '^\\s*((@\\^?)([^\\s#!]+))(?=\\s|$)',
      beginCaptures: {
        1: { name: 'keyword.control.conditional.keepalived' },
        2: { name: 'punctuation.definition.conditional.keepalived' },
        3: { name: 'entity.name.tag.config-id.keepalived' },
      },
      end: '$',
      patterns: [{ include: '#statement' }],
    },
    statement: {
      patterns: [
        { include: '#definition' },
        { include: '#sequence' },
        { include: '#include' },
        { include: '#named-block' },
        { include: '#virtual-server' },
        { include: '#block-keyword' },
        { include: '#keyword' },
        { include: '#values' },
      ],
    },
    definition: {
      comment: '$NAME=VALUE parameter definition (only whitespace or an @ID prefix may precede the $).',
      begin: '(?:^|\\G)\\s*((\\$)([A-Za-z_]\\w*))\\s*(=)',
      beginCaptures: {
        1: { name: 'variable.other.definition.keepalived' },
        2: { name: 'punctuation.definition.variable.keepalived' },
        4: { name: 'keyword.operator.assignment.keepalived' },
      },
      end: '$',
      contentName: 'meta.definition.value.keepalived',
      patterns: [{ include: '#statement' }],
    },
    sequence: {
      comment: '~SEQ(var, start, step, end) / ~SEQx(...) / ~LST(var, v1, v2...): the rest of the line is repeated.',
      begin: '(~(?:SEQx?|LST))(\\()([^()]*)(\\))',
      beginCaptures: {
        1: { name: 'keyword.control.sequence.keepalived' },
        2: { name: 'punctuation.section.parens.begin.keepalived' },
        3: { patterns: [{ include: '#sequence-args' }] },
        4: { name: 'punctuation.section.parens.end.keepalived' },
      },
      end: '$',
      patterns: [{ include: '#statement' }],
    },
    'sequence-args': {
      patterns: [
        {
          match: '(?<=\\()\\s*([A-Za-z_]\\w*)',
          captures: { 1: { name: 'variable.parameter.sequence.keepalived' } },
        },
        {
          match: '(?<=\\()\\s*(\\{)([^}]*)(\\})',
          captures: {
            1: { name: 'punctuation.section.group.begin.keepalived' },
            2: { patterns: [{ match: '[A-Za-z_]\\w*', name: 'variable.parameter.sequence.keepalived' }, { include: '#comma' }] },
            3: { name: 'punctuation.section.group.end.keepalived' },
          },
        },
        { match: '\\{', name: 'punctuation.section.group.begin.keepalived' },
        { match: '\\}', name: 'punctuation.section.group.end.keepalived' },
        { include: '#comma' },
        { include: '#string' },
        { include: '#variable' },
        { include: '#ip-address' },
        { include: '#number' },
      ],
    },
    comma: { match: ',', name: 'punctuation.separator.comma.keepalived' },
    include: {
      comment: 'include FILE and its checked variants includer/includem/includew/includeb/includea.',
      match: `${STMT}(${alt(includeKeywords)})(?:\\s+(?:("[^"]*")|([^\\s#!"]+)))?${END}`,
      captures: {
        1: { name: 'keyword.control.import.keepalived' },
        2: { name: 'string.quoted.double.path.keepalived' },
        3: { name: 'string.unquoted.path.keepalived' },
      },
    },
    'named-block': {
      patterns: [
        {
          match: `${STMT}(${alt(namedSections)})\\s+(${NAME_CHARS})${END}`,
          captures: {
            1: { name: 'storage.type.block.keepalived' },
            2: { name: 'entity.name.section.keepalived', patterns: variablesInName },
          },
        },
        {
          match: `${STMT}(${alt(namedTrackers)})\\s+(${NAME_CHARS})${END}`,
          captures: {
            1: { name: 'storage.type.block.keepalived' },
            2: { name: 'entity.name.function.keepalived', patterns: variablesInName },
          },
        },
      ],
    },
    'virtual-server': {
      comment: 'virtual_server fwmark N / virtual_server group NAME (the IP PORT form is handled by the generic rules).',
      match: `${STMT}(virtual_server)\\s+(?:(fwmark)\\s+(\\d+)|(group)\\s+(${NAME_CHARS}))${END}`,
      captures: {
        1: { name: 'storage.type.block.keepalived' },
        2: { name: 'storage.modifier.keepalived' },
        3: { name: 'constant.numeric.keepalived' },
        4: { name: 'storage.modifier.keepalived' },
        5: { name: 'entity.name.section.keepalived', patterns: variablesInName },
      },
    },
    'block-keyword': {
      comment: `Keywords that open a { } block (${blockKeywords.size}).`,
      match: `${STMT}(${alt([...blockKeywords])})${END}`,
      captures: { 1: { name: 'storage.type.block.keepalived' } },
    },
    keyword: {
      comment: `Every other keyword keepalived registers (${plainKeywords.length}); only at the start of a statement.`,
      match: `${STMT}(${alt(plainKeywords)})${END}`,
      captures: { 1: { name: 'keyword.other.keepalived' } },
    },
    values: {
      patterns: [
        { include: '#escape' },
        { include: '#line-continuation' },
        { include: '#comment' },
        { include: '#string' },
        { include: '#variable' },
        { include: '#brace' },
        { include: '#ip-address' },
        { include: '#number' },
        { include: '#constant' },
        { include: '#ip-option' },
      ],
    },
    escape: {
      comment: 'Outside quotes \\# and \\! stand for a literal # or ! rather than starting a comment.',
      match: '\\\\[#!"\\\\]',
      name: 'constant.character.escape.keepalived',
    },
    'line-continuation': {
      comment: 'A trailing \\ continues a multi-line $NAME= definition.',
      match: '\\\\(?=\\s*(?:[#!].*)?$)',
      name: 'constant.character.escape.line-continuation.keepalived',
    },
    comment: {
      patterns: [
        {
          match: '(#).*$',
          name: 'comment.line.number-sign.keepalived',
          captures: { 1: { name: 'punctuation.definition.comment.keepalived' } },
        },
        {
          match: '(!).*$',
          name: 'comment.line.exclamation.keepalived',
          captures: { 1: { name: 'punctuation.definition.comment.keepalived' } },
        },
      ],
    },
    string: {
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.keepalived' } },
      end: '(")|$',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.keepalived' } },
      name: 'string.quoted.double.keepalived',
      patterns: [
        { match: '\\\\.', name: 'constant.character.escape.keepalived' },
        { include: '#variable' },
      ],
    },
    variable: {
      patterns: [
        {
          comment: 'Pre-defined definitions: ${_PWD} ${_INSTANCE} ${_RANDOM [MIN [MAX]]} ${_ENV VAR} ${_HASH} ${_BANG}',
          match: '(\\$\\{)(_PWD|_INSTANCE|_RANDOM|_ENV|_HASH|_BANG)(?:\\s+([^}]*))?(\\})',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.keepalived' },
            2: { name: 'variable.language.keepalived' },
            3: { patterns: [{ include: '#number' }] },
            4: { name: 'punctuation.definition.variable.end.keepalived' },
          },
        },
        {
          match: '(\\$\\{)([A-Za-z_]\\w*)(\\})',
          captures: {
            1: { name: 'punctuation.definition.variable.begin.keepalived' },
            2: { name: 'variable.other.keepalived' },
            3: { name: 'punctuation.definition.variable.end.keepalived' },
          },
        },
        {
          comment: 'Unbraced $NAME is only substituted when followed by whitespace, "," or ")" or at the end of the line.',
          match: '(\\$)(_PWD|_INSTANCE|_RANDOM|_ENV|_HASH|_BANG)(?=[\\s,)#!]|$)',
          captures: {
            1: { name: 'punctuation.definition.variable.keepalived' },
            2: { name: 'variable.language.keepalived' },
          },
        },
        {
          match: '(\\$)([A-Za-z_]\\w*)(?=[\\s,)#!]|$)',
          captures: {
            1: { name: 'punctuation.definition.variable.keepalived' },
            2: { name: 'variable.other.keepalived' },
          },
        },
      ],
    },
    brace: {
      patterns: [
        { match: '\\{', name: 'punctuation.section.block.begin.keepalived' },
        { match: '\\}', name: 'punctuation.section.block.end.keepalived' },
      ],
    },
    'ip-address': {
      patterns: [
        {
          match: `${VSTART}(${IPV6})(?:(-)([0-9A-Fa-f]{1,4}))?(?:(/)(\\d{1,3}))?${VEND}`,
          name: 'constant.numeric.ip.v6.keepalived',
          captures: {
            2: { name: 'punctuation.separator.range.keepalived' },
            4: { name: 'punctuation.separator.prefix.keepalived' },
          },
        },
        {
          match: `${VSTART}(${IPV4})(?:(-)(\\d{1,3}))?(?:(/)(\\d{1,2}))?${VEND}`,
          name: 'constant.numeric.ip.v4.keepalived',
          captures: {
            2: { name: 'punctuation.separator.range.keepalived' },
            4: { name: 'punctuation.separator.prefix.keepalived' },
          },
        },
      ],
    },
    number: {
      match: `${VSTART}-?(?:0[xX][0-9A-Fa-f]+|\\d+(?:\\.\\d+)?|\\.\\d+)${VEND}`,
      name: 'constant.numeric.keepalived',
    },
    constant: {
      patterns: [
        { match: `${VSTART}(?:${alt(boolConstants)})${VEND}`, name: 'constant.language.boolean.keepalived' },
        { match: `${VSTART}(?:${alt(enumConstants)})${VEND}`, name: 'constant.language.keepalived' },
      ],
    },
    'ip-option': {
      comment: 'Options after an address in virtual_ipaddress / virtual_routes / virtual_rules / static_* blocks.',
      match: `(?<=\\s)(?:${alt(ipOptions)})(?=\\s)`,
      name: 'support.constant.ip-option.keepalived',
    },
  },
};

const text = JSON.stringify(grammar, null, 2) + '\n';

/** Every scope name the grammar can emit (name / contentName, including captures). */
function emittedScopes(node, out = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => emittedScopes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'name' || k === 'contentName') && typeof v === 'string' && node !== grammar) out.add(v);
      else emittedScopes(v, out);
    }
  }
  return out;
}

if (coverageDir) {
  const files = readdirSync(coverageDir).filter((f) => f.endsWith('.conf'));
  const asserted = new Set();
  for (const f of files) {
    for (const line of readFileSync(join(coverageDir, f), 'utf8').split('\n')) {
      const m = /^#\s*(?:\^+|<~*-+)\s+(.*)$/.exec(line);
      if (!m) continue;
      const positive = m[1].split(/\s+-\s+/)[0];
      for (const sc of positive.split(/\s+/)) if (sc) asserted.add(sc);
    }
  }
  const scopes = [...emittedScopes(grammar)].sort();
  const missing = scopes.filter((sc) => !asserted.has(sc));
  console.log(`build-grammar: ${scopes.length} scopes, ${scopes.length - missing.length} asserted in ${files.length} test files`);
  if (missing.length) {
    console.error(`not asserted:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
} else if (checkOnly) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error('build-grammar: syntaxes/keepalived.tmLanguage.json is out of date; run node syntaxes/build-grammar.mjs');
    process.exit(1);
  }
  console.log('build-grammar: grammar is up to date');
} else {
  writeFileSync(outFile, text);
  console.log(
    `build-grammar: wrote ${outFile} (${blockKeywords.size} block keywords, ${plainKeywords.length} plain keywords)`,
  );
}
