/**
 * Sơn La's administrative units in the three maps the plan has lived through, with time-versioned
 * parent edges and the lineage of both reforms:
 *
 * - `2013-2025` (to 31 January 2025): 12 districts, 204 communes; the map the 2021 plan was written against;
 * - `2025-02` (1 February to 30 June 2025): Resolution 1280/NQ-UBTVQH15; 12 districts (Mộc Châu a thị xã), 200 communes;
 * - `2025-07` (from 1 July 2025): Resolution 1681/NQ-UBTVQH15; 75 communes, no districts.
 *
 * Why not one tree: DHIS2 keeps a single current hierarchy and moves data when units merge, which
 * destroys reports "as they were". Here a unit never changes: it has a validity interval, parent edges
 * carry their own intervals, and each reform is recorded as lineage. Records keep the unit they were
 * made under, and a roll-up decides at query time which units count for the one asked about.
 *
 * The split rule, one for every roll-up: an old unit's records count for a later unit only when the
 * whole of the old unit went into it (through both reforms). A commune split between successors hands
 * its records on by residential area (an area has a parent on every map); its records kept at commune
 * level, without an area, count for no single successor: they still count for every unit that holds all
 * of its successors (the province, a district), and are listed for staff to assign (`toAssign`).
 */
import { createRequire } from 'node:module';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { addDays, todayInVietnam, within, type IsoDate } from './dates.js';

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'RESIDENTIAL_AREA';

/** The three maps, oldest first. */
export const ERAS = ['2013-2025', '2025-02', '2025-07'] as const;
export type Era = (typeof ERAS)[number];

/** First day of the 2025-02 map (Resolution 1280/NQ-UBTVQH15: 200 communes, Thị xã Mộc Châu). */
export const FIRST_REFORM_DATE: IsoDate = '2025-02-01';
/** First day the two-tier map (75 communes, no districts) is in force. */
export const REFORM_DATE: IsoDate = '2025-07-01';
/** Last day of the 2013-2025 map. */
export const LAST_OLD_DAY: IsoDate = addDays(FIRST_REFORM_DATE, -1);
/** First day of the 2013-2025 map (Vân Hồ district created). */
export const OLD_ERA_START: IsoDate = '2013-06-11';
export const FIRST_REFORM_LEGAL_BASIS = 'Nghị quyết 1280/NQ-UBTVQH15 ngày 14/11/2024';
export const REFORM_LEGAL_BASIS = 'Nghị quyết 1681/NQ-UBTVQH15 ngày 16/6/2025';

/** The id suffix of each map: `@2019` stays the 2013-2025 map's (records kept since 2021 use it), `@2025` the 2025-07 map's. */
const SUFFIX: Record<Era, string> = { '2013-2025': '2019', '2025-02': '2025-02', '2025-07': '2025' };

/** The map in force on a date. */
export function eraOn(date: IsoDate): Era {
  return date < FIRST_REFORM_DATE ? '2013-2025' : date < REFORM_DATE ? '2025-02' : '2025-07';
}

export interface AdminUnit {
  /** Stable id, unique across eras: a GSO code is reused by the reforms, so the era is part of the id. */
  id: string;
  /** GSO code (unique only within an era); null for residential areas, which have none. */
  code: string | null;
  name: string;
  /** Vietnamese kind as written in names: Tỉnh, Thành phố, Huyện, Thị xã, Xã, Phường, Thị trấn, Bản, Tiểu khu, Tổ dân phố. */
  kind: string;
  level: UnitLevel;
  /** Which map the unit belongs to; null for units on every map (the province, residential areas). */
  era: Era | null;
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
  effective: IsoDate;
  legalBasis: string;
}

/** What a unit answers for in a period (see `Territory.inPeriod`). */
export interface UnitInPeriod {
  unitId: string;
  /** The map in force on the period's last day. */
  map: Era;
  /** First and last day the unit answers for; null when it existed on no day of the period (then no figures, only this answer). */
  from: IsoDate | null;
  to: IsoDate | null;
  /** True when it answers for the whole period. */
  whole: boolean;
  /** Its last day, when it ceased on or before the period's last day. */
  ceasedOn: IsoDate | null;
  /** The units that took its territory over, on the next map (empty while it exists). */
  successors: string[];
  /** Ids under which records are kept that no single unit here answers for, listed for staff to assign. */
  toAssign: string[];
  /** One sentence in Vietnamese. */
  noteVi: string;
}

