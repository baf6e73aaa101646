// Where setup.sh put the e2e tools: `--tools DIR` on the command line, else $E2E_TOOLS_DIR,
// else ~/.cache/keepalived-e2e (shared by every checkout on the machine). Keep in step with setup.sh.
import { homedir } from 'node:os';
import { resolve } from 'node:path';

export function toolsDir(argv = []) {
  const i = argv.indexOf('--tools');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  return resolve(process.env.E2E_TOOLS_DIR || `${homedir()}/.cache/keepalived-e2e`);
}
