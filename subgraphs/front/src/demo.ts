/**
 * The Front's own demo records, loaded once after the shared modules' (activities, models, forums):
 * reviews of every organization's demo models (from the registry they share), Plan 155/KH-MTTQ-CAT with
 * its tasks and yearly focus and a demo successor, inspections, people of standing and commendations,
 * January 2021 to today. Seeded and reproducible; every record goes through `demoWriter`, the same
 * repository and checks as a user's. The plan's texts are the plan's own (not demo); their progress is demo data.
 */
import {
  addDays,
  communeAsOn,
  demoModels,
  communesOn,
  demoRandom,
  isoDate,
  ORGANIZATION_IDS,
  PLAN_155,
  REFORM_DATE,
  territory,
  type OrganizationId,
} from '@antt/reference';
import { createContext, demoWriter, type Db } from '@antt/subgraph-kit';
import {
  commendations,
  CORE_FORCE_ROLES,
  inspections,
  modelReviews,
  peopleOfStanding,
  type CommendationForm,
  type CoreForceRole,
  type PlanTaskStatus,
} from './kinds/index.js';
import { reviewInput } from './resolvers/reviews.js';
import { proposalInput } from './resolvers/commendations.js';
import { recordPlan, type PlanFields } from './resolvers/plans.js';
import { inspectionInput } from './resolvers/inspections.js';

const MEMBERS: OrganizationId[] = ['veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'];
const BOTH: OrganizationId[] = ['front', 'police'];

