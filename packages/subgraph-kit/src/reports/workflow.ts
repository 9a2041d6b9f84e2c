/**
 * The reporting workflow of one organization's branches (Plan 155, section IV.4): a branch submits its
 * report on a period, the level above in the same organization approves it or returns it (as the chain
 * stood on the due date), and the provincial police (PV05) and the Front (Ban Phong trào) accept it; a
 * report is final when both have accepted it, and either may return it with a comment.
 *
 * Approval locks the figures: the version keeps them as the graph held them at the lock (asRecordedAt).
 * A record created, corrected or voided afterwards with a date in a period an approved report covers
 * needs a reason, and every report covering that period (monthly, quarterly, six-month, yearly) gets a
 * new, unapproved version, which goes through approval again; the approved version stays official until
 * then (the write hook at the end of this file).
 */
import type Database from 'better-sqlite3';
import { GraphQLError } from 'graphql';
import { Scope, actingFor, authorize, enforce, notFound, reportingChain, type Identity } from '@antt/auth';
import { ORGANIZATIONS, ORGANIZATION_IDS, hasBranchOn, territory, todayInVietnam, type IsoDate, type OrganizationId, type Period } from '@antt/reference';
import type { Db } from '../db.js';
import { preparedPerDatabase, sqliteOf } from '../db.js';
import { RecordRepository, type StoredRecord } from '../records/repository.js';
import { keptAggregate } from '../records/kept-aggregates.js';
import { inputProblems } from '../records/problems.js';
import { registerWriteHook, type RecordWrite } from '../records/write-hooks.js';
import type { RecordKind } from '../records/kind.js';
import { dueDateOf, reportPeriod, reportPeriodsContaining } from './calendar.js';
import { reportKind, type ReportStage } from './kind.js';
import type { SubgraphContext } from '../context.js';
import {
  absentPart,
  consolidatedDocument,
  consolidatedFileName,
  unreachablePart,
  decodeDocumentPart,
  documentPart,
  renderDocumentFile,
  reportVersionDocument,
  reportVersionFileName,
  type DocumentFile,
  type DocumentFormat,
  type DocumentPart,
} from './document.js';
import { consolidatedNumber } from './numbers.js';
import { addSections, computeFigures, isReportKind, reportingScope, type ReportSection } from './figures.js';

/** Set while a workflow mutation writes a report version: the framework's generic mutations are refused otherwise. */
let workflowDepth = 0;
function inWorkflow<T>(fn: () => T): T {
  workflowDepth++;
  try {
    return fn();
  } finally {
    workflowDepth--;
  }
}

const LOCKED: readonly ReportStage[] = ['APPROVED', 'ACCEPTED'];

export type ReportTimeliness = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_YET_DUE';

/** Where a set of figures comes from: live, or a report version (locked or as submitted). */
export interface FiguresBasis {
  kind: 'LIVE' | 'SUBMITTED' | 'LOCKED';
  reportVersion: number | null;
  lockedAt: string | null;
  asOf: string;
  noteVi: string;
}

function nowIso(): string {
  return new Date().toISOString();
}

function bad(field: string, message: string, reason: string): GraphQLError {
  return inputProblems([{ field, message, reason }]);
}

