/**
 * References between organizations, checked when written. A kind declares a field naming another
 * organization's record with `field.code({ ref })`; before a mutation runs, the writing subgraph asks
 * each owner, with its own service token (never the user's rights), whether the ids named exist within
 * the writer's jurisdiction (or within the record's unit), and the owner answers yes or no for each from
 * its kinds' tables. The repository then refuses an id the owner does not know (the same message for an
 * unknown id and one outside the jurisdiction, naming the field), and keeps a record whose owner did not
 * answer as unverified: listed in `reference_checks`, left out of every count, checked again on a timer.
 *
 * Both ends write the check to their audit trail; both ends limit how many checks a caller makes.
 *
 * A writer sends one request to an owner at a time: the questions its other writes raise meanwhile wait
 * and go together in the next request (`{ questions: [...] }`, answered in order), so under load each
 * request carries several questions and each costs the owner a share of one HTTP exchange and one
 * audit commit (issue 17: creates with a reference check). A question alone goes at once.
 */
import { createHash } from 'node:crypto';
import { sendJson, type RouteRequest, type RouteResponse, type RouteStep } from '../node-route.js';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { Principal, type ServiceVerifier } from '@antt/auth';
import { territory, type OrganizationId } from '@antt/reference';
import type { SubgraphContext } from '../context.js';
import { sqliteOf, statementOf, type Db } from '../db.js';
import { auditWithFirstWrite, commitAudit, commitAuditNotWritten } from '../writes.js';
import { columnOf } from '../records/fields.js';
import type { RecordKind } from '../records/kind.js';
import { recordsOf } from '../records/resolvers.js';
import { serviceHttp } from '../service-http.js';
import { ownerOf, referenceFields, verdictKey, withinOf, type Verdict, type Verdicts } from './spec.js';

export * from './spec.js';

/** One question to an owner: which of these ids it has in that table, within that unit. */
export interface ReferenceQuestion {
  owner: OrganizationId;
  table: string;
  by: string | null;
  writerField: string | null;
  /** The organization asking (the writer). */
  writer: OrganizationId;
  within: string;
  ids: string[];
}

/** The most ids one question may carry, and one request in all its questions. */
export const MAX_IDS_PER_QUESTION = 100;

/** The most questions one request to an owner may carry. */
export const MAX_QUESTIONS_PER_REQUEST = 32;

/** The longest id an owner is asked about (a longer one is no record's: the field's own check refuses it). */
const MAX_ID_LENGTH = 96;

/** The longest request id a question carries to the owner's audit trail. */
const MAX_REQUEST_ID_LENGTH = 128;

/** A question as it travels: with the id of the writer's request that raised it, for the owner's audit trail. */
type QuestionSent = Omit<ReferenceQuestion, 'owner' | 'writer'> & { requestId?: string };

// ---- the owner's side ----

/**
 * The statement an owner finds a reference's current, active records by (@id; @writer when the question
 * names the writer's field): by record id, or by the field a reference names (`by`, which the kind
 * declares in `lookedUpBy`, so an index answers it).
 */
export function referenceLookupSql(kind: RecordKind, by: string | null, writerField: string | null): string {
  const fields = kind.spec.fields;
  const col = by ? columnOf(by, fields[by]!) : 'record_id';
  const unitCol = columnOf(kind.spec.unitField, fields[kind.spec.unitField]!);
  const writerCond = writerField ? ` AND ${columnOf(writerField, fields[writerField]!)} = @writer` : '';
  return `SELECT ${unitCol} AS unit FROM ${kind.spec.table} WHERE ${col} = @id AND superseded_at IS NULL AND status = 'ACTIVE'${writerCond}`;
}

/**
 * The owner's answer, from its kinds' tables: for each id, whether a current, standing record has it
 * (in `by`, else as its record id), lies within `within` (that unit and everything below it, across
 * the map changes), and names the writer in `writerField` when the question says so.
 */
