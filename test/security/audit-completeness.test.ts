/**
 * Every read of sensitive data names the records read; every lookup answered null is a refusal with
 * its id (the women's union's victims, in-process; the police's tips in subgraphs/police/test).
 */
import { describe, expect, it } from 'vitest';
import { BINH_THUAN, TO_HIEU, leadership, openTestSubgraph, staff } from '@antt/testing';
import { subgraph } from '@antt/women';

describe('the women’s union’s trail', () => {
  it('records a victim read with the case’s id, and lookups refused or out of scope as refusals with it', async () => {
    const s = await openTestSubgraph(subgraph);
    const officer = staff('women', BINH_THUAN);
    const made = await s.run<{ recordWomenProtectionCase: { id: string } }>(
      officer,
      'mutation ($i: RecordWomenProtectionCaseInput!) { recordWomenProtectionCase(input: $i) { id } }',
      { i: { openedOn: '2026-10-01', unitId: BINH_THUAN, kind: 'DOMESTIC_VIOLENCE', victimIsChild: false, victimFullName: 'Nạn Nhân Mẫu' } },
    );
    const id = made.data!.recordWomenProtectionCase.id;
    const q = 'query ($id: ID!) { womenProtectionCase(id: $id) { victimFullName } }';
    expect((await s.run(officer, q, { id })).data).toEqual({ womenProtectionCase: { victimFullName: 'Nạn Nhân Mẫu' } });
    const elsewhere = staff('women', TO_HIEU);
    expect((await s.run(elsewhere, q, { id })).data).toEqual({ womenProtectionCase: null });
    expect((await s.run(leadership(), q, { id })).data).toEqual({ womenProtectionCase: null });
    const rows = s.sqlite.prepare("SELECT user_id, action, type_name, record_ids, fields, outcome FROM audit_log WHERE action != 'WRITE' ORDER BY id").all();
    const ids = JSON.stringify([id]);
    expect(rows).toEqual([
      { user_id: officer.userId, action: 'READ', type_name: 'WomenProtectionCase', record_ids: ids, fields: '["victimFullName"]', outcome: 'OK' },
      { user_id: elsewhere.userId, action: 'DENY', type_name: 'Query', record_ids: ids, fields: '["womenProtectionCase"]', outcome: 'NOT_FOUND_OR_FORBIDDEN' },
      {
        user_id: leadership().userId,
        action: 'DENY',
        type_name: 'Query',
        record_ids: ids,
        fields: '["womenProtectionCase"]',
        outcome: 'NOT_FOUND_OR_FORBIDDEN',
      },
    ]);
  });
});
