/** Issuing (demo and tests) and verifying tokens. */
import { SignJWT, createLocalJWKSet, createRemoteJWKSet, errors, importJWK, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { territory } from '@antt/reference';
import { unauthenticated } from './errors.js';
import { isCallerOrganization, isRole, type Identity } from './identity.js';
import { TOKEN_ALG, type SigningKey } from './keys.js';

export const DEFAULT_ISSUER = 'antt-graph';
export const DEFAULT_AUDIENCE = 'antt-graph';

export interface TokenSettings {
  issuer: string;
  audience: string;
  /** Longest a token may live (exp − iat, and exp − now), in seconds; default DEFAULT_MAX_TOKEN_LIFETIME_S. */
  maxLifetimeSeconds?: number;
  /** Clock difference tolerated between the identity provider and this server, in seconds; default 60. */
  clockSkewSeconds?: number;
}

/** Twelve hours: a working day and its overtime; set ANTT_TOKEN_MAX_LIFETIME_S to change. */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 12 * 3600;
export const DEFAULT_CLOCK_SKEW_S = 60;

export async function signToken(key: SigningKey, identity: Identity, opts: Partial<TokenSettings> & { expiresIn?: string | number } = {}): Promise<string> {
  return new SignJWT({ name: identity.name, org: identity.organization, unit: identity.unitId, roles: identity.roles })
    .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'JWT' })
    .setSubject(identity.userId)
    .setIssuer(opts.issuer ?? DEFAULT_ISSUER)
    .setAudience(opts.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(await importJWK(key.privateJwk, TOKEN_ALG));
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

/**
 * Builds the verifier every server uses. Only ES256 is accepted (so `alg: none` and HMAC confusion are
 * refused by jose before any claim is read), and issuer, audience and expiry are checked; the expiry is
 * required and bounded (maxLifetimeSeconds), the issue time not in the future (clockSkewSeconds).
 */
export function createVerifier(
  keys: { jwks: JSONWebKeySet } | { jwksUrl: URL },
  settings: TokenSettings = { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
): TokenVerifier {
  const getKey: JWTVerifyGetKey = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(keys.jwksUrl);
  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  const skew = settings.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_S;
  const verified = new VerifiedTokens<Identity>(undefined, (i) => ({ ...i, roles: [...i.roles] }));
  return async (authorization) => {
    if (!authorization) throw unauthenticated('Chưa đăng nhập: yêu cầu cần tiêu đề Authorization: Bearer <mã xác thực>.');
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('Tiêu đề Authorization không đúng dạng: cần "Bearer <mã xác thực>".');
    const known = verified.get(m[1]!);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1]!, getKey, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [TOKEN_ALG],
        // A token without an expiry would never expire.
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw unauthenticated('Mã xác thực đã hết hạn: hãy đăng nhập lại.');
      throw unauthenticated('Mã xác thực không hợp lệ.');
    }
    // Bounded lifetime: issued now or in the past (the clock skew applies to the issue time only, never to the expiry), expiring within the maximum
    // lifetime of its issue and of now. A token minted a year ahead, or for a century, is refused.
    const now = Math.floor(Date.now() / 1000);
    const { exp, iat } = payload;
    if (
      typeof exp !== 'number' ||
      exp - now > maxLifetime + skew ||
      (iat !== undefined && (typeof iat !== 'number' || iat > now + skew || exp - iat > maxLifetime))
    )
      throw unauthenticated('Mã xác thực không hợp lệ.');
    const { sub, name, org, unit, roles } = payload as Record<string, unknown>;
    if (
      typeof sub !== 'string' ||
      !isCallerOrganization(org) ||
      typeof unit !== 'string' ||
      !territory().unit(unit) ||
      !Array.isArray(roles) ||
      !roles.every(isRole) ||
      roles.length === 0
    ) {
      throw unauthenticated('Mã xác thực thiếu thông tin người dùng, tổ chức, địa bàn hoặc vai trò.');
    }
    const identity: Identity = { userId: sub, name: typeof name === 'string' ? name : sub, organization: org, unitId: unit, roles };
    verified.set(m[1]!, identity, exp);
    return identity;
  };
}

/** How long a verified token is taken as verified before its signature is checked again, at most (its own expiry comes first). */
export const VERIFIED_TOKEN_RECHECK_MS = 60_000;
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Tokens this verifier accepted, so that a caller's requests (and the gateway's calls on their behalf,
 * ten per federated request) cost one ES256 verification a minute instead of one each. An entry lasts
 * until the token expires or VERIFIED_TOKEN_RECHECK_MS have passed, whichever is first, so that a key
 * withdrawn from a remote key set stops being honoured within a minute; refusals are never kept. At
 * most `max` tokens are kept: when full, the least recently used goes first (a map keeps insertion
 * order, and a token used again is moved to its end). What a token was verified as (a user's identity,
 * a service's organization) is kept and given as copies, so no caller can change what the next one gets.
 */
export class VerifiedTokens<T = Identity> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly max = VERIFIED_TOKENS_MAX,
    /** How a kept value is copied (in and out); structured cloning unless the verifier knows a cheaper copy. */
    private readonly copy: (value: T) => T = structuredClone,
  ) {}

  get(token: string): T | null {
    const e = this.entries.get(token);
    if (!e) return null;
    this.entries.delete(token);
    if (Date.now() >= e.until) return null;
    this.entries.set(token, e);
    return this.copy(e.value);
  }

  /** How many tokens are kept. */
  get size(): number {
    return this.entries.size;
  }

  set(token: string, value: T, exp: number): void {
    this.entries.delete(token);
    while (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { value: this.copy(value), until: Math.min(exp * 1000, Date.now() + VERIFIED_TOKEN_RECHECK_MS) });
  }
}
