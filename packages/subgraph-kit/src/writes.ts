/**
 * Every write of a subgraph is a root Mutation field, and each runs here in a checked transaction on
 * the organization's connection: BEGIN IMMEDIATE, the resolver (its repositories' own transactions
 * become savepoints), the WRITE entry of the audit trail, COMMIT. Fields of several requests that reach
 * their transaction in the same turn of the event loop share it, each in its own savepoint (GroupCommit:
 * one commit, one fsync at synchronous=FULL). The commit is checked: better-sqlite3
 * returns a row from `INSERT ... RETURNING` before the implicit commit of a statement outside a
 * transaction, and does not report that commit failing (a full disk), so a caller used to get an id
 * that was never stored and a second caller the same id. Here a failed commit rolls back the record
 * and its audit entry together, and the field answers an error instead of the record.
 *
 * The transaction must never span an await on the shared connection (another request's statements
 * would run inside it), so a mutation resolver must be synchronous: one that returns a promise is
 * refused and its transaction rolled back.
 */
import type { GraphQLField, GraphQLFieldResolver, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, GraphQLType, OperationDefinitionNode } from 'graphql';
import { GraphQLError } from 'graphql';
import type Database from 'better-sqlite3';
import { AuditTrail, type AuditEntry } from '@antt/audit';
import type { Scope } from '@antt/auth';
import type { SubgraphContext } from './context.js';
import { writesNotRead } from '@antt/disclosure';
import { onceEach, sqliteOf } from './db.js';

const BUSY_MESSAGE = 'Cơ sở dữ liệu đang bận: chưa lưu được, vui lòng thử lại.';
const STORAGE_MESSAGE = 'Máy chủ không ghi được dữ liệu (hết chỗ hoặc chỉ đọc): bản ghi chưa được lưu.';
const INTERNAL_MESSAGE = 'Lỗi hệ thống: yêu cầu chưa thực hiện được. Vui lòng thử lại hoặc báo quản trị viên.';

