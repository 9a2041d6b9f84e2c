/** Key rotation: sealed values move to a new key and still open; tokens signed by a retired key verify by kid. */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { FieldCipher, createVerifier, generateSigningKey, signToken, parseKeyRing } from '@antt/auth';
import { BINH_THUAN, leadership, openTestSubgraph, staff } from '@antt/testing';
import { subgraph } from '@antt/police';
import { reencrypt } from '../../scripts/rotate-keys.js';

describe('key rotation', () => {
  it('re-encrypts every sealed reporter under the new identity key, and they still open', async () => {
    const s = await openTestSubgraph(subgraph);
    await s.run(staff('police', BINH_THUAN), 'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }', {
      i: {
        channel: 'PHONE',
        receivedAt: '2026-03-02T02:00:00.000Z',
        unitId: BINH_THUAN,
        summary: 'x',
        category: 'OTHER',
        reporter: { fullName: 'Hà Văn Khóa' },
        confidentialityRequested: false,
      },
    });
    const test = parseKeyRing(process.env.ANTT_POLICE_IDENTITY_KEYS!);
    const ring = { current: 'k2', keys: new Map([['k2', randomBytes(32)], ...test.keys]) };
    const cipher = new FieldCipher(ring);
    expect(reencrypt(s.sqlite, cipher)).toBe(1);
    const sealed = (s.sqlite.prepare('SELECT reporter_sealed AS v FROM crime_tips').get() as { v: string }).v;
    expect(cipher.keyIdOf(sealed)).toBe('k2');
    expect(cipher.decryptJson(sealed)).toEqual({ fullName: 'Hà Văn Khóa' });
    expect(reencrypt(s.sqlite, cipher)).toBe(0);
  });

  it('verifies tokens of the old and the new signing key by their kid while both are in the key set', async () => {
    const [old, next] = [await generateSigningKey(), await generateSigningKey()];
    const verify = createVerifier({ jwks: { keys: [next.publicJwk, old.publicJwk] } });
    for (const k of [old, next]) expect((await verify(`Bearer ${await signToken(k, leadership())}`)).userId).toBe(leadership().userId);
    const retired = createVerifier({ jwks: { keys: [next.publicJwk] } });
    await expect(retired(`Bearer ${await signToken(old, leadership())}`)).rejects.toThrow('Mã xác thực không hợp lệ.');
  });
});
