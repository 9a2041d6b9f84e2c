/**
 * Who may do what, decided in one place. The gateway, every subgraph, the record framework and the
 * shared duties ask this module; nothing else looks at a caller's roles (a test fails on a role check
 * anywhere else, test/raw-role-checks.test.ts). The generated table docs/AUTHORIZATION.md is written
 * from it (scripts/authorization-matrix.ts).
 *
 * A decision depends on:
 * - the caller (a Principal, made from the token's claims): their roles, their organization, the
 *   level of their unit (province, district, commune) and their post, which exists only while the
 *   organization has a branch at that level on that unit (district police: until 28 February 2025;
 *   every district post: until 30 June 2025);
 * - what is asked: a kind of record as the record framework declares it (its organization, its
 *   visibility 'records' | 'own-staff' | 'monitored' | 'steering', its data class, its `writers`), a data class, an
 *   organization's audit trail, or a submitted report;
 * - the date concerned (a record's own date, a report's due date): a jurisdiction is the caller's unit
 *   with everything below it and, across the 2025 reform, the old communes a new commune was formed
 *   from (Territory.covered), as long as the caller's post was in force on that date.
 */
import {
  ORGANIZATIONS,
  chainOn,
  chainOf,
  hasBranchOn,
  superiorBranch,
  territory,
  type AdminUnit,
  type IsoDate,
  type OrganizationId,
  type UnitLevel,
} from '@antt/reference';
import { forbidden } from './errors.js';
import type { CallerOrganization, Identity, Role } from './identity.js';
import { isAudited, type DataClass } from './data-classes.js';

/** Who may read a kind's records themselves (its counts are for leadership, steering committees and dashboards too). */
export type Visibility = 'records' | 'own-staff' | 'monitored' | 'steering';

/** What the record framework declares about a kind that a decision needs (KindSpec has these fields). */
export interface KindRule {
  org: OrganizationId;
  /** Default 'records'. */
  visibility?: Visibility;
  /** Default INTERNAL. */
  dataClass?: DataClass;
  /**
   * Who reads the kind's counts beyond those who read its records, leadership, steering committees and
   * dashboards: 'monitors' (the Front's and the police's staff, who follow every organization's part of
   * the plan). Declared on the kind, so that every count of it, whatever its breakdown (by type, by task
   * of the plan), takes the same decision: no breakdown adds up to a figure another refuses.
   */
  countedBy?: 'monitors';
  /** One record in Vietnamese, for messages. */
  nounVi?: string;
  /** Who may record one when not only the organization's staff (see KindSpec.writers). */
  writers?(values: Record<string, unknown>, caller: { userId: string; organization: OrganizationId | null }): boolean;
  writersMessage?: string;
}

/** A decision: allowed (and whether the read goes to the audit trail), or refused with the message the caller sees. */
export type Decision = { allowed: true; audited: boolean } | { allowed: false; message: string };

const ALLOW: Decision = { allowed: true, audited: false };
const ALLOW_AUDITED: Decision = { allowed: true, audited: true };
const deny = (message: string): Decision => ({ allowed: false, message });

/** Throws FORBIDDEN with the decision's message when it refuses. */
export function enforce(d: Decision): void {
  if (!d.allowed) throw forbidden(d.message);
}

/** The organizations that monitor the plan and review models (sections III.1 and III.2): their staff read 'monitored' kinds of every organization. */
export const MONITORS: readonly OrganizationId[] = ['front', 'police'];

/**
 * The consolidators: province-level staff of the police's Phòng Xây dựng phong trào bảo vệ ANTQ (PV05)
 * and of the Front's Ban Phong trào, to whom every organization's reports go (Plan 155, reporting).
 */
export const CONSOLIDATING_ORGANIZATIONS: readonly OrganizationId[] = ['police', 'front'];

/**
 * The standing agency (cơ quan thường trực) of the steering committees for crime prevention and the
 * movement (Ban Chỉ đạo) at every level: the police, who keep the committees' members, consolidations,
 * meetings and decisions (Plan 155 names the police the standing body of the committee it advises).
 */
export const STEERING_STANDING_AGENCY: OrganizationId = 'police';

const STAFF_ROLES: readonly Role[] = ['STAFF', 'LEADER', 'INVESTIGATOR'];

