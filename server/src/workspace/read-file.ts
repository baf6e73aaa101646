// Reads configuration files from disk, regular files only: a FIFO would block the reader forever,
// /dev/zero or /proc/kcore never end, and /proc, /sys and /dev hold the machine's state (the
// environment of a process, its memory), not configurations. Files over MAX_FILE_BYTES are refused
// before a byte of them is read.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../limits';
import type { Refusal } from './refusal';

export type { Refusal };


export type FileRead = { text: string; refused?: undefined } | { refused: Refusal; size?: number; text?: undefined };

const SPECIAL_TREES = ['/proc', '/sys', '/dev'];

function isSpecialPath(p: string): boolean {
  return SPECIAL_TREES.some((t) => p === t || p.startsWith(t + '/'));
}

export function readRegularFile(path: string): FileRead {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { refused: 'unreadable' };
  }
  if (isSpecialPath(real) || isSpecialPath(path)) return { refused: 'special' };
  try {
    const st = statSync(real);
    if (!st.isFile()) return { refused: 'not-a-file' };
    if (st.size > MAX_FILE_BYTES) return { refused: 'too-large', size: st.size };
  } catch {
    return { refused: 'unreadable' };
  }
  let fd: number;
  try {
    // Non-blocking: a regular file swapped for a FIFO after the stat cannot block the open.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { refused: 'unreadable' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: 'not-a-file' };
    if (st.size > MAX_FILE_BYTES) return { refused: 'too-large', size: st.size };
    // The file may grow while it is read: never read more than the limit.
    let buf = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES + 1, st.size + 4096));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > MAX_FILE_BYTES) return { refused: 'too-large', size: n };
        const bigger = Buffer.allocUnsafe(Math.min(MAX_FILE_BYTES + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > MAX_FILE_BYTES) return { refused: 'too-large', size: n };
    return { text: buf.toString('utf8', 0, n) };
  } catch {
    return { refused: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

