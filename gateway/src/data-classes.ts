/**
 * The data classes as the gateway sees them: read from the @dataClass applications composed into
 * supergraph.graphql (the gateway's API schema drops custom directives, so the supergraph's SDL is the
 * source). Before planning, the gateway works out which classes an operation asks for and refuses
 * what no subgraph would give this caller; it also tells the audit trail which protected classes were
 * asked for.
 */
import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { isDataClass, type DataClass } from '@antt/auth';

export interface ClassMap {
  types: Map<string, DataClass>;
  fields: Map<string, DataClass>;
}

export function readClassMap(supergraphSdl: string): ClassMap {
  const types = new Map<string, DataClass>();
  const fields = new Map<string, DataClass>();
  const classOf = (
    directives:
      readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[] }[] | undefined,
  ) => {
    const d = directives?.find((x) => x.name.value === 'dataClass');
    const v = d?.arguments?.find((a) => a.name.value === 'class')?.value.value;
    return isDataClass(v) ? v : undefined;
  };
  for (const def of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const t = classOf(def.directives as never);
    if (t) types.set(def.name.value, t);
    for (const f of def.fields ?? []) {
      const c = classOf(f.directives as never);
      if (c) fields.set(`${def.name.value}.${f.name.value}`, c);
    }
  }
  return { types, fields };
}

/** The parts of a schema the walk needs; duck-typed, so the gateway's own graphql copy does not matter. */
interface SchemaLike {
  getType(name: string): unknown;
  getQueryType(): { name: string } | null | undefined;
  getMutationType(): { name: string } | null | undefined;
}
interface TypeLike {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
}

function namedTypeName(t: unknown): string {
  let x = t as { ofType?: unknown; name?: string };
  while (x.ofType) x = x.ofType as { ofType?: unknown; name?: string };
  return x.name!;
}

export interface Requested {
  classes: Set<DataClass>;
  /** Type.field names asked for, by class (for the audit trail). */
  fieldsByClass: Map<DataClass, Set<string>>;
}

/** Every class an operation asks for. */
export function requestedClasses(schema: SchemaLike, document: DocumentNode, operation: OperationDefinitionNode, map: ClassMap): Requested {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out: Requested = { classes: new Set(), fieldsByClass: new Map() };
  const query = schema.getQueryType()?.name;
  const mutation = schema.getMutationType()?.name;
  const add = (c: DataClass, name: string) => {
    out.classes.add(c);
    let s = out.fieldsByClass.get(c);
    if (!s) out.fieldsByClass.set(c, (s = new Set()));
    s.add(name);
  };
  const seen = new Set<string>();
  const walk = (typeName: string, set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.typeCondition?.name.value ?? typeName, sel.selectionSet);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const key = `${typeName}:${sel.name.value}`;
        if (f && !seen.has(key)) {
          seen.add(key);
          walk(f.typeCondition.name.value, f.selectionSet);
        }
      } else visitField(typeName, sel);
    }
  };
  const visitField = (typeName: string, field: FieldNode) => {
    const name = field.name.value;
    if (name.startsWith('__')) return;
    const type = schema.getType(typeName) as TypeLike | undefined;
    const def = type?.getFields?.()[name];
    if (!def) return;
    const ret = namedTypeName(def.type);
    const cls =
      map.fields.get(`${typeName}.${name}`) ??
      (typeName === mutation
        ? 'INTERNAL'
        : typeName === query
          ? (map.types.get(ret) ?? (ret.startsWith('_') ? 'PUBLIC_AGGREGATE' : 'INTERNAL'))
          : (map.types.get(typeName) ?? 'INTERNAL'));
    add(cls, `${typeName}.${name}`);
    if (field.selectionSet) walk(ret, field.selectionSet);
  };
  const root = operation.operation === 'mutation' ? mutation : query;
  if (root) walk(root, operation.selectionSet);
  return out;
}