/** better-sqlite3's SqliteError, recognised by shape (its class may come from another copy of the module). */
function sqliteCode(e: unknown): string | null {
  if (!(e instanceof Error) || e.name !== 'SqliteError') return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * What a client is told of a database error, in Vietnamese with a stable code; the English text of
 * SQLite (table names, "database is locked") stays in the server log. A lock held past busy_timeout
 * is SERVICE_BUSY (try again); a full, failing or read-only disk is STORAGE_UNAVAILABLE (nothing
 * was saved); any other SqliteError is an internal error. Returns null for an error that is not
 * SQLite's (a GraphQLError raised on purpose passes unchanged).
 */
export function databaseError(e: unknown): GraphQLError | null {
  const code = sqliteCode(e);
  if (code === null) return null;
  const originalError = e as Error;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_'))
    return new GraphQLError(BUSY_MESSAGE, { originalError, extensions: { code: 'SERVICE_BUSY' } });
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY'))
    return new GraphQLError(STORAGE_MESSAGE, { originalError, extensions: { code: 'STORAGE_UNAVAILABLE' } });
  return new GraphQLError(INTERNAL_MESSAGE, { originalError, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/** The audit trail of a connection, made once (its statements are prepared once). */
export const trailOf: (sqlite: Database.Database) => AuditTrail = onceEach((sqlite) => {
  const trail = new AuditTrail(sqlite);
  // Its entries are not the organization's records: writing one keeps what was computed from them (writeStamp).
  writesNotRead(sqlite, () => trail.rowsWritten);
  return trail;
});

/** Who called, as the audit trail records it. */
export function auditCaller(scope: Scope): Pick<AuditEntry, 'userId' | 'organization' | 'roles'> {
  return { userId: scope.identity.userId, organization: scope.identity.organization, roles: [...scope.identity.roles] };
}

const labels = new WeakMap<OperationDefinitionNode, string>();

/**
 * The operation as the audit trail names it: its name, else its root fields. Kept per parsed operation
 * (Apollo keeps the parsed document of a repeated query), since every field of it may ask.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined | null): string {
  if (!operation) return 'unknown';
  let label = labels.get(operation);
  if (label === undefined) {
    const roots = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
    labels.set(operation, (label = operation.name?.value || roots.join(',') || 'unknown'));
  }
  return label;
}

/** The ids of the records a write returned (never values): `id`, or a receipt's `receiptId`. */
export function recordIdsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(recordIdsIn);
  const v = value as { id?: unknown; receiptId?: unknown } | null;
  const id = v?.id ?? v?.receiptId;
  return typeof id === 'string' || typeof id === 'number' ? [String(id)] : [];
}

function namedType(t: GraphQLType): GraphQLNamedType {
  let x = t as GraphQLType & { ofType?: GraphQLType };
  while (x.ofType) x = x.ofType as GraphQLType & { ofType?: GraphQLType };
  return x as GraphQLNamedType;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

/** What the audit plugin needs to know at the end of the request: which fields wrote their own entry. */
export interface WriteRecorder {
  /** The field with this response key committed, its WRITE entry with it. */
  wrote(responseKey: string): void;
}

function hasWriteRecorder(a: unknown): a is WriteRecorder {
  return !!a && typeof (a as { wrote?: unknown }).wrote === 'function';
}

/**
 * What runs before a field, in a savepoint of its own (the entries of a reference check): kept when the
 * field fails; when it fails itself, the field does not run. `lost` is called when it was not stored:
 * it failed, or its whole batch did (BEGIN, COMMIT, a transaction SQLite ended), so its owner can store
 * it otherwise.
 */
export interface Prelude {
  run(): void;
  lost(): void;
}

interface Job {
  prelude?: Prelude;
  /** Its prelude was told it was lost. */
  preludeLost?: boolean;
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Tells a job's prelude, once, that it was not stored. */
function lose(job: Job): void {
  if (!job.prelude || job.preludeLost) return;
  job.preludeLost = true;
  job.prelude.lost();
}

/** The batch's transaction ended under a field (SQLite rolls a transaction back itself on some I/O errors). */
class BatchLost extends Error {
  constructor(override readonly cause: unknown) {
    super('The group commit lost its transaction.');
  }
}

/**
 * Group commit: the mutation fields of a connection that reach their transaction in the same turn of the
 * event loop share one. BEGIN IMMEDIATE, each field in its own savepoint (a field that fails is rolled
 * back alone, the others keep their work), one checked COMMIT, then each field answers: an id is only
 * answered once the commit that stored it succeeded, and a failed commit fails every field of the batch.
 * One commit instead of one per field: one fsync of the WAL at synchronous=FULL and each page written
 * once per batch (the table's last page, its indexes', the audit trail's), where creates from several
 * clients meet. A field alone waits one turn of the event loop more than it did.
 */
class GroupCommit {
  private queue: Job[] = [];
  /** Batches committed, and the fields they stored (a refused one is not counted) (metrics, tests). */
  batches = 0;
  fields = 0;

  /** Made once per connection: better-sqlite3 builds four wrappers for each transaction function. */
  private readonly inSavepoint: (work: () => unknown) => unknown;
  private readonly inBatch: Database.Transaction<(jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => void>;

  constructor(private readonly sqlite: Database.Database) {
    this.inSavepoint = sqlite.transaction((work: () => unknown) => work());
    this.inBatch = sqlite.transaction((jobs: Job[], outcomes: { ok: boolean; value: unknown }[]) => {
      for (const job of jobs) {
        let preluded = false;
        try {
          if (job.prelude) this.inSavepoint(() => job.prelude!.run());
          preluded = true;
          outcomes.push({ ok: true, value: this.inSavepoint(job.work) });
        } catch (e) {
          if (!preluded) lose(job);
          outcomes.push({ ok: false, value: e });
        }
        // Never let a later field run in a transaction the earlier ones are not in.
        if (!sqlite.inTransaction) throw new BatchLost(outcomes.at(-1)!.value);
      }
    });
  }

  run(work: () => unknown, prelude?: Prelude): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.queue.push({ prelude, work, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const jobs = this.queue;
    this.queue = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      // IMMEDIATE takes the write lock first: waiting for it is bounded by busy_timeout, and a
      // DEFERRED transaction that read before writing could not upgrade its lock without failing.
      this.inBatch.immediate(jobs, outcomes);
    } catch (e) {
      // BEGIN or COMMIT failed, or the transaction was lost: nothing of the batch is stored.
      const cause = e instanceof BatchLost ? e.cause : e;
      // Every prelude of the batch went with it.
      for (const job of jobs) lose(job);
      for (const job of jobs) job.reject(cause);
      return;
    }
    this.batches++;
    this.fields += outcomes.filter((o) => o.ok).length;
    jobs.forEach((job, i) => (outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)));
  }
}

/** The group commit of a connection, made once. */
export const groupCommitOf: (sqlite: Database.Database) => GroupCommit = onceEach((sqlite) => new GroupCommit(sqlite));

/**
 * Appends audit entries outside a mutation field (a reference check asked or answered) in the
 * connection's group commit: settles once they are committed, so a caller that awaits it answers only
 * after its entries are stored, sharing the commit with the other writes of the turn.
 */
export async function commitAudit(sqlite: Database.Database, entries: AuditEntry[]): Promise<void> {
  await groupCommitOf(sqlite).run(() => trailOf(sqlite).append(entries));
}

/** Audit entries of a request waiting for its first mutation field, to be committed with it (auditWithFirstWrite). */
const awaitingWrite = new WeakMap<object, AuditEntry[]>();

/**
 * Leaves audit entries (a reference check the writer asked before its mutation) to be committed with the
 * request's first mutation field, in the same transaction, in a savepoint of their own: kept when the
 * field fails, and the field does not run when they cannot be appended. One commit instead of two for a
 * create with a reference (one fsync at synchronous=FULL). If no mutation field takes them (the request
 * failed before its fields ran), `commitAuditNotWritten` must commit them before the answer leaves.
 */
export function auditWithFirstWrite(ctx: object, entries: AuditEntry[]): void {
  if (entries.length) awaitingWrite.set(ctx, [...(awaitingWrite.get(ctx) ?? []), ...entries]);
}

/** Commits the entries auditWithFirstWrite left that no mutation field took (settles once they are stored). */
export async function commitAuditNotWritten(ctx: object, sqlite: Database.Database): Promise<void> {
  const entries = awaitingWrite.get(ctx);
  if (!entries) return;
  awaitingWrite.delete(ctx);
  await commitAudit(sqlite, entries);
}

/** Runs one mutation field in a checked transaction (shared with the fields of the same turn), with its WRITE entry. */
function transactional(
  type: GraphQLObjectType,
  field: GraphQLField<unknown, SubgraphContext>,
  resolve: GraphQLFieldResolver<unknown, SubgraphContext>,
): GraphQLFieldResolver<unknown, SubgraphContext> {
  const typeName = namedType(field.type).name;
  return async (source, args, ctx, info) => {
    const sqlite = sqliteOf(ctx.db);
    const trail = trailOf(sqlite);
    const write = () => {
      const result = resolve(source, args, ctx, info);
      if (isThenable(result)) {
        // Swallow the promise's own outcome: the field has already failed.
        Promise.resolve(result).catch(() => undefined);
        throw new Error(`${type.name}.${field.name} returned a promise: a write must run synchronously inside its transaction.`);
      }
      trail.append([
        {
          at: new Date().toISOString(),
          requestId: ctx.requestId,
          ...auditCaller(ctx.scope),
          operation: operationLabel(info.operation),
          action: 'WRITE',
          typeName,
          dataClass: null,
          recordIds: recordIdsIn(result),
          fields: [field.name],
          outcome: 'OK',
        },
      ]);
      return result;
    };
    // Entries the request left for its first write (a reference check's), committed with it.
    const earlier = awaitingWrite.get(ctx);
    if (earlier) awaitingWrite.delete(ctx);
    let result: unknown;
    try {
      result = await groupCommitOf(sqlite).run(
        write,
        // Not stored with the field: left again for the answer (commitAuditNotWritten), which waits for them.
        earlier && { run: () => trail.append(earlier), lost: () => auditWithFirstWrite(ctx, earlier) },
      );
    } catch (e) {
      const mapped = databaseError(e);
      if (!mapped) throw e;
      // formatError logs internal errors; these two pass to the client as they are, so log them here.
      if (mapped.extensions.code !== 'INTERNAL_SERVER_ERROR') console.error(`[write] ${info.fieldName} not saved (${String(mapped.extensions.code)}):`, e);
      throw mapped;
    }
    if (hasWriteRecorder(ctx.audit)) ctx.audit.wrote(info.path.key as string);
    return result;
  };
}

/**
 * Wraps every root Mutation field of the schema, in place, in its own checked transaction (see the
 * module's comment). Apply it last, over every other wrapper, so that the checks run inside too.
 */
export function writesInTransactions(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields()) as GraphQLField<unknown, SubgraphContext>[]) {
    if (field.name.startsWith('_')) continue;
    const resolve = field.resolve;
    if (!resolve) throw new Error(`Mutation.${field.name} has no resolver.`);
    field.resolve = transactional(mutation, field, resolve);
  }
  return schema;
}
