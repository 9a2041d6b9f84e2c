/**
 * Record ids: opaque, never handed out twice, also after a database is restored from a backup. A
 * sequence would be rewound by a restore and give the ids made since the backup to other records, so
 * an id is a time stamp and 80 random bits, behind the kind and the organization that keeps the
 * record (a subgraph holding only an id must know which organization and type to ask: the gateway
 * routes entity fetches by type).
 *
 * Records that existed before this scheme keep the ids they were known by (`12`, `model:women:3`).
 */
import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Random bytes drawn from the system's generator 4 KiB at a time and handed out 10 at a time: one
 * `randomBytes(10)` per record was a call into OpenSSL each, 13% of a create's own time in the
 * profile (issue 17). The bytes are the same generator's; none is handed out twice.
 */
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;

function random10(): Uint8Array {
  if (poolAt + 10 > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const out = POOL.slice(poolAt, poolAt + 10);
  POOL.fill(0, poolAt, poolAt + 10);
  poolAt += 10;
  return out;
}

/** `<slug>:<org>:<time><random>`, e.g. `patrol:veterans:mf3k2q9a7x4hd2p0wq8c`. */
export function newRecordId(slug: string, org: string, now = Date.now()): string {
  return `${slug}:${org}:${now.toString(36)}${base32(random10())}`;
}

/** Whether a string may be a record id at all (an id typed by a user is checked before any query). */
export function plausibleRecordId(id: string): boolean {
  return id.length <= 96 && /^[A-Za-z0-9][A-Za-z0-9:_-]*$/.test(id);
}