interface FileCommune {
  code: string;
  name: string;
  type: string;
  mergedFrom?: { code: string; part: 'full' | 'partial' }[];
}
interface UnitsFile {
  province: { code: string; name: string };
  eras: [
    { id: string; validFrom: string; validUntil: string; districts: { code: string; name: string; type: string; communes: FileCommune[] }[] },
    { id: string; validFrom: string; validUntil: string; districts: { code: string; name: string; type: string; communes: FileCommune[] }[] },
    { id: string; validFrom: string; communes: FileCommune[] },
  ];
}

export const unitId = {
  province: (code: string) => `province:${code}`,
  /** A district of the 2013-2025 map. */
  district: (code: string) => `district:${code}@${SUFFIX['2013-2025']}`,
  /** A district of the 2025-02 map. */
  districtFeb2025: (code: string) => `district:${code}@${SUFFIX['2025-02']}`,
  /** A commune of the 2013-2025 map (the 2021 plan's). */
  oldCommune: (code: string) => `commune:${code}@${SUFFIX['2013-2025']}`,
  /** A commune of the 2025-02 map. */
  febCommune: (code: string) => `commune:${code}@${SUFFIX['2025-02']}`,
  /** A commune of the 2025-07 map. */
  newCommune: (code: string) => `commune:${code}@${SUFFIX['2025-07']}`,
  /** A demo residential area, numbered within its 2013-2025 commune. */
  area: (oldCommuneCode: string, n: number) => `area:${oldCommuneCode}-${String(n).padStart(2, '0')}`,
};

// Common Tai (Thái) village-name parts in Sơn La, for plausible demo names of bản.
const BAN_HEADS = ['Nà', 'Huổi', 'Co', 'Pá', 'Phiêng', 'Hua', 'Nậm', 'Tà', 'Noong', 'Púng', 'Bó', 'Lọng', 'Nong', 'Mòn'];
const BAN_TAILS = ['Sản', 'Lóng', 'Khoang', 'Hay', 'Lếch', 'Cang', 'Mường', 'Phát', 'Chảy', 'Ten', 'Bon', 'Xa', 'Tấu', 'Ẳng', 'Pục', 'Mạt'];