const tableChecked = new WeakMap<Database.Database, boolean>();
function hasReportsTable(sqlite: Database.Database): boolean {
  let v = tableChecked.get(sqlite);
  if (v === undefined) tableChecked.set(sqlite, (v = !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reports'").get()));
  return v;
}

/**
 * The statements of the reads below, prepared once per database (null without a reports table): preparing
 * one per call was a quarter of a dashboard's counts fetch on a subgraph (issue 17, BENCHMARKS.md).
 */
const reportReads = preparedPerDatabase((db: Db) => {
  const sqlite = sqliteOf(db);
  if (!hasReportsTable(sqlite)) return null;
  const current = "superseded_at IS NULL AND status = 'ACTIVE' AND unit_id = ? AND period_id = ?";
  return {
    versions: sqlite.prepare(`SELECT * FROM reports WHERE ${current} ORDER BY report_version`),
    // officialVersion in SQL: the latest version approved or accepted, only the columns of its basis.
    official: sqlite.prepare(
      `SELECT report_version AS reportVersion, locked_at AS lockedAt, figures_as_of AS figuresAsOf FROM reports WHERE ${current} AND stage IN (${LOCKED.map((s) => `'${s}'`).join(', ')}) ORDER BY report_version DESC LIMIT 1`,
    ),
  };
});

/** Every version of a branch's report on a period (their current framework versions), oldest first. */
export function reportVersions(db: Db, org: OrganizationId, unitId: string, periodId: string): StoredRecord[] {
  const st = reportReads(db);
  if (!st) return [];
  const rows = st.versions.all(unitId, periodId) as Record<string, unknown>[];
  const repo = new RecordRepository(reportKind(org), db, reportingScope(org));
  return rows.map((r) => repo.toRecord(r));
}

/** The version in force: the latest approved (or accepted) one; null before the first approval. */
export function officialVersion(versions: readonly StoredRecord[]): StoredRecord | null {
  return [...versions].reverse().find((v) => LOCKED.includes(v.stage as ReportStage)) ?? null;
}

export function timelinessOf(versions: readonly StoredRecord[], dueDate: IsoDate, today: IsoDate = todayInVietnam()): ReportTimeliness {
  const first = versions[0]?.submittedOn as string | undefined;
  if (first) return first <= dueDate ? 'ON_TIME' : 'LATE';
  return today > dueDate ? 'MISSING' : 'NOT_YET_DUE';
}

/** The basis of a report version (a stored record, or the columns `countsBasis` reads of it). */
export function basisOf(v: StoredRecord | { reportVersion: number; lockedAt: string | null; figuresAsOf: string }): FiguresBasis {
  const n = v.reportVersion as number;
  if (v.lockedAt)
    return {
      kind: 'LOCKED',
      reportVersion: n,
      lockedAt: v.lockedAt as string,
      asOf: v.figuresAsOf as string,
      noteVi: `Số liệu của báo cáo phiên bản ${n}, khóa lúc ${v.lockedAt as string}.`,
    };
  return {
    kind: 'SUBMITTED',
    reportVersion: n,
    lockedAt: null,
    asOf: v.figuresAsOf as string,
    noteVi: `Số liệu của báo cáo phiên bản ${n} khi gửi (${v.figuresAsOf as string}), chưa được duyệt khóa.`,
  };
}

export function liveBasis(): FiguresBasis {
  const at = nowIso();
  return { kind: 'LIVE', reportVersion: null, lockedAt: null, asOf: at, noteVi: `Số liệu trực tiếp tại thời điểm ${at}, chưa khóa.` };
}

/**
 * Which figures a count outside the reports API (a dashboard's activity counts) gives for a branch's
 * unit and a period: by default the official ones, those of the approved version of the branch's report
 * on the period (the records as recorded at its lock), else live; `LIVE` asks for live figures; an
 * explicit instant reads the records as they stood then. Returns the basis and the instant to read as of.
 */
export function countsBasis(
  db: Db,
  org: OrganizationId,
  unitId: string,
  periodId: string,
  choice: 'OFFICIAL' | 'LIVE' = 'OFFICIAL',
  asRecordedAt?: string | null,
): { basis: FiguresBasis; asRecordedAt: string | null } {
  if (asRecordedAt)
    return {
      basis: { kind: 'LIVE', reportVersion: null, lockedAt: null, asOf: asRecordedAt, noteVi: `Số liệu như hệ thống ghi nhận lúc ${asRecordedAt}, chưa khóa.` },
      asRecordedAt,
    };
  if (choice === 'OFFICIAL') {
    // officialVersion(reportVersions(…)) without reading every version's row into a record; kept until
    // the database changes (every count of every unit of a dashboard asks it, twice with its basis).
    const st = reportReads(db);
    const [v] = st
      ? keptAggregate(sqliteOf(db), `:official${JSON.stringify([unitId, periodId])}`, () => {
          const row = st.official.get(unitId, periodId) as { reportVersion: number; lockedAt: string | null; figuresAsOf: string } | undefined;
          return row ? [row] : [];
        })
      : [];
    if (v?.lockedAt) return { basis: basisOf(v), asRecordedAt: v.figuresAsOf };
  }
  return { basis: liveBasis(), asRecordedAt: null };
}

export function sectionsOf(v: StoredRecord): ReportSection[] {
  return v.figures ? (JSON.parse(v.figures as string) as ReportSection[]) : [];
}

/** The reports module of one organization's subgraph: its kinds, the workflow, the figures. */
export class Reports {
  constructor(
    readonly org: OrganizationId,
    /** Every kind of the subgraph (figures come from them). */
    readonly kinds: () => readonly RecordKind[],
  ) {}

  get kind(): RecordKind {
    return reportKind(this.org);
  }

  private period(periodId: string) {
    const p = reportPeriod(periodId);
    if (!p)
      throw bad('periodId', 'không phải kỳ báo cáo (tháng 2021-05, quý 2021-Q2, 6 tháng 2021-PLAN-6M hoặc 2021-PLAN-6M2, năm 2021-PLAN-Y).', 'UNKNOWN_PERIOD');
    return p;
  }

  private unitOn(unitId: string, period: Period): string {
    const t = territory();
    const u = t.unit(unitId);
    if (!u || u.level === 'RESIDENTIAL_AREA') throw bad('unitId', 'không có đơn vị báo cáo này (tỉnh, huyện hoặc xã).', 'UNKNOWN_UNIT');
    // A unit that only changed maps is read on the map in force on the period's last day.
    const on = t.continuation(u.id).find((x) => t.existsOn(x.id, period.end)) ?? (t.existsOn(u.id, period.end) ? u : null);
    if (!on)
      throw bad(
        'unitId',
        `${u.name} không tồn tại vào ngày cuối kỳ (${period.end}): báo cáo theo đơn vị của bản đồ hành chính ngày đó.`,
        'UNIT_NOT_VALID_ON_DATE',
      );
    if (!hasBranchOn(this.org, on, period.end)) throw bad('unitId', `${ORGANIZATIONS[this.org].nameVi} không có cấp tại ${on.name} vào cuối kỳ.`, 'NO_BRANCH');
    return on.id;
  }

  figures(db: Db, unitId: string, periodId: string, asRecordedAt: string | null): ReportSection[] {
    return computeFigures(db, this.org, this.kinds(), unitId, periodId, asRecordedAt);
  }

  /** A preview of the branch's report as it would be submitted now (live figures), for its staff and the levels above. */
  draft(db: Db, identity: Identity, unitId: string, periodId: string) {
    const period = this.period(periodId);
    const unit = this.unitOn(unitId, period);
    const dueDate = dueDateOf(period);
    enforce(authorize.readSubmittedReport(new Scope(identity).principal, { org: this.org, unitId: unit, dueDate }));
    return { unitId: unit, period, dueDate, sections: this.figures(db, unit, periodId, null), basis: liveBasis() };
  }

  /** Every version of a branch's report, for those who may read it. */
  versions(db: Db, identity: Identity, unitId: string, periodId: string): StoredRecord[] {
    const period = this.period(periodId);
    const unit = this.unitOn(unitId, period);
    enforce(authorize.readSubmittedReport(new Scope(identity).principal, { org: this.org, unitId: unit, dueDate: dueDateOf(period) }));
    return reportVersions(db, this.org, unit, periodId);
  }

  private byId(db: Db, id: string): StoredRecord {
    const v = new RecordRepository(this.kind, db, reportingScope(this.org)).byId(id);
    if (!v || v.status !== 'ACTIVE') throw notFound('Không tìm thấy báo cáo này.');
    return v;
  }

  /** Submits the branch's report on a period (its first version, or a new one after a return). */
  submit(
    db: Db,
    identity: Identity,
    unitId: string,
    periodId: string,
    narrative: { results?: string | null; shortcomings?: string | null; proposals?: string | null },
  ) {
    const period = this.period(periodId);
    const unit = this.unitOn(unitId, period);
    const dueDate = dueDateOf(period);
    const scope = new Scope(identity);
    enforce(authorize.submitReport(scope.principal, { org: this.org, unitId: unit, dueDate }));
    const today = todayInVietnam();
    if (today < period.start) throw bad('periodId', `kỳ báo cáo chưa bắt đầu (từ ${period.start}).`, 'PERIOD_NOT_STARTED');
    return inWorkflow(() =>
      sqliteOf(db)
        .transaction(() => {
          const versions = reportVersions(db, this.org, unit, periodId);
          const last = versions.at(-1);
          if (last && last.stage !== 'RETURNED')
            throw bad(
              'periodId',
              `báo cáo kỳ này đã gửi (phiên bản ${last.reportVersion as number}, trạng thái ${last.stage as string}): chỉ gửi lại khi bị trả lại.`,
              'ALREADY_SUBMITTED',
            );
          const at = nowIso();
          // A branch at the top of its chain (the province) has no level above: its submission is its approval.
          const top = reportingChain(this.org, unit, dueDate).length === 0;
          const figures = this.figures(db, unit, periodId, at);
          return new RecordRepository(this.kind, db, scope).create(
            {
              unitId: unit,
              periodId,
              reportVersion: ((last?.reportVersion as number | undefined) ?? 0) + 1,
              stage: top ? 'APPROVED' : 'SUBMITTED',
              submittedOn: today,
              results: narrative.results ?? null,
              shortcomings: narrative.shortcomings ?? null,
              proposals: narrative.proposals ?? null,
              cause: last ? `Gửi lại sau khi bị trả lại: ${last.returnComment as string}` : null,
              figures: JSON.stringify(figures),
              figuresAsOf: at,
              lockedAt: top ? at : null,
              approvedBy: top ? identity.userId : null,
              approvedByName: top ? identity.name.slice(0, 200) : null,
            },
            { recordedAt: at },
          );
        })
        .immediate(),
    );
  }

  private change(db: Db, scope: Scope, v: StoredRecord, changes: Record<string, unknown>, reason: string): StoredRecord {
    return inWorkflow(() => new RecordRepository(this.kind, db, scope).correct(v.id, changes, reason));
  }

  private latestOf(db: Db, v: StoredRecord): boolean {
    return reportVersions(db, this.org, v.unitId as string, v.periodId as string).at(-1)?.id === v.id;
  }

  /** Approves a submitted version: the level above; locks its figures as the graph holds them now. */
  approve(db: Db, identity: Identity, id: string, comment: string | null) {
    const v = this.byId(db, id);
    const scope = new Scope(identity);
    enforce(authorize.approveReport(scope.principal, { org: this.org, unitId: v.unitId as string, dueDate: v.dueDate as string }));
    if (v.stage !== 'SUBMITTED' || !this.latestOf(db, v))
      throw bad('id', `chỉ duyệt được phiên bản mới nhất đang chờ duyệt (phiên bản này: ${v.stage as string}).`, 'NOT_WAITING');
    const at = nowIso();
    const figures = this.figures(db, v.unitId as string, v.periodId as string, at);
    return this.change(
      db,
      scope,
      v,
      {
        stage: 'APPROVED',
        lockedAt: at,
        figuresAsOf: at,
        figures: JSON.stringify(figures),
        approvedBy: identity.userId,
        approvedByName: identity.name.slice(0, 200),
      },
      comment?.trim() || 'Duyệt báo cáo',
    );
  }

  /** Returns a version for rework with a comment: the level above (submitted) or a consolidator (approved). */
  sendBack(db: Db, identity: Identity, id: string, comment: string) {
    const v = this.byId(db, id);
    const p = new Scope(identity).principal;
    const report = { org: this.org, unitId: v.unitId as string, dueDate: v.dueDate as string };
    let scope: Scope;
    if (v.stage === 'SUBMITTED') {
      enforce(authorize.approveReport(p, report));
      scope = new Scope(identity);
    } else if (v.stage === 'APPROVED') {
      enforce(authorize.acceptReport(p));
      scope = new Scope(actingFor(identity, this.org));
    } else throw bad('id', `phiên bản này không trả lại được (trạng thái ${v.stage as string}).`, 'NOT_RETURNABLE');
    if (!this.latestOf(db, v)) throw bad('id', 'đã có phiên bản mới hơn của báo cáo này.', 'NOT_LATEST');
    return this.change(db, scope, v, { stage: 'RETURNED', returnedBy: identity.userId, returnComment: comment }, comment);
  }

  /** Accepts an approved version for the consolidator's organization (police or Front); final when both have. */
  accept(db: Db, identity: Identity, id: string, comment: string | null) {
    const v = this.byId(db, id);
    const p = new Scope(identity).principal;
    enforce(authorize.acceptReport(p));
    const by = p.staffOf as 'police' | 'front';
    if (v.stage !== 'APPROVED' || !this.latestOf(db, v))
      throw bad('id', `chỉ tiếp nhận được phiên bản mới nhất đã được cấp trên duyệt (phiên bản này: ${v.stage as string}).`, 'NOT_APPROVED');
    if (v[`${by}AcceptedAt`]) throw bad('id', `${ORGANIZATIONS[by].nameVi} đã tiếp nhận phiên bản này.`, 'ALREADY_ACCEPTED');
    const at = nowIso();
    const other = by === 'police' ? 'front' : 'police';
    const changes: Record<string, unknown> = { [`${by}AcceptedBy`]: identity.userId, [`${by}AcceptedAt`]: at };
    if (v[`${other}AcceptedAt`]) changes.stage = 'ACCEPTED';
    return this.change(db, new Scope(actingFor(identity, this.org)), v, changes, comment?.trim() || `Tiếp nhận báo cáo (${ORGANIZATIONS[by].nameVi})`);
  }

  /** The branches that owe a report on the period under a unit (the unit and every unit below it with a branch then). */
  branchesUnder(unitId: string, period: Period): string[] {
    const t = territory();
    const covered = t.covered(unitId);
    const order = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as Record<string, number>;
    return t
      .unitsOn(period.end)
      .filter((u) => u.level !== 'RESIDENTIAL_AREA' && (u.id === unitId || covered.has(u.id)) && hasBranchOn(this.org, u, period.end))
      .sort((a, b) => order[a.level]! - order[b.level]! || a.id.localeCompare(b.id))
      .map((u) => u.id);
  }

  /** Timeliness of every branch under a unit on a period. */
  timeliness(db: Db, unitId: string, period: Period) {
    const dueDate = dueDateOf(period);
    return this.branchesUnder(unitId, period).map((u) => {
      const versions = reportVersions(db, this.org, u, period.id);
      const last = versions.at(-1) ?? null;
      const official = officialVersion(versions);
      return {
        org: this.org,
        unitId: u,
        period,
        dueDate,
        timeliness: timelinessOf(versions, dueDate),
        firstSubmittedOn: (versions[0]?.submittedOn as string | undefined) ?? null,
        latestVersion: (last?.reportVersion as number | undefined) ?? null,
        latestStage: (last?.stage as string | undefined) ?? null,
        officialVersion: (official?.reportVersion as number | undefined) ?? null,
        accepted: official?.stage === 'ACCEPTED',
        versions,
        official,
      };
    });
  }

  /**
   * The organization's part of a consolidated report on a unit: the reports of the branches nearest the
   * top that sent one (an approved version; else the latest submitted, provisional), each covering its
   * part of the unit, added up; provisional unless every one of them was accepted by both consolidators.
   */
  part(db: Db, identity: Identity, unitId: string, periodId: string) {
    const period = this.period(periodId);
    const unit = this.unitOn(unitId, period);
    const dueDate = dueDateOf(period);
    enforce(authorize.readSubmittedReport(new Scope(identity).principal, { org: this.org, unitId: unit, dueDate }));
    const rows = this.timeliness(db, unit, period);
    const taken: StoredRecord[] = [];
    const takenUnits: string[] = [];
    const t = territory();
    for (const r of rows) {
      const v = r.official ?? r.versions.filter((x) => x.stage === 'SUBMITTED').at(-1) ?? null;
      if (!v) continue;
      if (takenUnits.some((u) => t.covered(u).has(r.unitId))) continue;
      taken.push(v);
      takenUnits.push(r.unitId);
    }
    // A figure is provisional when a report it adds up was not yet accepted by both the police and the Front.
    const anyProvisional = taken.some((v) => v.stage !== 'ACCEPTED');
    const sections = addSections(taken.map(sectionsOf)).map((s) => ({ ...s, figures: s.figures.map((f) => ({ ...f, provisional: anyProvisional })) }));
    return {
      org: this.org,
      unitId: unit,
      period,
      reports: taken,
      sections,
      provisional: anyProvisional || taken.length === 0,
      timeliness: rows,
    };
  }

  /** A version as a signed document: for those who may read the report, audited as a read. */
  async document(ctx: SubgraphContext, v: StoredRecord, format: DocumentFormat): Promise<DocumentFile> {
    const identity = ctx.scope.identity;
    enforce(authorize.readSubmittedReport(new Scope(identity).principal, { org: this.org, unitId: v.unitId as string, dueDate: v.dueDate as string }));
    ctx.audit?.read({ typeName: this.kind.spec.type, field: 'document', recordId: v.id, dataClass: 'INTERNAL' });
    return renderDocumentFile(reportVersionDocument(ctx.db, this.org, v, identity), format, reportVersionFileName(this.org, v));
  }

  /** The organization's part of a consolidated report as the joint document prints it (read as `part` is, audited). */
  documentPart(ctx: SubgraphContext, unitId: string, periodId: string): DocumentPart {
    let part: ReturnType<Reports['part']>;
    try {
      part = this.part(ctx.db, ctx.scope.identity, unitId, periodId);
    } catch (e) {
      // No branch at the unit (the labour federation in a commune): nothing owed there, for those who may read it.
      if (!(e instanceof GraphQLError) || e.extensions?.reason !== 'NO_BRANCH') throw e;
      const period = this.period(periodId);
      enforce(authorize.readSubmittedReport(new Scope(ctx.scope.identity).principal, { org: this.org, unitId, dueDate: dueDateOf(period) }));
      return absentPart(this.org, unitId);
    }
    for (const v of part.reports) ctx.audit?.read({ typeName: this.kind.spec.type, field: 'documentPart', recordId: v.id, dataClass: 'INTERNAL' });
    return documentPart(this.org, part);
  }

  /**
   * The consolidated report as the joint document: this organization's part and the others' (given by the
   * gateway from their subgraphs, each read under the caller's identity). A part that did not come (its
   * subgraph down or unreachable: the gateway's fallback gives it as null) does not stop the document:
   * the organization is listed as "chưa có số liệu / không kết nối được" with the time it was asked for,
   * every other organization's figures are printed, and the whole is marked provisional.
   */
  async consolidatedDocument(
    ctx: SubgraphContext,
    ref: { unitId: string; periodId: string } & Record<string, unknown>,
    format: DocumentFormat,
    /** Issued by the standby (the police's subgraph) while the host cannot be reached: provisional, never numbered. */
    opts: { standby?: boolean } = {},
  ) {
    // The gateway fetched the other parts just before this call: now is when they were asked for.
    const triedAt = new Date();
    // The caller must be one who may read every organization's report at the unit (decided here as each subgraph decides it).
    const principal = new Scope(ctx.scope.identity).principal;
    const dueDate = dueDateOf(this.period(ref.periodId));
    for (const org of ORGANIZATION_IDS) enforce(authorize.readSubmittedReport(principal, { org, unitId: ref.unitId, dueDate }));
    const own = this.documentPart(ctx, ref.unitId, ref.periodId);
    const others = ORGANIZATION_IDS.filter((o) => o !== this.org);
    const parts = [
      own,
      ...others.map((o) => {
        const text = ref[`${o}DocumentPart`];
        return typeof text === 'string' ? decodeDocumentPart(text) : unreachablePart(o, own.unitId, triedAt);
      }),
    ];
    // A version every report of which is accepted gets its number in the joint register once (numbers.ts).
    // The standby never numbers: the joint register is the host's (a second register would give a number twice).
    const numbered = opts.standby ? null : consolidatedNumber(ctx.db, own.unitId, ref.periodId, parts);
    ctx.audit?.read({
      typeName: 'ConsolidatedReport',
      field: opts.standby ? 'provisionalDocument' : 'document',
      recordId: `${own.unitId}|${ref.periodId}`,
      dataClass: 'INTERNAL',
    });
    return renderDocumentFile(
      consolidatedDocument(own.unitId, ref.periodId, parts, todayInVietnam(), numbered),
      format,
      consolidatedFileName(own.unitId, ref.periodId),
    );
  }

  /** What the caller's branch owes: the reports due in [from, to], with where each stands. */
  owed(db: Db, identity: Identity, periods: readonly Period[]) {
    const p = new Scope(identity).principal;
    enforce(authorize.writeAny(p, this.org));
    const t = territory();
    return periods.flatMap((period) => {
      const unit = [...p.postUnits].find((u) => t.existsOn(u, period.end));
      if (!unit || !hasBranchOn(this.org, t.unit(unit)!, period.end)) return [];
      return this.timeliness(db, unit, period).filter((r) => r.unitId === unit);
    });
  }
}

/**
 * The write hook: a report version is written only through the workflow; a record written with a date
 * in a period that an approved report covers needs a reason, and each covering report whose latest
 * version is locked gets a new, unapproved version (its figures read after the write).
 */
registerWriteHook('reports', (w: RecordWrite) => {
  if (isReportKind(w.kind)) {
    if (!workflowDepth)
      throw bad(
        'id',
        `báo cáo chỉ được gửi, duyệt, trả lại và tiếp nhận qua submit${w.kind.prefix}Report, approve${w.kind.prefix}Report, return${w.kind.prefix}Report, accept${w.kind.prefix}Report.`,
        'REPORT_WORKFLOW_ONLY',
      );
    return;
  }
  if (!hasReportsTable(w.sqlite)) return;
  const covering = lockedReportsCovering(w.db, w.org, w.places);
  if (!covering.length) return;
  if (!w.reason) {
    const names = covering.map((r) => `${r.official.periodId as string} của ${territory().unit(r.official.unitId as string)?.name ?? r.official.unitId}`);
    throw bad(
      'reason',
      `lý do: ngày của hồ sơ thuộc kỳ đã có báo cáo được duyệt (${names.slice(0, 3).join('; ')}${names.length > 3 ? '…' : ''}); hãy nêu lý do (ít nhất 5 ký tự), báo cáo sẽ có phiên bản mới chờ duyệt lại.`,
      'REASON_REQUIRED',
    );
  }
  return () => {
    const at = nowIso();
    const action = { create: 'Ghi mới', correct: 'Đính chính', void: 'Hủy' }[w.action];
    for (const r of covering) {
      if (!LOCKED.includes(r.latest.stage as ReportStage)) continue;
      const figures = computeFigures(w.db, w.org, kindsOf(w.org), r.latest.unitId as string, r.latest.periodId as string, null);
      inWorkflow(() =>
        new RecordRepository(reportKind(w.org), w.db, reportingScope(w.org)).create(
          {
            unitId: r.latest.unitId,
            periodId: r.latest.periodId,
            reportVersion: (r.latest.reportVersion as number) + 1,
            stage: 'SUBMITTED',
            submittedOn: todayInVietnam(),
            results: r.latest.results ?? null,
            shortcomings: r.latest.shortcomings ?? null,
            proposals: r.latest.proposals ?? null,
            cause: `${action} ${w.kind.spec.nounVi} ${w.recordId}: ${w.reason}`.slice(0, 2000),
            figures: JSON.stringify(figures),
            figuresAsOf: at,
          },
          { recordedBy: w.scope.identity.userId, recordedAt: at },
        ),
      );
    }
  };
});

/** The kinds of each organization's subgraph, as the reports module was given them (figures of a new version). */
const kindsByOrg = new Map<OrganizationId, () => readonly RecordKind[]>();
export function registerReportKinds(org: OrganizationId, kinds: () => readonly RecordKind[]): void {
  kindsByOrg.set(org, kinds);
}
function kindsOf(org: OrganizationId): readonly RecordKind[] {
  return kindsByOrg.get(org)?.() ?? [];
}

/** The reports with an approved version whose period holds one of the dates and whose unit counts one of the units. */
/** The units with an approved or accepted report of a period (prepared once per database: every write asks, for each period containing its date). */
const approvedUnits = preparedPerDatabase((db) =>
  sqliteOf(db).prepare(
    "SELECT DISTINCT unit_id AS u FROM reports WHERE superseded_at IS NULL AND status = 'ACTIVE' AND period_id = ? AND stage IN ('APPROVED', 'ACCEPTED')",
  ),
);

function lockedReportsCovering(db: Db, org: OrganizationId, places: readonly { unitId: string; date: string }[]) {
  const t = territory();
  const out = new Map<string, { official: StoredRecord; latest: StoredRecord }>();
  const approved = approvedUnits(db);
  for (const { unitId, date } of places) {
    if (!unitId || !date) continue;
    for (const period of reportPeriodsContaining(date)) {
      const units = approved.all(period.id) as { u: string }[];
      for (const { u } of units) {
        const key = `${u}|${period.id}`;
        if (out.has(key) || !(u === unitId || t.covered(u).has(unitId))) continue;
        const versions = reportVersions(db, org, u, period.id);
        const official = officialVersion(versions);
        if (official) out.set(key, { official, latest: versions.at(-1)! });
      }
    }
  }
  return [...out.values()];
}

/** A demo report version (demo.ts): written as the workflow would have, on the days given, marked demo. */
export function writeDemoReport(
  db: Db,
  org: OrganizationId,
  kinds: readonly RecordKind[],
  v: { unitId: string; periodId: string; submittedOn: IsoDate; stage: ReportStage; results: string },
): StoredRecord {
  const at = `${v.submittedOn}T09:00:00.000Z`;
  const lockAt = `${v.submittedOn}T15:00:00.000Z`;
  const locked = v.stage === 'APPROVED' || v.stage === 'ACCEPTED';
  const figures = computeFigures(db, org, kinds, v.unitId, v.periodId, locked ? lockAt : at);
  return inWorkflow(() =>
    new RecordRepository(reportKind(org), db, reportingScope(org)).create(
      {
        unitId: v.unitId,
        periodId: v.periodId,
        reportVersion: 1,
        stage: v.stage,
        submittedOn: v.submittedOn,
        results: v.results,
        figures: JSON.stringify(figures),
        figuresAsOf: locked ? lockAt : at,
        lockedAt: locked ? lockAt : null,
        approvedBy: locked ? 'demo-data' : null,
        policeAcceptedBy: v.stage === 'ACCEPTED' ? 'demo-data' : null,
        policeAcceptedAt: v.stage === 'ACCEPTED' ? lockAt : null,
        frontAcceptedBy: v.stage === 'ACCEPTED' ? 'demo-data' : null,
        frontAcceptedAt: v.stage === 'ACCEPTED' ? lockAt : null,
      },
      { demo: true, recordedBy: 'demo-data', recordedAt: at },
    ),
  );
}
