/**
 * Information and communications: media items, online-crime warnings, good examples, each attributed
 * to the body that answered for it on its date across the merger of 1 March 2025.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ok, refused } from '@antt/testing';
import { addDays, todayInVietnam } from '@antt/reference';
import { BINH_THUAN, CHIENG_PHA, PROVINCE, dashboard, leadership, openTestSubgraph, staff, type TestSubgraph } from '@antt/testing';
import { subgraph } from '../src/subgraph.js';

const me = staff('infocomm', PROVINCE);
const ITEM = /* GraphQL */ `
  mutation ($input: RecordInfocommMediaItemInput!) {
    recordInfocommMediaItem(input: $input) {
      id
      date
      outletKind
      unit {
        id
      }
      responsibleBody {
        id
        nameVi
        successor
      }
    }
  }
`;
const WARNING = /* GraphQL */ `
  mutation ($input: RecordInfocommOnlineWarningInput!) {
    recordInfocommOnlineWarning(input: $input) {
      id
      channel
      method
      responsibleBody {
        nameVi
      }
    }
  }
`;
const EXAMPLE = /* GraphQL */ `
  mutation ($input: RecordInfocommGoodExampleInput!) {
    recordInfocommGoodExample(input: $input) {
      id
      subject
      responsibleBody {
        nameVi
      }
    }
  }
`;
const MEDIA = /* GraphQL */ `
  query ($unit: ID!, $period: ID!) {
    unit(id: $unit) {
      infocomm {
        media(periodId: $period) {
          count
          reach
          byOutlet {
            outletKind
            count
            reach
          }
          byBody {
            body {
              id
              nameVi
              successor
            }
            count
            reach
          }
        }
        onlineWarnings(periodId: $period) {
          count
          byChannel {
            channel
            count
          }
          byBody {
            body {
              id
            }
            count
          }
        }
        goodExamples(periodId: $period) {
          count
          byBody {
            body {
              id
            }
            count
          }
        }
      }
    }
  }
`;
const item = { date: '2025-02-20', outletKind: 'PRESS', outlet: 'Báo Sơn La', title: 'Cảnh giác lừa đảo', topic: 'Phòng, chống lừa đảo qua mạng', reach: 1000 };

