// Lines vscode-languageclient writes to the output that are not what they say. No vscode import:
// unit-tested.

/**
 * `[Error - 10:00:00] Server process exited with code 0.`: the client writes this for every exit,
 * including the clean one of "Restart Language Server" or a stop; only a non-zero code is an error.
 */
export function isCleanExitLine(line: string): boolean {
  return /^\[Error\s*-[^\]]*\]\s*Server process exited with code 0\.?\s*$/.test(line);
}
