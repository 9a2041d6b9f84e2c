/**
 * The elderly association's own kinds of record. The duties it shares with other organizations come
 * from packages/casework; activities, models, forums and opinions from packages/subgraph-kit.
 */
import { defineKind, field } from '@antt/subgraph-kit';

/**
 * The key a round of pledges may not share with another current one: one round per residential area
 * and year. Migration 0004 wrote the same key into the rows kept before, so they are checked too.
 */
export function pledgeKey(v: { unitId: string; signedOn: string }): string {
  return `${v.unitId}|${v.signedOn.slice(0, 4)}`;
}

/**
 * Family pledges that no member will break the law (gia đình cam kết không có người vi phạm pháp luật),
 * the elderly members' way of keeping their descendants from crime: families signing, per residential area.
 */
export const familyPledges = defineKind({
  org: 'elderly',
  type: 'ElderlyFamilyPledge',
  table: 'elderly_family_pledges',
  slug: 'family-pledge',
  description:
    'A round of family pledges in a residential area that no member of the family will break the law (gia đình cam kết không có con cháu vi phạm pháp luật), led by the elderly association. One round per residential area and year.',
  nounVi: 'đợt ký cam kết',
  list: 'elderlyFamilyPledges',
  create: 'recordElderlyFamilyPledge',
  fields: {
    signedOn: field.date({ label: 'Ngày ký cam kết', description: 'Day the pledges were signed (ngày ký cam kết); not in the future.' }),
    unitId: field.unit({
      label: 'Khu dân cư',
      description: 'The residential area (bản, tiểu khu, tổ dân phố), as it was on that day.',
      levels: ['RESIDENTIAL_AREA'],
    }),
    familiesSigned: field.count({
      label: 'Số hộ gia đình ký cam kết',
      description: 'Families that signed (số hộ ký cam kết), not more than the families in the area.',
      max: 10_000,
    }),
    familiesTotal: field.count({
      label: 'Tổng số hộ gia đình của khu dân cư',
      description: 'Families living in the residential area (tổng số hộ), 1 or more.',
      min: 1,
      max: 10_000,
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'signedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    // The households of an area are known only from the round itself (packages/reference has none per area).
    if (v.familiesSigned > v.familiesTotal)
      c.problems.add(c.at('familiesSigned'), 'Số hộ ký cam kết không được nhiều hơn tổng số hộ của khu dân cư.', 'MORE_THAN_TOTAL');
  },
  unique: {
    key: pledgeKey,
    field: 'unitId',
    message: (id) => `Khu dân cư này đã có đợt ký cam kết trong năm (bản ghi ${id}): hãy đính chính bản ghi đó thay vì ghi thêm một đợt.`,
  },
  example: { signedOn: '2021-03-08', unitId: 'area:03730-01', familiesSigned: 90, familiesTotal: 100 },
  exampleChange: { familiesSigned: 95, note: 'Thêm 5 hộ ký bổ sung' },
  counts: {
    field: 'familyPledges',
    type: 'ElderlyFamilyPledgeSummary',
    description: 'Family pledges in a unit and period, in counts.',
    countDescription: 'Rounds of pledges signed in the period.',
    sums: {
      familiesSigned: { of: 'familiesSigned', description: 'Families that signed, added up.' },
      familiesTotal: { of: 'familiesTotal', description: 'Families in those residential areas, added up.' },
    },
  },
});

/** Every kind the elderly association keeps through the record framework. */
export const kinds = [familyPledges];
