// The LanguageClient of dist/server.js: started over node IPC, told when settings of the
// `keepalived` section change, its log in the "Keepalived" output channel, restarted when it crashes.
import * as vscode from 'vscode';
import { CloseAction, type CloseHandlerResult, ErrorAction, type ErrorHandler, type ErrorHandlerResult, LanguageClient, RevealOutputChannelOn, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './compare';
import { TRUST_NOTIFICATION, type TrustParams } from '../../server/src/protocol';
import { isCleanExitLine } from './log-lines';

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restarts a crashed server, unless it keeps crashing; then offers a manual restart. */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly restart: () => void,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.error(`connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) {
      this.output.warn(`the keepalived language server stopped; restarting it (${this.restarts.length}/${MAX_RESTARTS})`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The keepalived language server stopped ${this.restarts.length} times in ${RESTART_WINDOW_MS / 60000} minutes and is not restarted. See the "Keepalived" output.`;
    this.output.error(message);
    void vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output').then((choice) => {
      if (choice === 'Restart Server') {
        this.restarts.length = 0;
        this.restart();
      } else if (choice === 'Show Output') this.output.show();
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

/**
 * VS Code gives a string setting without a default the value '' (not undefined): drop the rule
 * levels that are not set, so the server applies the rule's own severity.
 */
export function withoutUnsetRules(section: unknown): unknown {
  if (!section || typeof section !== 'object' || !('rules' in section)) return section;
  const rules = (section as { rules?: unknown }).rules;
  if (!rules || typeof rules !== 'object') return section;
  const set = Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v === 'string' && LEVELS.has(v)));
  return { ...section, rules: set };
}

/** The output channel as the client sees it: a clean exit is logged as information, not as an error. */
function clientOutput(output: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(output, {
    get(target, prop) {
      if (prop === 'appendLine') {
        return (line: string) => (isCleanExitLine(line) ? target.info('the language server process exited normally (code 0)') : target.appendLine(line));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  let client: LanguageClient | undefined = undefined;
  const errorHandler = new RestartingErrorHandler(output, () => void client?.restart().catch((e: unknown) => output.error(`restart failed: ${String(e)}`)));
  client = new LanguageClient('keepalived', 'Keepalived Language Server', serverOptions, {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server registers its own file watchers (peers and includes nobody has open).
    synchronize: { configurationSection: 'keepalived' },
    // Read at every (re)start: an untrusted workspace's server reads no file outside its folders.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: clientOutput(output),
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => (params.items[i]?.section === 'keepalived' ? withoutUnsetRules(value) : value));
        },
      },
    },
  });
  const started = client;
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (started.isRunning()) void started.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams);
    }),
  );
  return client;
}