/** What kind of caller a principal is, for the matrix and for messages. */
export type Standing = 'ORGANIZATION_STAFF' | 'CONSOLIDATOR' | 'PROVINCIAL_LEADERSHIP' | 'STEERING_COMMITTEE' | 'AUDITOR' | 'DASHBOARD' | 'NONE';

function orgName(org: OrganizationId): string {
  return ORGANIZATIONS[org].nameVi;
}

/**
 * The caller as decisions see them: the token's claims, the level of their unit and the span of their
 * post. Made once per identity (principalOf).
 */
/**
 * What a post's unit gives every caller posted there: the units it continued as and the jurisdiction,
 * with the visible part of each unit asked about. Territory is reference data that never changes in a
 * process, so these are computed once per unit instead of once per request (a province-wide
 * jurisdiction is thousands of units).
 */
interface Post {
  postUnits: ReadonlySet<string>;
  jurisdiction: ReadonlySet<string>;
  visible: Map<string, ReadonlySet<string>>;
}
const posts = new WeakMap<object, Map<string, Post>>();

function postOf(unitId: string): Post {
  const t = territory();
  let byUnit = posts.get(t);
  if (!byUnit) posts.set(t, (byUnit = new Map()));
  let p = byUnit.get(unitId);
  if (!p) {
    // A post lasts along the units its unit continued as on later maps (Territory.continuation).
    const line = t.continuation(unitId);
    p = {
      postUnits: new Set(line.length ? line.map((u) => u.id) : [unitId]),
      jurisdiction: new Set(line.flatMap((u) => [...t.covered(u.id)])),
      visible: new Map(),
    };
    // Unknown units (a token naming a unit that does not exist) are not kept: the map stays bounded by the territory.
    if (t.unit(unitId)) byUnit.set(unitId, p);
  }
  return p;
}

export class Principal {
  readonly unit: AdminUnit | undefined;
  /** PROVINCE, DISTRICT or COMMUNE (null for an unknown unit or a residential area). */
  readonly level: Exclude<UnitLevel, 'RESIDENTIAL_AREA'> | null;
  private readonly roles: ReadonlySet<Role>;
  private readonly jurisdiction: ReadonlySet<string>;
  private readonly post: Post;
  /** Last day the caller's post was in force (null: still in force). */
  readonly postEnds: IsoDate | null;
  /** The post's unit and the units it continued as on later maps (Territory.continuation). */
  readonly postUnits: ReadonlySet<string>;

  constructor(readonly identity: Identity) {
    this.roles = new Set(identity.roles);
    this.unit = territory().unit(identity.unitId);
    this.level = this.unit && this.unit.level !== 'RESIDENTIAL_AREA' ? this.unit.level : null;
    this.post = postOf(identity.unitId);
    this.postUnits = this.post.postUnits;
    this.jurisdiction = this.post.jurisdiction;
    const line = territory().continuation(identity.unitId);
    this.postEnds = postEnd(identity.organization, line.at(-1) ?? this.unit);
  }

  private holds(role: Role): boolean {
    return this.roles.has(role);
  }

  /** The organization whose staff (STAFF, LEADER or INVESTIGATOR) the caller is, or null (leadership, steering committees, dashboards, auditors). */
  get staffOf(): OrganizationId | null {
    const org = this.identity.organization;
    return org !== 'province' && STAFF_ROLES.some((r) => this.holds(r)) ? org : null;
  }

  isStaffOf(org: OrganizationId): boolean {
    return this.staffOf === org;
  }

  /** A leader of the organization (its head at the caller's level). */
  isLeaderOf(org: OrganizationId): boolean {
    return this.identity.organization === org && this.holds('LEADER');
  }

  get isProvincialLeadership(): boolean {
    return this.holds('LEADERSHIP');
  }

  get hasPersonalDataGrant(): boolean {
    return this.holds('PERSONAL_DATA');
  }

  /** A police investigator (needs to know a tip's reporter). */
  get isInvestigator(): boolean {
    return this.identity.organization === 'police' && this.holds('INVESTIGATOR');
  }

  /** A member of a steering committee (Ban Chỉ đạo) at the caller's unit. */
  get isSteeringMember(): boolean {
    return this.holds('STEERING_COMMITTEE');
  }

