/**
 * Field-level encryption for the most protected values (a tip reporter's identity, a reintegrating
 * person's identity and criminal history): AES-256-GCM with a key that is never in the database.
 *
 * A ciphertext is `v1.<key id>.<iv>.<tag>.<data>` (base64url), so keys can be rotated: a new key
 * encrypts, old keys still decrypt, and a re-encryption command moves old rows to the new key. The
 * key ring comes from configuration (`ANTT_<NAME>_KEYS` = `id:base64key,id:base64key`, first one
 * current); the embedded default generates one under .data/keys (git-ignored).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyRing {
  /** Id of the key that encrypts. */
  current: string;
  keys: Map<string, Buffer>;
}

export class FieldCipher {
  constructor(private readonly ring: KeyRing) {
    for (const [id, k] of ring.keys) if (k.length !== 32) throw new Error(`Key ${id} must be 32 bytes.`);
    if (!ring.keys.has(ring.current)) throw new Error('The current key is not in the key ring.');
  }

  get currentKeyId(): string {
    return this.ring.current;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.ring.keys.get(this.ring.current)!, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v1', this.ring.current, iv.toString('base64url'), c.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [v, kid, iv, tag, data] = sealed.split('.');
    const key = kid ? this.ring.keys.get(kid) : undefined;
    if (v !== 'v1' || !key || !iv || !tag || data === undefined) throw new Error('Cannot decrypt: unknown format or key.');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
  }

  keyIdOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }
}

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    if (!id || !b64) throw new Error('A key ring is "id:base64key,id:base64key" (the first one encrypts).');
    keys.set(id, Buffer.from(b64, 'base64'));
    current ??= id;
  }
  if (!current) throw new Error('The key ring is empty.');
  return { current, keys };
}

/**
 * The key ring named `name` (e.g. `POLICE_IDENTITY`): from ANTT_<NAME>_KEYS, else the embedded
 * default's file under `keysDir`, created on first use.
 */
export function loadKeyRing(name: string, keysDir: string): KeyRing {
  const fromEnv = process.env[`ANTT_${name}_KEYS`];
  if (fromEnv) return parseKeyRing(fromEnv);
  const file = join(keysDir, `${name.toLowerCase()}.keys`);
  if (!existsSync(file)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `k1:${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return parseKeyRing(readFileSync(file, 'utf8').trim());
}

/** A throwaway key ring for tests. */
export function ephemeralKeyRing(id = 'test'): KeyRing {
  return { current: id, keys: new Map([[id, randomBytes(32)]]) };
}
