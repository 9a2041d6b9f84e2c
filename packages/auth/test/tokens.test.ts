import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, importJWK, base64url } from 'jose';
import { createVerifier, generateSigningKey, signToken, type Identity } from '../src/index.js';
import { VERIFIED_TOKEN_RECHECK_MS, VerifiedTokens } from '../src/tokens.js';

const who: Identity = { userId: 'u1', name: 'Cán bộ', organization: 'women', unitId: 'commune:03724@2025', roles: ['STAFF'] };
const key = await generateSigningKey();
const verify = createVerifier({ jwks: { keys: [key.publicJwk] } });

async function refused(authorization: string | undefined): Promise<{ message: string; code: unknown; status: unknown }> {
  try {
    await verify(authorization);
  } catch (e) {
    const err = e as { message: string; extensions: { code: unknown; http?: { status: unknown } } };
    return { message: err.message, code: err.extensions.code, status: err.extensions.http?.status };
  }
  throw new Error('token was accepted');
}

describe('token verification', () => {
  it('accepts a token signed with the configured key and returns who is calling', async () => {
    expect(await verify(`Bearer ${await signToken(key, who)}`)).toEqual(who);
  });

  it('refuses a request without a token with 401 and says what is missing', async () => {
    expect(await refused(undefined)).toEqual({
      message: 'Chưa đăng nhập: yêu cầu cần tiêu đề Authorization: Bearer <mã xác thực>.',
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    expect((await refused('Basic abc')).message).toContain('không đúng dạng');
  });

  it('refuses an expired token, saying so', async () => {
    const old = await new SignJWT({ org: 'women', unit: who.unitId, roles: ['STAFF'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('u1')
      .setIssuer('antt-graph')
      .setAudience('antt-graph')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect(await refused(`Bearer ${old}`)).toMatchObject({ message: 'Mã xác thực đã hết hạn: hãy đăng nhập lại.', status: 401 });
  });

  it.each([
    ['the wrong issuer', { issuer: 'someone-else' }],
    ['the wrong audience', { audience: 'another-app' }],
  ])('refuses a token for %s', async (_what, opts) => {
    expect(await refused(`Bearer ${await signToken(key, who, opts)}`)).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('refuses a token signed with another key', async () => {
    expect(await refused(`Bearer ${await signToken(await generateSigningKey(), who)}`)).toMatchObject({ message: 'Mã xác thực không hợp lệ.' });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({
        sub: 'u1',
        org: 'police',
        unit: 'province:14',
        roles: ['LEADERSHIP'],
        iss: 'antt-graph',
        aud: 'antt-graph',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    expect(await refused(`Bearer ${header}.${payload}.`)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [h, , s] = (await signToken(key, who)).split('.');
    const forged = base64url.encode(
      JSON.stringify({
        sub: 'u1',
        org: 'police',
        unit: 'province:14',
        roles: ['LEADERSHIP'],
        iss: 'antt-graph',
        aud: 'antt-graph',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    expect(await refused(`Bearer ${h}.${forged}.${s}`)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a validly signed token that names no organization, an unknown unit, or no role', async () => {
    for (const bad of [
      { ...who, organization: 'nobody' },
      { ...who, unitId: 'commune:00000@2019' },
      { ...who, roles: [] },
      { ...who, roles: ['SUPERUSER'] },
    ]) {
      expect(await refused(`Bearer ${await signToken(key, bad as Identity)}`)).toMatchObject({
        message: 'Mã xác thực thiếu thông tin người dùng, tổ chức, địa bàn hoặc vai trò.',
      });
    }
  });
});

describe('bounded token lifetimes', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const mint = async (claims: { iat?: number; exp?: number }) => {
    let t = new SignJWT({ name: who.name, org: 'women', unit: who.unitId, roles: ['STAFF'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('u1')
      .setIssuer('antt-graph')
      .setAudience('antt-graph');
    if (claims.iat !== undefined) t = t.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) t = t.setExpirationTime(claims.exp);
    return `Bearer ${await t.sign(await importJWK(key.privateJwk, 'ES256'))}`;
  };

  it.each([
    ['without exp (it would never expire)', () => ({ iat: now() })],
    ['issued a year ahead', () => ({ iat: now() + 365 * 86400, exp: now() + 365 * 86400 + 3600 })],
    ['issued two minutes ahead (beyond the clock skew)', () => ({ iat: now() + 120, exp: now() + 3600 })],
    ['expiring in a century', () => ({ iat: now(), exp: now() + 100 * 365 * 86400 })],
    ['living longer than the maximum', () => ({ iat: now() - 60, exp: now() + 12 * 3600 + 60 })],
    ['without iat, expiring beyond the maximum', () => ({ exp: now() + 13 * 3600 })],
  ])('refuses a token %s with 401', async (_w, claims) => {
    expect(await refused(await mint(claims()))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('accepts a token issued a few seconds ahead (clock skew) and one of the maximum lifetime', async () => {
    expect(await verify(await mint({ iat: now() + 20, exp: now() + 3600 }))).toEqual(who);
    expect(await verify(await mint({ iat: now(), exp: now() + 12 * 3600 }))).toEqual(who);
  });

  it('takes the maximum lifetime from its settings', async () => {
    const strict = createVerifier({ jwks: { keys: [key.publicJwk] } }, { issuer: 'antt-graph', audience: 'antt-graph', maxLifetimeSeconds: 600 });
    await expect(strict(await mint({ iat: now(), exp: now() + 3600 }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await strict(await mint({ iat: now(), exp: now() + 600 }))).toEqual(who);
  });
});

describe('a verified token kept for the process', () => {
  afterEach(() => vi.useRealTimers());

  it('answers again without changing who is calling, and a caller cannot change the kept identity', async () => {
    const token = `Bearer ${await signToken(key, who)}`;
    const first = await verify(token);
    first.roles.push('LEADER');
    first.unitId = 'province:14';
    expect(await verify(token)).toEqual(who);
  });

  it('refuses it once it has expired, saying so', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = `Bearer ${await signToken(key, who, { expiresIn: '5m' })}`;
    expect(await verify(token)).toEqual(who);
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1000);
    expect((await refused(token)).message).toBe('Mã xác thực đã hết hạn: hãy đăng nhập lại.');
  });

  it('checks the signature again after a minute, or at the expiry when sooner', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const kept = new VerifiedTokens();
    const now = Date.now();
    kept.set('a', who, Math.floor(now / 1000) + 3600);
    kept.set('b', who, Math.floor(now / 1000) + 30);
    expect(kept.get('a')).toEqual(who);
    vi.setSystemTime(now + 31_000);
    expect(kept.get('b')).toBeNull();
    expect(kept.get('a')).toEqual(who);
    vi.setSystemTime(now + VERIFIED_TOKEN_RECHECK_MS);
    expect(kept.get('a')).toBeNull();
  });

  it('keeps at most its bound, dropping the token least recently used', () => {
    const kept = new VerifiedTokens(3);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    for (const t of ['a', 'b', 'c']) kept.set(t, who, exp);
    expect(kept.get('a')).toEqual(who); // a used again: b is now the least recently used
    kept.set('d', who, exp);
    expect(kept.size).toBe(3);
    expect(kept.get('b')).toBeNull();
    expect(['a', 'c', 'd'].map((t) => kept.get(t))).toEqual([who, who, who]);
    kept.set('d', { ...who, name: 'again' }, exp); // the same token again replaces its entry
    expect(kept.size).toBe(3);
  });

  it('never keeps a refusal: a token whose signature does not verify is refused every time, also after a good one was kept', async () => {
    const token = await signToken(key, who);
    expect(await verify(`Bearer ${token}`)).toEqual(who);
    const [h, p, sig] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['LEADER'] })).toString('base64url')}.${sig}`;
    for (let i = 0; i < 2; i++) expect((await refused(`Bearer ${forged}`)).message).toBe('Mã xác thực không hợp lệ.');
  });
});
