// Request parameters are checked before a handler runs: a client that sends null or a malformed
// position gets InvalidParams naming the field, never a TypeError from deep inside a feature.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

type Check = (v: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition: Check = (v) => isObject(v) && isIndex(v.line) && isIndex(v.character);
const isRange: Check = (v) => isObject(v) && isPosition(v.start) && isPosition(v.end);

const CHECKS: Record<string, Check> = {
  textDocument: (v) => isObject(v) && typeof v.uri === 'string',
  position: isPosition,
  range: isRange,
  positions: (v) => Array.isArray(v) && v.every(isPosition),
  context: isObject,
  options: isObject,
  newName: (v) => typeof v === 'string',
  query: (v) => typeof v === 'string',
  uri: (v) => typeof v === 'string',
  left: (v) => typeof v === 'string',
  right: (v) => typeof v === 'string',
};

export type ParamName = keyof typeof CHECKS;

/** Throws InvalidParams unless `p` is an object holding every `required` field, well formed. */
export function checkParams(method: string, p: unknown, required: readonly ParamName[]): void {
  if (!isObject(p)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: the parameters must be an object`);
  for (const key of required) {
    if (!CHECKS[key](p[key])) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: '${key}' is missing or malformed`);
  }
}

/**
 * A request handler with its parameters checked; an unexpected failure answers InternalError with
 * a plain sentence (the stack goes to the server's log, not to the user).
 */
export function guarded<P, R>(method: string, required: readonly ParamName[], handler: (p: P) => R): (p: P) => R {
  return (p: P) => {
    checkParams(method, p, required);
    try {
      return handler(p);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      console.error(`${method} failed: ${(e as Error)?.stack ?? String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${method} failed: internal error of the keepalived server (details in its log)`);
    }
  };
}
