/**
 * Key rotation for the embedded default (production rotates in its key store and sets the env vars):
 *
 *   pnpm keys:rotate signing    a new token-signing key; the old public key stays in jwks.json so
 *                               tokens already issued verify until they expire (tokens carry a kid)
 *   pnpm keys:rotate service    the same for the services' key (service-signing-key.json,
 *                               service-jwks.json), which signs the subgraphs' questions to each other
 *   pnpm keys:rotate identity   a new police identity key; every sealed column is re-encrypted under
 *                               it in one transaction; the old key stays in the ring (remove it by
 *                               hand once backups sealed with it have expired)
 *
 * Restart the servers afterwards so that they load the new keys.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { FieldCipher, generateSigningKey, KEY_FILES, loadKeyRing, loadOrCreateServiceKey, loadOrCreateSigningKey, parseKeyRing } from '@antt/auth';
import { dataDir, keysDir } from '@antt/subgraph-kit';

/** Sealed columns of the police database, re-encrypted on rotation. */
export const SEALED_COLUMNS = [
  { table: 'crime_tips', key: 'id', column: 'reporter_sealed' },
  { table: 'reintegration_cases', key: 'id', column: 'person_sealed' },
] as const;

/** A new signing key for users' tokens (`user`) or services' (`service`); the old public key stays in its key set until its tokens expire. */
async function rotateSigning(set: keyof typeof KEY_FILES): Promise<void> {
  const files = KEY_FILES[set];
  const old = set === 'user' ? await loadOrCreateSigningKey(keysDir()) : await loadOrCreateServiceKey(keysDir());
  const next = await generateSigningKey();
  const jwksFile = join(keysDir(), files.jwks);
  const jwks = existsSync(jwksFile) ? (JSON.parse(readFileSync(jwksFile, 'utf8')) as { keys: unknown[] }) : { keys: [old.publicJwk] };
  writeFileSync(jwksFile, JSON.stringify({ keys: [next.publicJwk, ...jwks.keys.filter((k) => (k as { kid?: string }).kid !== next.kid)] }, null, 2));
  writeFileSync(join(keysDir(), files.key), JSON.stringify(next, null, 2), { mode: 0o600 });
  console.log(`New ${set === 'user' ? 'signing' : 'service'} key ${next.kid}; ${old.kid} still verifies tokens it signed. Restart the servers.`);
}

export function reencrypt(db: Database.Database, cipher: FieldCipher): number {
  let n = 0;
  db.transaction(() => {
    for (const { table, key, column } of SEALED_COLUMNS) {
      const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
      for (const row of db.prepare(`SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all() as {
        k: string | number;
        v: string;
      }[]) {
        if (cipher.keyIdOf(row.v) === cipher.currentKeyId) continue;
        update.run(cipher.encrypt(cipher.decrypt(row.v)), row.k);
        n++;
      }
    }
  })();
  return n;
}

function rotateIdentity(): void {
  if (process.env.ANTT_POLICE_IDENTITY_KEYS) {
    console.error(
      'ANTT_POLICE_IDENTITY_KEYS is set: put the new key first in it, keep the old one after it, restart, then run this command with ANTT_REENCRYPT_ONLY=1.',
    );
    if (process.env.ANTT_REENCRYPT_ONLY !== '1') process.exit(1);
  } else {
    const file = join(keysDir(), 'police_identity.keys');
    const ring = loadKeyRing('POLICE_IDENTITY', keysDir());
    const id = `k${ring.keys.size + 1}`;
    const spec = [`${id}:${randomBytes(32).toString('base64')}`, ...[...ring.keys].map(([k, v]) => `${k}:${v.toString('base64')}`)].join(',');
    parseKeyRing(spec);
    writeFileSync(file, `${spec}\n`, { mode: 0o600 });
    console.log(`New police identity key ${id}.`);
  }
  const cipher = new FieldCipher(loadKeyRing('POLICE_IDENTITY', keysDir()));
  const db = new Database(join(dataDir(), 'police.sqlite'), { fileMustExist: true });
  console.log(`Re-encrypted ${reencrypt(db, cipher)} sealed values under ${cipher.currentKeyId}.`);
  db.close();
}

const what = process.argv[2];
if (what === 'signing') await rotateSigning('user');
else if (what === 'service') await rotateSigning('service');
else if (what === 'identity') rotateIdentity();
else if (what !== undefined) {
  console.error('Usage: pnpm keys:rotate signing|service|identity');
  process.exit(2);
}
