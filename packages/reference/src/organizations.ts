/**
 * The nine organizations of Plan 155/KH-MTTQ-CAT and their branches. An organization's branch at a
 * unit is where its staff at that level work; reports go up each organization's own chain
 * ("theo ngành dọc").
 */
import type { IsoDate } from './dates.js';
import { addDays, within } from './dates.js';
import { territory, type AdminUnit, type UnitLevel } from './territory.js';

export const ORGANIZATION_IDS = ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'] as const;
export type OrganizationId = (typeof ORGANIZATION_IDS)[number];

export interface Organization {
  id: OrganizationId;
  /** Name of the provincial body, in Vietnamese. */
  nameVi: string;
  nameEn: string;
  /** Short Vietnamese name used when naming branches ("Hội Nông dân xã Chiềng Pha"). */
  branchPrefixVi: string;
  /** The levels at which the organization has branches. */
  levels: readonly UnitLevel[];
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Who took the organization's duties over when it ceased to exist. */
  successor: { nameVi: string; nameEn: string; from: IsoDate } | null;
  /** The levels at which a branch closed before its unit did (district police closed on 1 March 2025). */
  levelClosedOn?: Partial<Record<UnitLevel, IsoDate>>;
  /** Type-name prefix in the schema (WomenActivity, Unit.women). */
  typePrefix: string;
}

/**
 * One stretch of an organization's chain: which body answers for it, at which levels it has branches and
 * which organization it works under, between two dates. Reports go up this chain as it stood on the date
 * concerned (a report's due date), and a member of staff's post exists only while its level does.
 */
export interface ChainEra {
  from: IsoDate;
  /** Last day, or null while in force. */
  to: IsoDate | null;
  /** The levels with a branch (the province always has one). */
  levels: readonly UnitLevel[];
  /** The provincial body answering for the organization, in Vietnamese. */
  bodyVi: string;
  /** The organization it works under, if any (from 1 July 2025 the socio-political organizations work under the Front). */
  under: OrganizationId | null;
}

const ALL_LEVELS: readonly UnitLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const SINCE: IsoDate = '2019-01-01';

export const ORGANIZATIONS: Record<OrganizationId, Organization> = {
  front: {
    id: 'front',
    nameVi: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La',
    nameEn: 'Vietnam Fatherland Front Committee of Sơn La province',
    branchPrefixVi: 'Ủy ban MTTQ',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Front',
  },
  police: {
    id: 'police',
    nameVi: 'Công an tỉnh Sơn La',
    nameEn: 'Sơn La Provincial Police',
    branchPrefixVi: 'Công an',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Police',
    // District police were abolished from 1 March 2025, four months before the districts themselves.
    levelClosedOn: { DISTRICT: '2025-02-28' },
  },
  veterans: {
    id: 'veterans',
    nameVi: 'Hội Cựu chiến binh tỉnh Sơn La',
    nameEn: "Veterans' Association of Sơn La province",
    branchPrefixVi: 'Hội Cựu chiến binh',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Veterans',
  },
  women: {
    id: 'women',
    nameVi: 'Hội Liên hiệp Phụ nữ tỉnh Sơn La',
    nameEn: "Women's Union of Sơn La province",
    branchPrefixVi: 'Hội Liên hiệp Phụ nữ',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Women',
  },
  youth: {
    id: 'youth',
    nameVi: 'Tỉnh đoàn Sơn La (Đoàn TNCS Hồ Chí Minh)',
    nameEn: 'Ho Chi Minh Communist Youth Union of Sơn La province',
    branchPrefixVi: 'Đoàn Thanh niên',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Youth',
  },
  labour: {
    id: 'labour',
    nameVi: 'Liên đoàn Lao động tỉnh Sơn La',
    nameEn: 'Sơn La Provincial Labour Federation',
    branchPrefixVi: 'Liên đoàn Lao động',
    levels: ['PROVINCE', 'DISTRICT'],
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Labour',
  },
  farmers: {
    id: 'farmers',
    nameVi: 'Hội Nông dân tỉnh Sơn La',
    nameEn: "Farmers' Association of Sơn La province",
    branchPrefixVi: 'Hội Nông dân',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Farmers',
  },
  elderly: {
    id: 'elderly',
    nameVi: 'Hội Người cao tuổi tỉnh Sơn La',
    nameEn: 'Elderly Association of Sơn La province',
    branchPrefixVi: 'Hội Người cao tuổi',
    levels: ALL_LEVELS,
    validFrom: SINCE,
    validTo: null,
    successor: null,
    typePrefix: 'Elderly',
  },
  infocomm: {
    id: 'infocomm',
    nameVi: 'Sở Thông tin và Truyền thông tỉnh Sơn La',
    nameEn: 'Sơn La Department of Information and Communications',
    branchPrefixVi: 'Sở Thông tin và Truyền thông',
    levels: ['PROVINCE'],
    validFrom: SINCE,
    // Merged into the Department of Science and Technology on 1 March 2025: its duties under the plan
    // (media, the grassroots information system) passed to that department.
    validTo: '2025-02-28',
    successor: { nameVi: 'Sở Khoa học và Công nghệ tỉnh Sơn La', nameEn: 'Sơn La Department of Science and Technology', from: '2025-03-01' },
    typePrefix: 'Infocomm',
  },
};

