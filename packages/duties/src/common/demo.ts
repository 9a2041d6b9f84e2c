/**
 * Helpers for demo data: one seeded generator per organization and record kind (reproducible), units
 * of the right map for a date, and months from January 2021 to today.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { addDays, addMonths, territory, unitId, REFORM_DATE, ORGANIZATION_IDS, type AdminUnit, type OrganizationId } from '@antt/reference';

export const DEMO_START = '2021-01-01';

export class DemoRandom {
  private readonly rng: RandomGenerator;
  constructor(seed: number, org: OrganizationId) {
    this.rng = xoroshiro128plus(seed * 31 + ORGANIZATION_IDS.indexOf(org));
  }
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** True with probability `percent` / 100. */
  chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }
  /** A few distinct items. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const n = Math.min(items.length, this.int(min, max));
    const out = new Set<T>();
    while (out.size < n) out.add(this.pick(items));
    return [...out];
  }
  /**
   * A commune of the map in force on `date`; about one time in eight the plan's model commune, Xã Chiềng
   * Pha (since 1 July 2025 part of Xã Bình Thuận), so that the demo overview of one commune has
   * something of every organization in it.
   */
  commune(date: string): AdminUnit {
    if (this.chance(12)) return territory().unit(date < REFORM_DATE ? unitId.oldCommune('03730') : unitId.newCommune('03724'))!;
    return this.pick(communesOn(date));
  }
  /** A day of the month that starts on `monthStart`, not after `today`. */
  dayOf(monthStart: string, today: string): string | null {
    const d = addDays(monthStart, this.int(0, 27));
    return d <= today ? d : null;
  }
}

/** First days of every month from January 2021 to today's month. */
export function demoMonths(today: string): string[] {
  const out: string[] = [];
  for (let m = DEMO_START; m <= today; m = addMonths(m, 1)) out.push(m);
  return out;
}

const communeCache = new Map<string, AdminUnit[]>();
/** The communes of the map in force on `date` (the old 200 before 1 July 2025, the 75 after). */
export function communesOn(date: string): AdminUnit[] {
  const key = date < REFORM_DATE ? 'old' : 'new';
  let hit = communeCache.get(key);
  if (!hit) communeCache.set(key, (hit = territory().unitsOn(date < REFORM_DATE ? DEMO_START : REFORM_DATE, 'COMMUNE')));
  return hit;
}

/** The residential areas of a commune on a date (demo units). */
export function areasOf(communeId: string, date: string): AdminUnit[] {
  return territory().childrenOn(communeId, date);
}

/**
 * The commune a place was in on `date`: a commune of today's map before the reform is its primary
 * predecessor (the old commune whose commune-level records roll into it), an old commune after the
 * reform is the new one it went into.
 */
export function communeAsOn(communeId: string, date: string): string {
  const t = territory();
  const u = t.unit(communeId);
  if (!u || t.existsOn(u.id, date)) return communeId;
  if (date >= REFORM_DATE) return t.currentUnit(u.id)?.id ?? communeId;
  const links = t.predecessors(u.id);
  return (links.find((l) => l.primary) ?? links[0])?.predecessor ?? communeId;
}
