/**
 * Lists of records by unit and period, page by page, newest first, with prepared statements (drizzle
 * without .prepare() costs about 14 times more per query). Every list goes through a Window, so it is
 * already cut to what the caller may see.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { invalidInput } from '@antt/auth';
import type { Db } from '@antt/subgraph-kit';
import type { Window } from './window.js';

export const MAX_PAGE = 200;

/** A page of records, in the shape of the schema's connections. */
export interface Page<Row> {
  nodes: Row[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const built = new WeakMap<Db, Map<string, unknown>>();

/** Statements prepared once per database and name. */
export function memo<T>(db: Db, name: string, build: () => T): T {
  let m = built.get(db);
  if (!m) built.set(db, (m = new Map()));
  if (!m.has(name)) m.set(name, build());
  return m.get(name) as T;
}

/** `column IN (the window's units) AND dateColumn BETWEEN from AND to`, with placeholders units, from, to. */
export function inWindow(unitColumn: SQLiteColumn | SQL, dateColumn: SQLiteColumn | SQL): SQL {
  return sql`${unitColumn} IN (SELECT value FROM json_each(${sql.placeholder('units')})) AND ${dateColumn} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`;
}

/** `column IN (the window's units)`. */
export function inUnits(unitColumn: SQLiteColumn | SQL): SQL {
  return sql`${unitColumn} IN (SELECT value FROM json_each(${sql.placeholder('units')}))`;
}

export function windowParams(w: Window): { units: string; from: string; to: string } {
  return { units: w.units, from: w.from, to: w.to };
}

/** Ids are positive integers; anything else names no record (and is not an error worth a stack). */
export function parseId(id: string | number): number | null {
  const s = String(id);
  return /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null;
}

function encodeCursor(date: string, id: number): string {
  return Buffer.from(`${date}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { afterDate: string; afterId: number } {
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw invalidInput('after', 'Con trỏ phân trang không hợp lệ: dùng endCursor của trang trước.', 'INVALID_CURSOR');
  return { afterDate: m[1]!, afterId: Number(m[2]) };
}

export interface ListColumns {
  id: SQLiteColumn;
  unitId: SQLiteColumn;
  date: SQLiteColumn;
}

/**
 * A paged list over one table. `extra` is an optional condition with its own placeholders (for example
 * `(${sql.placeholder('caseId')} IS NULL OR case_id = ${sql.placeholder('caseId')})`), whose values are
 * passed to `page()`.
 */
export class RecordList<T extends SQLiteTable, Row extends { id: number } = T['$inferSelect'] & { id: number }> {
  constructor(
    private readonly name: string,
    private readonly table: T,
    private readonly cols: ListColumns,
    private readonly dateOf: (row: Row) => string,
    private readonly extra?: SQL,
  ) {}

  private stmts(db: Db) {
    return memo(db, `list:${this.name}`, () => {
      const filter = this.extra ? and(inWindow(this.cols.unitId, this.cols.date), this.extra) : inWindow(this.cols.unitId, this.cols.date);
      const c = this.cols;
      // drizzle's builder is typed per table; this class is generic over tables, so its rows are typed by Row.
      const table = this.table as SQLiteTable;
      return {
        byId: db
          .select()
          .from(table)
          .where(eq(c.id, sql.placeholder('id')))
          .prepare(),
        page: db
          .select()
          .from(table)
          .where(
            and(
              filter,
              sql`(${c.date} < ${sql.placeholder('afterDate')} OR (${c.date} = ${sql.placeholder('afterDate')} AND ${c.id} < ${sql.placeholder('afterId')}))`,
            ),
          )
          .orderBy(desc(c.date), desc(c.id))
          .limit(sql.placeholder('limit'))
          .prepare(),
        total: db
          .select({ n: sql<number>`count(*)` })
          .from(table)
          .where(filter)
          .prepare(),
      };
    });
  }

  byId(db: Db, id: number): Row | undefined {
    return this.stmts(db).byId.get({ id }) as Row | undefined;
  }

  page(db: Db, w: Window, first: number, after?: string | null, params: Record<string, unknown> = {}): Page<Row> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw invalidInput('first', `Số bản ghi mỗi trang phải từ 1 đến ${MAX_PAGE}.`, 'PAGE_SIZE');
    const cursor = after ? decodeCursor(after) : { afterDate: '9999-12-31', afterId: Number.MAX_SAFE_INTEGER };
    const base = { ...windowParams(w), ...params };
    const rows = this.stmts(db).page.all({ ...base, ...cursor, limit: first + 1 }) as Row[];
    const nodes = rows.slice(0, first);
    const total = (this.stmts(db).total.get(base) as { n: number } | undefined)?.n ?? 0;
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount: total, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(this.dateOf(last), last.id) : null } };
  }
}

/** Counts of each key (every key of the catalogue present, zeros included, in the catalogue's order). */
export function countsByKey<K extends string>(catalogue: Record<K, unknown>, rows: { key: string | null; n: number }[]): { key: K; n: number }[] {
  const by = new Map(rows.map((r) => [r.key, r.n]));
  return (Object.keys(catalogue) as K[]).map((key) => ({ key, n: Number(by.get(key) ?? 0) }));
}