describe('information and communications across the merger of 1 March 2025', () => {
  let s: TestSubgraph;
  beforeEach(async () => {
    s = await openTestSubgraph(subgraph);
  });

  it('attributes an item of 28 February 2025 to the Department of Information and Communications and one of 1 March to the Department of Science and Technology', async () => {
    expect(ok(await s.run(me, ITEM, { input: { ...item, date: '2025-02-28' } }), 'recordInfocommMediaItem')).toMatchObject({
      unit: { id: PROVINCE },
      responsibleBody: { id: 'infocomm', nameVi: 'Sở Thông tin và Truyền thông tỉnh Sơn La', successor: false },
    });
    expect(ok(await s.run(me, ITEM, { input: { ...item, date: '2025-03-01' } }), 'recordInfocommMediaItem')).toMatchObject({
      responsibleBody: { id: 'infocomm:successor', nameVi: 'Sở Khoa học và Công nghệ tỉnh Sơn La', successor: true },
    });
  });

  it('counts a quarter that spans the merger by the body that answered for each record', async () => {
    await s.run(me, ITEM, { input: item });
    await s.run(me, ITEM, {
      input: { ...item, date: '2025-03-05', outletKind: 'GRASSROOTS_LOUDSPEAKER', outlet: 'Đài truyền thanh xã', unitId: CHIENG_PHA, reach: 300 },
    });
    await s.run(me, ITEM, { input: { ...item, date: '2025-03-06', reach: null } });
    ok(
      await s.run(me, WARNING, {
        input: {
          date: '2025-01-10',
          channel: 'PHONE_CALL',
          title: 'Giả danh Công an',
          method: 'Gọi điện xưng là Công an, yêu cầu chuyển tiền',
          outlets: 'Báo Sơn La',
        },
      }),
      'recordInfocommOnlineWarning',
    );
    ok(
      await s.run(me, EXAMPLE, {
        input: {
          date: '2025-03-10',
          unitId: CHIENG_PHA,
          subject: 'Tổ tự quản bản Nà Sản',
          achievement: 'Không có tội phạm 5 năm liền',
          outletKind: 'RADIO_TELEVISION',
        },
      }),
      'recordInfocommGoodExample',
    );
    const i = ok<{ infocomm: Record<string, Record<string, unknown>> }>(
      await s.run(leadership(), MEDIA, { unit: PROVINCE, period: '2025-Q1' }),
      'unit',
    ).infocomm;
    expect(i.media).toMatchObject({ count: 3, reach: 1300 });
    expect(i.media!.byOutlet).toContainEqual({ outletKind: 'GRASSROOTS_LOUDSPEAKER', count: 1, reach: 300 });
    expect(i.media!.byBody).toEqual([
      { body: { id: 'infocomm', nameVi: 'Sở Thông tin và Truyền thông tỉnh Sơn La', successor: false }, count: 1, reach: 1000 },
      { body: { id: 'infocomm:successor', nameVi: 'Sở Khoa học và Công nghệ tỉnh Sơn La', successor: true }, count: 2, reach: 300 },
    ]);
    expect(i.onlineWarnings).toMatchObject({ count: 1, byBody: [{ body: { id: 'infocomm' }, count: 1 }] });
    expect(i.onlineWarnings!.byChannel).toContainEqual({ channel: 'PHONE_CALL', count: 1 });
    expect(i.goodExamples).toEqual({ count: 1, byBody: [{ body: { id: 'infocomm:successor' }, count: 1 }] });
    const commune = ok<{ infocomm: { media: { count: number } } }>(await s.run(dashboard(), MEDIA, { unit: BINH_THUAN, period: '2025-Q1' }), 'unit').infocomm
      .media;
    expect(commune.count).toBe(1);
  });

  it('moves an item to the other body when its date is corrected across 1 March 2025, its first version still the first body’s', async () => {
    const { id } = ok<{ id: string }>(await s.run(me, ITEM, { input: item }), 'recordInfocommMediaItem');
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const CORRECT = /* GraphQL */ `
      mutation ($id: ID!) {
        correctInfocommMediaItem(id: $id, changes: { date: "2025-03-03" }, reason: "Sửa ngày đăng theo số báo") {
          responsibleBody {
            id
          }
          history {
            date
            responsibleBody {
              id
            }
          }
        }
      }
    `;
    expect(ok(await s.run(me, CORRECT, { id }), 'correctInfocommMediaItem')).toEqual({
      responsibleBody: { id: 'infocomm:successor' },
      history: [
        { date: '2025-02-20', responsibleBody: { id: 'infocomm' } },
        { date: '2025-03-03', responsibleBody: { id: 'infocomm:successor' } },
      ],
    });
    const BY_BODY = /* GraphQL */ `query ($asOf: DateTime) { unit(id: "${PROVINCE}") { infocomm { media(periodId: "2025-Q1", asRecordedAt: $asOf) { count byBody { body { id } count reach } } } } }`;
    const media = async (asOf?: string) => ok<{ infocomm: { media: unknown } }>(await s.run(dashboard(), BY_BODY, { asOf }), 'unit').infocomm.media;
    expect(await media()).toEqual({ count: 1, byBody: [{ body: { id: 'infocomm:successor' }, count: 1, reach: 1000 }] });
    expect(await media(before)).toEqual({ count: 1, byBody: [{ body: { id: 'infocomm' }, count: 1, reach: 1000 }] });
  });

  it.each([
    [
      'a warning without the method described',
      WARNING,
      { date: '2025-01-10', channel: 'PHONE_CALL', title: 'x', method: '  ', outlets: 'Báo' },
      'input.method',
      'REQUIRED',
    ],
    ['a negative reach', ITEM, { ...item, reach: -5 }, 'input.reach', 'NEGATIVE'],
    ['an item without a title', ITEM, { ...item, title: '' }, 'input.title', 'REQUIRED'],
    ['an item dated in the future', ITEM, { ...item, date: '2999-01-01' }, 'input.date', 'DATE_IN_FUTURE'],
  ])('refuses %s, naming the field, and writes nothing', async (_what, mutation, input, field, reason) => {
    expect(refused(await s.run(me, mutation, { input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(s.count('infocomm_media_items') + s.count('infocomm_online_warnings')).toBe(0);
  });

  it('lets leadership read the items but not write them, and other organizations neither', async () => {
    ok(await s.run(me, ITEM, { input: item }), 'recordInfocommMediaItem');
    expect(ok<{ totalCount: number }>(await s.run(leadership(), '{ infocommMediaItems { totalCount } }'), 'infocommMediaItems').totalCount).toBe(1);
    expect(refused(await s.run(leadership(), ITEM, { input: item })).extensions?.code).toBe('FORBIDDEN');
    expect(refused(await s.run(staff('front'), '{ infocommOnlineWarnings { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('loads demo data of every kind from 2021 to today, attributed to both bodies', async () => {
    const demo = await openTestSubgraph(subgraph, { demo: true });
    for (const table of ['infocomm_media_items', 'infocomm_online_warnings', 'infocomm_good_examples']) expect(demo.count(table), table).toBeGreaterThan(0);
    const res = (
      await demo.run(
        leadership(),
        '{ unit(id: "province:14") { infocomm { media(periodId: "2025") { byBody { body { id } count } } } } infocommMediaItems(first: 1) { nodes { date } } }',
      )
    ).data as { unit: { infocomm: { media: { byBody: { body: { id: string }; count: number }[] } } }; infocommMediaItems: { nodes: { date: string }[] } };
    expect(res.unit.infocomm.media.byBody.map((b) => b.body.id)).toEqual(['infocomm', 'infocomm:successor']);
    expect(res.infocommMediaItems.nodes[0]!.date >= addDays(todayInVietnam(), -60)).toBe(true);
  });
});