  /** A consolidator: the role counts only for province-level staff of the police or the Front. */
  get isConsolidator(): boolean {
    const org = this.staffOf;
    return this.holds('CONSOLIDATOR') && org !== null && CONSOLIDATING_ORGANIZATIONS.includes(org) && this.level === 'PROVINCE';
  }

  get isAuditor(): boolean {
    return this.holds('AUDITOR');
  }

  /** Holds no role but AUDITOR: reads audit trails and nothing else. */
  get isAuditorOnly(): boolean {
    return this.isAuditor && [...this.roles].every((r) => r === 'AUDITOR');
  }

  get isDashboard(): boolean {
    return this.holds('DASHBOARD');
  }

  /** A dashboard and nothing more: runs only the allowlisted operations and reads aggregates. */
  get isDashboardOnly(): boolean {
    return this.isDashboard && !STAFF_ROLES.some((r) => this.holds(r)) && !this.holds('LEADERSHIP') && !this.holds('STEERING_COMMITTEE');
  }

  /** The monitoring organization whose staff the caller is (Front or police), or null. */
  get monitorOf(): OrganizationId | null {
    const org = this.staffOf;
    return org !== null && MONITORS.includes(org) ? org : null;
  }

  /** The caller's main standing (a caller can hold several roles; the strongest one is named). */
  get standing(): Standing {
    if (this.isConsolidator) return 'CONSOLIDATOR';
    if (this.staffOf) return 'ORGANIZATION_STAFF';
    if (this.isProvincialLeadership) return 'PROVINCIAL_LEADERSHIP';
    if (this.isSteeringMember) return 'STEERING_COMMITTEE';
    if (this.isDashboard) return 'DASHBOARD';
    if (this.isAuditor) return 'AUDITOR';
    return 'NONE';
  }

  /** Whether records kept under `unitId` lie in the caller's jurisdiction (on `date`, when given: the post must still have been in force). */
  covers(unitId: string, date?: IsoDate | null): boolean {
    if (!this.jurisdiction.has(unitId)) return false;
    return !date || this.postEnds === null || date <= this.postEnds;
  }

  /** The units whose records count for `unitId` and that the caller may see (a roll-up cut to the jurisdiction). */
  visibleUnder(unitId: string): ReadonlySet<string> {
    let out = this.post.visible.get(unitId);
    if (!out) {
      const covered = territory().covered(unitId);
      const own = new Set<string>();
      for (const u of covered) if (this.jurisdiction.has(u)) own.add(u);
      // Every unit visible: the territory's own set, nothing more to keep.
      out = own.size === covered.size ? covered : own;
      if (covered.size) this.post.visible.set(unitId, out);
    }
    return out;
  }
}

/** The last day `org` had a branch at the unit (a province-level post, or a post of leadership, never ends). */
function postEnd(org: CallerOrganization, unit: AdminUnit | undefined): IsoDate | null {
  if (!unit || unit.level === 'PROVINCE') return null;
  if (org === 'province') return unit.validTo;
  let end: IsoDate | null | undefined;
  for (const era of chainOf(org)) {
    if (!era.levels.includes(unit.level)) continue;
    const to = [era.to, unit.validTo].filter((d): d is IsoDate => d !== null).sort()[0] ?? null;
    if (to === null) return null;
    if (end === undefined || end === null || to > end) end = to;
  }
  return end ?? unit.validTo;
}

const cache = new WeakMap<Identity, Principal>();
/** The principal of an identity (made once per identity object). */
export function principalOf(identity: Identity): Principal {
  let p = cache.get(identity);
  if (!p) cache.set(identity, (p = new Principal(identity)));
  return p;
}

const OUTSIDE = 'Đơn vị này nằm ngoài địa bàn bạn phụ trách.';
const OUTSIDE_WRITE = 'Không thể ghi hồ sơ cho đơn vị nằm ngoài địa bàn bạn phụ trách.';

function postEndedMessage(p: Principal, date: IsoDate): string {
  return `Ngày ${date} nằm sau ngày cương vị của bạn tại ${p.unit?.name ?? p.identity.unitId} chấm dứt (${p.postEnds}): hồ sơ từ ngày đó do cấp đang phụ trách đơn vị xử lý.`;
}

