/**
 * The authorization matrix, generated from the schemas: every field of every type in every subgraph,
 * and every entity's __resolveReference, against every kind of caller. The expected answers come
 * from the table in SECURITY.md, written out here by hand (not from the code under test); the field's
 * class comes from its @dataClass in the schema.
 */
import { describe, expect, it } from 'vitest';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import type { DataClass, Identity } from '@antt/auth';
import { SUBGRAPHS } from '@antt/gateway';
import { contextFor, fieldClass, typeClass, type OrganizationSubgraph } from '@antt/subgraph-kit';
import { ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import { PROVINCE, openTestSubgraph, user } from '@antt/testing';

type Caller = { name: string; identity: (owner: OrganizationId) => Identity };
const other = (owner: OrganizationId) => ORGANIZATION_IDS.find((o) => o !== owner)!;
const CALLERS: Caller[] = [
  { name: 'staff of the owner', identity: (o) => user(o, PROVINCE, ['STAFF']) },
  { name: 'leader of the owner', identity: (o) => user(o, PROVINCE, ['LEADER']) },
  { name: 'staff of another organization', identity: (o) => user(other(o), PROVINCE, ['STAFF']) },
  { name: 'provincial leadership', identity: () => user('province', PROVINCE, ['LEADERSHIP']) },
  { name: 'leadership granted personal data', identity: () => user('province', PROVINCE, ['LEADERSHIP', 'PERSONAL_DATA']) },
  { name: 'police investigator', identity: () => user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']) },
  { name: 'dashboard', identity: () => user('province', PROVINCE, ['DASHBOARD']) },
  { name: 'auditor of the owner', identity: (o) => user(o, PROVINCE, ['AUDITOR']) },
  { name: 'provincial auditor', identity: () => user('province', PROVINCE, ['AUDITOR']) },
  { name: 'steering committee member', identity: () => user('province', PROVINCE, ['STEERING_COMMITTEE']) },
  { name: 'consolidator (police)', identity: () => user('police', PROVINCE, ['STAFF', 'CONSOLIDATOR']) },
];

/** SECURITY.md's table. */
function expected(cls: DataClass, caller: string, owner: OrganizationId): boolean {
  const ownerOrPolice =
    caller === 'staff of the owner' ||
    caller === 'leader of the owner' ||
    ((caller === 'police investigator' || caller === 'consolidator (police)') && owner === 'police');
  const auditor = caller === 'auditor of the owner' || caller === 'provincial auditor';
  switch (cls) {
    case 'PUBLIC_AGGREGATE':
      return !auditor;
    case 'INTERNAL':
      // Steering committee members read the data of the committees' standing agency, the police, whose
      // kinds then show them only the committees' own records.
      return caller !== 'dashboard' && (caller !== 'steering committee member' || owner === 'police') && !auditor;
    case 'PERSONAL':
      return ownerOrPolice || caller === 'leadership granted personal data';
    case 'SENSITIVE_PERSONAL':
      return ownerOrPolice;
    case 'CRIME_SOURCE':
      return caller === 'police investigator' && owner === 'police';
    case 'AUDIT_TRAIL':
      return caller === 'leader of the owner' || auditor;
  }
}

function isObject(t: unknown): t is GraphQLObjectType {
  return (t as { constructor: { name: string } }).constructor.name === 'GraphQLObjectType';
}

async function gateAllows(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch {
    // Refusals are read from the recorded denials.
  }
}

describe.each(SUBGRAPHS.map((sg) => [sg.name, sg] as [string, OrganizationSubgraph]))('the %s subgraph', (_name, sg) => {
  it('checks every field against the data-class table, for every kind of caller', async () => {
    const { db } = await openTestSubgraph(sg);
    const schema = sg.schema();
    const mismatches: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObject(type) || type.name.startsWith('_') || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        const { cls } = fieldClass(type, field as never, schema);
        for (const c of CALLERS) {
          // The gate records every refusal (by an error, or by null for a single-record lookup).
          const denials: string[] = [];
          // A null answer is recorded too (NOT_FOUND_OR_FORBIDDEN): only the gate's own refusals count here.
          const audit = {
            read: () => undefined,
            failed: () => undefined,
            denied: (e: { field: string; outcome?: string }) => void (e.outcome ? 0 : denials.push(e.field)),
          };
          const ctx = contextFor(sg, db, c.identity(sg.name), { fromGateway: true, audit });
          const info = { fieldName: field.name, parentType: type, returnType: field.type, path: { key: field.name }, schema } as unknown as GraphQLResolveInfo;
          // A field the gate lets through may still fail inside (missing arguments): only the gate's refusal counts here.
          await gateAllows(() => field.resolve!({ id: '1' }, {}, ctx, info));
          const allowed = !denials.includes(field.name);
          checked++;
          if (allowed !== expected(cls, c.name, sg.name))
            mismatches.push(`${type.name}.${field.name} (${cls}) for ${c.name}: ${allowed ? 'allowed' : 'refused'}`);
        }
      }
      const resolveReference = (type.extensions as { apollo?: { subgraph?: { resolveReference?: (r: unknown, c: unknown, i: unknown) => unknown } } }).apollo
        ?.subgraph?.resolveReference;
      if (resolveReference) {
        const cls = typeClass(type)?.cls ?? 'INTERNAL';
        for (const c of CALLERS) {
          // The gate records its refusal before answering null; a lookup that merely finds nothing does not.
          const denials: string[] = [];
          // A null answer is recorded too (NOT_FOUND_OR_FORBIDDEN): only the gate's own refusals count here.
          const audit = {
            read: () => undefined,
            failed: () => undefined,
            denied: (e: { field: string; outcome?: string }) => void (e.outcome ? 0 : denials.push(e.field)),
          };
          const ctx = contextFor(sg, db, c.identity(sg.name), { fromGateway: true, audit });
          const result = await Promise.resolve(resolveReference({ __typename: type.name, id: '1' }, ctx, {})).catch(() => 'error');
          const refusedAtGate = result === null && denials.includes('__resolveReference');
          if (refusedAtGate === expected(cls, c.name, sg.name))
            mismatches.push(`${type.name}.__resolveReference (${cls}) for ${c.name}: ${refusedAtGate ? 'refused' : 'allowed'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
