/**
 * All SQL for models, prepared once per database and filtered by the caller's scope. Ids in the graph
 * are `model:<org>:<n>`; the table keeps the number.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { notFound, type Scope } from '@antt/auth';
import { recordId, type ModelKind, type ModelStatus, type OrganizationId } from '@antt/reference';
import { preparedPerDatabase, type Db } from '../db.js';
import { assertCanReadMovement, assertCanReadMovementCounts, canReadMovementRecords } from '../policy.js';
import { pageSize, unitOrJurisdiction } from '../check.js';
import { optionalText } from '../validation.js';
import { models } from './table.js';
import { MODEL_LIMITS, validateModel, validateStatusChange, type ModelFields } from './validate.js';

export type ModelRow = typeof models.$inferSelect;
export const MAX_MODELS = 500;

function prepare(db: Db) {
  const units = sql`(SELECT value FROM json_each(${sql.placeholder('units')}))`;
  const filter = and(
    sql`${models.unitId} IN ${units}`,
    sql`(${sql.placeholder('status')} IS NULL OR ${models.status} = ${sql.placeholder('status')})`,
    sql`(${sql.placeholder('kind')} IS NULL OR ${models.kind} = ${sql.placeholder('kind')})`,
    sql`(${sql.placeholder('replicaOf')} IS NULL OR ${models.replicaOfId} = ${sql.placeholder('replicaOf')})`,
  );
  return {
    byId: db.select().from(models).where(eq(models.id, sql.placeholder('id'))).prepare(),
    list: db.select().from(models).where(filter).orderBy(desc(models.startedOn), desc(models.id)).limit(sql.placeholder('limit')).prepare(),
    counts: db
      .select({ status: models.status, kind: models.kind, count: sql<number>`count(*)` })
      .from(models)
      .where(sql`${models.unitId} IN ${units}`)
      .groupBy(models.status, models.kind)
      .orderBy(models.status, models.kind)
      .prepare(),
  };
}

const stmts = preparedPerDatabase(prepare);

export interface ModelFilter {
  unitId?: string | null;
  status?: ModelStatus | null;
  kind?: ModelKind | null;
  replicaOf?: string | null;
}

export class ModelRepository {
  constructor(
    private readonly db: Db,
    private readonly org: OrganizationId,
    private readonly scope: Scope,
  ) {}

  globalId(row: ModelRow): string {
    return recordId('model', this.org, row.id);
  }

  /** The model, or null when it does not exist or is not the caller's to see: the two look the same. */
  byId(n: number): ModelRow | null {
    const row = stmts(this.db).byId.get({ id: n });
    if (!row || !canReadMovementRecords(this.scope, this.org) || !this.scope.coversUnit(row.unitId)) return null;
    return row;
  }

  /** Models kept for a unit and everything below it (including units that preceded it), newest first. */
  list(f: ModelFilter, first: number): ModelRow[] {
    const unitId = unitOrJurisdiction(this.scope, f.unitId);
    assertCanReadMovement(this.scope, this.org, unitId);
    pageSize('first', first, MAX_MODELS);
    const units = JSON.stringify([...this.scope.visibleUnder(unitId)]);
    return stmts(this.db).list.all({ units, status: f.status ?? null, kind: f.kind ?? null, replicaOf: f.replicaOf ?? null, limit: first });
  }

  counts(unitId: string): { status: string; kind: string; count: number }[] {
    const u = unitOrJurisdiction(this.scope, unitId);
    assertCanReadMovementCounts(this.scope, this.org, u);
    return stmts(this.db).counts.all({ units: JSON.stringify([...this.scope.visibleUnder(u)]) });
  }

  record(input: ModelFields, opts: { demo?: boolean; id?: number; status?: ModelStatus; statusSince?: string | null; recordedAt?: string } = {}): ModelRow {
    const v = validateModel(this.org, input);
    this.scope.assertCanWrite(this.org, v.unitId);
    return this.db
      .insert(models)
      .values({ ...v, ...(opts.id ? { id: opts.id } : {}), status: opts.status ?? 'ACTIVE', statusSince: opts.statusSince ?? null, demo: opts.demo ?? false, recordedBy: this.scope.identity.userId, ...(opts.recordedAt ? { recordedAt: opts.recordedAt } : {}) })
      .returning()
      .get();
  }

  /** Marks a model as being replicated, discontinued (for example after a review decided to remove it) or active again. */
  changeStatus(n: number, status: ModelStatus, since: string, reason: string | null): ModelRow {
    const current = stmts(this.db).byId.get({ id: n });
    if (!current || !this.scope.canWrite(this.org) || !this.scope.coversUnit(current.unitId)) throw notFound(`Không tìm thấy mô hình ${recordId('model', this.org, n)}.`);
    validateStatusChange(current, status, since);
    const note = optionalText('reason', reason, MODEL_LIMITS.reason, 'Lý do');
    const description = note ? [current.description, `${since}: ${note}`].filter(Boolean).join('\n') : current.description;
    return this.db
      .update(models)
      .set({ status, statusSince: since, description, updatedBy: this.scope.identity.userId, updatedAt: new Date().toISOString() })
      .where(eq(models.id, n))
      .returning()
      .get();
  }
}
