/**
 * Seeded, reproducible random sources for demo data, and the helpers every organization's demo uses:
 * units of the map in force on a date, months from January 2021 to today, plausible names of members
 * (mentors, team leaders; never the people they help). One generator (pure-rand's xoroshiro128+), so
 * every package draws the same numbers without depending on pure-rand itself.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { addDays, addMonths } from './dates.js';
import { ORGANIZATION_IDS, type OrganizationId } from './organizations.js';
import { eraOn, territory, unitId, type AdminUnit } from './territory.js';

export const DEMO_START = '2021-01-01';

export class DemoRandom {
  private readonly rng: RandomGenerator;
  /** One source per seed, or per seed and organization (so each organization's demo differs). */
  constructor(seed: number, org?: OrganizationId) {
    this.rng = xoroshiro128plus(org === undefined ? seed : seed * 31 + ORGANIZATION_IDS.indexOf(org));
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }
  /** One of `items`. */
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
   * Pha (on each map: its own until 30 June 2025, since 1 July 2025 part of Xã Bình Thuận), so that the
   * demo overview of one commune has something of every organization in it.
   */
  commune(date: string): AdminUnit {
    if (this.chance(12)) return territory().unit(modelCommuneOn(date))!;
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

/** Xã Chiềng Pha, the plan's model commune, on the map in force on `date` (Xã Bình Thuận from 1 July 2025). */
export function modelCommuneOn(date: string): string {
  return communeAsOn(unitId.oldCommune('03730'), date);
}

const communeCache = new Map<string, AdminUnit[]>();
/** The communes of the map in force on `date`: 204 to 31 January 2025, 200 to 30 June 2025, 75 from 1 July 2025. */
export function communesOn(date: string): AdminUnit[] {
  const key = eraOn(date);
  let hit = communeCache.get(key);
  if (!hit) communeCache.set(key, (hit = territory().unitsOn(key === '2013-2025' ? DEMO_START : key === '2025-02' ? '2025-02-01' : '2025-07-01', 'COMMUNE')));
  return hit;
}

/** The residential areas of a commune on a date (demo units). */
export function areasOf(communeId: string, date: string): AdminUnit[] {
  return territory().childrenOn(communeId, date);
}

/**
 * The commune a place was in on `date`, on the map in force then: an earlier commune after a reform is
 * the one its whole territory went into (a split one: its first successor, good enough for demo data);
 * a later commune before it existed is the predecessor it kept the code of (else its first one).
 */
export function communeAsOn(communeId: string, date: string): string {
  const t = territory();
  const u = t.unit(communeId);
  if (!u || t.existsOn(u.id, date)) return u?.id ?? communeId;
  if (u.validTo !== null && date > u.validTo) {
    const next = t.currentUnit(u.id, date)?.id ?? t.successors(u.id)[0]?.successor;
    return next ? communeAsOn(next, date) : u.id;
  }
  const links = t.predecessors(u.id);
  const prev = (links.find((l) => t.unit(l.predecessor)?.code === u.code) ?? links[0])?.predecessor;
  return prev ? communeAsOn(prev, date) : u.id;
}

/** A source seeded with `seed` alone. */
export function demoRandom(seed: number): DemoRandom {
  return new DemoRandom(seed);
}

const FAMILY = ['Lò', 'Quàng', 'Cầm', 'Lường', 'Tòng', 'Vì', 'Hà', 'Sộng', 'Giàng', 'Nguyễn', 'Trần', 'Lê', 'Đinh', 'Bạc', 'Mùa'];
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'A'];
const MIDDLE_F = ['Thị', 'Thị', 'Thu'];
const GIVEN_M = ['Thắng', 'Hùng', 'Chiến', 'Dũng', 'Pầng', 'Xuân', 'Tiến', 'Sơn', 'Bình', 'Khánh', 'Chính', 'Lả'];
const GIVEN_F = ['Hoa', 'Mai', 'Ban', 'Ngân', 'Hương', 'Lan', 'Xuyến', 'Thủy', 'Dung', 'Ánh'];

export function demoMemberName(r: DemoRandom, female = r.chance(50)): string {
  return `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`;
}
