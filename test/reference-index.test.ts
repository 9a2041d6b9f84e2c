/**
 * An owner answers a reference check from an index, never by reading its table (issue 17: a tip
 * handover's check read every tip of the province: 1.76 ms of the police's CPU per handover on the
 * demo data, 0.96 with the index, and more with every tip). For every reference any organization's
 * kinds make, the owner's statement (referenceLookupSql, what answerQuestion runs) is planned by SQLite
 * on the owner's migrated database: a reference by another field than the record id needs the owner's
 * kind to declare it in `lookedUpBy` (and its migration). On an empty database: without ANALYZE,
 * SQLite's plan does not depend on the rows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '@antt/gateway';
import { openOrganizationDatabase, ownerOf, referenceFields, referenceLookupSql } from '@antt/subgraph-kit';

const references = SUBGRAPHS.flatMap((sg) =>
  sg.kinds.flatMap((kind) =>
    referenceFields(kind).flatMap(([field, f]) => {
      // An owner given as a function (by the id's form) is asked of each organization it can name.
      const owners =
        typeof f.ref.owner === 'function' ? SUBGRAPHS.map((o) => o.name).filter((o) => ownerOf(f.ref, `${f.ref.table}:${o}:1`) === o) : [f.ref.owner];
      return owners.map((owner) => ({
        name: `${sg.name} ${kind.spec.table}.${field} -> ${owner} ${f.ref.table}${f.ref.by ? ` by ${f.ref.by}` : ''}`,
        owner,
        ref: f.ref,
      }));
    }),
  ),
);
const opened = new Map<string, ReturnType<typeof openOrganizationDatabase>>();
afterAll(() => {
  for (const o of opened.values()) o.sqlite.close();
});

describe('reference checks at the owner', () => {
  it('there are references by another field than the record id (the test would prove nothing without them)', () => {
    expect(references.some((r) => r.ref.by)).toBe(true);
  });

  it.each(references.map((r) => [r.name, r] as const))('%s: read through an index', (_name, r) => {
    const owner = SUBGRAPHS.find((s) => s.name === r.owner)!;
    const kind = owner.kinds.find((k) => k.spec.table === r.ref.table);
    expect(kind, `${r.owner} keeps ${r.ref.table}`).toBeDefined();
    if (!opened.has(owner.name)) opened.set(owner.name, openOrganizationDatabase(owner, { file: ':memory:', demo: false }));
    const sqlite = opened.get(owner.name)!.sqlite;
    const sql = referenceLookupSql(kind!, r.ref.by ?? null, r.ref.writerField ?? null);
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ id: 'x', writer: 'veterans' }) as { detail: string }[]).map((p) => p.detail);
    expect(plan.join('; ')).toMatch(/^SEARCH \S+ USING INDEX/);
  });
});
