// A tiny seeded pseudo-random number generator shared by every module's input
// generator. Inputs must be byte-identical in Node (scripts/generate-data.ts, the
// tests) and in the reader's browser, so we cannot use Math.random(), and we want
// no dependency: mulberry32 is 32-bit state, fast, and good enough for test data
// (not for statistics or cryptography).

/** mulberry32: returns a function yielding floats in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [min, max] (both ends included). */
export function randomInt(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty array, chosen uniformly. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick() needs at least one item");
  return items[Math.floor(rng() * items.length)] as T;
}

/**
 * A seed for replicate `index` of an input derived from `baseSeed`: replicate 0 keeps
 * the base seed (so scale 1 is exactly the committed file), the others are spread
 * apart by a multiplicative hash so neighbouring replicates do not look alike.
 */
export function replicateSeed(baseSeed: number, index: number): number {
  if (index === 0) return baseSeed >>> 0;
  return (baseSeed ^ Math.imul(index, 0x9e3779b9)) >>> 0;
}