export function answerQuestion(kinds: readonly RecordKind[], db: Db, q: Omit<ReferenceQuestion, 'owner'>): boolean[] | null {
  const kind = kinds.find((k) => k.spec.table === q.table);
  if (!kind) return null;
  const fields = kind.spec.fields;
  // Own fields only: `constructor` or `toString` named as a field is a question about no field (it reached SQL as a column before).
  if ((q.by && !Object.hasOwn(fields, q.by)) || (q.writerField && !Object.hasOwn(fields, q.writerField))) return null;
  if (!territory().unit(q.within)) return q.ids.map(() => false);
  const stmt = statementOf(db, referenceLookupSql(kind, q.by, q.writerField));
  const area = new Principal({ userId: `service:${q.writer}`, name: q.writer, organization: q.writer, unitId: q.within, roles: ['STAFF'] });
  return q.ids.map((id) => (stmt.all({ id, writer: q.writer }) as { unit: string }[]).some((r) => area.covers(r.unit)));
}

function isQuestion(b: unknown): b is QuestionSent {
  const q = b as Record<string, unknown> | null;
  return (
    !!q &&
    typeof q === 'object' &&
    (q.requestId === undefined || (typeof q.requestId === 'string' && q.requestId.length <= MAX_REQUEST_ID_LENGTH)) &&
    typeof q.table === 'string' &&
    (q.by === null || typeof q.by === 'string') &&
    (q.writerField === null || typeof q.writerField === 'string') &&
    typeof q.within === 'string' &&
    Array.isArray(q.ids) &&
    q.ids.length > 0 &&
    q.ids.length <= MAX_IDS_PER_QUESTION &&
    q.ids.every((x) => typeof x === 'string' && x.length <= MAX_ID_LENGTH)
  );
}

/**
 * The questions of a request: a batch (`{ questions: [...] }`, at most MAX_QUESTIONS_PER_REQUEST and
 * MAX_IDS_PER_QUESTION ids in all), each question out of form null (answered null: one bad question,
 * an id typed too long, costs the other writers of its batch nothing), or one question alone (what a
 * writer of an earlier version sends). Null for a request out of form.
 */
function questionsOf(body: unknown): { questions: (QuestionSent | null)[]; batch: boolean } | null {
  const qs = (body as { questions?: unknown } | null)?.questions;
  if (qs === undefined) return isQuestion(body) ? { questions: [body], batch: false } : null;
  if (!Array.isArray(qs) || !qs.length || qs.length > MAX_QUESTIONS_PER_REQUEST) return null;
  const ids = qs.reduce((n: number, q: unknown) => n + (Array.isArray((q as { ids?: unknown } | null)?.ids) ? (q as { ids: unknown[] }).ids.length : 0), 0);
  return ids <= MAX_IDS_PER_QUESTION ? { questions: qs.map((q: unknown) => (isQuestion(q) ? q : null)), batch: true } : null;
}

/** Checks a service may ask of one owner per minute (a request of several questions counts each). */
const OWNER_LIMIT_PER_MINUTE = Number(process.env.ANTT_REFERENCE_LIMIT_PER_MINUTE ?? 600);

/**
 * The owner's endpoint, POST /references (JSON `{ questions: [{ table, by, writerField, within, ids,
 * requestId }] }`, answered `{ owner, answers }`: for each question its ids' found or not, or null for a
 * table the owner does not keep; one question alone, `{ table, ... }`, is answered `{ owner, found }`): a
 * service token only, at most OWNER_LIMIT_PER_MINUTE questions a minute per calling service, every
 * question in the owner's audit trail (who asked, for which request, which table, which ids, how many found).
 */
