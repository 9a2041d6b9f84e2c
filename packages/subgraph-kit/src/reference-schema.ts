/**
 * The reference part of every subgraph's schema: units, organizations, periods, the plan's tasks.
 *
 * Every field here is @shareable and answered from the same in-memory package in every subgraph, so
 * whichever subgraph the query planner picks gives the same answer (a shareable field that differed
 * per subgraph would silently return one organization's value). Keep SDL and resolvers here, once.
 */
import { gql } from 'graphql-tag';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { DATA_CLASS_SPEC, dataClassSdl } from './data-class.js';
import {
  ORGANIZATION_IDS,
  ORGANIZATIONS,
  PLAN_TASKS,
  branchAt,
  isOrganizationId,
  periodById,
  periodContaining,
  periodsBetween,
  eraOn,
  territory,
  todayInVietnam,
  type AdminUnit,
  type Branch,
  type Calendar,
  type LineageLink,
  type Organization,
  type UnitLevel,
} from '@antt/reference';
import { authorize, invalidInput, principalOf, type Identity } from '@antt/auth';
import { entityResolvers, objectResolvers, rootResolvers, type ResolverMap } from './resolver-map.js';

/** A name as people type it without diacritics: lower case, no tone or vowel marks, đ as d, single spaces. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

const folded = new Map<string, string>();
const foldedName = (u: AdminUnit): string => {
  let f = folded.get(u.id);
  if (f === undefined) folded.set(u.id, (f = ` ${foldVietnamese(u.name)}`));
  return f;
};

/**
 * Units existing on a date whose folded name contains the folded text at the start of a word; with
 * `within`, only the units it accepts (those of a caller's jurisdiction).
 */
export function searchUnits(text: string, on: string, first: number, within?: (unitId: string) => boolean): AdminUnit[] {
  const q = foldVietnamese(text);
  if (q.length < 2) throw invalidInput('text', 'text: hãy gõ ít nhất 2 chữ của tên đơn vị.', 'TEXT_TOO_SHORT');
  if (!Number.isInteger(first) || first < 1 || first > 50) throw invalidInput('first', 'first: từ 1 đến 50 đơn vị.', 'FIRST_OUT_OF_RANGE');
  const needle = ` ${q}`;
  // unitsOn orders by level, then code: exact names come first within a level.
  const hits = territory()
    .unitsOn(on)
    .filter((u) => (!within || within(u.id)) && foldedName(u).includes(needle));
  const exact = (u: AdminUnit) => (foldedName(u).endsWith(needle) ? 0 : 1);
  const level = (u: AdminUnit) => ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'].indexOf(u.level);
  return hits.sort((a, b) => level(a) - level(b) || exact(a) - exact(b) || a.name.localeCompare(b.name, 'vi')).slice(0, first);
}

/** The caller's jurisdiction, as the authorization module makes of the token. */
export function jurisdictionOf(identity: Identity) {
  const p = principalOf(identity);
  const line = territory().continuation(identity.unitId);
  return {
    unit: p.unit ?? null,
    units: line.length ? line : p.unit ? [p.unit] : [],
    organization: identity.organization === 'province' ? null : organization(identity.organization),
    standing: p.standing,
    roles: [...identity.roles],
    postEnds: p.postEnds,
    registeredOperationsOnly: !authorize.runUnlistedOperation(p).allowed,
  };
}

export const FEDERATION_LINK = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@interfaceObject", "@composeDirective", "@inaccessible"])
  @link(url: "${DATA_CLASS_SPEC}", import: ["@dataClass"])
  @composeDirective(name: "@dataClass")
