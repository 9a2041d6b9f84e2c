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

/** Environment variable holding the gateway's secret for one subgraph, e.g. ANTT_GATEWAY_SECRET_POLICE. */
export function gatewaySecretVariable(org: OrganizationId): string {
  return `ANTT_GATEWAY_SECRET_${org.toUpperCase()}`;
}

/**
 * The secret the gateway presents to one subgraph (so that only it may use _entities and _service
 * there): ANTT_GATEWAY_SECRET_<ORG>, else generated under .data/keys/gateway-<org>.secret on first
 * use. Each subgraph accepts only its own; the gateway holds all of them. The former single
 * ANTT_GATEWAY_SECRET, which opened every subgraph, is refused.
 */
export function gatewaySecret(org: OrganizationId): string {
  if (process.env.ANTT_GATEWAY_SECRET)
    throw new Error('ANTT_GATEWAY_SECRET (one secret for every subgraph) is no longer accepted: set ANTT_GATEWAY_SECRET_<ORG> for each subgraph.');
  const fromEnv = process.env[gatewaySecretVariable(org)];
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error(`${gatewaySecretVariable(org)} must be at least 32 characters.`);
    return fromEnv;
  }
  const file = join(keysDir(), `gateway-${org}.secret`);
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

/** Every subgraph's secret, for the gateway. */
export function gatewaySecrets(): Record<OrganizationId, string> {
  return Object.fromEntries(ORGANIZATION_IDS.map((org) => [org, gatewaySecret(org)])) as Record<OrganizationId, string>;
}
