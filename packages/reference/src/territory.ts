/**
 * Sơn La's administrative units in both eras, with time-versioned parent edges and the lineage of the
 * 2025 reform (Resolution 1681/NQ-UBTVQH15).
 *
 * Why not one tree: DHIS2 keeps a single current hierarchy and moves data when units merge, which
 * destroys reports "as they were". Here a unit never changes: it has a validity interval, parent edges
 * carry their own intervals, and the reform is recorded as lineage. Records keep the unit they were
 * made under, and a roll-up decides at query time which units count for the one asked about.
 */
import { createRequire } from 'node:module';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { addDays, todayInVietnam, within, type IsoDate } from './dates.js';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'RESIDENTIAL_AREA';

export const ERA_OLD = '2019-2025';
export const ERA_NEW = '2025-';
/** First day the two-tier map (75 communes, no districts) is in force. */
export const REFORM_DATE: IsoDate = '2025-07-01';
export const LAST_OLD_DAY: IsoDate = addDays(REFORM_DATE, -1);
/**
 * The data file lists the pre-reform communes as of 2025-03-01; earlier rearrangements (204 units in
 * 2021, 200 by 2025) are not in it, so the old map is taken as valid from the start of its era.
 */
export const OLD_ERA_START: IsoDate = '2019-01-01';
export const REFORM_LEGAL_BASIS = 'Nghị quyết 1681/NQ-UBTVQH15 ngày 16/6/2025';

export interface AdminUnit {
  /** Stable id, unique across eras: a GSO code is reused by the reform, so the era is part of the id. */
  id: string;
  /** GSO code (unique only within an era); null for residential areas, which have none. */
  code: string | null;
  name: string;
  /** Vietnamese kind as written in names: Tỉnh, Thành phố, Huyện, Thị xã, Xã, Phường, Thị trấn, Bản, Tiểu khu, Tổ dân phố. */
  kind: string;
  level: UnitLevel;
  /** Which map the unit belongs to; null for units on both (the province, residential areas). */
  era: typeof ERA_OLD | typeof ERA_NEW | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** True for generated units (residential areas: the official file stops at communes). */
  demo: boolean;
}

export interface ParentEdge {
  child: string;
  parent: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface LineageLink {
  predecessor: string;
  successor: string;
  /** FULL: the whole old unit went into the successor; PARTIAL: it was split between successors. */
  part: 'FULL' | 'PARTIAL';
  /**
   * For a split commune, records kept at commune level (no residential area) must roll up to exactly one
   * new commune or they would be counted twice. The primary successor is the first one the resolution
   * lists; records kept at residential-area level follow the area to its own new commune.
   */
  primary: boolean;
  effective: IsoDate;
  legalBasis: string;
}

interface UnitsFile {
  province: { code: string; name: string };
  eras: [
    { id: string; validUntil: string; districts: { code: string; name: string; type: string; communes: { code: string; name: string; type: string }[] }[] },
    {
      id: string;
      validFrom: string;
      communes: { code: string; name: string; type: string; mergedFrom: { code: string; name: string; part: 'full' | 'partial' }[] }[];
    },
  ];
}

export const unitId = {
  province: (code: string) => `province:${code}`,
  district: (code: string) => `district:${code}@2019`,
  oldCommune: (code: string) => `commune:${code}@2019`,
  newCommune: (code: string) => `commune:${code}@2025`,
  area: (oldCommuneCode: string, n: number) => `area:${oldCommuneCode}-${String(n).padStart(2, '0')}`,
};

// Common Tai (Thái) village-name parts in Sơn La, for plausible demo names of bản.
const BAN_HEADS = ['Nà', 'Huổi', 'Co', 'Pá', 'Phiêng', 'Hua', 'Nậm', 'Tà', 'Noong', 'Púng', 'Bó', 'Lọng', 'Nong', 'Mòn'];
const BAN_TAILS = ['Sản', 'Lóng', 'Khoang', 'Hay', 'Lếch', 'Cang', 'Mường', 'Phát', 'Chảy', 'Ten', 'Bon', 'Xa', 'Tấu', 'Ẳng', 'Pục', 'Mạt'];

export class Territory {
  readonly units = new Map<string, AdminUnit>();
  readonly edges: ParentEdge[] = [];
  readonly lineage: LineageLink[] = [];
  private readonly edgesByChild = new Map<string, ParentEdge[]>();
  private readonly edgesByParent = new Map<string, ParentEdge[]>();
  private readonly coveredCache = new Map<string, ReadonlySet<string>>();
  private readonly byCodeCache = new Map<string, AdminUnit[]>();