`;

export const referenceTypeDefs = gql`
  ${FEDERATION_LINK}
  ${dataClassSdl}

  """
  A calendar date, YYYY-MM-DD (ngày). Dates in this graph are civil dates in Vietnam.
  """
  scalar Date

  """
  A date and time in ISO 8601 with offset (thời điểm).
  """
  scalar DateTime

  """
  Level of an administrative unit (cấp hành chính).
  """
  enum UnitLevel {
    "Province (tỉnh)."
    PROVINCE
    "District-level unit (huyện, thành phố, thị xã); abolished on 1 July 2025."
    DISTRICT
    "Commune-level unit (xã, phường, thị trấn)."
    COMMUNE
    "Residential area (khu dân cư: bản, tiểu khu, tổ dân phố)."
    RESIDENTIAL_AREA
  }

  """
  An administrative unit of Sơn La (đơn vị hành chính) or a residential area below a commune. A unit
  never changes: each reform ended units and created new ones, linked by lineage. Three maps: 2013-2025
  (12 districts, 204 communes, to 31 January 2025), 2025-02 (Resolution 1280/NQ-UBTVQH15: 12 districts,
  200 communes, 1 February to 30 June 2025), 2025-07 (Resolution 1681/NQ-UBTVQH15: 75 communes, no
  districts, from 1 July 2025). A record counts for a later unit only when the whole of its unit went into
  it; a commune split between successors hands its records on by residential area, and its records kept
  at commune level are listed for staff to assign (UnitPeriod.toAssign).
  """
  type Unit @key(fields: "id") @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Stable id, unique across maps (a GSO code is reused by the reforms): @2019 for the 2013-2025 map, @2025-02 for the 2025-02 map, @2025 for the 2025-07 map; e.g. commune:03646@2019 and commune:03646@2025-02 are Phường Chiềng Lề, commune:03646@2025 is Phường Tô Hiệu (mã định danh)."
    id: ID!
    "General Statistics Office code (mã GSO); unique only within an era; null for residential areas."
    code: String
    "Official name (tên), e.g. Xã Chiềng Pha."
    name: String!
    "Kind as written in Vietnamese (loại): Tỉnh, Thành phố, Huyện, Thị xã, Xã, Phường, Thị trấn, Bản, Tiểu khu, Tổ dân phố."
    kind: String!
    "Level (cấp)."
    level: UnitLevel!
    "The map the unit belongs to (bản đồ hành chính): 2013-2025, 2025-02 or 2025-07; null for units on every map (the province, residential areas)."
    era: String
    "First day the unit exists (hiệu lực từ)."
    validFrom: Date!
    "Last day the unit exists (hiệu lực đến); null while it is current."
    validTo: Date
    "True for generated demo units (residential areas: the official list stops at communes)."
    demo: Boolean!
    "The unit above it on a date (default: its last valid day, or today)."
    parent("Date to look at; default: the unit's last valid day, or today." on: Date): Unit
    "The units directly below it on a date (default: its last valid day, or today)."
    children("Date to look at; default: the unit's last valid day, or today." on: Date): [Unit!]!
    "Units this one was formed from in the reform that created it (đơn vị trước sáp nhập)."
    predecessors: [LineageLink!]!
    "Units this one went into in the reform that ended it (đơn vị sau sáp nhập)."
    successors: [LineageLink!]!
    "The unit on today's map that this one rolled into (đơn vị hiện nay): itself while current, the one unit its whole territory went into, null when it was split between several (a district since 1 July 2025, a split commune)."
    currentUnit: Unit
    "What the unit answers for in a period (trả lời cho kỳ): the days it existed, the map the period is reported on, its successors when it ceased, and the records listed for staff to assign."
    inPeriod("Period id, e.g. 2025-PLAN-6M." periodId: ID!): UnitPeriod
  }

  """
  What a unit answers for in a period (đơn vị trong kỳ báo cáo). A period is reported on the map in force
  on its last day. A unit answers for the days it existed; one that ceased during the period answers for
  its days only and names its successors; one that ceased before the period began answers for no day,
  and its figures for that period are refused with this answer. A unit created later answers for the
  whole period through the records of the units whose whole territory went into it.
  """
  type UnitPeriod @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The unit (đơn vị)."
    unit: Unit!
    "The period (kỳ)."
    period: Period!
    "The map the period is reported on, the one in force on its last day (bản đồ của kỳ): 2013-2025, 2025-02 or 2025-07."
    map: String!
    "First day the unit answers for (từ ngày); null when it answers for no day of the period."
    from: Date
    "Last day the unit answers for (đến ngày), inclusive; null when it answers for no day of the period."
    to: Date
    "True when the unit answers for the whole period (trọn kỳ)."
    whole: Boolean!
    "The unit's last day, when it ceased on or before the period's last day (ngày chấm dứt)."
    ceasedOn: Date
    "The units that took its territory over, on the next map (đơn vị kế thừa); empty while it exists."
    successors: [Unit!]!
    "Ids under which records in this unit's territory are kept that no single unit of its map answers for (a commune split between successors, records at commune level; a retired id): list them with the organization's lists by unitId and correct each to its residential area (hồ sơ chờ phân bổ)."
    toAssign: [ID!]!
    "The answer in one Vietnamese sentence, with the days (ghi chú)."
    note: String!
  }

  """
  One link of a reform (1 February 2025 or 1 July 2025): an old unit went, fully or partly, into a new one (sáp nhập, chia tách).
  """
  type LineageLink @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The old unit."
    predecessor: Unit!
    "The new unit."
    successor: Unit!
    "FULL when the whole old unit went into the new one, PARTIAL when it was split."
    part: LineagePart!
    "Day the change took effect."
    effective: Date!
    "The legal act that made the change."
    legalBasis: String!
  }

  "Whether an old unit went wholly or partly into a new one."
  enum LineagePart {
    "The whole old unit (toàn bộ)."
    FULL
    "Part of the old unit (một phần); the rest went to another new unit."
    PARTIAL
  }

  """
  An organization taking part in Plan 155/KH-MTTQ-CAT (tổ chức).
  """
  type Organization @key(fields: "id") @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Short id, also the name of its subgraph: front, police, veterans, women, youth, labour, farmers, elderly, infocomm."
    id: ID!
    "Name in Vietnamese (tên)."
    nameVi: String!
    "Name in English."
    nameEn: String!
    "Levels at which it has branches."
    levels: [UnitLevel!]!
    "First day it exists in this graph."
    validFrom: Date!
    "Last day it existed; null while it exists."
    validTo: Date
    "Who took its duties over when it ceased to exist, e.g. the Department of Science and Technology for the Department of Information and Communications on 1 March 2025."
    successorNameVi: String
    "Its branch at a unit (chi hội, cơ sở), if it has one at that level."
    branchAt("Unit id." unitId: ID!): Branch
  }

  """
  An organization's branch at one unit (cấp tỉnh, huyện, xã): where its staff at that level work.
  """
  type Branch @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "organization@unit, e.g. women@commune:03730@2019."
    id: ID!
    "Name, e.g. Hội Liên hiệp Phụ nữ Xã Chiềng Pha."
    name: String!
    "The organization."
    organization: Organization!
    "The unit it works at."
    unit: Unit!
    "First day it exists."
    validFrom: Date!
    "Last day it existed; null while it exists."
    validTo: Date
  }

  "A calendar of reporting or assessment periods (kỳ báo cáo, kỳ đánh giá)."
  enum Calendar {
    "Calendar months, first to last day (báo cáo tháng)."
    MONTH
    "Calendar quarters, 1 January to 31 March and so on (báo cáo quý)."
    QUARTER
    "Calendar years, 1 January to 31 December (năm dương lịch)."
    YEAR
    "The plan's six-month thematic report (báo cáo chuyên đề 6 tháng): 10 December to 9 June inclusive, due before 10 June (id 2021-PLAN-6M); then 10 June to 9 December inclusive, due before 10 December (id 2021-PLAN-6M2), so that every day is in one six-month period."
    PLAN_SIX_MONTH
    "The plan's yearly report (báo cáo năm): 10 December of the previous year to 9 December inclusive, due before 10 December (id 2021-PLAN-Y)."
    PLAN_YEAR
    "The plan's yearly review (sơ kết năm), on the yearly report's window: 10 December of the previous year to 9 December inclusive (id 2021-SO-KET)."
    REVIEW_YEAR
    "The final review of Plan 155 (tổng kết), one window over the plan's span, 10/12/2020 to 09/12/2023 by default (id PLAN155-TONG-KET); days outside it are in no period."
    REVIEW_PLAN
    "The ten-year review of Coordination Programme 09 held in 2023 (tổng kết 10 năm), one window, 10/12/2013 to 09/12/2023 by default (id P09-TONG-KET-10-NAM)."
    REVIEW_P09
    "Assessment year of residential areas under Circular 124/2021, 1 November to 31 October inclusive (kỳ đánh giá khu dân cư)."
    ASSESSMENT_RESIDENTIAL
    "Assessment year of communes, agencies, enterprises and schools under Circular 124/2021, 16 November to 15 November inclusive (kỳ đánh giá xã, cơ quan, doanh nghiệp, nhà trường)."
    ASSESSMENT_UNIT
  }

  """
  A reporting or assessment period (kỳ): a closed interval of days with the day its report is due before.
  The periods of one calendar tile the time line: every day is in exactly one. A record counts in the
  period its own date falls in; a record that stands for a while (a team, a boarding house) counts as it
  stands on the period's last day.
  """
  type Period @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Stable id: 2021-05, 2021-Q2, 2021, 2021-PLAN-6M, 2021-PLAN-6M2, 2021-PLAN-Y, 2022-ATANTT-KDC, 2022-ATANTT-UNIT."
    id: ID!
    "The calendar it belongs to."
    calendar: Calendar!
    "First day (từ ngày), inclusive."
    start: Date!
    "Last day (đến ngày), inclusive."
    end: Date!
    "The report on it is due before this day (hạn báo cáo: trước ngày)."
    dueBefore: Date!
    "Label in Vietnamese stating the first and last day, e.g. Năm 2021 (10/12/2020 – 09/12/2021) (nhãn)."
    label: String!
    "The map the period is reported on: the one in force on its last day (bản đồ của kỳ): 2013-2025, 2025-02 or 2025-07."
    map: String!
  }

  "A key task of Plan 155/KH-MTTQ-CAT, section II (nội dung công tác trọng tâm)."
  type PlanTask @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Section and item, e.g. II.4."
    id: ID!
    "Title in Vietnamese."
    titleVi: String!
    "Title in English."
    titleEn: String!
  }

  "A role a token can hold (vai trò)."
  enum CallerRole {
    "An organization's staff (cán bộ)."
    STAFF
    "An organization's head at the caller's level (lãnh đạo tổ chức)."
    LEADER
    "Provincial leadership (lãnh đạo tỉnh)."
    LEADERSHIP
    "A grant to read personal data (được xem dữ liệu cá nhân)."
    PERSONAL_DATA
    "A dashboard: registered operations and aggregates only (bảng điều khiển)."
    DASHBOARD
    "A police investigator (điều tra viên)."
    INVESTIGATOR
    "An auditor of access trails (kiểm tra viên nhật ký)."
    AUDITOR
    "Province staff who consolidate every organization's reports (cán bộ tổng hợp)."
    CONSOLIDATOR
    "A member of a steering committee (thành viên Ban Chỉ đạo)."
    STEERING_COMMITTEE
  }

  "The caller's main standing as the authorization module sees it (tư cách)."
  enum Standing {
    "Staff of one organization (cán bộ tổ chức)."
    ORGANIZATION_STAFF
    "A consolidator of reports (cán bộ tổng hợp)."
    CONSOLIDATOR
    "Provincial leadership (lãnh đạo tỉnh)."
    PROVINCIAL_LEADERSHIP
    "A member of a steering committee (Ban Chỉ đạo)."
    STEERING_COMMITTEE
    "An auditor (kiểm tra viên)."
    AUDITOR
    "A dashboard (bảng điều khiển)."
    DASHBOARD
    "No standing: the token grants nothing (không có quyền)."
    NONE
  }

  """
  The caller's own jurisdiction and standing, read from their token by the authorization module (phạm vi
  phụ trách): the unit of their post and the units it continued as across the 2025 reforms.
  """
  type Jurisdiction @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The unit named in the token (đơn vị của người dùng); null when the token names no known unit."
    unit: Unit
    "The post's unit and the units it continued as on later maps, oldest first (các đơn vị phụ trách)."
    units: [Unit!]!
    "The caller's organization (tổ chức); null for the province's leadership, steering committee, dashboards and auditors."
    organization: Organization
    "The caller's main standing (tư cách)."
    standing: Standing!
    "Every role the token holds (vai trò)."
    roles: [CallerRole!]!
    "Last day the caller's post is in force (nhiệm vụ đến ngày); null while it has no end."
    postEnds: Date
    "True when the caller runs only the registered operations (chỉ chạy truy vấn đã đăng ký)."
    registeredOperationsOnly: Boolean!
  }

  "What can be read: reference data here; each organization adds its own records."
  type Query {
    "A unit by id (đơn vị hành chính)."
    unit("Unit id, e.g. commune:03730@2019." id: ID!): Unit @shareable
    "The units as they were on a date, optionally of one level (default: today)."
    units("Date; default today." on: Date, "Only this level." level: UnitLevel): [Unit!]! @shareable
    "Every unit, in any era, with a GSO code: after the reform one code can name two different units."
    unitsByCode("GSO code, e.g. 03646." code: String!): [Unit!]! @shareable
    "The organizations of the plan."
    organizations: [Organization!]! @shareable
    "One organization by id."
    organization("Organization id, e.g. women." id: ID!): Organization @shareable
    "A period by id; null when the id names no period."
    period("Period id, e.g. 2021-PLAN-Y." id: ID!): Period @shareable
    "The one period of a calendar that contains a date (every day is in exactly one)."
    periodContaining("The calendar." calendar: Calendar!, "The date." date: Date!): Period @shareable
    "The periods of a calendar that overlap a date range, in order (at most 400)."
    periods("The calendar." calendar: Calendar!, "First day of the range." from: Date!, "Last day of the range." to: Date!): [Period!]! @shareable
    "The key tasks of the plan, section II."
    planTasks: [PlanTask!]! @shareable
    "Units whose name contains the text, with or without diacritics: chieng le finds Phường Chiềng Lề (tìm đơn vị theo tên); by level, then name; at most 50."
    searchUnits(
      "Part of the name, at least 2 letters, e.g. chieng le or Chiềng Lề."
      text: String!
      "Only units that exist on this date; default today."
      on: Date
      "How many at most (default 20, at most 50)."
      first: Int
      "Only units in your own jurisdiction (đơn vị trong địa bàn của tôi), as the record lists see it: what a form may name."
      mine: Boolean = false
    ): [Unit!]! @shareable
    "The caller's own jurisdiction and roles (phạm vi phụ trách của tôi)."
    myJurisdiction: Jurisdiction! @shareable
  }
