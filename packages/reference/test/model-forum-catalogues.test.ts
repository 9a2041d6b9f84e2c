import { describe, expect, it } from 'vitest';
import { CHIENG_SON_MODEL_ID, CHIENG_SON_OLD, demoForumsAndOpinions, demoModels, parseRecordId, recordId } from '../src/index.js';

describe('ids of records other organizations point at', () => {
  it('name the kind, the organization that keeps the record, and its number there', () => {
    expect(recordId('model', 'women', 3)).toBe('model:women:3');
    expect(parseRecordId('model', 'model:women:3')).toEqual({ kind: 'model', org: 'women', n: 3, token: '3' });
  });

  it('refuse an id of another kind, an unknown organization or a number that is not one', () => {
    for (const id of ['forum:women:3', 'model:ministry:3', 'model:women:0', 'model:women:3x', 'model:women:', '3'])
      expect(parseRecordId('model', id), id).toBeNull();
  });
});

describe('the shared demo registry', () => {
  it('gives the Front the Chiềng Sơn model and the women’s union its replicas, linked to it', () => {
    const models = demoModels('2026-11-27');
    expect(models.find((m) => m.id === CHIENG_SON_MODEL_ID)).toMatchObject({ org: 'front', unitId: CHIENG_SON_OLD, kind: 'REINTEGRATION' });
    const replicas = models.filter((m) => m.replicaOfId === CHIENG_SON_MODEL_ID);
    expect(replicas.length).toBe(6);
    expect(new Set(replicas.map((r) => r.org))).toEqual(new Set(['women']));
  });

  it('keeps every record’s id when the demo loads on a later day: a later day only adds records', () => {
    for (const [early, late] of [
      ['2023-06-15', '2026-11-27'],
      ['2025-09-09', '2025-09-30'],
    ] as const) {
      const [a, b] = [demoModels(early), demoModels(late)];
      for (const m of a)
        expect(
          b.find((x) => x.id === m.id),
          m.id,
        ).toMatchObject({ name: m.name, unitId: m.unitId, startedOn: m.startedOn });
      const [fa, fb] = [demoForumsAndOpinions(early), demoForumsAndOpinions(late)];
      for (const f of fa.forums)
        expect(
          fb.forums.find((x) => x.id === f.id),
          f.id,
        ).toMatchObject({ date: f.date, unitId: f.unitId, kind: f.kind });
      for (const o of fa.opinions)
        expect(
          fb.opinions.find((x) => x.id === o.id),
          o.id,
        ).toMatchObject({ forumId: o.forumId, raisedOn: o.raisedOn, topic: o.topic });
      expect(fb.forums.length).toBeGreaterThan(fa.forums.length);
    }
  });

  it('points every opinion at a forum the Front or the police held that day, kept by the organization that must answer it', () => {
    const { forums, opinions } = demoForumsAndOpinions('2026-11-27');
    const byId = new Map(forums.map((f) => [f.id, f]));
    for (const o of opinions) {
      const f = byId.get(o.forumId)!;
      expect(f, o.id).toBeDefined();
      expect(['front', 'police']).toContain(f.org);
      expect(o.raisedOn).toBe(f.date);
      expect(o.id.startsWith(`opinion:${o.org}:`)).toBe(true);
      // An opinion for an agency outside the graph is kept by the host that forwarded it.
      if (o.agency) expect(o.org).toBe(f.org);
    }
    expect(new Set(opinions.map((o) => o.org)).size).toBeGreaterThanOrEqual(8);
  });
});