  constructor(file: UnitsFile) {
    const [old, neu] = file.eras;
    const provinceId = unitId.province(file.province.code);
    this.addUnit({
      id: provinceId,
      code: file.province.code,
      name: file.province.name,
      kind: 'Tỉnh',
      level: 'PROVINCE',
      era: null,
      validFrom: OLD_ERA_START,
      validTo: null,
      demo: false,
    });

    const oldCommuneType = new Map<string, string>();
    for (const d of old.districts) {
      const did = unitId.district(d.code);
      this.addUnit({
        id: did,
        code: d.code,
        name: d.name,
        kind: d.type,
        level: 'DISTRICT',
        era: ERA_OLD,
        validFrom: OLD_ERA_START,
        validTo: old.validUntil,
        demo: false,
      });
      this.addEdge({ child: did, parent: provinceId, validFrom: OLD_ERA_START, validTo: old.validUntil });
      for (const c of d.communes) {
        const cid = unitId.oldCommune(c.code);
        oldCommuneType.set(c.code, c.type);
        this.addUnit({
          id: cid,
          code: c.code,
          name: c.name,
          kind: c.type,
          level: 'COMMUNE',
          era: ERA_OLD,
          validFrom: OLD_ERA_START,
          validTo: old.validUntil,
          demo: false,
        });
        this.addEdge({ child: cid, parent: did, validFrom: OLD_ERA_START, validTo: old.validUntil });
      }
    }

    // Successors of each old commune, in the order the resolution lists them.
    const successorsOf = new Map<string, { newId: string; part: 'FULL' | 'PARTIAL' }[]>();
    for (const c of neu.communes) {
      const nid = unitId.newCommune(c.code);
      this.addUnit({ id: nid, code: c.code, name: c.name, kind: c.type, level: 'COMMUNE', era: ERA_NEW, validFrom: neu.validFrom, validTo: null, demo: false });
      this.addEdge({ child: nid, parent: provinceId, validFrom: neu.validFrom, validTo: null });
      for (const m of c.mergedFrom) {
        const list = successorsOf.get(m.code) ?? [];
        list.push({ newId: nid, part: m.part === 'full' ? 'FULL' : 'PARTIAL' });
        successorsOf.set(m.code, list);
      }
    }
    for (const [oldCode, succ] of successorsOf) {
      succ.forEach((s, i) =>
        this.lineage.push({
          predecessor: unitId.oldCommune(oldCode),
          successor: s.newId,
          part: s.part,
          primary: i === 0,
          effective: neu.validFrom,
          legalBasis: REFORM_LEGAL_BASIS,
        }),
      );
    }

    // Demo residential areas: a seeded, reproducible set per old commune. An area lives on across the
    // reform; only its parent edge changes (to the new commune, or for a split commune to one of them).
    for (const [oldCode, type] of oldCommuneType) {
      const rng = xoroshiro128plus(Number(oldCode));
      const count = uniformInt(rng, 4, 12);
      const kind = type === 'Phường' ? 'Tổ dân phố' : type === 'Thị trấn' ? 'Tiểu khu' : 'Bản';
      const succ = successorsOf.get(oldCode) ?? [];
      const used = new Set<string>();
      for (let n = 1; n <= count; n++) {
        let name: string;
        if (kind === 'Bản') {
          do {
            name = `Bản ${BAN_HEADS[uniformInt(rng, 0, BAN_HEADS.length - 1)]} ${BAN_TAILS[uniformInt(rng, 0, BAN_TAILS.length - 1)]}`;
          } while (used.has(name));
          used.add(name);
        } else {
          name = `${kind} ${n}`;
        }
        const aid = unitId.area(oldCode, n);
        this.addUnit({ id: aid, code: null, name, kind, level: 'RESIDENTIAL_AREA', era: null, validFrom: OLD_ERA_START, validTo: null, demo: true });
        this.addEdge({ child: aid, parent: unitId.oldCommune(oldCode), validFrom: OLD_ERA_START, validTo: old.validUntil });
        // Split communes hand their areas out in contiguous blocks, in the resolution's order.
        const target = succ[Math.min(succ.length - 1, Math.floor(((n - 1) * succ.length) / count))];
        if (target) this.addEdge({ child: aid, parent: target.newId, validFrom: neu.validFrom, validTo: null });
      }
    }
  }

  private addUnit(u: AdminUnit): void {
    this.units.set(u.id, u);
  }

  private addEdge(e: ParentEdge): void {
    this.edges.push(e);
    const c = this.edgesByChild.get(e.child) ?? [];
    c.push(e);
    this.edgesByChild.set(e.child, c);
    const p = this.edgesByParent.get(e.parent) ?? [];
    p.push(e);
    this.edgesByParent.set(e.parent, p);
  }

  get provinceId(): string {
    return [...this.units.values()].find((u) => u.level === 'PROVINCE')!.id;
  }

