/**
 * References between organizations in the demo data: every record of every subgraph that names another
 * organization's record (a police receipt, a reintegration case, an establishment, a model, a forum)
 * names one its owner's demo data keeps, where the reference says it must lie. Demo records are written
 * without asking the owners (no server runs then), so this is their check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '@antt/gateway';
import { answerQuestion, columnOf, openOrganizationDatabase, ownerOf, referenceFields, type OpenedDatabase } from '@antt/subgraph-kit';
import { territory, type OrganizationId } from '@antt/reference';

const TODAY = '2026-11-27';
const opened = {} as Record<OrganizationId, OpenedDatabase>;

beforeAll(() => {
  for (const sg of SUBGRAPHS) opened[sg.name] = openOrganizationDatabase(sg, { file: ':memory:', demo: true, today: TODAY });
}, 240_000);
afterAll(() => {
  for (const o of Object.values(opened)) o.sqlite.close();
});

describe('references in the demo data', () => {
  it('name records their owners keep, in the unit they must lie in', () => {
    const dangling: string[] = [];
    let checked = 0;
    for (const sg of SUBGRAPHS) {
      for (const kind of sg.kinds) {
        const refs = referenceFields(kind);
        if (!refs.length) continue;
        const rows = opened[sg.name].sqlite.prepare(`SELECT * FROM ${kind.spec.table} WHERE superseded_at IS NULL AND status = 'ACTIVE'`).all() as Record<
          string,
          unknown
        >[];
        const unitCol = columnOf(kind.spec.unitField, kind.spec.fields[kind.spec.unitField]);
        for (const [key, f] of refs) {
          const col = columnOf(key, f);
          // One question per owner and unit: the demo writer is provincial staff, so "the writer's jurisdiction" is the province.
          const questions = new Map<string, { owner: OrganizationId; within: string; ids: Set<string>; records: Map<string, string[]> }>();
          for (const r of rows) {
            const id = r[col];
            if (typeof id !== 'string' || !id) continue;
            const owner = ownerOf(f.ref, id);
            if (!owner) {
              dangling.push(`${kind.spec.type}.${key} ${r.record_id as string} → ${id} (no owner)`);
              continue;
            }
            const within = f.ref.within === 'record' ? (r[unitCol] as string) : territory().provinceId;
            const k = `${owner}|${within}`;
            let q = questions.get(k);
            if (!q) questions.set(k, (q = { owner, within, ids: new Set(), records: new Map() }));
            q.ids.add(id);
            q.records.set(id, [...(q.records.get(id) ?? []), r.record_id as string]);
          }
          for (const q of questions.values()) {
            const ids = [...q.ids];
            const owner = SUBGRAPHS.find((s) => s.name === q.owner)!;
            const found = answerQuestion(owner.kinds, opened[q.owner].db, {
              table: f.ref.table,
              by: f.ref.by ?? null,
              writerField: f.ref.writerField ?? null,
              writer: sg.name,
              within: q.within,
              ids,
            });
            expect(found, `${q.owner} keeps ${f.ref.table}`).not.toBeNull();
            ids.forEach((id, i) => {
              checked++;
              if (!found![i]) dangling.push(`${kind.spec.type}.${key} ${q.records.get(id)![0]} → ${id} (${q.owner}, within ${q.within})`);
            });
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    const byField = new Map<string, number>();
    for (const d of dangling) byField.set(d.split(' ')[0]!, (byField.get(d.split(' ')[0]!) ?? 0) + 1);
    expect(dangling.length, [...byField].map(([k, n]) => `${k}: ${n}`).join('\n') + '\n' + dangling.slice(0, 10).join('\n')).toBe(0);
  });
});
