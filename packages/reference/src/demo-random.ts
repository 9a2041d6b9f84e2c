/**
 * A seeded random source for demo data, so that every package generating demo records draws the same
 * reproducible numbers without depending on pure-rand itself.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export interface DemoRandom {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of `items`. */
  pick<T>(items: readonly T[]): T;
  /** True `percent` times in a hundred. */
  chance(percent: number): boolean;
}

export function demoRandom(seed: number): DemoRandom {
  const rng = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(rng, min, max);
  return {
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)]!,
    chance: (percent: number) => int(1, 100) <= percent,
  };
}