  unit(id: string): AdminUnit | undefined {
    return this.units.get(id);
  }

  /** The date at which a unit is looked at by default: its last valid day, or today for a current unit. */
  referenceDate(u: AdminUnit, today: IsoDate = todayInVietnam()): IsoDate {
    return u.validTo !== null && u.validTo < today ? u.validTo : today < u.validFrom ? u.validFrom : today;
  }

  existsOn(id: string, date: IsoDate): boolean {
    const u = this.units.get(id);
    return u !== undefined && within(date, u.validFrom, u.validTo);
  }

  /** Units as they were on a date, optionally of one level; ordered by level, then code or name. */
  unitsOn(date: IsoDate, level?: UnitLevel): AdminUnit[] {
    const out = [...this.units.values()].filter((u) => within(date, u.validFrom, u.validTo) && (!level || u.level === level));
    return out.sort(compareUnits);
  }

  /** Units with a GSO code, in every era: a code alone does not name one unit across the reform. */
  unitsByCode(code: string): AdminUnit[] {
    let hit = this.byCodeCache.get(code);
    if (!hit) {
      hit = [...this.units.values()].filter((u) => u.code === code).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      this.byCodeCache.set(code, hit);
    }
    return hit;
  }

  parentOn(id: string, date?: IsoDate): AdminUnit | null {
    const u = this.units.get(id);
    if (!u) return null;
    const d = date ?? this.referenceDate(u);
    const e = (this.edgesByChild.get(id) ?? []).find((x) => within(d, x.validFrom, x.validTo));
    return e ? (this.units.get(e.parent) ?? null) : null;
  }

  childrenOn(id: string, date?: IsoDate): AdminUnit[] {
    const u = this.units.get(id);
    if (!u) return [];
    const d = date ?? this.referenceDate(u);
    return (this.edgesByParent.get(id) ?? [])
      .filter((e) => within(d, e.validFrom, e.validTo))
      .map((e) => this.units.get(e.child)!)
      .sort(compareUnits);
  }

  /** Ancestors on a date, nearest first. */
  ancestorsOn(id: string, date: IsoDate): AdminUnit[] {
    const out: AdminUnit[] = [];
    for (let p = this.parentOn(id, date); p; p = this.parentOn(p.id, date)) out.push(p);
    return out;
  }

  predecessors(id: string): LineageLink[] {
    return this.lineage.filter((l) => l.successor === id);
  }

  successors(id: string): LineageLink[] {
    return this.lineage.filter((l) => l.predecessor === id);
  }

  /**
   * The unit on today's map that a (possibly historical) unit rolled into: itself while it is valid, the
   * primary successor of an old commune, and null for a district (the district level was abolished; its
   * communes went to different new communes).
   */
  currentUnit(id: string, today: IsoDate = todayInVietnam()): AdminUnit | null {
    const u = this.units.get(id);
    if (!u) return null;
    if (u.validTo === null || u.validTo >= today) return u;
    const next = this.lineage.find((l) => l.predecessor === id && l.primary);
    return next ? this.currentUnit(next.successor, today) : null;
  }

  /**
   * Every unit whose records count for `id`: itself, everything that was ever below it, and, for a
   * commune of the new map, the old communes it was formed from (a split commune's commune-level records
   * count only for its primary successor). This is how a 2021 activity in Xã Chiềng Pha counts both for
   * Huyện Thuận Châu (the old tree) and for today's Xã Bình Thuận (the lineage).
   */
  covered(id: string): ReadonlySet<string> {
    const hit = this.coveredCache.get(id);
    if (hit) return hit;
    const out = new Set<string>();
    const visit = (uid: string) => {
      if (out.has(uid)) return;
      out.add(uid);
      for (const e of this.edgesByParent.get(uid) ?? []) visit(e.child);
      for (const l of this.lineage) if (l.successor === uid && l.primary) out.add(l.predecessor);
    };
    if (this.units.has(id)) visit(id);
    this.coveredCache.set(id, out);
    return out;
  }

  /** Whether a record kept under unit `recordUnit` counts for unit `asked` (see covered()). */
  covers(asked: string, recordUnit: string): boolean {
    return this.covered(asked).has(recordUnit);
  }
}

const LEVEL_ORDER: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2, RESIDENTIAL_AREA: 3 };
function compareUnits(a: AdminUnit, b: AdminUnit): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code ?? a.id).localeCompare(b.code ?? b.id) || a.validFrom.localeCompare(b.validFrom);
}

let shared: Territory | undefined;
/** The territory of Sơn La, built once per process from the committed data file. */
export function territory(): Territory {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = new Territory(require('../data/son-la-units.json') as UnitsFile);
  }
  return shared;
}