function jurisdiction(p: Principal, unitId: string | undefined, date: IsoDate | null | undefined, outside: string): Decision {
  if (unitId === undefined) return ALLOW;
  if (!p.covers(unitId)) return deny(outside);
  if (date && !p.covers(unitId, date)) return deny(postEndedMessage(p, date));
  return ALLOW;
}

/** Whether the caller may read the records of a kind at all (before the jurisdiction). */
function mayReadKind(p: Principal, kind: KindRule): boolean {
  switch (kind.visibility ?? 'records') {
    case 'own-staff':
      return p.isStaffOf(kind.org);
    case 'monitored':
      return p.isStaffOf(kind.org) || p.isProvincialLeadership || p.monitorOf !== null;
    case 'records':
      return p.isStaffOf(kind.org) || p.isProvincialLeadership;
    // A steering committee's own records (members, consolidations, meetings, decisions): the standing
    // agency keeps them, the Front monitors them, and the committees' members read their own and those
    // below them (the jurisdiction still decides which).
    case 'steering':
      return p.isStaffOf(kind.org) || p.isProvincialLeadership || p.monitorOf !== null || p.isSteeringMember;
  }
}

/** Whether the caller may read a kind's counts at all (before the jurisdiction): one rule per kind, whatever the breakdown. */
function mayCountKind(p: Principal, kind: KindRule): boolean {
  if (p.isStaffOf(kind.org) || p.isProvincialLeadership || p.isConsolidator || p.isDashboard || p.isSteeringMember) return true;
  return (kind.countedBy === 'monitors' || kind.visibility === 'monitored' || kind.visibility === 'steering') && p.monitorOf !== null;
}

/** Whether the caller may write the organization's records at all (before the values and the jurisdiction). */
function mayWriteOrg(p: Principal, org: OrganizationId): boolean {
  return p.isStaffOf(org);
}

/** Whether the caller may read data of class `c` owned by `owner` (the table in data-classes.ts). */
function mayReadClass(p: Principal, c: DataClass, owner: OrganizationId): boolean {
  if (p.isAuditorOnly) return c === 'AUDIT_TRAIL' && mayReadTrail(p, owner);
  switch (c) {
    case 'PUBLIC_AGGREGATE':
      return true;
    case 'INTERNAL':
      // Steering committee members read their committees' internal records, which the standing agency
      // keeps; which records is still each kind's visibility ('steering' only) and the jurisdiction.
      return p.isProvincialLeadership || p.staffOf !== null || (p.isSteeringMember && owner === STEERING_STANDING_AGENCY);
    case 'PERSONAL':
      return p.isStaffOf(owner) || (p.isProvincialLeadership && p.hasPersonalDataGrant);
    case 'SENSITIVE_PERSONAL':
      return p.isStaffOf(owner);
    case 'CRIME_SOURCE':
      return owner === 'police' && p.isInvestigator;
    case 'AUDIT_TRAIL':
      return mayReadTrail(p, owner);
  }
}

function mayReadTrail(p: Principal, org: OrganizationId): boolean {
  return p.isLeaderOf(org) || (p.isAuditor && (p.identity.organization === org || p.identity.organization === 'province'));
}

/** A report an organization's branch submitted up its chain (what a decision about it needs). */
export interface SubmittedReport {
  org: OrganizationId;
  /** The unit of the submitting branch. */
  unitId: string;
  /** The report's due date: the chain and jurisdictions in force that day decide. */
  dueDate: IsoDate;
}

/**
 * The decisions. Each takes the principal and what is asked, and answers allowed (audited or not) or
 * refused with the Vietnamese message the caller sees (FORBIDDEN through `enforce`).
 */