`;

interface OrganizationRef {
  id: string;
}
interface UnitRef {
  id: string;
}

function toPeriod(p: { id: string; calendar: Calendar; start: string; end: string; dueBefore: string; labelVi: string }) {
  return { ...p, label: p.labelVi, map: eraOn(p.end) };
}

function organization(id: string): Organization | null {
  return isOrganizationId(id) ? ORGANIZATIONS[id] : null;
}

export const referenceResolvers: ResolverMap = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: rootResolvers({
    unit: (_, { id }: { id: string }) => territory().unit(id) ?? null,
    units: (_, { on, level }: { on?: string | null; level?: UnitLevel | null }) => territory().unitsOn(on ?? todayInVietnam(), level ?? undefined),
    unitsByCode: (_, { code }: { code: string }) => territory().unitsByCode(code),
    organizations: () => ORGANIZATION_IDS.map((id) => ORGANIZATIONS[id]),
    organization: (_, { id }: { id: string }) => organization(id),
    period: (_, { id }: { id: string }) => {
      const p = periodById(id);
      return p ? toPeriod(p) : null;
    },
    periodContaining: (_, { calendar, date }: { calendar: Calendar; date: string }) => {
      const p = periodContaining(calendar, date);
      return p ? toPeriod(p) : null;
    },
    periods: (_, { calendar, from: f, to: t }: { calendar: Calendar; from: string; to: string }) => {
      if (f > t) throw invalidInput('to', 'to: ngày kết thúc phải sau ngày bắt đầu.', 'RANGE_REVERSED');
      const out = periodsBetween(calendar, f, t);
      if (out.length > 400) throw invalidInput('to', 'Khoảng thời gian quá dài: tối đa 400 kỳ một lần.', 'TOO_MANY_PERIODS');
      return out.map(toPeriod);
    },
    planTasks: () => PLAN_TASKS,
    searchUnits: (
      _,
      { text, on, first, mine }: { text: string; on?: string | null; first?: number | null; mine?: boolean | null },
      ctx: { scope: { principal: { covers(unitId: string): boolean } } },
      // The caller's jurisdiction in every era: the units whose records the caller's lists and forms may name.
    ) => searchUnits(text, on ?? todayInVietnam(), first ?? 20, mine ? (id) => ctx.scope.principal.covers(id) : undefined),
    myJurisdiction: (_, _args: unknown, ctx: { scope: { identity: Identity } }) => jurisdictionOf(ctx.scope.identity),
  }),
  Unit: entityResolvers<AdminUnit, UnitRef>((ref) => territory().unit(ref.id) ?? null, {
    parent: (u, { on }: { on?: string | null }) => territory().parentOn(u.id, on ?? undefined),
    children: (u, { on }: { on?: string | null }) => territory().childrenOn(u.id, on ?? undefined),
    predecessors: (u) => territory().predecessors(u.id),
    successors: (u) => territory().successors(u.id),
    currentUnit: (u) => territory().currentUnit(u.id),
    inPeriod: (u, { periodId }: { periodId: string }) => {
      const p = periodById(periodId);
      if (!p) throw invalidInput('periodId', 'periodId: không có kỳ này (ví dụ đúng: 2021-05, 2021-Q2, 2021, 2021-PLAN-6M, 2021-PLAN-Y).', 'UNKNOWN_PERIOD');
      const a = territory().inPeriod(u.id, p.start, p.end)!;
      return { ...a, unit: u, period: toPeriod(p), note: a.noteVi, successors: a.successors.map((s) => territory().unit(s)) };
    },
  }),
  LineageLink: objectResolvers<LineageLink>({
    predecessor: (l) => territory().unit(l.predecessor),
    successor: (l) => territory().unit(l.successor),
  }),
  Organization: entityResolvers<Organization, OrganizationRef>((ref) => organization(ref.id), {
    successorNameVi: (o) => o.successor?.nameVi ?? null,
    branchAt: (o, { unitId }: { unitId: string }) => {
      const u = territory().unit(unitId);
      return u ? branchAt(o.id, u) : null;
    },
  }),
  Branch: objectResolvers<Branch>({
    organization: (b) => ORGANIZATIONS[b.organization],
    unit: (b) => territory().unit(b.unitId),
  }),
  // Any resolver may answer a period as the calendar holds it (labelVi, no map): label and map follow from it.
  Period: objectResolvers<{ end: string; labelVi?: string; label?: string; map?: string }>({
    label: (p) => p.label ?? p.labelVi ?? null,
    map: (p) => p.map ?? eraOn(p.end),
  }),
};
