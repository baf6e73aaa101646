// A line scanner for keepalived.conf that is just enough for the client's own text work (the
// peer-config transformation and the diff fallback). It keeps columns, so edits can rewrite single
// words and leave everything else, comments included, as it was. No vscode import: unit-tested.

export interface ConfWord {
  text: string;
  /** Column of the first character and just past the last, in the line. */
  start: number;
  end: number;
}

export interface BlockRef {
  keyword: string;
  /** The word after the keyword (vrrp_instance VI_1), when there is one. */
  name?: string;
  /** Line of the block's keyword. */
  line: number;
}

export interface ConfLine {
  line: number;
  text: string;
  /** Words before any comment; '{' and '}' are words of their own. */
  words: ConfWord[];
  /** Enclosing blocks at the start of the line, outermost first. */
  path: BlockRef[];
  /** The line's leading white space. */
  indent: string;
}

/** keepalived starts a comment at a '!' or '#' outside quotes. */
const COMMENT = /[!#]/;

function splitWords(text: string): ConfWord[] {
  const words: ConfWord[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (COMMENT.test(c)) {
      break;
    } else if (c === '{' || c === '}') {
      words.push({ text: c, start: i, end: i + 1 });
      i++;
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close + 1;
      words.push({ text: text.slice(i, end), start: i, end });
      i = end;
    } else {
      const start = i;
      while (i < text.length && !/[\s{}"]/.test(text[i]) && !COMMENT.test(text[i])) i++;
      words.push({ text: text.slice(start, i), start, end: i });
    }
  }
  return words;
}

export function splitLines(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { lines: text.split(/\r?\n/), eol };
}

/** Scans every line, tracking the block each one is in. */
export function scanConf(text: string): ConfLine[] {
  const { lines } = splitLines(text);
  const stack: BlockRef[] = [];
  // A '{' on a line of its own belongs to the statement before it.
  let lastStatement: BlockRef | undefined;
  return lines.map((lineText, line) => {
    const words = splitWords(lineText);
    const path = [...stack];
    let head: BlockRef | undefined;
    for (const [i, w] of words.entries()) {
      if (w.text === '{') {
        stack.push(head ?? lastStatement ?? { keyword: '', line });
        head = undefined;
        lastStatement = undefined;
      } else if (w.text === '}') {
        stack.pop();
        head = undefined;
      } else if (!head && (i === 0 || words[i - 1].text === '{' || words[i - 1].text === '}')) {
        const next = words[i + 1];
        head = { keyword: w.text, line, ...(next && next.text !== '{' && next.text !== '}' ? { name: next.text } : {}) };
      }
    }
    if (head) lastStatement = head;
    return { line, text: lineText, words, path, indent: /^\s*/.exec(lineText)![0] };
  });
}

/** The first word of a line, unless it is a brace. */
export function keywordOf(l: ConfLine): string | undefined {
  const w = l.words[0];
  return w && w.text !== '{' && w.text !== '}' ? w.text : undefined;
}

/** The innermost enclosing block's keyword. */
export function blockOf(l: ConfLine): string | undefined {
  return l.path[l.path.length - 1]?.keyword;
}

/** The vrrp_instance a line belongs to (the line of its keyword included). */
export function instanceOf(l: ConfLine): BlockRef | undefined {
  if (keywordOf(l) === 'vrrp_instance' && l.path.length === 0) return { keyword: 'vrrp_instance', name: l.words[1]?.text, line: l.line };
  return l.path[0]?.keyword === 'vrrp_instance' ? l.path[0] : undefined;
}

export function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Names of the vrrp_instances and their virtual_router_ids, to find candidate peers. */
export function instanceKeys(text: string): { names: string[]; vrids: string[] } {
  const names: string[] = [];
  const vrids: string[] = [];
  for (const l of scanConf(text)) {
    const k = keywordOf(l);
    if (k === 'vrrp_instance' && l.path.length === 0 && l.words[1]) names.push(l.words[1].text);
    if (k === 'virtual_router_id' && blockOf(l) === 'vrrp_instance' && l.words[1]) vrids.push(l.words[1].text);
  }
  return { names, vrids };
}
