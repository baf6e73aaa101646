// The keepalived release a configuration is checked against. Keywords and values keepalived added
// later are what that release rejects: the schema's `since` data says which.

/** Debian 12 and Ubuntu 22.04/24.04 ship the 2.2 line (2.2.7, 2.2.8). */
export const DEFAULT_TARGET_VERSION = '2.2';

/** `2.2` / `2.2.7` / `v2.3.2` → numbers, or undefined for anything else. */
export function parseVersion(text: string): number[] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), ...(m[3] !== undefined ? [Number(m[3])] : [])] : undefined;
}

/**
 * Whether the target release has what `since` introduced. A target without a patch number (`2.2`)
 * stands for its whole line, so it has what any 2.2.x release added.
 */
export function targetHas(target: string, since: string | undefined): boolean {
  if (!since) return true;
  // Asked for every statement of a file, of a handful of releases: each answer is computed once.
  let known = answers.get(target);
  if (!known) answers.set(target, (known = new Map()));
  let has = known.get(since);
  if (has === undefined) known.set(since, (has = compareTarget(target, since)));
  return has;
}

const answers = new Map<string, Map<string, boolean>>();

function compareTarget(target: string, since: string): boolean {
  const t = parseVersion(target) ?? (parseVersion(DEFAULT_TARGET_VERSION) as number[]);
  const s = parseVersion(since);
  if (!s) return true;
  for (let i = 0; i < 3; i++) {
    const a = t[i] ?? Infinity;
    const b = s[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** How messages name the target: "keepalived 2.2" / "keepalived 2.2.7". */
export function targetName(target: string): string {
  return `keepalived ${parseVersion(target) ? target.replace(/^v/, '') : DEFAULT_TARGET_VERSION}`;
}