export const authorize = {
  /** Reading one record of a kind (a lookup, an entity reference; without a unit: any of them): refused lookups answer null, so the message is not shown. */
  readRecord(p: Principal, kind: KindRule, unitId?: string, date?: IsoDate | null): Decision {
    if (!mayReadKind(p, kind)) return deny(`Bạn không có quyền xem hồ sơ của ${orgName(kind.org)}.`);
    return jurisdiction(p, unitId, date, OUTSIDE);
  },

  /** Listing a kind's records under a unit. */
  listRecords(p: Principal, kind: KindRule, unitId: string): Decision {
    if ((kind.visibility ?? 'records') === 'own-staff' && !p.isStaffOf(kind.org))
      return deny(`Hồ sơ này chứa dữ liệu cá nhân nhạy cảm: chỉ cán bộ ${orgName(kind.org)} phụ trách địa bàn mới được xem; lãnh đạo xem số liệu tổng hợp.`);
    if (!mayReadKind(p, kind)) return deny(`Bạn không có quyền xem hồ sơ của ${orgName(kind.org)}.`);
    return jurisdiction(p, unitId, null, OUTSIDE);
  },

  /** Counting a kind's records under a unit: the same decision for every count and breakdown of the kind (its declared `countedBy`). */
  readCounts(p: Principal, kind: KindRule, unitId: string | undefined): Decision {
    if (p.isAuditorOnly || !mayCountKind(p, kind)) return deny(`Bạn không có quyền xem số liệu của ${orgName(kind.org)}.`);
    return jurisdiction(p, unitId, null, OUTSIDE);
  },

  /** Whether the caller may write the organization's records at all: asked before the input is checked, so that they are told first. */
  writeAny(p: Principal, org: OrganizationId): Decision {
    return mayWriteOrg(p, org) ? ALLOW : deny(`Chỉ cán bộ của ${orgName(org)} mới được ghi hồ sơ của tổ chức này.`);
  },

  /** Writing (recording, correcting, voiding) a record of `org` kept under `unitId`, dated `date`. */
  write(p: Principal, org: OrganizationId, unitId: string, date?: IsoDate | null): Decision {
    const any = authorize.writeAny(p, org);
    if (!any.allowed) return any;
    return jurisdiction(p, unitId, date, OUTSIDE_WRITE);
  },

  /**
   * Recording a new record of a kind whose declaration names other `writers` (an opinion handed over
   * by the Front or the forum's host): the declaration decides on the values, then the jurisdiction.
   */
  writeAs(p: Principal, kind: KindRule, values: Record<string, unknown> | null, unitId?: string, date?: IsoDate | null): Decision {
    if (!kind.writers) return unitId === undefined ? authorize.writeAny(p, kind.org) : authorize.write(p, kind.org, unitId, date);
    const message = kind.writersMessage ?? `Bạn không có quyền ghi ${kind.nounVi ?? 'hồ sơ này'}.`;
    const organization = p.staffOf;
    if (!organization) return deny(message);
    if (values && !kind.writers(values, { userId: p.identity.userId, organization })) return deny(message);
    return jurisdiction(p, unitId, date, OUTSIDE_WRITE);
  },

  /** Reading data of a class owned by an organization (every field, every entity reference, in every subgraph). */
  readClass(p: Principal, c: DataClass, owner: OrganizationId): Decision {
    if (!mayReadClass(p, c, owner)) return deny('Bạn không có quyền xem dữ liệu này.');
    return isAudited(c) ? ALLOW_AUDITED : ALLOW;
  },

  /**
   * Whether any organization's data of class `c` could be read by this caller: what the gateway can
   * decide before it knows which subgraph answers (it refuses early only what no subgraph would allow).
   */
  readClassAnywhere(p: Principal, c: DataClass): boolean {
    if (c === 'CRIME_SOURCE') return mayReadClass(p, c, 'police');
    if (c === 'PERSONAL' || c === 'SENSITIVE_PERSONAL' || c === 'AUDIT_TRAIL') {
      const owners = p.staffOf ? [p.staffOf] : [...Object.keys(ORGANIZATIONS)];
      return owners.some((o) => mayReadClass(p, c, o as OrganizationId));
    }
    return mayReadClass(p, c, 'front');
  },

  /**
   * Whether a small count (a suppressSmall field under ANTT_DISCLOSURE_THRESHOLD) is shown as it is: to those who may read the
   * records counted, and to provincial leadership and the consolidators, who read figures as they are
   * (each such read audited). Everyone else gets the published set's suppression.
   */
  readSmallCount(p: Principal, owner: OrganizationId): Decision {
    if (p.isStaffOf(owner)) return ALLOW;
    if (p.isProvincialLeadership || p.isConsolidator) return ALLOW_AUDITED;
    return deny('');
  },

  /** Whether a small count is shown as it is (readSmallCount allows it). */
  seeSmallCounts(p: Principal, owner: OrganizationId): boolean {
    return authorize.readSmallCount(p, owner).allowed;
  },

  /**
   * Reading an aggregate of a sensitive family (victims, crime tips, reintegration, mediation, help for
   * people at risk; the list is @antt/disclosure's SENSITIVE_FAMILIES) owned by `owner`: the owner's
   * staff as their other decisions allow; provincial leadership and the consolidators as the figures
   * are, each read audited; everyone else (other organizations' staff, steering committees, dashboards)
   * only from the published set (`published`: a registered operation over published periods and units),
   * whose complementary suppression is computed by @antt/disclosure.
   */
  readSensitiveAggregate(p: Principal, owner: OrganizationId | null, field: string, published: boolean): Decision {
    if (owner !== null && p.isStaffOf(owner)) return ALLOW;
    if (p.isProvincialLeadership || p.isConsolidator) return ALLOW_AUDITED;
    if (published) return ALLOW;
    return deny(
      `Trường ${field} là số liệu nhạy cảm: chỉ được cung cấp qua các bảng số liệu đã công bố (truy vấn đã đăng ký, theo kỳ của kế hoạch hoặc năm đánh giá, cấp tỉnh, huyện, xã).`,
    );
  },

  /** Reading an organization's audit trail: its leaders and auditors, and the provincial auditor. */
  readAuditTrail(p: Principal, org: OrganizationId): Decision {
    return mayReadTrail(p, org) ? ALLOW : deny(`Chỉ lãnh đạo hoặc kiểm toán viên của ${orgName(org)} xem được nhật ký này.`);
  },

  /** Reading every organization's audit trail at once, merged by time at the gateway: the provincial auditor only. */
  readFederatedAuditTrail(p: Principal): Decision {
    return p.isAuditor && p.identity.organization === 'province' ? ALLOW : deny('Chỉ kiểm toán viên cấp tỉnh xem được nhật ký truy cập chung của các tổ chức.');
  },

  /** Running an operation not on the dashboards' allowlist (every caller but a dashboard). */
  runUnlistedOperation(p: Principal): Decision {
    return p.isDashboardOnly ? deny('Bảng điều khiển chỉ chạy được các truy vấn đã đăng ký (persisted operations).') : ALLOW;
  },

  /**
   * Reading a submitted report as it was submitted: the submitting branch's own staff and the branches
   * above it on its chain as they stood on the due date, steering committee members and provincial
   * leadership whose jurisdiction covers it, and the consolidators (every organization's, each read
   * audited).
   */
  readSubmittedReport(p: Principal, r: SubmittedReport): Decision {
    if (p.isConsolidator) return ALLOW_AUDITED;
    if (p.isProvincialLeadership) return ALLOW;
    if (p.isSteeringMember) return jurisdiction(p, r.unitId, r.dueDate, OUTSIDE);
    if (!p.isStaffOf(r.org)) return deny(`Bạn không có quyền xem báo cáo của ${orgName(r.org)}.`);
    const chain = [r.unitId, ...reportingChain(r.org, r.unitId, r.dueDate)];
    if (!chain.some((u) => p.postUnits.has(u))) return deny('Báo cáo này không gửi lên cấp của bạn.');
    return jurisdiction(p, r.unitId, r.dueDate, OUTSIDE);
  },

  /**
   * Approving a submitted report, or returning it for rework: staff of the same organization at the level
   * directly above the submitting branch, as the chain stood on the due date (reportingChain), while
   * their post was in force that day.
   */
  approveReport(p: Principal, r: SubmittedReport): Decision {
    const any = authorize.writeAny(p, r.org);
    if (!any.allowed) return any;
    const above = reportingChain(r.org, r.unitId, r.dueDate)[0];
    if (!above || !p.postUnits.has(above))
      return deny('Chỉ cán bộ cấp trên trực tiếp của đơn vị lập báo cáo (theo ngành dọc, vào ngày đến hạn) mới được duyệt hoặc trả lại báo cáo này.');
    return jurisdiction(p, r.unitId, r.dueDate, OUTSIDE_WRITE);
  },

  /** Accepting an approved report at province level, or returning it: the consolidators (PV05 for the police, Ban Phong trào for the Front). */
  acceptReport(p: Principal): Decision {
    return p.isConsolidator
      ? ALLOW_AUDITED
      : deny('Chỉ cán bộ tổng hợp cấp tỉnh của Công an (Phòng PV05) và Mặt trận (Ban Phong trào) mới được tiếp nhận báo cáo.');
  },

  /** The police's list of overdue tips: police leaders and investigators. */
  listOverdueTips(p: Principal): Decision {
    return p.isStaffOf('police') && (p.isLeaderOf('police') || p.isInvestigator)
      ? ALLOW
      : deny('Danh sách tin quá hạn dành cho lãnh đạo Công an và điều tra viên.');
  },

  /** A province-wide addition to the criteria of the standard: the provincial police's leaders. */
  addProvincialCriterion(p: Principal): Decision {
    return p.isLeaderOf('police') && p.level === 'PROVINCE' ? ALLOW : deny('Chỉ lãnh đạo Công an tỉnh mới được thêm tiêu chí của tỉnh.');
  },

  /** The list of model reviews under a unit: provincial leadership and the monitors (the Front, the police). */
  listModelReviews(p: Principal, unitId: string): Decision {
    if (!p.isProvincialLeadership && p.monitorOf === null) return deny('Chỉ cán bộ Mặt trận, Công an và lãnh đạo tỉnh được xem danh sách đánh giá mô hình.');
    return jurisdiction(p, unitId, null, OUTSIDE);
  },

  /** One model review: leadership, the monitors, and the staff of the organization that runs the model, in their jurisdiction. */
  readModelReview(p: Principal, modelOrg: OrganizationId, unitId: string): Decision {
    if (!p.isProvincialLeadership && p.monitorOf === null && !p.isStaffOf(modelOrg)) return deny('Bạn không có quyền xem đánh giá này.');
    return jurisdiction(p, unitId, null, OUTSIDE);
  },

  /** The list of an organization's references to other organizations' records still unconfirmed: its own staff (each row in their jurisdiction). */
  listReferenceFollowUps(p: Principal, org: OrganizationId): Decision {
    return p.isStaffOf(org) ? ALLOW : deny(`Chỉ cán bộ của ${orgName(org)} mới xem được danh sách tham chiếu cần theo dõi của tổ chức này.`);
  },

  /** Submitting a report for a branch: the branch's own staff, while their post is in force on the due date. */
  submitReport(p: Principal, r: SubmittedReport): Decision {
    const any = authorize.writeAny(p, r.org);
    if (!any.allowed) return any;
    if (p.identity.unitId !== r.unitId) return deny('Chỉ cán bộ của cấp lập báo cáo mới được gửi báo cáo này.');
    return jurisdiction(p, r.unitId, r.dueDate, OUTSIDE_WRITE);
  },
};

