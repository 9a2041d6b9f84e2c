/**
 * Questions one organization's subgraph asks another's, service to service: what a figure of the asker
 * is computed from when the records are the other organization's (the police's standard reads the
 * Front's model reviews). The same channel as the reference checks (check.ts): the asker signs with its
 * own service token, never the user's; the owner verifies it against the service key set, limits how
 * many questions a service asks a minute, writes each question to its audit trail, and answers from its
 * own database a figure, never a record. An owner that does not answer in time, or answers something
 * else, is UNREACHABLE to the asker: the asker says so and never guesses.
 *
 * The owner declares its answers (`DefineOptions.services`), each by name; it is asked at
 * POST /services/<name> next to its GraphQL URL.
 */
import type express from 'express';
import { territory, type OrganizationId } from '@antt/reference';
import type { ServiceVerifier } from '@antt/auth';
import { createContext, type SubgraphContext } from '../context.js';
import { sqliteOf, type Db } from '../db.js';
import { trailOf } from '../writes.js';
import { askOwner, perServiceLimiter, type ReferenceClientOptions } from './check.js';
import { sendJson, type RouteResponse } from '../node-route.js';

/** A question the owner refuses (wrong form, a unit or year it cannot answer for): 400, with a Vietnamese message naming the field. */
export class ServiceQuestionError extends Error {}

/**
 * An owner's answer to one named question, from its own database. `ctx` is a context of the asking
 * service (organization `caller`, the whole province); the answer decides itself what it may tell.
 */
export interface ServiceAnswer {
  /** The kind of record it reads, for the owner's audit trail. */
  typeName: string;
  answer(ctx: SubgraphContext, body: Record<string, unknown>, caller: OrganizationId): Record<string, unknown>;
}

/** What an owner answered; UNREACHABLE when it did not answer in time, erred, refused or answered something else. */
export type ServiceReply = { ok: true; body: Record<string, unknown> } | { ok: false; reason: 'UNREACHABLE' | 'REFUSED' };

/** How a subgraph asks another: given to its resolvers in the request's context. */
export interface ServiceAsker {
  ask(owner: OrganizationId, name: string, body: Record<string, unknown>, requestId?: string): Promise<ServiceReply>;
}

/** Questions a service may ask one owner per minute. */
const OWNER_LIMIT_PER_MINUTE = Number(process.env.ANTT_SERVICE_LIMIT_PER_MINUTE ?? 600);

/** The owner's endpoint, POST /services/:name (a JSON object): a service token only, every question in the owner's audit trail. */
export function serviceEndpoint(
  org: OrganizationId,
  answers: Readonly<Record<string, ServiceAnswer>>,
  db: Db,
  verify: ServiceVerifier,
): express.RequestHandler[] {
  const fail = (res: RouteResponse, status: number, code: string, message: string) => sendJson(res, status, { errors: [{ message, extensions: { code } }] });
  const handler: express.RequestHandler = async (req, res) => {
    let caller: OrganizationId;
    try {
      caller = await verify(req.headers.authorization);
    } catch {
      return fail(res, 401, 'UNAUTHENTICATED', 'Yêu cầu cần mã xác thực của dịch vụ.');
    }
    const name = String(req.params.name ?? '');
    const a = Object.hasOwn(answers, name) ? answers[name] : undefined;
    const body = req.body as unknown;
    let outcome = 'ANSWERED';
    let status = 200;
    let reply: Record<string, unknown>;
    if (!a)
      [status, outcome, reply] = [
        404,
        'UNKNOWN_QUESTION',
        { errors: [{ message: 'Tổ chức này không trả lời câu hỏi này.', extensions: { code: 'NOT_FOUND' } }] },
      ];
    else if (!body || typeof body !== 'object' || Array.isArray(body))
      [status, outcome, reply] = [400, 'BAD_REQUEST', { errors: [{ message: 'Câu hỏi không đúng dạng.', extensions: { code: 'BAD_REQUEST' } }] }];
    else {
      const ctx = createContext(org, db, { userId: `service:${caller}`, name: caller, organization: caller, unitId: territory().provinceId, roles: ['STAFF'] });
      try {
        reply = { owner: org, ...a.answer(ctx, body as Record<string, unknown>, caller) };
      } catch (e) {
        if (!(e instanceof ServiceQuestionError)) throw e;
        [status, outcome, reply] = [400, 'REFUSED', { errors: [{ message: e.message, extensions: { code: 'BAD_REQUEST' } }] }];
      }
    }
    trailOf(sqliteOf(db)).append([
      {
        at: new Date().toISOString(),
        requestId: typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : '',
        userId: `service:${caller}`,
        organization: caller,
        roles: [],
        operation: `service:${name.slice(0, 64)}`,
        action: status === 200 ? 'READ' : 'DENY',
        typeName: a?.typeName ?? null,
        dataClass: 'INTERNAL',
        recordIds: [],
        fields: [],
        outcome,
      },
    ]);
    sendJson(res, status, reply);
  };
  const limiter = perServiceLimiter(OWNER_LIMIT_PER_MINUTE, (res) => fail(res, 429, 'RATE_LIMITED', 'Quá nhiều yêu cầu: vui lòng thử lại sau một phút.'));
  return [limiter as express.RequestHandler, handler];
}

/** Asks owners with the asker's service token; see ServiceReply. */
export class ServiceClient implements ServiceAsker {
  constructor(readonly opts: ReferenceClientOptions) {}

  async ask(owner: OrganizationId, name: string, body: Record<string, unknown>, requestId = ''): Promise<ServiceReply> {
    const url = this.opts.ownerUrl(owner);
    if (!url) return { ok: false, reason: 'UNREACHABLE' };
    try {
      const res = await askOwner(this.opts, url, `/services/${encodeURIComponent(name)}`, body, requestId);
      if (res.status === 400) return { ok: false, reason: 'REFUSED' };
      if (!res.ok) return { ok: false, reason: 'UNREACHABLE' };
      const reply = (await res.json()) as unknown;
      if (!reply || typeof reply !== 'object' || (reply as { owner?: unknown }).owner !== owner) return { ok: false, reason: 'UNREACHABLE' };
      return { ok: true, body: reply as Record<string, unknown> };
    } catch {
      return { ok: false, reason: 'UNREACHABLE' };
    }
  }
}