/** Plan 155/KH-MTTQ-CAT: section II (key tasks) and section IV (organization, yearly focus, reporting), from the plan's text. */
export function plan155(): PlanFields {
  const task = (
    code: string,
    section: 'II' | 'IV',
    title: string,
    lead: OrganizationId[],
    participating: OrganizationId[],
    deadline: string | null,
    planTaskId: string | null,
    year: number | null = null,
  ) => ({
    code,
    section,
    title,
    leadOrganizationIds: lead,
    participatingOrganizationIds: participating,
    deadline,
    planTaskId,
    year,
  });
  const end = '2023-12-09';
  return {
    number: PLAN_155.id,
    title:
      'Tiếp tục đẩy mạnh thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW về "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới" giai đoạn 2021 - 2023',
    issuedOn: PLAN_155.issued,
    issuers: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La - Công an tỉnh Sơn La',
    fromYear: PLAN_155.from,
    toYear: PLAN_155.to,
    tasks: [
      task(
        'II.1',
        'II',
        'Đẩy mạnh công tác tham mưu, phối hợp triển khai Chương trình phối hợp 09, trọng tâm là Kế hoạch 135-KH/TU ngày 12/4/2019 của Ban Thường vụ Tỉnh ủy',
        BOTH,
        MEMBERS,
        end,
        'II.1',
      ),
      task(
        'II.2',
        'II',
        'Đổi mới công tác tuyên truyền, giáo dục nâng cao nhận thức, tinh thần cảnh giác trước âm mưu của các thế lực thù địch, phương thức của tội phạm, lừa đảo',
        BOTH,
        MEMBERS,
        end,
        'II.2',
      ),
      task(
        'II.3',
        'II',
        'Chuyển hóa địa bàn trọng điểm, phức tạp về ANTT; xây dựng khu dân cư, xã, cơ quan, doanh nghiệp, nhà trường "An toàn về ANTT"; Nhóm liên gia tự quản giúp người chấp hành xong án phạt tù; mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải',
        BOTH,
        MEMBERS,
        end,
        'II.3',
      ),
      task(
        'II.4',
        'II',
        'Diễn đàn MTTQ và các tổ chức thành viên lắng nghe ý kiến Nhân dân, "Công an xã lắng nghe ý kiến nhân dân"; xử lý tin báo, tố giác tội phạm; giải quyết mâu thuẫn, tranh chấp, khiếu kiện, đình công',
        BOTH,
        MEMBERS,
        end,
        'II.4',
      ),
      task(
        'II.5',
        'II',
        'Gắn phong trào với các cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Cả nước chung sức xây dựng Nông thôn mới"; an sinh xã hội; cảm hóa, giúp đỡ người lầm lỗi',
        BOTH,
        MEMBERS,
        end,
        'II.5',
      ),
      task(
        'II.6',
        'II',
        'Xây dựng, duy trì, nhân rộng mô hình, điển hình tiên tiến; loại bỏ mô hình không hiệu quả, hình thức; bồi dưỡng lực lượng nòng cốt',
        BOTH,
        MEMBERS,
        end,
        'II.6',
      ),
      task(
        'II.7',
        'II',
        'Kiểm tra định kỳ, đột xuất; sơ kết, tổng kết; giao ban, báo cáo; khen thưởng tập thể, cá nhân có thành tích xuất sắc',
        BOTH,
        MEMBERS,
        end,
        'II.7',
      ),
      task(
        'IV.1',
        'IV',
        'Ủy ban MTTQ tỉnh và các tổ chức thành viên xây dựng kế hoạch triển khai theo ngành dọc',
        ['front', ...MEMBERS],
        ['police'],
        '2021-07-31',
        'II.1',
      ),
      task('IV.2', 'IV', 'Công an, Ủy ban MTTQ các huyện, thành phố tham mưu ban hành kế hoạch thực hiện cấp huyện', BOTH, [], '2021-08-31', 'II.1'),
      task('IV.3-2021-1', 'IV', 'Tập trung triển khai các nội dung trong Kế hoạch', BOTH, MEMBERS, '2021-12-09', 'II.1', 2021),
      task(
        'IV.3-2021-2',
        'IV',
        'Xây dựng xã Chiềng Pha, huyện Thuận Châu điển hình về phong trào toàn dân bảo vệ ANTQ',
        ['police', 'front'],
        MEMBERS,
        '2021-12-09',
        'II.6',
        2021,
      ),
      task(
        'IV.3-2021-3',
        'IV',
        'Xây dựng Phường Chiềng Lề, Thành phố Sơn La điển hình về bảo đảm trật tự đô thị',
        ['police', 'front'],
        [],
        '2021-12-09',
        'II.6',
        2021,
      ),
      task(
        'IV.3-2021-4',
        'IV',
        'Sơ kết, nhân rộng mô hình "Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng" của xã Chiềng Sơn, huyện Mộc Châu',
        ['women', 'police'],
        ['front', 'veterans', 'elderly'],
        '2021-12-09',
        'II.6',
        2021,
      ),
      task(
        'IV.3-2021-5',
        'IV',
        'Rà soát, thống kê, đánh giá chất lượng, hiệu quả các mô hình bảo vệ ANTT ở cơ sở theo Kế hoạch 92/KH-BCĐ-CAT ngày 05/3/2021',
        ['police', 'front'],
        MEMBERS,
        '2021-12-09',
        'II.6',
        2021,
      ),
      task(
        'IV.3-2021-6',
        'IV',
        'Kiện toàn Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ các cấp',
        BOTH,
        [],
        '2021-12-09',
        'II.1',
        2021,
      ),
      task(
        'IV.3-2021-7',
        'IV',
        'Tổng kết Kế hoạch 447/KH-CAT-HND ngày 27/11/2017 của Công an - Hội Nông dân tỉnh (2017 - 2021)',
        ['farmers', 'police'],
        ['front'],
        '2021-12-09',
        'II.7',
        2021,
      ),
      task(
        'IV.3-2022-1',
        'IV',
        'Tiếp tục thực hiện Kế hoạch; biểu dương các điển hình tiên tiến trong phong trào toàn dân bảo vệ ANTQ',
        BOTH,
        MEMBERS,
        '2022-12-09',
        'II.7',
        2022,
      ),
      task(
        'IV.3-2023-1',
        'IV',
        'Tiếp tục thực hiện Kế hoạch; tổng kết 10 năm Chương trình phối hợp 09/CTr-BCA-MTTW',
        BOTH,
        MEMBERS,
        '2023-12-09',
        'II.7',
        2023,
      ),
      task(
        'IV.4',
        'IV',
        'Báo cáo ANTT tháng, quý; báo cáo chuyên đề 6 tháng (trước 10/6) và báo cáo năm (trước 10/12) gửi Công an tỉnh (Phòng PV05) và Ủy ban MTTQ tỉnh (Ban Phong trào)',
        [...BOTH, ...MEMBERS],
        [],
        null,
        'II.7',
      ),
      task(
        'IV.5',
        'IV',
        'Phòng Xây dựng phong trào bảo vệ ANTQ (PV05) chủ trì, phối hợp Ban Phong trào - Ủy ban MTTQ tỉnh theo dõi, hướng dẫn, kiểm tra, đôn đốc thực hiện Kế hoạch',
        ['police', 'front'],
        [],
        end,
        'II.7',
      ),
    ],
  };
}

