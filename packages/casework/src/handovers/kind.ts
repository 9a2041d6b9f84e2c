/**
 * Crime information an organization handed to the police (handOverCrimeTip in the police subgraph): the
 * police's receipt id, when, where and from what source. Never the content: the tip itself, and who
 * gave it, live only with the police.
 */
import { ORGANIZATIONS } from '@antt/reference';
import { defineKind, field, perOrganization, type ReferenceSpec } from '@antt/subgraph-kit';
import { HANDOVER_SOURCES } from '../catalogues.js';
import { cellsOfHandovers } from '../disclosure.js';

/**
 * A receipt the police returned for a tip this organization handed over: a tip in the police's register
 * carrying that receipt, handed over by this organization, within the writer's jurisdiction.
 */
export const TIP_RECEIPT: ReferenceSpec = {
  owner: 'police',
  table: 'crime_tips',
  by: 'receiptId',
  writerField: 'handedOverBy',
  nounVi: 'biên nhận chuyển tin của Công an',
};

export const tipHandoverKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  return defineKind({
    org,
    type: `${o.typePrefix}TipHandover`,
    table: 'tip_handovers',
    slug: 'tip-handover',
    description: `Crime information the ${o.nameEn} (${o.nameVi}) handed to the police through the police's handOverCrimeTip: the receipt only. The content, and who gave it, are the police's alone.`,
    nounVi: 'biên nhận chuyển tin',
    list: `${org}TipHandovers`,
    create: `record${o.typePrefix}TipHandover`,
    fields: {
      date: field.date({ label: 'Ngày chuyển tin', description: 'Day it was handed over (ngày chuyển tin); not in the future.' }),
      unitId: field.unit({
        label: 'Địa bàn',
        description: 'Unit it concerns, as it was on that day (địa bàn).',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
      }),
      source: field.oneOf({
        label: 'Nguồn tin',
        description: 'Where it came from (nguồn tin).',
        enumType: 'HandoverSource',
        catalogue: HANDOVER_SOURCES,
        enumDeclared: true,
      }),
      receiptId: field.code({
        label: 'Mã biên nhận của Công an',
        description: 'The receipt id the police returned (mã biên nhận); its status is asked of the police.',
        ref: TIP_RECEIPT,
      }),
    },
    dateField: 'date',
    unitField: 'unitId',
    branch: true,
    unique: {
      field: 'receiptId',
      key: (v) => v.receiptId,
      message: (id) => `Biên nhận này đã được ghi (bản ghi ${id}): sửa bản ghi đó thay vì ghi lần nữa.`,
      reason: 'DUPLICATE',
    },
    example: { date: '2021-04-01', unitId: 'commune:03730@2019', source: 'PATROL', receiptId: 'BN-SUITE-0001' },
    exampleChange: { source: 'MEMBER' },
    counts: {
      field: 'tipHandovers',
      type: 'TipHandoverSummary',
      sharedTypes: true,
      description: 'Crime information handed to the police in the period, in counts.',
      countDescription: 'Handovers in the period (lượt chuyển tin cho Công an).',
      countField: 'handovers',
      by: { field: 'source', as: 'bySource', type: 'HandoverSourceCount', description: 'By source.' },
      // Outsiders get the audited pattern of the published set (disclosure.ts).
      cells: cellsOfHandovers,
    },
  });
});
