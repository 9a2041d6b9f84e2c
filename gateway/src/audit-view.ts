/**
 * The provincial auditor's federated view of the audit trails, `GET /audit-trail` at the gateway: each
 * organization's trail (its `<org>AuditTrail` field, asked through the gateway with the auditor's own
 * token, so every subgraph checks and records the read itself), merged newest first, each entry naming
 * the organization whose trail holds it. An organization that does not answer is named in
 * `unavailable`, the others still answer. Who may: `authorize.readFederatedAuditTrail` (the provincial
 * auditor only); every read and refusal is recorded in the gateway's own trail.
 *
 * Query parameters: `from`, `to` (ISO 8601 instants with a zone), `first` (1 to 500, default 100).
 */
import type express from 'express';
import type { AuditEntry, AuditTrail } from '@antt/audit';
import { authorize, principalOf, type Identity, type TokenVerifier } from '@antt/auth';
import { ORGANIZATION_IDS, ORGANIZATIONS, type OrganizationId } from '@antt/reference';

export const AUDIT_VIEW_PATH = '/audit-trail';
export const AUDIT_VIEW_MAX = 500;

/** One entry of an organization's trail, as its `<org>AuditTrail` field gives it, with the organization named. */
export interface FederatedAuditEntry extends Omit<AuditEntry, 'action'> {
  /** The organization whose trail holds the entry. */
  trail: OrganizationId;
  trailNameVi: string;
  id: string;
  action: string;
}

const FIELDS = 'id at requestId userId organization roles operation action typeName dataClass recordIds fields outcome';
/** One query per organization: the nine pages in one document would be refused by the cost limit, as any caller's would. */
const queryOf = (org: OrganizationId) =>
  `query FederatedAuditTrail($from: DateTime, $to: DateTime, $first: Int) { trail: ${org}AuditTrail(from: $from, to: $to, first: $first) { ${FIELDS} } }`;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

type Fail = { status: number; code: string; message: string; field?: string };

function fail(res: express.Response, f: Fail): void {
  res.status(f.status).json({ errors: [{ message: f.message, extensions: { code: f.code, ...(f.field ? { field: f.field } : {}) } }] });
}

/** The query's parameters, checked; the problem naming the parameter otherwise (never echoing it). */
function parameters(q: express.Request['query']): { from: string | null; to: string | null; first: number } | Fail {
  const one = (k: string) => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : null);
  const from = one('from');
  const to = one('to');
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (v !== null && (!INSTANT.test(v) || Number.isNaN(Date.parse(v))))
      return { status: 400, code: 'BAD_USER_INPUT', field: k, message: `${k}: thời điểm phải có dạng ISO 8601 kèm múi giờ, ví dụ 2026-03-01T00:00:00+07:00.` };
  const raw = one('first');
  const first = raw === null ? 100 : /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(first) || first < 1 || first > AUDIT_VIEW_MAX)
    return { status: 400, code: 'BAD_USER_INPUT', field: 'first', message: `first: số bản ghi phải từ 1 đến ${AUDIT_VIEW_MAX}.` };
  return { from, to, first };
}

/**
 * The trails merged: newest first (then by organization and position in its trail), at most `first`.
 * Entries at the same instant keep each trail's own order.
 */
export function mergeTrails(
  byOrg: Partial<Record<OrganizationId, Omit<FederatedAuditEntry, 'trail' | 'trailNameVi'>[]>>,
  first: number,
): FederatedAuditEntry[] {
  const all: FederatedAuditEntry[] = [];
  for (const org of ORGANIZATION_IDS) for (const e of byOrg[org] ?? []) all.push({ trail: org, trailNameVi: ORGANIZATIONS[org].nameVi, ...e });
  all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.trail.localeCompare(b.trail) || Number(b.id) - Number(a.id));
  return all.slice(0, first);
}

export function federatedAuditRoute(opts: {
  verifier: TokenVerifier;
  trail: AuditTrail;
  graphqlUrl: () => string;
  requestId: (res: express.Response) => string;
}): express.RequestHandler {
  return async (req, res) => {
    const requestId = opts.requestId(res);
    let identity: Identity;
    try {
      identity = await opts.verifier(req.headers.authorization);
    } catch {
      return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Yêu cầu cần mã xác thực hợp lệ.' });
    }
    const record = (action: 'READ' | 'DENY', outcome: string, recordIds: string[] = []) =>
      opts.trail.append([
        {
          at: new Date().toISOString(),
          requestId,
          userId: identity.userId,
          organization: identity.organization,
          roles: [...identity.roles],
          operation: 'federatedAuditTrail',
          action,
          typeName: 'AuditRecord',
          dataClass: 'AUDIT_TRAIL',
          recordIds,
          fields: [],
          outcome,
        },
      ]);
    const decision = authorize.readFederatedAuditTrail(principalOf(identity));
    if (!decision.allowed) {
      record('DENY', 'FORBIDDEN');
      return fail(res, { status: 403, code: 'FORBIDDEN', message: decision.message });
    }
    const p = parameters(req.query);
    if ('status' in p) return fail(res, p);
    type Row = Omit<FederatedAuditEntry, 'trail' | 'trailNameVi'>;
    const ask = async (org: OrganizationId): Promise<Row[] | null> => {
      try {
        const answer = await fetch(opts.graphqlUrl(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: req.headers.authorization!, 'x-request-id': requestId },
          body: JSON.stringify({ query: queryOf(org), variables: p }),
        });
        const body = (await answer.json()) as { data?: { trail?: Row[] | null } | null };
        return Array.isArray(body.data?.trail) ? body.data.trail : null;
      } catch {
        return null;
      }
    };
    const answers = await Promise.all(ORGANIZATION_IDS.map(ask));
    const byOrg: Partial<Record<OrganizationId, Row[]>> = {};
    const unavailable: OrganizationId[] = [];
    ORGANIZATION_IDS.forEach((org, i) => {
      const list = answers[i];
      if (list) byOrg[org] = list;
      else unavailable.push(org);
    });
    const entries = mergeTrails(byOrg, p.first);
    record('READ', unavailable.length ? `PARTIAL ${ORGANIZATION_IDS.length - unavailable.length}/${ORGANIZATION_IDS.length}` : 'OK');
    res.set('cache-control', 'no-store').json({ from: p.from, to: p.to, first: p.first, unavailable, entries });
  };
}