/** The day the district police were abolished (commune police report to the province from then). */
export const DISTRICT_POLICE_ABOLISHED: IsoDate = '2025-03-01';
/** The day the Department of Information and Communications merged into the Department of Science and Technology. */
export const INFOCOMM_MERGED: IsoDate = '2025-03-01';
/** The day the district level ended and the socio-political organizations came under the Front. */
export const TWO_TIER_FROM: IsoDate = '2025-07-01';
const DAY_BEFORE = (d: IsoDate): IsoDate => addDays(d, -1);

/**
 * The socio-political organizations and mass associations the Party assigns, which from 1 July 2025
 * work under the Fatherland Front (Resolution 60-NQ/TW; the Elderly Association as an association
 * assigned by the Party and State, which the Front coordinates).
 */
export const UNDER_FRONT_FROM_REFORM: readonly OrganizationId[] = ['veterans', 'women', 'youth', 'labour', 'farmers', 'elderly'];

/** Each organization's chain, era by era (see ChainEra). */
export function chainOf(org: OrganizationId): readonly ChainEra[] {
  return CHAINS[org];
}

function buildChains(): Record<OrganizationId, readonly ChainEra[]> {
  const out = {} as Record<OrganizationId, ChainEra[]>;
  for (const id of ORGANIZATION_IDS) {
    const o = ORGANIZATIONS[id];
    const before: UnitLevel[] = [...o.levels];
    const after: UnitLevel[] = o.levels.filter((l) => l !== 'DISTRICT');
    const under = UNDER_FRONT_FROM_REFORM.includes(id) ? ('front' as const) : null;
    if (id === 'police')
      out[id] = [
        { from: SINCE, to: DAY_BEFORE(DISTRICT_POLICE_ABOLISHED), levels: before, bodyVi: o.nameVi, under: null },
        { from: DISTRICT_POLICE_ABOLISHED, to: null, levels: after, bodyVi: o.nameVi, under: null },
      ];
    else if (id === 'infocomm')
      out[id] = [
        { from: SINCE, to: DAY_BEFORE(INFOCOMM_MERGED), levels: before, bodyVi: o.nameVi, under: null },
        { from: INFOCOMM_MERGED, to: null, levels: before, bodyVi: o.successor!.nameVi, under: null },
      ];
    else
      out[id] = [
        { from: SINCE, to: DAY_BEFORE(TWO_TIER_FROM), levels: before, bodyVi: o.nameVi, under: null },
        { from: TWO_TIER_FROM, to: null, levels: after, bodyVi: o.nameVi, under },
      ];
  }
  return out;
}
const CHAINS = buildChains();

