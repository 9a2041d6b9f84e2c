/**
 * The operations a dashboard token may run: committed .graphql files under gateway/operations/dashboard,
 * allowed by the SHA-256 of their text (persisted operations) or of their normalised text (graphql-js
 * print(parse(text)): comments and layout dropped, as client tooling computes it). A dashboard client
 * may send the text, or only a hash (Apollo's persistedQuery extension), which the gateway turns back
 * into the text whose hash it is. The manifest (GET /operations.json) lists them for dashboard authors.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export const DASHBOARD_OPERATIONS_DIR = fileURLToPath(new URL('../operations/dashboard', import.meta.url));

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The normalised text of an operation: graphql-js's printing of its parsed document (no comments, one layout). */
export function normalise(text: string): string {
  return print(parse(text));
}

/** One committed operation as dashboard authors see it. */
export interface RegisteredOperation {
  /** The file under gateway/operations/dashboard. */
  file: string;
  name: string;
  /** The committed text. */
  body: string;
  /** SHA-256 of the committed text. */
  textHash: string;
  /** SHA-256 of the normalised text. */
  normalisedHash: string;
  /** What the file's leading comment says it is for. */
  description: string;
}

export function readDashboardOperations(dir = DASHBOARD_OPERATIONS_DIR): RegisteredOperation[] {
  return readdirSync(dir)
    .filter((x) => x.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const body = readFileSync(join(dir, file), 'utf8');
      const op = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const description = body
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#\s?/, ''))
        .join(' ');
      return { file, name: op?.name?.value ?? file, body, textHash: sha256(body), normalisedHash: sha256(normalise(body)), description };
    });
}

/** hash -> the text whose SHA-256 it is: each operation under its text's hash and its normalised text's hash. */
export function loadDashboardOperations(dir = DASHBOARD_OPERATIONS_DIR): Map<string, string> {
  const ops = new Map<string, string>();
  for (const op of readDashboardOperations(dir)) {
    ops.set(op.textHash, op.body);
    ops.set(op.normalisedHash, normalise(op.body));
  }
  return ops;
}

/**
 * The answers of isRegistered per list and text: the gateway asks it of every request, and a text that is
 * not listed verbatim was parsed and printed again each time (issue 17: a create's profile at the gateway).
 * A pure function of the list and the text; at most KNOWN_TEXTS texts kept per list, all forgotten at once.
 */
const known = new WeakMap<Map<string, string>, Map<string, boolean>>();
const KNOWN_TEXTS = 1000;

/** Whether a text is a registered operation: its own hash, or its normalised text's, is listed. */
export function isRegistered(operations: Map<string, string>, text: string): boolean {
  let answers = known.get(operations);
  if (!answers) known.set(operations, (answers = new Map()));
  const kept = answers.get(text);
  if (kept !== undefined) return kept;
  let registered: boolean;
  if (operations.has(sha256(text))) registered = true;
  else
    try {
      registered = operations.has(sha256(normalise(text)));
    } catch {
      registered = false;
    }
  if (answers.size >= KNOWN_TEXTS) answers.clear();
  answers.set(text, registered);
  return registered;
}

/** A variable of a registered operation. */
export interface ManifestVariable {
  name: string;
  /** Its GraphQL type, e.g. ID! */
  type: string;
  required: boolean;
}

/** One leaf of an operation's answer: its path from the root and its type. */
export interface ManifestField {
  path: string;
  type: string;
}

/**
 * The published manifest: Apollo's persisted query manifest format (format, version, operations with
 * id, name, type, body) so Apollo's client tooling reads it, with what dashboard authors need besides:
 * both hashes, the variables and the fields each operation returns, with their types.
 */
export function operationsManifest(schema: SchemaLike | undefined, dir = DASHBOARD_OPERATIONS_DIR) {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    note: 'Các truy vấn đã đăng ký cho bảng điều khiển. Gửi bằng POST /graphql với văn bản hoặc chỉ mã băm (extensions.persistedQuery.sha256Hash), hoặc bằng GET để trình duyệt và bộ đệm lưu lại; mọi yêu cầu cần mã thông báo (Authorization: Bearer) và tiêu đề apollo-require-preflight: true khi dùng GET.',
    operations: readDashboardOperations(dir).map((op) => {
      const doc = parse(op.body);
      const def = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const variables: ManifestVariable[] = (def.variableDefinitions ?? []).map((v) => ({
        name: v.variable.name.value,
        type: print(v.type),
        required: v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue,
      }));
      return {
        id: op.normalisedHash,
        name: op.name,
        type: def.operation,
        body: op.body,
        file: op.file,
        description: op.description,
        hashes: { sha256Text: op.textHash, sha256Normalised: op.normalisedHash },
        variables,
        returns: schema ? returnedFields(schema, doc) : [],
      };
    }),
  };
}

/** The parts of a schema the walk needs; duck-typed, because Apollo's schema comes from graphql's CommonJS build. */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  toString(): string;
  getFields?: () => Record<string, { type: TypeLike }>;
}
interface SchemaLike {
  getQueryType(): TypeLike | null | undefined;
  getType(name: string): unknown;
}

/** Every field an operation selects, with its path and type as the schema gives it. */
function returnedFields(schema: SchemaLike, doc: DocumentNode): ManifestField[] {
  const out: ManifestField[] = [];
  const named = (t: TypeLike): TypeLike => (t.ofType ? named(t.ofType) : t);
  const walk = (set: SelectionSetNode, parent: TypeLike | undefined, path: string[]) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const type = parent?.getFields?.()[sel.name.value]?.type;
        out.push({ path: [...path, key].join('.'), type: type ? String(type) : sel.name.value === '__typename' ? 'String!' : 'unknown' });
        if (sel.selectionSet) walk(sel.selectionSet, type ? named(type) : undefined, [...path, key]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as TypeLike | undefined) : parent, path);
      }
    }
  };
  for (const def of doc.definitions)
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === 'query') walk(def.selectionSet, schema.getQueryType() ?? undefined, []);
  return out;
}
