/**
 * Configuration from the environment, with the embedded default for everything: a new user runs the
 * federation with no settings at all.
 */
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  createVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_CLOCK_SKEW_S,
  DEFAULT_ISSUER,
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  loadOrCreateSigningKey,
  type TokenVerifier,
} from '@antt/auth';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';

/** Root of the checkout (packages/subgraph-kit/src → ../../..). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Where databases and keys of the embedded default live (git-ignored). */
export function dataDir(): string {
  return process.env.ANTT_DATA_DIR ? resolve(process.env.ANTT_DATA_DIR) : join(REPO_ROOT, '.data');
}

export function keysDir(): string {
  return join(dataDir(), 'keys');
}

export const GATEWAY_DEFAULT_PORT = 4000;

/** Default port of a subgraph: 4001 for the Front, then in the order of the plan's list. */
export function defaultPort(org: OrganizationId): number {
  return 4001 + ORGANIZATION_IDS.indexOf(org);
}

/** Environment variable naming a subgraph's URL for the gateway, e.g. ANTT_WOMEN_URL. */
export function subgraphUrlVariable(org: OrganizationId): string {
  return `ANTT_${org.toUpperCase()}_URL`;
}

export function portFromEnv(fallback: number): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number, got "${raw}".`);
  return n;
}

/** A whole number of seconds from the environment; a typo refuses to start rather than weakening a check. */
function positiveSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number of seconds above 0.`);
  return n;
}

/**
 * The token verifier: production sets ANTT_JWKS_URL (the identity provider's key set); the embedded
 * default verifies against the key generated under .data/keys on first start.
 */
export async function verifierFromEnv(): Promise<TokenVerifier> {
  const settings = {
    issuer: process.env.ANTT_JWT_ISSUER ?? DEFAULT_ISSUER,
    audience: process.env.ANTT_JWT_AUDIENCE ?? DEFAULT_AUDIENCE,
    maxLifetimeSeconds: positiveSeconds('ANTT_TOKEN_MAX_LIFETIME_S', DEFAULT_MAX_TOKEN_LIFETIME_S),
    clockSkewSeconds: positiveSeconds('ANTT_TOKEN_CLOCK_SKEW_S', DEFAULT_CLOCK_SKEW_S),
  };
  if (process.env.ANTT_JWKS_URL) return createVerifier({ jwksUrl: new URL(process.env.ANTT_JWKS_URL) }, settings);
  await loadOrCreateSigningKey(keysDir());
  const jwks = JSON.parse(readFileSync(join(keysDir(), 'jwks.json'), 'utf8'));
  return createVerifier({ jwks }, settings);
}

/**
 * The secret the gateway presents to subgraphs (so that only it may use _entities and _service):
 * ANTT_GATEWAY_SECRET, else generated under .data/keys on first use.
 */
export function gatewaySecret(): string {
  if (process.env.ANTT_GATEWAY_SECRET) return process.env.ANTT_GATEWAY_SECRET;
  const file = join(keysDir(), 'gateway.secret');
  if (!existsSync(file)) {
    mkdirSync(keysDir(), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return readFileSync(file, 'utf8').trim();
}
