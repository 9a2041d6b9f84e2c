/**
 * Which sensitive aggregates an operation asks for, and whether each request lies inside the published
 * set (@antt/disclosure): a registered operation, over published periods (the plan's periods and the
 * assessment years) and published units (the province, a district or a commune, on the map of the
 * period or today's), with no other argument (no past version, no other day). The decision itself is
 * authorize.readSensitiveAggregate; this only reads the operation.
 */
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { familyOfField, isPublishedPeriod } from '@antt/disclosure';
import { ORGANIZATIONS, periodById, territory, todayInVietnam, type OrganizationId } from '@antt/reference';

export interface SensitiveRequest {
  family: string;
  /** The organization under whose Unit field it was asked (null when not under one). */
  owner: OrganizationId | null;
  /** Type.field. */
  field: string;
  /** Whether this request lies in the published set (the operation's registration is checked apart). */
  inPublishedSet: boolean;
}

interface SchemaLike {
  getType(name: string): unknown;
  getQueryType(): { name: string } | null | undefined;
}
interface TypeLike {
  getFields?: () => Record<string, { type: unknown }>;
}
function namedTypeName(t: unknown): string {
  let x = t as { ofType?: unknown; name?: string };
  while (x.ofType) x = x.ofType as { ofType?: unknown; name?: string };
  return x.name!;
}

/**
 * Arguments a published request may carry; anything else (a past version, another day) leaves the set.
 * `figures` is harmless here: a sensitive family's counts are served live whatever it asks
 * (subgraph-kit reports/basis-fields.ts), so it never reaches a locked version of a published cell.
 */
const PUBLISHED_ARGS = new Set(['id', 'periodId', 'year', 'view', 'figures']);

interface Path {
  owner: OrganizationId | null;
  unitId: string | null;
  periods: string[];
  ok: boolean;
}

function valueOf(v: ValueNode, variables: Record<string, unknown>): unknown {
  if (v.kind === Kind.VARIABLE) return variables[v.name.value];
  if (v.kind === Kind.STRING || v.kind === Kind.ENUM) return v.value;
  if (v.kind === Kind.INT) return Number(v.value);
  return undefined;
}

/** Whether a unit is published with these periods: a province, district or commune existing on a period's last day or today. */
function publishedUnit(unitId: string, periods: string[]): boolean {
  const t = territory();
  const u = t.unit(unitId);
  if (!u || u.level === 'RESIDENTIAL_AREA') return false;
  const today = todayInVietnam();
  return periods.every((id) => {
    const p = periodById(id);
    return p !== null && (t.existsOn(unitId, p.end) || t.existsOn(unitId, today));
  });
}

export function sensitiveRequests(
  schema: SchemaLike,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): SensitiveRequest[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out: SensitiveRequest[] = [];
  const walk = (typeName: string, set: SelectionSetNode, path: Path, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.typeCondition?.name.value ?? typeName, sel.selectionSet, path, seen);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value)) walk(f.typeCondition.name.value, f.selectionSet, path, new Set([...seen, f.name.value]));
      } else visit(typeName, sel, path, seen);
    }
  };
  const visit = (typeName: string, field: FieldNode, path: Path, seen: Set<string>) => {
    const name = field.name.value;
    if (name.startsWith('__')) return;
    const def = (schema.getType(typeName) as TypeLike | undefined)?.getFields?.()[name];
    if (!def) return;
    const next: Path = { ...path, periods: [...path.periods] };
    if (typeName === 'Unit' && name in ORGANIZATIONS) next.owner = name as OrganizationId;
    for (const a of field.arguments ?? []) {
      const v = valueOf(a.value, variables);
      if (!PUBLISHED_ARGS.has(a.name.value)) next.ok = false;
      else if (a.name.value === 'periodId') {
        if (typeof v === 'string' && isPublishedPeriod(v)) next.periods.push(v);
        else next.ok = false;
      } else if (a.name.value === 'id' && typeName === schema.getQueryType()?.name && name === 'unit') next.unitId = typeof v === 'string' ? v : null;
    }
    const key = `${typeName}.${name}`;
    const family = familyOfField(key);
    if (family) {
      const inSet = next.ok && next.unitId !== null && next.periods.length > 0 && publishedUnit(next.unitId, next.periods);
      out.push({ family: family.id, owner: next.owner, field: key, inPublishedSet: inSet });
    }
    if (field.selectionSet) walk(namedTypeName(def.type), field.selectionSet, next, seen);
  };
  const root = schema.getQueryType()?.name;
  if (operation.operation === 'query' && root) walk(root, operation.selectionSet, { owner: null, unitId: null, periods: [], ok: true }, new Set());
  return out;
}