export function referenceEndpoint(org: OrganizationId, kinds: readonly RecordKind[], db: Db, verify: ServiceVerifier): RouteStep[] {
  const fail = (res: RouteResponse, status: number, code: string, message: string) => sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  const store = new MemoryStore();
  const handler = async (req: RouteRequest, res: RouteResponse) => {
    let writer: OrganizationId;
    try {
      writer = await verify(req.headers.authorization);
    } catch {
      return fail(res, 401, 'UNAUTHENTICATED', 'Yêu cầu cần mã xác thực của dịch vụ.');
    }
    const asked = questionsOf(req.body);
    if (!asked) return fail(res, 400, 'BAD_REQUEST', 'Câu hỏi kiểm tra tham chiếu không đúng dạng.');
    const { questions, batch } = asked;
    // The limiter counted the request as one question; each further question of it counts too.
    for (let i = 1; i < questions.length; i++) if ((await store.increment(serviceKey(req))).totalHits > OWNER_LIMIT_PER_MINUTE) return refuse(res);
    const headerId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : '';
    const answers = questions.map((q) => (q ? answerQuestion(kinds, db, { ...q, writer }) : null));
    const at = new Date().toISOString();
    // Committed before the answer leaves (writes.ts commitAudit).
    await commitAudit(
      sqliteOf(db),
      questions.map((q, i) => {
        const found = answers[i];
        return {
          at,
          requestId: q?.requestId ?? headerId,
          userId: `service:${writer}`,
          organization: writer,
          roles: [],
          operation: 'referenceCheck',
          action: found ? 'READ' : 'DENY',
          typeName: (q && kinds.find((k) => k.spec.table === q.table)?.spec.type) ?? null,
          dataClass: 'INTERNAL',
          // Nothing of a question out of form is written down.
          recordIds: q?.ids ?? [],
          fields: q ? [q.by ?? 'id'] : [],
          outcome: !q ? 'BAD_QUESTION' : found ? `FOUND ${found.filter(Boolean).length}/${q.ids.length}` : 'UNKNOWN_TABLE',
        };
      }),
    );
    if (batch) return sendJson(res, 200, { owner: org, answers });
    if (!answers[0]) return fail(res, 400, 'BAD_REQUEST', 'Tổ chức này không giữ loại hồ sơ được hỏi.');
    sendJson(res, 200, { owner: org, found: answers[0] });
  };
  const refuse = (res: RouteResponse) => fail(res, 429, 'RATE_LIMITED', 'Quá nhiều yêu cầu kiểm tra: vui lòng thử lại sau một phút.');
  const limiter = perServiceLimiter(OWNER_LIMIT_PER_MINUTE, refuse, store);
  return [limiter, handler];
}

/**
 * The owner's rate limit on a service route: `limit` questions a minute per calling service. A service's
 * token (one per service, five minutes) keys its questions; a request without one is refused before any
 * question is answered, so it shares one bucket.
 */
export function perServiceLimiter(limit: number, refuse: (res: RouteResponse) => void, store?: MemoryStore): RouteStep {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: serviceKey,
    handler: (_req, res) => refuse(res),
    ...(store ? { store } : {}),
  });
  // Typed for Express; it reads and writes what a route's step has on both paths (node-route.ts, edge.ts).
  return limiter as unknown as RouteStep;
}

/** The key a calling service's questions are counted under: its token (one per service, five minutes). */
function serviceKey(req: RouteRequest): string {
  return `svc:${createHash('sha256')
    .update(req.headers.authorization ?? '')
    .digest('base64url')}`;
}

// ---- the writer's side ----

