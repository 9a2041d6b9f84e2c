/**
 * Service identities: a subgraph asking another organization's subgraph something on its own account
 * (whether a record it names exists), never with a user's rights. A service token is signed like a
 * user's but for another audience, so that one is never accepted in place of the other: the gateway
 * and the subgraphs' GraphQL endpoints refuse a service token (wrong audience), and the owner's
 * service endpoint refuses a user's token.
 */
import { SignJWT, createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { isOrganizationId, type OrganizationId } from '@antt/reference';
import { unauthenticated } from './errors.js';
import { TOKEN_ALG, type SigningKey } from './keys.js';
import { DEFAULT_ISSUER, VerifiedTokens } from './tokens.js';

/** The audience of service tokens (users' tokens have another). */
export const SERVICE_AUDIENCE = 'antt-graph-service';

/** The subject of a service token: `service:<organization>`. */
export function serviceSubject(org: OrganizationId): string {
  return `service:${org}`;
}

/** A short-lived token naming the organization's service (5 minutes unless told). */
export async function signServiceToken(key: SigningKey, org: OrganizationId, opts: { issuer?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({ svc: org })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setSubject(serviceSubject(org))
    .setIssuer(opts.issuer ?? DEFAULT_ISSUER)
    .setAudience(SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '5m')
    .sign(await importJWK(key.privateJwk, TOKEN_ALG));
}

/** Verifies an Authorization header carrying a service token; answers the calling organization. */
export type ServiceVerifier = (authorization: string | undefined) => Promise<OrganizationId>;

export function createServiceVerifier(keys: { jwks: JSONWebKeySet } | { jwksUrl: URL }, issuer: string = DEFAULT_ISSUER): ServiceVerifier {
  const getKey: JWTVerifyGetKey = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(keys.jwksUrl);
  // A service asks with one token for five minutes: its signature is checked once a minute, not per question (issue 17: tip handovers).
  const verified = new VerifiedTokens<OrganizationId>(undefined, (org) => org);
  return async (authorization) => {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!m) throw unauthenticated('Yêu cầu cần mã xác thực của dịch vụ.');
    const known = verified.get(m[1]!);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1]!, getKey, { issuer, audience: SERVICE_AUDIENCE, algorithms: [TOKEN_ALG] }));
    } catch {
      throw unauthenticated('Mã xác thực của dịch vụ không hợp lệ.');
    }
    const { sub, svc } = payload as Record<string, unknown>;
    if (typeof svc !== 'string' || !isOrganizationId(svc) || sub !== serviceSubject(svc)) throw unauthenticated('Mã xác thực của dịch vụ không hợp lệ.');
    // jose required the expiry's check to pass; a token without one is kept for the recheck interval at most.
    verified.set(m[1]!, svc, typeof payload.exp === 'number' ? payload.exp : Number.MAX_SAFE_INTEGER);
    return svc;
  };
}