/**
 * The identity a write on another organization's behalf goes through, once that organization's own rule
 * let the caller write (a police review of a model, a tip handed over): the caller's user id, roles and
 * jurisdiction, as staff of `owner`. The one place an identity is rewritten.
 */
export function actingFor(identity: Identity, owner: OrganizationId): Identity {
  return { ...identity, organization: owner };
}

/** The units of the branches a report goes up through on its due date, nearest first. */
export function reportingChain(org: OrganizationId, unitId: string, dueDate: IsoDate): string[] {
  const out: string[] = [];
  for (let b = superiorBranch(org, unitId, dueDate); b; b = superiorBranch(org, b.unitId, dueDate)) out.push(b.unitId);
  return out;
}

/** Whether the caller's organization had a branch at their unit on a date (their post was in force). */
export function postInForce(p: Principal, date: IsoDate): boolean {
  const org = p.identity.organization;
  if (!p.unit) return false;
  if (org === 'province') return date >= p.unit.validFrom && (p.unit.validTo === null || date <= p.unit.validTo);
  return hasBranchOn(org, p.unit, date);
}

/** The name of the body answering for an organization on a date (the Department of Science and Technology for infocomm from 1 March 2025). */
export function bodyOn(org: OrganizationId, date: IsoDate): string {
  return chainOn(org, date).bodyVi;
}
