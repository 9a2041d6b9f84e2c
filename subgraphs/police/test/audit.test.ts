/** The police's audit trail: reads of the protected identity, writes, refusals; who may read it. */
import { describe, expect, it } from 'vitest';
import { verifyTrail } from '@antt/audit';
import { BINH_THUAN, PROVINCE, openTestSubgraph, staff, user } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const commune = staff('police', BINH_THUAN);
const investigator = user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
const tip = {
  channel: 'PHONE',
  receivedAt: '2026-03-02T02:00:00.000Z',
  unitId: BINH_THUAN,
  summary: 'Nghi đánh bạc',
  category: 'GAMBLING',
  reporter: { fullName: 'Lò Văn Tố', phone: '0912345678' },
  confidentialityRequested: false,
};

describe('the police audit trail', () => {
  it('records who read a reporter (ids and field names, never values), every write and every refusal', async () => {
    const s = await openTestSubgraph(subgraph);
    const id = (
      (await s.run(commune, 'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }', { i: tip })).data as { recordCrimeTip: { id: string } }
    ).recordCrimeTip.id;
    await s.run(investigator, `{ policeTipReporter(tipId: "${id}", reason: "Xác minh nguồn tin theo kế hoạch") { fullName phone } }`);
    await s.run(staff('women', BINH_THUAN), `{ policeTipReporter(tipId: "${id}", reason: "tò mò") { fullName } }`);
    const rows = s.sqlite.prepare('SELECT user_id, organization, action, type_name, data_class, record_ids, fields, outcome FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([
      {
        user_id: commune.userId,
        organization: 'police',
        action: 'WRITE',
        type_name: 'CrimeTip',
        data_class: null,
        record_ids: JSON.stringify([id]),
        fields: '["recordCrimeTip"]',
        outcome: 'OK',
      },
      {
        user_id: investigator.userId,
        organization: 'police',
        action: 'READ',
        type_name: 'Query',
        data_class: 'CRIME_SOURCE',
        record_ids: JSON.stringify([id]),
        fields: '["policeTipReporter"]',
        outcome: 'OK',
      },
      {
        user_id: investigator.userId,
        organization: 'police',
        action: 'READ',
        type_name: 'ReporterIdentity',
        data_class: 'CRIME_SOURCE',
        record_ids: JSON.stringify([id]),
        fields: '["fullName","phone"]',
        outcome: 'OK',
      },
      {
        user_id: expect.stringContaining('women'),
        organization: 'women',
        action: 'DENY',
        type_name: 'Query',
        data_class: 'CRIME_SOURCE',
        record_ids: JSON.stringify([id]),
        fields: '["policeTipReporter"]',
        outcome: 'FORBIDDEN',
      },
    ]);
    const all = JSON.stringify(s.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain('Lò Văn Tố');
    expect(all).not.toContain('0912345678');
    expect(verifyTrail(s.sqlite)).toMatchObject({ ok: true, entries: 4 });
  });

  it('lets the police’s leaders read their trail, and no other organization', async () => {
    const s = await openTestSubgraph(subgraph);
    await s.run(commune, 'mutation ($i: RecordCrimeTipInput!) { recordCrimeTip(input: $i) { id } }', { i: tip });
    const mine = await s.run(user('police', PROVINCE, ['LEADER']), '{ policeAuditTrail { action userId fields } }');
    expect(mine.data).toEqual({ policeAuditTrail: [{ action: 'WRITE', userId: commune.userId, fields: ['recordCrimeTip'] }] });
    expect((await s.run(user('women', PROVINCE, ['LEADER']), '{ policeAuditTrail { action } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(commune, '{ policeAuditTrail { action } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers _entities only to the gateway', async () => {
    const s = await openTestSubgraph(subgraph);
    const q = '{ _entities(representations: [{ __typename: "Unit", id: "province:14" }]) { ... on Unit { name } } }';
    expect((await s.run(commune, q, {}, { fromGateway: false })).errors?.[0]).toMatchObject({
      message: '_entities và _service chỉ dành cho gateway.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await s.run(commune, '{ _service { sdl } }', {}, { fromGateway: false })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Hidden in fragments, inline or named, they are refused all the same.
    expect((await s.run(commune, '{ ... on Query { _service { sdl } } }', {}, { fromGateway: false })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const named =
      'query { ...F } fragment F on Query { _entities(representations: [{ __typename: "ReintegrationCase", id: "DEMO-TH-0001" }]) { ... on ReintegrationCase { commune { name } } } }';
    expect((await s.run(commune, named, {}, { fromGateway: false })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await s.run(commune, q)).data).toEqual({ _entities: [{ name: 'Tỉnh Sơn La' }] });
  });
});
