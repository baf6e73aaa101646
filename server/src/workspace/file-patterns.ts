// Which files are keepalived configs: glob patterns (with **) over workspace-relative paths,
// and keepalived's usual first line.
export const DEFAULT_FILE_PATTERNS = ['**/keepalived.conf', '**/keepalived.conf.*', '**/keepalived/**/*.conf'];

export function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function matchesAny(relPath: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(relPath));
}

/** keepalived's sample header, used as a content hint for files with other names. */
export function looksLikeKeepalived(text: string): boolean {
  return /^\s*[!#]\s*Configuration File for keepalived/i.test(text);
}

const BACKUP_SUFFIX = /(?:~|\.(?:bak|orig|rej|swp|dpkg-[a-z]+|rpmnew|rpmsave))$/;

export function isBackupFile(p: string): boolean {
  return BACKUP_SUFFIX.test(p);
}

/**
 * Jinja / Go / ERB templates (Ansible's keepalived.conf.j2, Salt, Puppet) are not configs yet:
 * their `{{ }}` and `{% %}` would read as blocks, so they are neither checked nor paired.
 */
export function isTemplate(text: string): boolean {
  // Three substring searches first: the regex scan of a large file that is no template costs more.
  if (!text.includes('{{') && !text.includes('{%') && !text.includes('<%')) return false;
  return /\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|<%[^\n]*?%>/.test(text);
}
