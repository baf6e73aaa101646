// Reasoning about `@ID` conditions: which lines can apply on the same node.
import type { Condition } from './statements';

/** Two lines can both apply on one node unless their `@ID` conditions exclude each other. */
export function overlap(a: { condition?: Condition }, b: { condition?: Condition }): boolean {
  const ca = a.condition;
  const cb = b.condition;
  if (!ca || !cb) return true;
  if (ca.negated && cb.negated) return true;
  if (ca.negated || cb.negated) return ca.id !== cb.id;
  return ca.id === cb.id;
}
