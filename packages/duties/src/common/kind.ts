/**
 * A kind of record an organization keeps for itself (a patrol, a forum, a media item...): one table,
 * one validation, and the repository every such kind needs, made from a short description of it:
 * lists by unit and period, one record by id (null when not the caller's to see, also through
 * `_entities`), writing inside the caller's jurisdiction, and counts by unit and period. A kind that
 * needs more (an outcome recorded later) extends the class it returns.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { notFound, type Scope, collectInputProblems } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { Db } from '@antt/subgraph-kit';
import { canReadRecord, type Visibility } from './access.js';
import { Check } from './validate.js';
import { countWindow, recordWindow, type WindowFilter } from './window.js';
import { RecordList, countsByKey, inWindow, memo, windowParams, type ListColumns, type Page } from './records.js';

export interface RecordKindSpec<T extends SQLiteTable, Input, Values extends { unitId: string }> {
  /** Unique among the kinds of a database (names its prepared statements). */
  name: string;
  table: T;
  /** Id, unit and date columns: lists and counts go by unit and date. */
  columns: ListColumns;
  dateOf: (row: T['$inferSelect']) => string;
  /** Numbers added up in counts, under the names the schema's summary type gives them. */
  sums?: Record<string, SQLiteColumn | SQL>;
  /** A catalogue column the counts are broken down by (every value of the catalogue reported, zeros included). */
  by?: { column: SQLiteColumn; catalogue: Record<string, unknown> };
  /** Who may read the records themselves (counts are for leadership and dashboards too). Default: 'records'. */
  visibility?: Visibility;
  /** Vietnamese name of one record, for "not found" messages, e.g. "ca tuần tra". */
  nounVi: string;
  /** Checks an input and returns the row to insert (without bookkeeping). */
  validate: (org: OrganizationId, input: Input, check: Check) => Values;
}

export interface KindSummary {
  count: number;
  [sum: string]: number | { key: string; count: number; [sum: string]: number | string }[];
}

export type Row<T extends SQLiteTable> = T['$inferSelect'] & { id: number; unitId: string };

export function recordKind<T extends SQLiteTable, Input, Values extends { unitId: string }>(spec: RecordKindSpec<T, Input, Values>) {
  const list = new RecordList<T, Row<T>>(spec.name, spec.table, spec.columns, spec.dateOf);
  const visibility = spec.visibility ?? 'records';
  const sums = (prefix = '') => Object.fromEntries(Object.entries(spec.sums ?? {}).map(([k, c]) => [`${prefix}${k}`, sql<number>`coalesce(sum(${c}), 0)`]));
  const prepare = (db: Db) => {
    const table = spec.table as SQLiteTable;
    const w = inWindow(spec.columns.unitId, spec.columns.date);
    return {
      totals: db
        .select({ n: sql<number>`count(*)`, ...sums() })
        .from(table)
        .where(w)
        .prepare(),
      by: spec.by
        ? db
            .select({ key: sql<string>`${spec.by.column}`, n: sql<number>`count(*)`, ...sums() })
            .from(table)
            .where(w)
            .groupBy(spec.by.column)
            .prepare()
        : null,
    };
  };

  return class RecordKindRepository {
    static readonly spec = spec;

    constructor(
      protected readonly db: Db,
      protected readonly org: OrganizationId,
      protected readonly scope: Scope,
    ) {}

    protected get counts() {
      return memo(this.db, `kind:${spec.name}`, () => prepare(this.db));
    }

    /** The record, or null when it does not exist or lies outside what the caller may read: the two look the same. */
    byId(id: number): Row<T> | null {
      const row = list.byId(this.db, id);
      return row && canReadRecord(this.scope, this.org, row.unitId, visibility) ? row : null;
    }

    list(f: WindowFilter, first: number, after?: string | null): Page<Row<T>> {
      return list.page(this.db, recordWindow(this.scope, this.org, f, visibility), first, after);
    }

    record(input: Input): Row<T> {
      const v = collectInputProblems(() => spec.validate(this.org, input, new Check()));
      this.scope.assertCanWrite(this.org, v.unitId);
      const table = spec.table as SQLiteTable;
      return this.db
        .insert(table)
        .values({ ...v, recordedBy: this.scope.identity.userId })
        .returning()
        .get() as Row<T>;
    }

    /** A record the caller may change; outside their reach, a record and no record look the same. */
    protected writable(id: number): Row<T> {
      const row = list.byId(this.db, id);
      if (!row || !this.scope.canWrite(this.org) || !this.scope.coversUnit(row.unitId)) throw notFound(`Không tìm thấy ${spec.nounVi} ${id}.`);
      return row;
    }

    protected update(id: number, set: Record<string, unknown>): Row<T> {
      const table = spec.table as SQLiteTable;
      return this.db.update(table).set(set).where(eq(spec.columns.id, id)).returning().get() as Row<T>;
    }

    /** Counts (and sums) of the records dated in the period, in the unit and everything below it. */
    summary(unitId: string, periodId: string): KindSummary {
      const p = windowParams(countWindow(this.scope, this.org, { unitId, periodId }));
      const t = (this.counts.totals.get(p) ?? { n: 0 }) as Record<string, number>;
      const out: KindSummary = { count: Number(t.n ?? 0) };
      for (const k of Object.keys(spec.sums ?? {})) out[k] = Number(t[k] ?? 0);
      if (spec.by && this.counts.by) {
        const rows = this.counts.by.all(p) as ({ key: string; n: number } & Record<string, number>)[];
        const byKey = new Map(rows.map((r) => [r.key, r]));
        out.by = countsByKey(spec.by.catalogue, rows).map(({ key, n }) => {
          const r = byKey.get(key);
          return { key, count: n, ...Object.fromEntries(Object.keys(spec.sums ?? {}).map((k) => [k, Number(r?.[k] ?? 0)])) };
        });
      }
      return out;
    }
  };
}
