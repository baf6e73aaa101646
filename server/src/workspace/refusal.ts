// Why a file was not read, in words for a diagnostic (never quoting the file).
import { MAX_FILE_BYTES } from '../limits';

export type Refusal = 'not-a-file' | 'special' | 'too-large' | 'unreadable' | 'not-config' | 'untrusted';

const MIB = 1024 * 1024;

export function refusalText(r: Refusal, size?: number): string {
  switch (r) {
    case 'not-a-file':
      return 'it is not a regular file (a directory, FIFO, socket or device)';
    case 'special':
      return 'it is under /proc, /sys or /dev, which hold the state of the machine, not configurations';
    case 'too-large':
      return `it is ${size !== undefined ? `${(size / MIB).toFixed(1)} MiB` : 'too large'}, over the ${MAX_FILE_BYTES / MIB} MiB limit`;
    case 'not-config':
      return 'it does not look like a keepalived configuration';
    case 'untrusted':
      return 'it is outside the workspace folders, which are not read while the workspace is not trusted';
    default:
      return 'it cannot be read';
  }
}
