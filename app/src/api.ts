/**
 * The pages talk to the gateway like any client: POST /graphql with the caller's token, and the
 * registered operations (GET /operations.json) read with GET by hash, so the browser may keep them for
 * a minute. No page has a way in that other clients lack.
 */
export const GRAPHQL = '/graphql';
const TOKEN_KEY = 'antt.token';

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The problems the server named a field for (an argument of a read, such as a list's `to`). */
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** One problem of an input the server names a field for (packages/subgraph-kit/src/errors, records/problems). */
export interface FieldProblem {
  field: string;
  message: string;
}
export interface AnswerError {
  message: string;
  extensions?: { code?: string; field?: string; problems?: FieldProblem[] };
}
interface Answer<T> {
  data?: T | null;
  errors?: AnswerError[];
}

function unwrap<T>(body: Answer<T>): T {
  if (body.errors?.length && !body.data)
    throw new ApiError(
      body.errors.map((e) => e.message).join(' '),
      body.errors[0]?.extensions?.code,
      body.errors.flatMap((e) => e.extensions?.problems ?? (e.extensions?.field ? [{ field: e.extensions.field, message: e.message }] : [])),
    );
  if (!body.data) throw new ApiError('Máy chủ không trả lời số liệu.', undefined);
  return body.data;
}

/** Any operation the token may run, sent with POST. */
export async function query<T>(token: string, text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(GRAPHQL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  return unwrap((await res.json()) as Answer<T>);
}

/**
 * A mutation whose refusal the page shows next to the fields it names: the data, and the problems by
 * the argument path the server gives (`input.topic`, `changes.date`, `reason`), plus those naming none.
 */
export async function mutate<T>(
  token: string,
  text: string,
  variables: Record<string, unknown>,
): Promise<{ data: T | null; fields: Record<string, string>; general: string[] }> {
  const res = await fetch(GRAPHQL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: text, variables }),
  });
  let body: Answer<T>;
  try {
    body = (await res.json()) as Answer<T>;
  } catch {
    return { data: null, fields: {}, general: ['Máy chủ không trả lời đúng dạng: thử lại sau.'] };
  }
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of body.errors ?? []) {
    const problems = e.extensions?.problems ?? (e.extensions?.field ? [{ field: e.extensions.field, message: e.message }] : []);
    if (!problems.length) general.push(e.message);
    for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]} ${p.message}` : p.message;
  }
  return { data: body.errors?.length ? null : (body.data ?? null), fields, general };
}

interface ManifestOperation {
  name: string;
  body: string;
  hashes: { sha256Text: string; sha256Normalised: string };
}
let manifest: Promise<Map<string, ManifestOperation>> | undefined;

/** The registered operations by name, from the gateway's published manifest. */
export function registered(): Promise<Map<string, ManifestOperation>> {
  manifest ??= fetch('/operations.json')
    .then((r) => {
      if (!r.ok) throw new ApiError('Không đọc được danh sách truy vấn đã đăng ký.', undefined);
      return r.json() as Promise<{ operations: ManifestOperation[] }>;
    })
    .then((m) => new Map(m.operations.map((o) => [o.name, o])));
  return manifest;
}

/** A registered operation, by name, read with GET by its hash (cacheable by this browser). */
export async function run<T>(token: string, name: string, variables: Record<string, unknown>): Promise<T> {
  const op = (await registered()).get(name);
  if (!op) throw new ApiError(`Truy vấn ${name} chưa được đăng ký trên máy chủ.`, undefined);
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: op.hashes.sha256Normalised } }),
  });
  const res = await fetch(`${GRAPHQL}?${params}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
  return unwrap((await res.json()) as Answer<T>);
}

export interface DemoUser {
  key: string;
  label: string;
  token: string;
}

/** The demo users' tokens, which the gateway offers only in demo mode (404 otherwise). */
export async function demoUsers(): Promise<DemoUser[]> {
  try {
    const res = await fetch('/app/demo-users.json');
    return res.ok ? ((await res.json()) as DemoUser[]) : [];
  } catch {
    return [];
  }
}
