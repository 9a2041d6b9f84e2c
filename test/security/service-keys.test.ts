/**
 * Service credentials have a key set of their own: a subgraph's service token is signed with the
 * services' key and verified against the services' key set (the embedded service-jwks.json or
 * ANTT_SERVICE_JWKS_URL), never the users'. A user's token cannot act as a service's, nor the reverse,
 * even one that carries the other's audience and claims.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, generateSigningKey, KEY_FILES, loadOrCreateSigningKey, signServiceToken, signToken, type SigningKey } from '@antt/auth';
import { keysDir, referencesFromEnv, verifierFromEnv } from '@antt/subgraph-kit';
import { staff } from '@antt/testing';

const VARS = ['ANTT_DATA_DIR', 'ANTT_JWKS_URL', 'ANTT_SERVICE_JWKS_URL', 'ANTT_SERVICE_KEY_FILE', 'ANTT_JWT_ISSUER', 'ANTT_JWT_AUDIENCE'] as const;
const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
const dirs: string[] = [];

beforeEach(() => {
  for (const v of VARS) delete process.env[v];
  const dir = mkdtempSync(join(tmpdir(), 'antt-service-keys-'));
  dirs.push(dir);
  process.env.ANTT_DATA_DIR = dir;
});
afterEach(() => {
  for (const v of VARS)
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const bearer = (token: string) => `Bearer ${token}`;
/** A user's token with the service's audience and claims, as a forger holding a user key would make it. */
const userKeyAsService = (key: SigningKey) => signServiceToken(key, 'veterans');

describe('the embedded default', () => {
  it('makes a service key apart from the users’ and verifies each only against its own key set', async () => {
    const refs = (await referencesFromEnv('veterans'))!;
    const users = await verifierFromEnv();
    const userKey = await loadOrCreateSigningKey(keysDir());
    const serviceKey = JSON.parse(readFileSync(join(keysDir(), KEY_FILES.service.key), 'utf8')) as SigningKey;
    expect(serviceKey.kid).not.toBe(userKey.kid);
    expect((JSON.parse(readFileSync(join(keysDir(), KEY_FILES.user.jwks), 'utf8')) as { keys: { kid: string }[] }).keys.map((k) => k.kid)).toEqual([
      userKey.kid,
    ]);

    // The service's own token: accepted by a service endpoint, refused by a GraphQL endpoint.
    const token = await refs.client.token();
    await expect(refs.verify(bearer(token))).resolves.toBe('veterans');
    await expect(users(bearer(token))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A token signed with the users' key, shaped as a service's: refused by the service endpoint.
    await expect(refs.verify(bearer(await userKeyAsService(userKey)))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A user's token signed with the services' key, with the users' audience: refused by a GraphQL endpoint.
    const forged = await signToken(serviceKey, staff('veterans'), { audience: DEFAULT_AUDIENCE });
    await expect(users(bearer(forged))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // A user's own token stays what it is: good for GraphQL, refused as a service's.
    const own = await signToken(userKey, staff('veterans'));
    await expect(users(bearer(own))).resolves.toMatchObject({ organization: 'veterans' });
    await expect(refs.verify(bearer(own))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('shares one service key between the subgraphs of one machine', async () => {
    const a = (await referencesFromEnv('veterans'))!;
    const b = (await referencesFromEnv('police'))!;
    await expect(b.verify(bearer(await a.client.token()))).resolves.toBe('veterans');
  });
});

describe('a service key set of its own (ANTT_SERVICE_JWKS_URL, ANTT_SERVICE_KEY_FILE)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  /** Serves a key set as an identity provider would. */
  async function serve(keys: SigningKey[]): Promise<string> {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as { port: number };
    return `http://127.0.0.1:${port}/service-jwks.json`;
  }

  it('signs with the key file and verifies against the service key set only', async () => {
    const [serviceKey, userKey] = [await generateSigningKey(), await generateSigningKey()];
    const file = join(process.env.ANTT_DATA_DIR!, 'svc.json');
    writeFileSync(file, JSON.stringify(serviceKey));
    process.env.ANTT_SERVICE_KEY_FILE = file;
    process.env.ANTT_SERVICE_JWKS_URL = await serve([serviceKey]);
    const refs = (await referencesFromEnv('farmers'))!;
    await expect(refs.verify(bearer(await refs.client.token()))).resolves.toBe('farmers');
    await expect(refs.verify(bearer(await signServiceToken(serviceKey, 'women')))).resolves.toBe('women');
    await expect(refs.verify(bearer(await userKeyAsService(userKey)))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to start with a service key file and no service key set to verify it', async () => {
    const file = join(process.env.ANTT_DATA_DIR!, 'svc.json');
    writeFileSync(file, JSON.stringify(await generateSigningKey()));
    process.env.ANTT_SERVICE_KEY_FILE = file;
    process.env.ANTT_JWKS_URL = 'http://127.0.0.1:9/jwks.json';
    await expect(referencesFromEnv('farmers')).rejects.toThrow(/ANTT_SERVICE_JWKS_URL/);
  });
});