/** A successor of Plan 155 for the demo: its number and texts are made up and say so. */
function demoSuccessor(predecessorId: string): PlanFields {
  const end = '2026-12-09';
  return {
    number: '(mẫu) 01/KH-MTTQ-CAT',
    title: '(Dữ liệu mẫu) Kế hoạch tiếp tục thực hiện Chương trình phối hợp 09 giai đoạn 2024 - 2026',
    issuedOn: '2024-03-15',
    issuers: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La - Công an tỉnh Sơn La',
    fromYear: 2024,
    toYear: 2026,
    predecessorId,
    tasks: [
      ...['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7'].map((code) => ({
        code,
        section: 'II' as const,
        title: `Tiếp tục nhiệm vụ ${code} của Kế hoạch 155/KH-MTTQ-CAT`,
        planTaskId: code,
        leadOrganizationIds: BOTH,
        participatingOrganizationIds: MEMBERS.filter((o) => o !== 'infocomm'),
        deadline: end,
      })),
      {
        code: 'IV.3-2024-1',
        section: 'IV' as const,
        year: 2024,
        title: 'Triển khai kế hoạch giai đoạn 2024 - 2026',
        planTaskId: 'II.1',
        leadOrganizationIds: BOTH,
        deadline: '2024-12-09',
      },
      {
        code: 'IV.3-2025-1',
        section: 'IV' as const,
        year: 2025,
        title: 'Kiện toàn tổ chức, lực lượng sau sắp xếp đơn vị hành chính hai cấp (từ 01/7/2025)',
        planTaskId: 'II.1',
        leadOrganizationIds: BOTH,
        participatingOrganizationIds: MEMBERS.filter((o) => o !== 'infocomm'),
        deadline: '2025-12-09',
      },
      {
        code: 'IV.3-2026-1',
        section: 'IV' as const,
        year: 2026,
        title: 'Tổng kết giai đoạn 2024 - 2026',
        planTaskId: 'II.7',
        leadOrganizationIds: BOTH,
        deadline: '2026-12-09',
      },
    ],
  };
}