/** The stretch of an organization's chain in force on a date (the first one before its start). */
export function chainOn(org: OrganizationId, date: IsoDate): ChainEra {
  const eras = CHAINS[org];
  return eras.find((e) => within(date, e.from, e.to)) ?? eras[0]!;
}

/** Whether `org` has a branch at `unit` on `date`: the unit exists then and the chain has its level then. */
export function hasBranchOn(org: OrganizationId, unit: AdminUnit, date: IsoDate): boolean {
  return within(date, unit.validFrom, unit.validTo) && chainOn(org, date).levels.includes(unit.level);
}

/**
 * The level above a branch on a date: the nearest branch of the same organization strictly above the
 * unit, as the chain and the map stood that day (a commune police station reports to the district
 * police until 28 February 2025 and to the provincial police from 1 March 2025; a women's union of a
 * commune reports to the district union until 30 June 2025 and to the provincial union from 1 July).
 */
export function superiorBranch(org: OrganizationId, unitIdValue: string, date: IsoDate): Branch | null {
  // The unit as it stood that day: a unit that only changed maps is read on the map in force.
  const t = territory();
  const asOn = t.continuation(unitIdValue).find((u) => t.existsOn(u.id, date))?.id ?? unitIdValue;
  for (const u of t.ancestorsOn(asOn, date)) {
    if (!hasBranchOn(org, u, date)) continue;
    const b = branchAt(org, u);
    if (b) return b;
  }
  return null;
}

/** The organization `org` works under on a date (the Front for the socio-political organizations from 1 July 2025), or null. */
export function workingUnder(org: OrganizationId, date: IsoDate): OrganizationId | null {
  return chainOn(org, date).under;
}

export function isOrganizationId(value: string): value is OrganizationId {
  return (ORGANIZATION_IDS as readonly string[]).includes(value);
}

export interface Branch {
  /** `<organization>@<unit id>`, e.g. `women@commune:03730@2019`. */
  id: string;
  organization: OrganizationId;
  unitId: string;
  name: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export function branchId(org: OrganizationId, unit: string): string {
  return `${org}@${unit}`;
}

/**
 * The branch of `org` at a unit, if the organization has one there. A department (infocomm) keeps one
 * branch, whose body changed on 1 March 2025: the successor department answers for it from then on.
 */
export function branchAt(org: OrganizationId, unit: AdminUnit): Branch | null {
  const o = ORGANIZATIONS[org];
  if (!o.levels.includes(unit.level)) return null;
  const closed = o.levelClosedOn?.[unit.level] ?? null;
  const validTo = [unit.validTo, closed].filter((d): d is string => d !== null).sort()[0] ?? null;
  const name = unit.level === 'PROVINCE' ? o.nameVi : `${o.branchPrefixVi} ${unit.name}`;
  return { id: branchId(org, unit.id), organization: org, unitId: unit.id, name, validFrom: unit.validFrom, validTo };
}

export function branchById(id: string): Branch | null {
  const at = id.indexOf('@');
  if (at < 0) return null;
  const org = id.slice(0, at);
  const unit = territory().unit(id.slice(at + 1));
  if (!isOrganizationId(org) || !unit) return null;
  return branchAt(org, unit);
}

/** The nearest branch of `org` at or above a unit on a date: who, by default, ran an activity there. */
export function nearestBranch(org: OrganizationId, unitIdValue: string, date: IsoDate): Branch | null {
  const t = territory();
  const start = t.unit(unitIdValue);
  if (!start) return null;
  for (const u of [start, ...t.ancestorsOn(unitIdValue, date)]) {
    const b = branchAt(org, u);
    if (b && within(date, b.validFrom, b.validTo)) return b;
  }
  return null;
}
