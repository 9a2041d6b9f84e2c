/** All SQL of help for people at risk and people who erred, filtered by the caller's scope. */
import { collectInputProblems } from '@antt/auth';
import { sql } from 'drizzle-orm';
import type { Scope } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { HELP_KINDS, SUPPORTED_GROUPS, type HelpKind, type SupportedGroup } from '../catalogues.js';
import { canReadRecord } from '../common/access.js';
import { Check } from '../common/validate.js';
import { countWindow, recordWindow, type WindowFilter } from '../common/window.js';
import { RecordList, countsByKey, inWindow, memo, windowParams, type Page } from '../common/records.js';
import { atRiskSupports as supports } from './table.js';

export type AtRiskSupportRow = typeof supports.$inferSelect;

export interface AtRiskSupportInput {
  date: string;
  unitId: string;
  supportedGroup: SupportedGroup;
  help: HelpKind[];
  peopleHelped: number;
  givenBy: string;
  note?: string | null;
}

export function validateAtRiskSupport(org: OrganizationId, f: AtRiskSupportInput, check = new Check()) {
  const date = check.pastDate('date', f.date, 'Ngày giúp đỡ');
  const unit = check.unitOn('unitId', f.unitId, date, ['COMMUNE', 'RESIDENTIAL_AREA']);
  return {
    date,
    unitId: unit.id,
    branchId: check.branch(org, unit, date),
    supportedGroup: check.oneOf('supportedGroup', f.supportedGroup, SUPPORTED_GROUPS, 'Đối tượng được giúp đỡ'),
    help: JSON.stringify(check.setOf('help', f.help, HELP_KINDS, 'Hình thức hỗ trợ', 1)),
    peopleHelped: check.count('peopleHelped', f.peopleHelped, 'Số người được giúp đỡ', 1, 10_000),
    givenBy: check.text('givenBy', f.givenBy, 'Người, tổ chức giúp đỡ', 200, true),
    note: check.text('note', f.note, 'Ghi chú', 2000),
  };
}

const list = new RecordList('at-risk-supports', supports, { id: supports.id, unitId: supports.unitId, date: supports.date }, (r) => r.date);

function prepare(db: Db) {
  const w = inWindow(supports.unitId, supports.date);
  return {
    totals: db
      .select({
        n: sql<number>`count(*)`,
        people: sql<number>`coalesce(sum(${supports.peopleHelped}), 0)`,
        ...Object.fromEntries(Object.keys(HELP_KINDS).map((k) => [k, sql<number>`coalesce(sum(${supports.help} LIKE ${`%"${k}"%`}), 0)`])),
      })
      .from(supports)
      .where(w)
      .prepare(),
    byGroup: db.select({ key: supports.supportedGroup, n: sql<number>`count(*)`, people: sql<number>`coalesce(sum(${supports.peopleHelped}), 0)` }).from(supports).where(w).groupBy(supports.supportedGroup).prepare(),
  };
}

export interface AtRiskSupportSummary {
  records: number;
  peopleHelped: number;
  byGroup: { group: SupportedGroup; records: number; people: number }[];
  help: { kind: HelpKind; count: number }[];
}

export class AtRiskSupportRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  private get s() {
    return memo(this.db, 'at-risk-supports', () => prepare(this.db));
  }

  byId(id: number): AtRiskSupportRow | null {
    const row = list.byId(this.db, id);
    return row && canReadRecord(this.scope, this.org, row.unitId, 'records') ? row : null;
  }

  list(f: WindowFilter, first: number, after?: string | null): Page<AtRiskSupportRow> {
    return list.page(this.db, recordWindow(this.scope, this.org, f), first, after);
  }

  record(input: AtRiskSupportInput): AtRiskSupportRow {
    const v = collectInputProblems(() => validateAtRiskSupport(this.org, input));
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db.insert(supports).values({ ...v, recordedBy: this.scope.identity.userId }).returning().get();
  }

  summary(unitId: string, periodId: string): AtRiskSupportSummary {
    const p = windowParams(countWindow(this.scope, this.org, { unitId, periodId }));
    const t = (this.s.totals.get(p) ?? {}) as Record<string, number>;
    const people = new Map(this.s.byGroup.all(p).map((g) => [g.key, g.people]));
    return {
      records: Number(t.n ?? 0),
      peopleHelped: Number(t.people ?? 0),
      byGroup: countsByKey(SUPPORTED_GROUPS, this.s.byGroup.all(p)).map(({ key, n }) => ({ group: key, records: n, people: people.get(key) ?? 0 })),
      help: (Object.keys(HELP_KINDS) as HelpKind[]).map((kind) => ({ kind, count: Number(t[kind] ?? 0) })),
    };
  }
}
