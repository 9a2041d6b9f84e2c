/**
 * Data classes: how protected a type or field is, declared in the schemas with @dataClass and
 * enforced by every subgraph (packages/subgraph-kit/src/data-class.ts) and, early, by the gateway.
 * One table decides who may read each class (authorization.ts); the rest of the code asks it.
 *
 * | class              | who may read                                                                |
 * |--------------------|-----------------------------------------------------------------------------|
 * | PUBLIC_AGGREGATE   | every authenticated caller, dashboards included (counts, indicators, units)  |
 * | INTERNAL           | any organization's staff and provincial leadership (records; each subgraph's |
 * |                    | repositories then keep staff to their own organization and jurisdiction)    |
 * | PERSONAL           | staff of the organization that owns the data; leadership with PERSONAL_DATA |
 * | SENSITIVE_PERSONAL | staff of the organization that owns the data (ethnicity, victims, criminal  |
 * |                    | history), nobody else                                                       |
 * | CRIME_SOURCE       | police investigators (a tip's reporter)                                     |
 * | AUDIT_TRAIL        | the owner's leaders and auditors, the provincial auditor                    |
 *
 * An auditor holding no other role reads audit trails and nothing else. The decisions themselves are
 * in authorization.ts (authorize.readClass); this file only names the classes.
 */
export const DATA_CLASSES = ['PUBLIC_AGGREGATE', 'INTERNAL', 'PERSONAL', 'SENSITIVE_PERSONAL', 'CRIME_SOURCE', 'AUDIT_TRAIL'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

/** Classes whose every read is recorded in the audit trail. */
export function isAudited(c: DataClass): boolean {
  return c === 'PERSONAL' || c === 'SENSITIVE_PERSONAL' || c === 'CRIME_SOURCE';
}
