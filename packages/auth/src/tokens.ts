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
}

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
 * refused by jose before any claim is read), and issuer, audience and expiry are checked.
 */
export function createVerifier(
  keys: { jwks: JSONWebKeySet } | { jwksUrl: URL },
  settings: TokenSettings = { issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
): TokenVerifier {
  const getKey: JWTVerifyGetKey = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(keys.jwksUrl);
  return async (authorization) => {
    if (!authorization) throw unauthenticated('Chưa đăng nhập: yêu cầu cần tiêu đề Authorization: Bearer <mã xác thực>.');
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('Tiêu đề Authorization không đúng dạng: cần "Bearer <mã xác thực>".');
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1]!, getKey, { issuer: settings.issuer, audience: settings.audience, algorithms: [TOKEN_ALG] }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw unauthenticated('Mã xác thực đã hết hạn: hãy đăng nhập lại.');
      throw unauthenticated('Mã xác thực không hợp lệ.');
    }
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
    return { userId: sub, name: typeof name === 'string' ? name : sub, organization: org, unitId: unit, roles };
  };
}
