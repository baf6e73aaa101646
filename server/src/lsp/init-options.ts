// What a client may pass in `initializationOptions` besides `trusted`: developer and benchmark
// knobs, not user settings (VS Code never sends them).

/** The pause in typing before diagnostics are published, when the client does not choose one. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 200;
const MAX_DIAGNOSTICS_DELAY_MS = 5000;

/**
 * `initializationOptions.diagnosticsDelayMs`: the debounce after an edit, in ms, clamped to
 * [0, 5000]. 0 lets the benchmark see how long analysis takes without the debounce in it; anything
 * that is not a finite number keeps the default.
 */
export function diagnosticsDelayMs(init: unknown): number {
  const v = init && typeof init === 'object' ? (init as { diagnosticsDelayMs?: unknown }).diagnosticsDelayMs : undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_DIAGNOSTICS_DELAY_MS;
  return Math.min(MAX_DIAGNOSTICS_DELAY_MS, Math.max(0, Math.round(v)));
}