const fmt = (d: IsoDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export class Territory {
  readonly units = new Map<string, AdminUnit>();
  readonly edges: ParentEdge[] = [];
  readonly lineage: LineageLink[] = [];
  /**
   * Ids that named a unit before this map was loaded in three eras and are accepted for one release:
   * `commune:03980@2019` (Phường Mộc Lỵ, which exists only from 1 February 2025) and its like name the
   * 2025-02 commune. Records kept under such an id dated before the unit existed stay listed for staff.
   */
  readonly aliases = new Map<string, string>();
  private readonly edgesByChild = new Map<string, ParentEdge[]>();
  private readonly edgesByParent = new Map<string, ParentEdge[]>();
  private readonly coveredCache = new Map<string, ReadonlySet<string>>();
  private readonly byCodeCache = new Map<string, AdminUnit[]>();
  private readonly intoCache = new Map<string, ReadonlySet<string>>();

  constructor(file: UnitsFile) {
    const [old, feb, jul] = file.eras;
    const provinceId = unitId.province(file.province.code);
    this.addUnit({
      id: provinceId,
      code: file.province.code,
      name: file.province.name,
      kind: 'Tỉnh',
      level: 'PROVINCE',
      era: null,
      validFrom: old.validFrom,
      validTo: null,
      demo: false,
    });
    const id = (era: Era, level: 'district' | 'commune', code: string) => `${level}:${code}@${SUFFIX[era]}`;

    // The two three-tier maps: districts and their communes.
    const communeType = new Map<string, string>();
    for (const [era, e] of [
      ['2013-2025', old],
      ['2025-02', feb],
    ] as const) {
      for (const d of e.districts) {
        const did = id(era, 'district', d.code);
        this.addUnit({ id: did, code: d.code, name: d.name, kind: d.type, level: 'DISTRICT', era, validFrom: e.validFrom, validTo: e.validUntil, demo: false });
        this.addEdge({ child: did, parent: provinceId, validFrom: e.validFrom, validTo: e.validUntil });
        // A district kept its code and its territory through Resolution 1280 (Mộc Châu became a thị xã).
        if (era === '2025-02') this.link(id('2013-2025', 'district', d.code), did, 'FULL', e.validFrom, FIRST_REFORM_LEGAL_BASIS);
        for (const c of d.communes) {
          const cid = id(era, 'commune', c.code);
          if (era === '2013-2025') communeType.set(c.code, c.type);
          this.addUnit({
            id: cid,
            code: c.code,
            name: c.name,
            kind: c.type,
            level: 'COMMUNE',
            era,
            validFrom: e.validFrom,
            validTo: e.validUntil,
            demo: false,
          });
          this.addEdge({ child: cid, parent: did, validFrom: e.validFrom, validTo: e.validUntil });
          for (const m of c.mergedFrom ?? [])
            this.link(id('2013-2025', 'commune', m.code), cid, m.part === 'full' ? 'FULL' : 'PARTIAL', e.validFrom, FIRST_REFORM_LEGAL_BASIS);
        }
      }
    }
    // The two-tier map: communes directly under the province.
    for (const c of jul.communes) {
      const cid = id('2025-07', 'commune', c.code);
      this.addUnit({
        id: cid,
        code: c.code,
        name: c.name,
        kind: c.type,
        level: 'COMMUNE',
        era: '2025-07',
        validFrom: jul.validFrom,
        validTo: null,
        demo: false,
      });
      this.addEdge({ child: cid, parent: provinceId, validFrom: jul.validFrom, validTo: null });
      for (const m of c.mergedFrom ?? [])
        this.link(id('2025-02', 'commune', m.code), cid, m.part === 'full' ? 'FULL' : 'PARTIAL', jul.validFrom, REFORM_LEGAL_BASIS);
    }
    // Ids of the 2025-02 communes that an earlier version of this map filed under `@2019`.
    for (const d of feb.districts)
      for (const c of d.communes)
        if (!this.units.has(id('2013-2025', 'commune', c.code))) this.aliases.set(id('2013-2025', 'commune', c.code), id('2025-02', 'commune', c.code));

    // Demo residential areas: a seeded, reproducible set per 2013-2025 commune. An area lives on across
    // both reforms; only its parent edge changes (to the commune it went into, or for a split commune to
    // one of its successors, in contiguous blocks in the resolution's order).
    for (const [oldCode, type] of communeType) {
      const rng = xoroshiro128plus(Number(oldCode));
      const count = uniformInt(rng, 4, 12);
      const kind = type === 'Phường' ? 'Tổ dân phố' : type === 'Thị trấn' ? 'Tiểu khu' : 'Bản';
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
        this.addUnit({ id: aid, code: null, name, kind, level: 'RESIDENTIAL_AREA', era: null, validFrom: old.validFrom, validTo: null, demo: true });
        let parent = id('2013-2025', 'commune', oldCode);
        this.addEdge({ child: aid, parent, validFrom: old.validFrom, validTo: old.validUntil });
        for (const [from, to] of [
          [feb.validFrom, feb.validUntil],
          [jul.validFrom, null],
        ] as const) {
          const succ = this.successors(parent);
          const target = succ[Math.min(succ.length - 1, Math.floor(((n - 1) * succ.length) / count))];
          if (!target) break;
          parent = target.successor;
          this.addEdge({ child: aid, parent, validFrom: from, validTo: to });
        }
      }
    }
  }

  private link(predecessor: string, successor: string, part: 'FULL' | 'PARTIAL', effective: IsoDate, legalBasis: string): void {
    this.lineage.push({ predecessor, successor, part, effective, legalBasis });
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

  /** A unit by id; an alias (an id of an earlier release) gives the unit it names now. */
  unit(id: string): AdminUnit | undefined {
    return this.units.get(id) ?? this.units.get(this.aliases.get(id) ?? '');
  }

  /** The id a unit is known by now: itself, or what an alias names. */
  canonicalId(id: string): string {
    return this.units.has(id) ? id : (this.aliases.get(id) ?? id);
  }

  /**
   * For one release: the unit of the 2025-02 map with the code of a 2013-2025 unit asked for on a day of
   * the 2025-02 map (ids ending in @2019 named the 2025-02 units before this map had three eras); null
   * when there is none or the unit exists on that day.
   */
  laterNamesake(id: string, date: IsoDate): AdminUnit | null {
    const u = this.unit(id);
    if (!u || u.era !== '2013-2025' || eraOn(date) !== '2025-02') return null;
    return this.units.get(u.id.replace(/@2019$/, `@${SUFFIX['2025-02']}`)) ?? null;
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

  /** Units with a GSO code, in every era: a code alone does not name one unit across the reforms. */
  unitsByCode(code: string): AdminUnit[] {
    let hit = this.byCodeCache.get(code);
    if (!hit) {
      hit = [...this.units.values()].filter((u) => u.code === code).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      this.byCodeCache.set(code, hit);
    }
    return hit;
  }

  parentOn(id: string, date?: IsoDate): AdminUnit | null {
    const u = this.unit(id);
    if (!u) return null;
    const d = date ?? this.referenceDate(u);
    const e = (this.edgesByChild.get(u.id) ?? []).find((x) => within(d, x.validFrom, x.validTo));
    return e ? (this.units.get(e.parent) ?? null) : null;
  }

  childrenOn(id: string, date?: IsoDate): AdminUnit[] {
    const u = this.unit(id);
    if (!u) return [];
    const d = date ?? this.referenceDate(u);
    return (this.edgesByParent.get(u.id) ?? [])
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
    const c = this.canonicalId(id);
    return this.lineage.filter((l) => l.successor === c);
  }

  successors(id: string): LineageLink[] {
    const c = this.canonicalId(id);
    return this.lineage.filter((l) => l.predecessor === c);
  }

  /**
   * The unit and the units it continued as on later maps: the whole of it went into a successor of the
   * same level that kept its code (unchanged by Resolution 1280, or renamed, or having absorbed others).
   * A post held at a unit (a user's token names one) lasts along this line, so a commune's staff keep
   * their commune from 1 February 2025 when it only changed maps, not territory.
   */
  continuation(id: string): AdminUnit[] {
    const out: AdminUnit[] = [];
    for (let u = this.unit(id); u && !out.includes(u);) {
      out.push(u);
      const cur: AdminUnit = u;
      const next = this.successors(cur.id)
        .filter((l) => l.part === 'FULL')
        .map((l) => this.units.get(l.successor)!)
        .find((s) => s && s.level === cur.level && s.code === cur.code);
      u = next;
    }
    return out;
  }

  /**
   * The units of the next map that took a unit's territory over: its lineage successors, or for a
   * district abolished on 1 July 2025 the communes its communes went into. Empty while it is current.
   */
  successorUnits(id: string): AdminUnit[] {
    const u = this.unit(id);
    if (!u || u.validTo === null) return [];
    const direct = this.successors(u.id).map((l) => l.successor);
    if (direct.length || u.level !== 'DISTRICT') return direct.map((s) => this.units.get(s)!).sort(compareUnits);
    const out = new Set<string>();
    for (const c of this.childrenOn(u.id, u.validTo)) if (c.level === 'COMMUNE') for (const l of this.successors(c.id)) out.add(l.successor);
    return [...out].map((s) => this.units.get(s)!).sort(compareUnits);
  }

  /** The units of map `era` that a unit's territory went into, through every reform in between. */
  private into(id: string, era: Era): ReadonlySet<string> {
    const key = `${id}|${era}`;
    let hit = this.intoCache.get(key);
    if (hit) return hit;
    const u = this.units.get(id);
    const out = new Set<string>();
    if (u && u.era !== null) {
      if (u.era === era) out.add(id);
      else if (ERAS.indexOf(u.era) < ERAS.indexOf(era)) for (const s of this.successorUnits(id)) for (const x of this.into(s.id, era)) out.add(x);
    }
    this.intoCache.set(key, (hit = out));
    return hit;
  }

  /**
   * The unit on the map of `today` that a (possibly historical) unit rolled into: itself while it is
   * valid, the one unit its whole territory went into, and null when it was split between several (a
   * district on 1 July 2025, a split commune).
   */
  currentUnit(id: string, today: IsoDate = todayInVietnam()): AdminUnit | null {
    const u = this.unit(id);
    if (!u) return null;
    if (u.era === null || within(today, u.validFrom, u.validTo)) return u;
    if (today < u.validFrom) return null;
    const into = [...this.into(u.id, eraOn(today))];
    return into.length === 1 ? this.units.get(into[0]!)! : null;
  }

  /**
   * Every unit id whose records count for `id`: itself, everything that was ever below it, every
   * earlier unit whose whole territory went into what it holds (the split rule above), and the aliases
   * of those. This is how a 2021 activity in Xã Chiềng Pha counts both for Huyện Thuận Châu (the old
   * tree), for Xã Chiềng Pha of February 2025 and for today's Xã Bình Thuận (the lineage).
   */
  covered(id: string): ReadonlySet<string> {
    const hit = this.coveredCache.get(id);
    if (hit) return hit;
    const out = new Set<string>();
    const asked = this.units.get(id);
    if (!asked) {
      // An alias names its records only (listing them for staff).
      if (this.aliases.has(id)) out.add(id);
      this.coveredCache.set(id, out);
      return out;
    }
    const below = (uid: string) => {
      if (out.has(uid)) return;
      out.add(uid);
      for (const e of this.edgesByParent.get(uid) ?? []) below(e.child);
    };
    below(id);
    if (asked.era !== null) {
      const held = new Set([...out].filter((u) => this.units.get(u)?.era === asked.era));
      for (const u of this.units.values()) {
        if (u.era === null || out.has(u.id) || ERAS.indexOf(u.era) >= ERAS.indexOf(asked.era)) continue;
        const into = this.into(u.id, asked.era);
        if (into.size && [...into].every((x) => held.has(x))) below(u.id);
      }
    }
    // An alias's records were filed under a unit of the 2025-02 map before it existed: they count where
    // that unit counts on its own dates, and for a district or the province holding all it was formed from.
    for (const [alias, target] of this.aliases) {
      const from = this.predecessors(target).map((l) => l.predecessor);
      if (out.has(target) || (asked.level !== 'COMMUNE' && asked.level !== 'RESIDENTIAL_AREA' && from.length && from.every((p) => out.has(p)))) out.add(alias);
    }
    this.coveredCache.set(id, out);
    return out;
  }

  /** Whether a record kept under unit `recordUnit` counts for unit `asked` (see covered()). */
  covers(asked: string, recordUnit: string): boolean {
    return this.covered(asked).has(recordUnit);
  }

  /**
   * What a unit answers for in a period [start, end]. A period is reported on the map in force on its
   * last day. A unit answers for the days it existed; a unit that ceased during the period says when,
   * and names its successors; one that ceased before the period began answers for no day (no figures).
   * A unit created later answers for the whole period through the lineage (its predecessors' records).
   */
  inPeriod(id: string, start: IsoDate, end: IsoDate): UnitInPeriod | null {
    const u = this.unit(id);
    if (!u) return null;
    const map = eraOn(end);
    const ceased = u.validTo !== null && u.validTo < end;
    const from = start;
    const to = ceased ? u.validTo! : end;
    const none = to < from;
    const successors = ceased ? this.successorUnits(u.id).map((s) => s.id) : [];
    const toAssign = this.toAssign(u.id);
    const names = successors.map((s) => this.units.get(s)!.name).join(', ');
    const noteVi = none
      ? `${u.name} đã chấm dứt từ ngày ${fmt(addDays(u.validTo!, 1))}, trước kỳ báo cáo (${fmt(start)} – ${fmt(end)}); số liệu kỳ này thuộc ${names || 'các đơn vị kế thừa'}.`
      : ceased
        ? `${u.name} chỉ trả lời cho các ngày ${fmt(from)} – ${fmt(to)} của kỳ (${fmt(start)} – ${fmt(end)}); từ ngày ${fmt(addDays(u.validTo!, 1))} thuộc ${names || 'các đơn vị kế thừa'}.`
        : `${u.name} trả lời cho cả kỳ ${fmt(start)} – ${fmt(end)}${u.validFrom > start ? ' (trước ngày thành lập: số liệu của các đơn vị đã hợp thành)' : ''}.`;
    return {
      unitId: u.id,
      map,
      from: none ? null : from,
      to: none ? null : to,
      whole: !ceased,
      ceasedOn: ceased ? u.validTo : null,
      successors,
      toAssign,
      noteVi,
    };
  }

  /**
   * Ids under which records are kept that count for no single commune of this unit's map although they
   * lie in its territory: split communes whose whole territory went into units this one holds part of,
   * and aliases of its communes. Staff list them with the organization's lists (`unitId`) and correct
   * each record to its residential area.
   */
  toAssign(id: string): string[] {
    const u = this.unit(id);
    if (!u || u.level !== 'COMMUNE' || u.era === null) return [];
    const covered = this.covered(u.id);
    const out: string[] = [];
    for (const p of this.units.values()) {
      if (p.level !== 'COMMUNE' || p.era === null || covered.has(p.id) || ERAS.indexOf(p.era) >= ERAS.indexOf(u.era)) continue;
      if (this.into(p.id, u.era).has(u.id)) out.push(p.id);
    }
    for (const [alias, target] of this.aliases) if (target === u.id || this.into(target, u.era).has(u.id)) out.push(alias);
    return out.sort();
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
