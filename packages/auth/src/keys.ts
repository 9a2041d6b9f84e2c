/**
 * Signing keys. Production verifies against the identity provider's JWKS URL. The embedded default
 * generates an ES256 key pair on first start under `.data/keys/` (git-ignored) and signs demo tokens
 * with it; every server verifies with the public half only.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const TOKEN_ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALG, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: TOKEN_ALG, use: 'sig' },
  };
}

/** Loads the embedded default's signing key from `dir`, creating it on first start. */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const file = join(dir, 'signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  const key = await generateSigningKey();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // wx: two processes racing on first start must not overwrite each other's key.
  try {
    writeFileSync(file, JSON.stringify(key, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
    throw e;
  }
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [key.publicJwk] }, null, 2));
  return key;
}