const FAMILY = ['Lò', 'Cầm', 'Quàng', 'Lường', 'Tòng', 'Vì', 'Hà', 'Đinh', 'Mùa', 'Sồng', 'Giàng', 'Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Bạc', 'Lừ', 'Điêu'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Xuân', 'A', 'Thị Thu'];
const GIVEN = ['Panh', 'Ún', 'Xuân', 'Hùng', 'Chinh', 'Khăm', 'Dũng', 'Hoa', 'Lả', 'Sứ', 'Pó', 'Tú', 'Thanh', 'Lan', 'Hương', 'Bình', 'Sinh', 'Chỉnh'];
const ETHNICITIES = ['Thái', 'Thái', 'Thái', 'Kinh', 'Kinh', "H'Mông", "H'Mông", 'Mường', 'Dao', 'Khơ Mú', 'Xinh Mun', 'Lào', 'Kháng', 'La Ha'];

const FINDINGS = [
  'Các tổ chức triển khai đầy đủ kế hoạch; một số chi hội chưa duy trì sinh hoạt định kỳ.',
  'Hồ sơ theo dõi mô hình chưa đầy đủ; báo cáo 6 tháng gửi chậm.',
  'Diễn đàn tổ chức đúng hướng dẫn; ý kiến của Nhân dân được trả lời kịp thời.',
  'Lực lượng nòng cốt chưa được tập huấn; một mô hình tồn tại hình thức.',
];
const FOLLOW_UPS = [
  'Bổ sung hồ sơ theo dõi mô hình và báo cáo kết quả khắc phục.',
  'Kiện toàn tổ tự quản, tổ chức tập huấn lực lượng nòng cốt.',
  'Trả lời dứt điểm các ý kiến quá hạn.',
];
const AUTHORITIES: [string, string][] = [
  ['Chủ tịch UBND tỉnh Sơn La', 'QĐ-UBND'],
  ['Ủy ban MTTQ Việt Nam tỉnh Sơn La', 'QĐ-MTTQ-BTT'],
  ['Giám đốc Công an tỉnh Sơn La', 'QĐ-CAT'],
  ['Bộ trưởng Bộ Công an', 'QĐ-BCA'],
];
const ACHIEVEMENTS = [
  'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
  'Tích cực tham gia phát hiện, tố giác tội phạm',
  'Điển hình tiên tiến trong xây dựng mô hình tự quản về ANTT',
  'Có nhiều đóng góp trong hòa giải mâu thuẫn ở cơ sở',
];

/** Writes the Front's own demo records; returns how many records were written. */
export function seedFrontDemo(db: Db, today: string): number {
  const rng = demoRandom(18111930);
  const t = territory();
  const write = demoWriter(db, 'front', today);
  // What the established inputs need to read (plans, for an inspection's plan): the demo writer's view.
  const ctx = createContext('front', db, { userId: 'demo-data', name: 'Dữ liệu mẫu', organization: 'front', unitId: t.provinceId, roles: ['STAFF'] });
  let n = 0;

  // Reviews of every organization's demo models, as the shared registry has them.
  for (const m of demoModels(today)) {
    for (const r of m.reviews) {
      write(
        modelReviews,
        reviewInput(
          {
            modelId: m.id,
            unitId: communeAsOn(m.unitId, r.reviewedOn),
            reviewedOn: r.reviewedOn,
            rating: r.rating,
            evidence: r.evidence,
            decision: r.decision,
            basis: r.basis,
          },
          r.reviewer as OrganizationId,
        ),
      );
      n++;
    }
  }

  // Plan 155 and, once its period is over, a demo successor, with progress as of today.
  const insertPlan = (fields: PlanFields): string => {
    const progress = (task: { deadline?: string | null }): { progress: PlanTaskStatus; statusSince: string | null } => {
      const due = task.deadline ?? null;
      const status: PlanTaskStatus = due && due < today ? 'DONE' : fields.issuedOn <= today ? 'IN_PROGRESS' : 'NOT_STARTED';
      const since = status === 'DONE' ? addDays(due!, -rng.int(0, 20)) : status === 'IN_PROGRESS' ? fields.issuedOn : null;
      return { progress: status, statusSince: since && since < fields.issuedOn ? fields.issuedOn : since };
    };
    const plan = recordPlan(ctx, fields, { progress, write: (kind, values) => write(kind, values) });
    n += 1 + fields.tasks.length;
    return plan.id;
  };
  const p155 = insertPlan(plan155());
  const next = today >= '2024-03-15' ? insertPlan(demoSuccessor(p155)) : null;

  // Inspections: periodic in the spring and autumn of every year, a few surprise ones.
  for (let y = 2021; y <= Number(today.slice(0, 4)); y++) {
    for (const [kind, month, count] of [
      ['PERIODIC', 4, 4],
      ['PERIODIC', 10, 4],
      ['SURPRISE', 7, 2],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const startedOn = isoDate(y, month, rng.int(1, 25));
        const endedOn = addDays(startedOn, rng.int(0, 3));
        if (endedOn > today) continue;
        const lead: 'front' | 'police' = rng.chance(50) ? 'front' : 'police';
        const unit = startedOn < REFORM_DATE && rng.chance(50) ? rng.pick(t.unitsOn(startedOn, 'DISTRICT')) : rng.pick(communesOn(startedOn));
        const inspected = MEMBERS.filter((o) => o !== 'infocomm' && rng.chance(35));
        const followUp = rng.chance(60) ? rng.pick(FOLLOW_UPS) : null;
        const dueOn = followUp ? addDays(endedOn, 60) : null;
        const doneOn = dueOn && rng.chance(80) ? addDays(endedOn, rng.int(10, 75)) : null;
        const values = inspectionInput(
          ctx,
          {
            kind,
            startedOn,
            endedOn,
            inspectedUnitId: unit.id,
            inspectedOrganizationIds: inspected.length ? inspected : ['women'],
            inspectingOrganizationIds: [lead === 'front' ? 'police' : 'front'],
            planId: y <= 2023 || !next ? p155 : next,
            subject: `Kiểm tra ${kind === 'PERIODIC' ? 'định kỳ' : 'đột xuất'} việc thực hiện kế hoạch phối hợp tại ${unit.name}`,
            findings: rng.pick(FINDINGS),
            followUp,
            followUpDueOn: dueOn,
          },
          lead,
        );
        write(inspections, { ...values, followUpDoneOn: doneOn && doneOn <= today ? doneOn : null });
        n++;
      }
    }
  }

  // People of standing nominated by commune Front committees, in residential areas.
  for (let d = '2021-02-01'; d <= today; d = addDays(d, rng.int(10, 30))) {
    const commune = rng.pick(communesOn(d));
    const areas = t.childrenOn(commune.id, d);
    const unit = areas.length ? rng.pick(areas) : commune;
    const nomination = {
      fullName: `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`,
      birthYear: rng.int(1948, 1985),
      ethnicity: rng.chance(65) ? rng.pick(ETHNICITIES) : null,
      unitId: unit.id,
      role: rng.pick(Object.keys(CORE_FORCE_ROLES) as CoreForceRole[]),
      nominatedOn: d,
    };
    const decidedOn = addDays(d, rng.int(10, 60));
    const decided =
      decidedOn <= today && rng.chance(90)
        ? { decision: rng.chance(88) ? 'ACCEPTED' : 'DECLINED', decidedOn, decidedBy: 'demo-data' }
        : { decision: 'PENDING' };
    write(peopleOfStanding, { ...nomination, ...decided });
    n++;
  }

  // Commendations proposed by every organization; 2022 honoured advanced examples, 2023 closed ten years of Programme 09.
  let decisionNo = 100;
  for (let y = 2021; y <= Number(today.slice(0, 4)); y++) {
    for (const org of ORGANIZATION_IDS) {
      if (org === 'infocomm' && y > 2024) continue;
      const count = rng.int(1, y === 2022 || y === 2023 ? 4 : 2);
      for (let i = 0; i < count; i++) {
        const proposedOn = isoDate(y, rng.pick([8, 11, 12]), rng.int(1, 20));
        if (proposedOn > today) continue;
        const commune = rng.pick(communesOn(proposedOn));
        const kind = rng.pick(['UNIT', 'BRANCH', 'PERSON'] as const);
        const branchOrg = org === 'labour' || org === 'infocomm' ? 'front' : org;
        const proposal = proposalInput(
          {
            recipientKind: kind,
            recipientUnitId: kind === 'BRANCH' ? null : commune.id,
            recipientBranchId: kind === 'BRANCH' ? `${branchOrg}@${commune.id}` : null,
            recipientName: kind === 'PERSON' ? `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}` : null,
            achievement: rng.pick(ACHIEVEMENTS),
            form: rng.pick(['CERTIFICATE_OF_MERIT', 'LETTER_OF_COMMENDATION', 'LETTER_OF_COMMENDATION', 'EMULATION_FLAG'] as CommendationForm[]),
            proposedOn,
          },
          org,
        );
        const decidedOn = addDays(proposedOn, rng.int(15, 45));
        let decision = {};
        if (decidedOn <= today && rng.chance(85)) {
          const [authority, suffix] = rng.pick(AUTHORITIES);
          decision = rng.chance(90)
            ? { awardStatus: 'AWARDED', decisionNumber: `${++decisionNo}/${suffix}`, decidedOn, issuingAuthority: authority, decidedBy: 'demo-data' }
            : { awardStatus: 'NOT_AWARDED', decidedOn, decisionNote: 'Chưa đủ tiêu chuẩn theo quy định.', decidedBy: 'demo-data' };
        }
        write(commendations, { ...proposal, ...decision });
        n++;
      }
    }
  }
  return n;
}
