import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServiceVerifier, generateSigningKey, signServiceToken } from '../src/index.js';
import { VERIFIED_TOKEN_RECHECK_MS } from '../src/tokens.js';

const key = await generateSigningKey();
const verify = createServiceVerifier({ jwks: { keys: [key.publicJwk] } });
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('service token verification', () => {
  it('checks a service token’s signature once, then again after a minute (a service asks with one token for five)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = `Bearer ${await signServiceToken(key, 'veterans')}`;
    const signatures = vi.spyOn(globalThis.crypto.subtle, 'verify');
    for (let i = 0; i < 3; i++) expect(await verify(token)).toBe('veterans');
    expect(signatures).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + VERIFIED_TOKEN_RECHECK_MS);
    expect(await verify(token)).toBe('veterans');
    expect(signatures).toHaveBeenCalledTimes(2);
  });

  it('refuses a kept token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = `Bearer ${await signServiceToken(key, 'women', { expiresIn: '30s' })}`;
    expect(await verify(token)).toBe('women');
    vi.setSystemTime(Date.now() + 31_000);
    await expect(verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('never keeps a refusal: a token altered after a good one was kept is refused every time', async () => {
    const token = await signServiceToken(key, 'youth');
    expect(await verify(`Bearer ${token}`)).toBe('youth');
    const [h, p, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, svc: 'police', sub: 'service:police' })).toString('base64url')}.${sig}`;
    for (let i = 0; i < 2; i++) await expect(verify(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
