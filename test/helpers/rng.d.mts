/** A deterministic generator of numbers in [0, 1) for a seed. */
export function rng(seed: number): () => number;