export interface ReferenceClientOptions {
  /** The writing organization. */
  org: OrganizationId;
  /** The owner's GraphQL URL (its /references endpoint is next to it), or null when unknown. */
  ownerUrl(owner: OrganizationId): string | null | undefined;
  /** A service token for the writing organization. */
  token(): Promise<string>;
  /** How long an owner may take to answer (default 3 s, ANTT_REFERENCE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** One keep-alive client per timeout for the questions to owners (service-http.ts), for the process's life. */
const ownerClients = new Map<number, ReturnType<typeof serviceHttp>>();

/**
 * Posts a question to an owner's route (`path`, next to its GraphQL URL) with the writer's service
 * token; rejects when the owner does not answer within the timeout (default 3 s, ANTT_REFERENCE_TIMEOUT_MS).
 */
export async function askOwner(opts: ReferenceClientOptions, ownerUrl: string, path: string, body: unknown, requestId: string): Promise<FetcherResponse> {
  const timeoutMs = opts.timeoutMs ?? Number(process.env.ANTT_REFERENCE_TIMEOUT_MS ?? 3000);
  let client = ownerClients.get(timeoutMs);
  if (!client) ownerClients.set(timeoutMs, (client = serviceHttp(timeoutMs)));
  return client.fetch(String(new URL(path, ownerUrl)), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await opts.token()}`, 'x-request-id': requestId },
    body: JSON.stringify(body),
  });
}

/** A question waiting for the request to its owner that will carry it. */
interface Waiting {
  q: QuestionSent;
  resolve: (verdicts: Verdict[]) => void;
  /** When it was asked (performance.now()): one that waited a whole timeout is not sent any more. */
  since: number;
}

/** An owner's questions: whether a request to it is out (or about to go), and the questions waiting for the next. */
interface Line {
  busy: boolean;
  waiting: Waiting[];
}

/**
 * Asks owners; an owner that does not answer in time (down, slow, erring) makes every id it was asked
 * UNREACHABLE. One request to an owner at a time: questions asked while it is out wait and go together
 * in the next one (at most MAX_QUESTIONS_PER_REQUEST, MAX_IDS_PER_QUESTION ids in all), so a question
 * waits at most for the request before its own; when that one gets no answer, neither do the questions
 * that waited for it (UNREACHABLE at once: none waits longer than one request's timeout).
 */
export class ReferenceClient {
  private readonly lines = new Map<OrganizationId, Line>();

  constructor(readonly opts: ReferenceClientOptions) {}

  ask(q: Omit<ReferenceQuestion, 'writer'>, requestId = ''): Promise<Verdict[]> {
    if (!this.opts.ownerUrl(q.owner)) return Promise.resolve(q.ids.map(() => 'UNREACHABLE'));
    let line = this.lines.get(q.owner);
    if (!line) this.lines.set(q.owner, (line = { busy: false, waiting: [] }));
    const { owner: _owner, ...sent } = q;
    const carried = requestId.length <= MAX_REQUEST_ID_LENGTH ? requestId : '';
    const answered = new Promise<Verdict[]>((resolve) => line.waiting.push({ q: { ...sent, requestId: carried }, resolve, since: performance.now() }));
    if (!line.busy) {
      // After the current turn's other questions (a mutation's to the same owner, asked together), so they go in one request.
      line.busy = true;
      queueMicrotask(() => void this.drain(q.owner, line));
    }
    return answered;
  }

  /** Sends the owner's waiting questions, a request at a time, until none waits. */
  private async drain(owner: OrganizationId, line: Line): Promise<void> {
    line.busy = true;
    const timeoutMs = this.opts.timeoutMs ?? Number(process.env.ANTT_REFERENCE_TIMEOUT_MS ?? 3000);
    try {
      while (line.waiting.length) {
        // A question that waited a whole timeout (behind an owner slow to answer) is UNREACHABLE without being sent.
        const now = performance.now();
        for (const w of line.waiting.filter((w) => now - w.since >= timeoutMs)) w.resolve(w.q.ids.map(() => 'UNREACHABLE'));
        line.waiting = line.waiting.filter((w) => now - w.since < timeoutMs);
        if (!line.waiting.length) break;
        let ids = 0;
        let n = 0;
        while (n < line.waiting.length && n < MAX_QUESTIONS_PER_REQUEST && (n === 0 || ids + line.waiting[n]!.q.ids.length <= MAX_IDS_PER_QUESTION))
          ids += line.waiting[n++]!.q.ids.length;
        const batch = line.waiting.splice(0, n);
        const answers = await this.send(
          owner,
          batch.map((w) => w.q),
        );
        // An owner that did not answer (in time, or in form) does not answer the questions that waited
        // for it either: they are UNREACHABLE now, so none waits longer than one request's timeout,
        // and no queue builds up behind an owner that hangs. The next question is asked afresh.
        const unanswered = answers ? [] : line.waiting.splice(0);
        for (const [w, verdicts] of [...batch.map((w, i) => [w, answers?.[i]] as const), ...unanswered.map((w) => [w, undefined] as const)])
          w.resolve(verdicts ?? w.q.ids.map(() => 'UNREACHABLE'));
      }
    } finally {
      line.busy = false;
    }
  }

  /** One request carrying `questions`: the verdicts of each, or null when the owner did not answer them all in form. */
  private async send(owner: OrganizationId, questions: QuestionSent[]): Promise<Verdict[][] | null> {
    const url = this.opts.ownerUrl(owner);
    if (!url) return null;
    try {
      const res = await askOwner(this.opts, url, '/references', { questions }, questions[0]!.requestId ?? '');
      // An owner of an earlier version knows one question a request only (organizations upgrade on their own days).
      if (res.status === 400) return await Promise.all(questions.map((q) => this.sendAlone(url, q)));
      if (!res.ok) return null;
      const body = (await res.json()) as { owner?: unknown; answers?: unknown };
      const answers = body.answers;
      if (body.owner !== owner || !Array.isArray(answers) || answers.length !== questions.length) return null;
      return questions.map((q, i) => verdictsOf(answers[i], q));
    } catch {
      return null;
    }
  }

  /** One question in the single-question form (`{ table, ..., ids }` answered `{ owner, found }`). */
  private async sendAlone(url: string, q: QuestionSent): Promise<Verdict[]> {
    try {
      const { requestId, ...question } = q;
      const res = await askOwner(this.opts, url, '/references', question, requestId ?? '');
      return verdictsOf(res.ok ? ((await res.json()) as { found?: unknown }).found : null, q);
    } catch {
      return verdictsOf(null, q);
    }
  }
}

/** An owner's answer to one question (its ids found or not), in verdicts: every id UNREACHABLE unless it is one boolean per id. */
function verdictsOf(found: unknown, q: QuestionSent): Verdict[] {
  if (!Array.isArray(found) || found.length !== q.ids.length) return q.ids.map(() => 'UNREACHABLE');
  return found.map((x) => (x === true ? 'FOUND' : 'NOT_FOUND'));
}

interface Asked {
  kind: RecordKind;
  field: string;
  id: string;
  q: Omit<ReferenceQuestion, 'writer' | 'ids'>;
}

/** The references a create or correct mutation's arguments name, with the area each must lie in. */
function referencesOf(kind: RecordKind, values: Record<string, unknown>, writerUnit: string): Asked[] {
  const out: Asked[] = [];
  for (const [field, f] of referenceFields(kind)) {
    const raw = values[field];
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const id = raw.trim();
    const owner = ownerOf(f.ref, id);
    const within = withinOf(f.ref, kind, values, writerUnit);
    // Nothing the owner would refuse to be asked (its batch-mates would wait for the refusal): an id
    // longer than any, a unit the map does not know. The write's own checks refuse both.
    if (!owner || !within || id.length > MAX_ID_LENGTH || !territory().unit(within)) continue;
    out.push({ kind, field, id, q: { owner, table: f.ref.table, by: f.ref.by ?? null, writerField: f.ref.writerField ?? null, within } });
  }
  return out;
}

/** Reference checks a user may cause per minute at the writing subgraph. */
const WRITER_LIMIT_PER_MINUTE = Number(process.env.ANTT_REFERENCE_USER_LIMIT_PER_MINUTE ?? 120);

/** Asks every owner a mutation's references name, grouped by owner and question; answers the verdicts. */
export async function askOwners(client: ReferenceClient, asked: Asked[], requestId: string): Promise<Verdicts> {
  const groups = new Map<string, Asked[]>();
  for (const a of asked) {
    const key = JSON.stringify(a.q);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const verdicts: Verdicts = new Map();
  await Promise.all(
    [...groups.values()].map(async (g) => {
      const ids = [...new Set(g.map((a) => a.id))].slice(0, MAX_IDS_PER_QUESTION);
      const answers = await client.ask({ ...g[0]!.q, ids }, requestId);
      const byId = new Map(ids.map((id, i) => [id, answers[i]!]));
      for (const a of g) verdicts.set(verdictKey(a.kind, a.field, a.id), byId.get(a.id) ?? 'UNREACHABLE');
    }),
  );
  return verdicts;
}

/** The context of a request whose references were checked before it ran. */
export interface ReferenceContext {
  referenceVerdicts?: Verdicts;
}

/**
 * The writer's side, before a mutation runs (mutations run synchronously inside one transaction, so
 * the owners are asked first): for every root field that creates or corrects a record of a kind with
 * references, the owners are asked, each check is written to the writer's audit trail, and the verdicts
 * are left in the context for the repository. A user causing too many checks is refused (RATE_LIMITED).
 */
export function referenceCheckPlugin(kinds: readonly RecordKind[], client: ReferenceClient): ApolloServerPlugin<SubgraphContext> {
  const byMutation = new Map<string, { kind: RecordKind; correct: boolean }>();
  for (const k of kinds) {
    if (!referenceFields(k).length) continue;
    byMutation.set(k.spec.create, { kind: k, correct: false });
    byMutation.set(k.correctMutation, { kind: k, correct: true });
  }
  const windows = new Map<string, { start: number; n: number }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const op = rc.operation as OperationDefinitionNode | undefined;
          if (!op || op.operation !== 'mutation') return;
          const ctx = rc.contextValue as SubgraphContext & ReferenceContext;
          ctx.referenceVerdicts = new Map();
          const schema = rc.schema as GraphQLSchema;
          const fields = schema.getMutationType()?.getFields() ?? {};
          const asked: Asked[] = [];
          const writerUnit = ctx.scope.identity.unitId;
          for (const sel of op.selectionSet.selections) {
            if (sel.kind !== 'Field') continue;
            const m = byMutation.get(sel.name.value);
            const def = fields[sel.name.value];
            if (!m || !def) continue;
            let args: Record<string, unknown>;
            try {
              args = getArgumentValues(def, sel, rc.request.variables ?? {});
            } catch {
              continue; // the execution reports the argument's problem itself
            }
            let values = (m.correct ? args.changes : args.input) as Record<string, unknown> | undefined;
            if (!values) continue;
            if (m.correct) {
              const current = typeof args.id === 'string' ? recordsOf(ctx, m.kind).byId(args.id) : null;
              if (!current) continue;
              values = { ...current, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) };
            }
            asked.push(...referencesOf(m.kind, values, writerUnit));
          }
          if (!asked.length) return;
          const who = ctx.scope.identity.userId;
          const now = Date.now();
          const w = windows.get(who);
          if (!w || now - w.start >= 60_000) windows.set(who, { start: now, n: asked.length });
          else if ((w.n += asked.length) > WRITER_LIMIT_PER_MINUTE)
            throw new GraphQLError('Quá nhiều yêu cầu kiểm tra mã của tổ chức khác: vui lòng thử lại sau một phút.', {
              extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
            });
          const verdicts = await askOwners(client, asked, ctx.requestId);
          ctx.referenceVerdicts = verdicts;
          // Committed with the mutation, before it runs, in the same transaction (writes.ts auditWithFirstWrite).
          auditWithFirstWrite(
            ctx,
            asked.map((a) => ({
              at: new Date().toISOString(),
              requestId: ctx.requestId,
              userId: who,
              organization: ctx.scope.identity.organization,
              roles: [...ctx.scope.identity.roles],
              operation: 'referenceCheck',
              action: 'READ' as const,
              typeName: a.kind.spec.type,
              dataClass: 'INTERNAL',
              recordIds: [a.id],
              fields: [a.field],
              outcome: `${a.q.owner}:${verdicts.get(verdictKey(a.kind, a.field, a.id)) ?? 'UNREACHABLE'}`,
            })),
          );
        },
        // A request refused after the check, before its mutation ran: the check is still committed before the answer leaves.
        async willSendResponse(rc) {
          await commitAuditNotWritten(rc.contextValue, sqliteOf(rc.contextValue.db));
        },
      };
    },
  };
}
