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

/** The files of a key set under the keys directory: the private signing key and the public key set that verifies it. */
export const KEY_FILES = {
  /** Users' tokens (the embedded identity provider): signing-key.json, jwks.json. */
  user: { key: 'signing-key.json', jwks: 'jwks.json' },
  /** Service tokens between subgraphs, a key set of their own: a user's key never verifies as a service's, nor the reverse. */
  service: { key: 'service-signing-key.json', jwks: 'service-jwks.json' },
} as const;

/** Loads the embedded default's signing key from `dir`, creating it on first start. */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  return loadOrCreateKey(dir, KEY_FILES.user);
}

/** Loads the services' signing key from `dir` (service-signing-key.json), creating it and service-jwks.json on first start. */
export async function loadOrCreateServiceKey(dir: string): Promise<SigningKey> {
  return loadOrCreateKey(dir, KEY_FILES.service);
}

async function loadOrCreateKey(dir: string, files: { key: string; jwks: string }): Promise<SigningKey> {
  const file = join(dir, files.key);
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
  writeFileSync(join(dir, files.jwks), JSON.stringify({ keys: [key.publicJwk] }, null, 2));
  return key;
}
