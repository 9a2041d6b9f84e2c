/** Commendations: any organization proposes, the Front records the decision. */
import { beforeEach, describe, expect, it } from 'vitest';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeFrontCommendationInput!) {
    proposeFrontCommendation(input: $input) {
      id
      recipientKind
      recipientUnit {
        id
      }
      recipientBranch {
        id
      }
      recipientName
      achievement
      form
      proposedBy {
        id
      }
      proposedOn
      status
    }
  }
`;
const DECIDE = /* GraphQL */ `
  mutation ($id: ID!, $input: DecideFrontCommendationInput!) {
    decideFrontCommendation(id: $id, input: $input) {
      id
      status
      decisionNumber
      decidedOn
      issuingAuthority
      form
    }
  }
`;
const branchProposal = {
  recipientKind: 'BRANCH',
  recipientBranchId: `women@${CHIENG_PHA}`,
  achievement: 'Nhân rộng mô hình cảm hóa người lầm lỗi',
  form: 'LETTER_OF_COMMENDATION',
  proposedOn: '2022-11-01',
};
const women = staff('women', BINH_THUAN);
const front = staff('front');

let s: TestSubgraph;

/** The id of the n-th record written to a table (new records get opaque ids). */
const idOf = (table: string, n = 1) =>
  (s.sqlite.prepare(`SELECT record_id FROM ${table} WHERE version = 1 ORDER BY id LIMIT 1 OFFSET ?`).get(n - 1) as { record_id: string }).record_id;
beforeEach(async () => {
  s = await openTestSubgraph(subgraph);
});

describe('proposing', () => {
  it('records a women’s union proposal for one of its branches, the proposer taken from the token', async () => {
    expect(await s.run(women, PROPOSE, { input: branchProposal })).toEqual({
      data: {
        proposeFrontCommendation: {
          id: idOf('commendations'),
          recipientKind: 'BRANCH',
          recipientUnit: { id: CHIENG_PHA },
          recipientBranch: { id: `women@${CHIENG_PHA}` },
          recipientName: null,
          achievement: branchProposal.achievement,
          form: 'LETTER_OF_COMMENDATION',
          proposedBy: { id: 'women' },
          proposedOn: '2022-11-01',
          status: 'PROPOSED',
        },
      },
    });
  });

  it.each([
    ['a person without a name', { recipientKind: 'PERSON', recipientBranchId: null, recipientUnitId: CHIENG_PHA }, 'input.recipientName', 'REQUIRED'],
    ['an unknown branch', { recipientBranchId: 'women@commune:00000@2019' }, 'input.recipientBranchId', 'UNKNOWN_BRANCH'],
    [
      'a name for a unit',
      { recipientKind: 'UNIT', recipientBranchId: null, recipientUnitId: CHIENG_PHA, recipientName: 'Nguyễn Văn A' },
      'input.recipientName',
      'NOT_APPLICABLE',
    ],
    ['no achievement', { achievement: '' }, 'input.achievement', 'REQUIRED'],
    ['a date in the future', { proposedOn: '2999-01-01' }, 'input.proposedOn', 'DATE_IN_FUTURE'],
  ])('refuses a proposal with %s, naming the field, and writes nothing', async (_what, change, field, reason) => {
    expect((await s.run(women, PROPOSE, { input: { ...branchProposal, ...change } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
      reason,
    });
    expect(s.count('commendations')).toBe(0);
  });

  it('refuses a proposal by leadership or a dashboard', async () => {
    for (const who of [leadership(), dashboard()])
      expect((await s.run(who, PROPOSE, { input: branchProposal })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('deciding', () => {
  beforeEach(async () => {
    await s.run(women, PROPOSE, { input: branchProposal });
  });

  it('records the Front’s decision once, with its number, date and authority', async () => {
    const input = {
      status: 'AWARDED',
      decisionNumber: '125/QĐ-MTTQ-BTT',
      decidedOn: '2022-12-01',
      issuingAuthority: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La',
      form: 'CERTIFICATE_OF_MERIT',
    };
    expect(await s.run(front, DECIDE, { id: idOf('commendations'), input })).toEqual({
      data: {
        decideFrontCommendation: {
          id: idOf('commendations'),
          status: 'AWARDED',
          decisionNumber: '125/QĐ-MTTQ-BTT',
          decidedOn: '2022-12-01',
          issuingAuthority: input.issuingAuthority,
          form: 'CERTIFICATE_OF_MERIT',
        },
      },
    });
    expect((await s.run(front, DECIDE, { id: idOf('commendations'), input })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
      reason: 'ALREADY_DECIDED',
    });
  });

  it.each([
    ['an award without a decision number', { status: 'AWARDED', decidedOn: '2022-12-01', issuingAuthority: 'UBND tỉnh' }, 'input.decisionNumber', 'REQUIRED'],
    ['an award without an authority', { status: 'AWARDED', decidedOn: '2022-12-01', decisionNumber: '1/QĐ' }, 'input.issuingAuthority', 'REQUIRED'],
    ['a decision before the proposal', { status: 'NOT_AWARDED', decidedOn: '2022-10-01' }, 'input.decidedOn', 'BEFORE_PROPOSAL'],
  ])('refuses %s, naming the field', async (_what, input, field, reason) => {
    expect((await s.run(front, DECIDE, { id: idOf('commendations'), input })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
  });

  it('refuses a decision by the proposing organization', async () => {
    expect(
      (await s.run(women, DECIDE, { id: idOf('commendations'), input: { status: 'NOT_AWARDED', decidedOn: '2022-12-01' } })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('reading', () => {
  beforeEach(async () => {
    await s.run(women, PROPOSE, { input: branchProposal });
    await s.run(staff('youth'), PROPOSE, {
      input: { ...branchProposal, recipientKind: 'PERSON', recipientBranchId: null, recipientUnitId: CHIENG_PHA, recipientName: 'Cầm Thị Hoa' },
    });
  });
  const LIST = `{ frontCommendations(unitId: "${PROVINCE}") { nodes { id proposedBy { id } } totalCount } }`;

  it('shows the Front and leadership every commendation, and an organization only its own proposals', async () => {
    const all = {
      data: {
        frontCommendations: {
          nodes: [
            { id: idOf('commendations', 2), proposedBy: { id: 'youth' } },
            { id: idOf('commendations'), proposedBy: { id: 'women' } },
          ],
          totalCount: 2,
        },
      },
    };
    expect(await s.run(front, LIST)).toEqual(all);
    expect(await s.run(leadership(), LIST)).toEqual(all);
    expect(await s.run(staff('women'), LIST)).toEqual({
      data: { frontCommendations: { nodes: [{ id: idOf('commendations'), proposedBy: { id: 'women' } }], totalCount: 1 } },
    });
    expect(
      (await s.run(staff('women'), `{ frontCommendations(unitId: "${PROVINCE}", proposedBy: "youth") { nodes { id } } }`)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      await s.run(
        staff('women'),
        `{ _entities(representations: [{ __typename: "Commendation", id: "${idOf('commendations', 2)}" }]) { ... on Commendation { id } } }`,
      ),
    ).toEqual({ data: { _entities: [null] } });
  });

  it('gives a dashboard counts by form and status', async () => {
    expect(await s.run(dashboard(), `{ unit(id: "${PROVINCE}") { front { commendationCounts { form status count } } } }`)).toEqual({
      data: { unit: { front: { commendationCounts: [{ form: 'LETTER_OF_COMMENDATION', status: 'PROPOSED', count: 2 }] } } },
    });
  });
});
