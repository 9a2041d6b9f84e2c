/**
 * Demo records of the movement that cross organizations, generated once, here, so that each
 * organization's demo data (in its own database) agrees with the others': the Front's reviews point at
 * models every organization keeps, the women's union's replicas point at the Chiềng Sơn model, and the
 * opinions each organization must answer point at forums the Front and the police held.
 *
 * Seeded and reproducible. Records are generated in date order and numbered per organization in that
 * order, so a later `today` only appends: `model:women:3` is the same model whatever day the demo loads.
 */
import { addDays, addMonths, todayInVietnam, type IsoDate } from './dates.js';
import { ORGANIZATION_IDS, ORGANIZATIONS, type OrganizationId } from './organizations.js';
import { REFORM_DATE, territory, unitId, type AdminUnit } from './territory.js';
import { communesOn as communesOfMap, modelCommuneOn } from './demo-random.js';
import { recordId } from './record-ids.js';
import { demoRandom, type DemoRandom } from './demo-random.js';
import { MODEL_REVIEW_BASIS, type ForumKind, type ModelDecision, type ModelKind, type ModelRating, type ModelStatus } from './model-forum-catalogues.js';

/** The Chiềng Sơn (Mộc Châu) model the plan names (section III.3.2 and IV.3): the first model the Front keeps. */
export const CHIENG_SON_MODEL_ID = recordId('model', 'front', 1);
export const CHIENG_SON_OLD = unitId.oldCommune('03985');
export const CHIENG_SON_NEW = unitId.newCommune('03985');
export const CHIENG_SON_MODEL_NAME = 'Cảm hóa giáo dục người lầm lỗi tái hòa nhập cộng đồng';

export interface DemoModelReview {
  reviewedOn: IsoDate;
  reviewer: 'front' | 'police';
  rating: ModelRating;
  decision: ModelDecision;
  evidence: string;
  basis: string | null;
}

export interface DemoModel {
  id: string;
  org: OrganizationId;
  n: number;
  name: string;
  kind: ModelKind;
  description: string;
  /** The unit it runs in, as the unit was when it started. */
  unitId: string;
  startedOn: IsoDate;
  partnerIds: OrganizationId[];
  status: ModelStatus;
  statusSince: IsoDate | null;
  replicaOfId: string | null;
  /** Reviews by the Front and the police (kept in the Front's database), oldest first. */
  reviews: DemoModelReview[];
}

export interface DemoForum {
  id: string;
  org: OrganizationId;
  n: number;
  kind: ForumKind;
  title: string | null;
  date: IsoDate;
  unitId: string;
  coHostIds: OrganizationId[];
  attendance: number;
  opinionsVoiced: number;
}

export interface DemoOpinion {
  id: string;
  /** The organization that must answer it (or that forwarded it to an agency outside the graph), which keeps it. */
  org: OrganizationId;
  n: number;
  forumId: string;
  unitId: string;
  raisedOn: IsoDate;
  topic: string;
  summary: string;
  agency: string | null;
  dueDate: IsoDate;
  handedOverBy: OrganizationId;
  answer: string | null;
  answeredOn: IsoDate | null;
}

function communesOn(date: IsoDate): AdminUnit[] {
  return communesOfMap(date);
}

function shortName(u: AdminUnit): string {
  return u.name.replace(/^(Xã|Phường|Thị trấn) /, '');
}

/** A day in the month starting at `month`. */
function dayIn(rng: DemoRandom, month: IsoDate): IsoDate {
  return addDays(month, rng.int(0, 27));
}

const MODEL_TEMPLATES: Record<ModelKind, string[]> = {
  SELF_MANAGEMENT: ['Khu dân cư tự quản về ANTT', 'Dòng họ tự quản về an ninh, trật tự', 'Nhóm liên gia tự quản về ANTT'],
  SELF_PREVENTION: ['Gia đình không có người vi phạm pháp luật', 'Bản không có ma túy', 'Phụ nữ không để người thân vi phạm pháp luật'],
  SELF_PROTECTION: ['Tổ tự bảo vệ chợ phiên', 'Doanh nghiệp an toàn về ANTT', 'Camera an ninh khu dân cư'],
  SELF_MEDIATION: ['Tổ hòa giải điểm', 'Người cao tuổi tham gia hòa giải ở cơ sở', 'Hội viên nông dân tự hòa giải'],
  REINTEGRATION: ['Cựu chiến binh giúp đỡ người lầm lỗi', 'Đoàn viên giúp đỡ thanh thiếu niên chậm tiến', 'Hội viên nông dân giúp người lầm lỗi làm kinh tế'],
  PATROL: ['Tổ tuần tra nhân dân', 'Thanh niên tình nguyện tuần tra ban đêm', 'Cựu chiến binh tuần tra bảo vệ mùa màng'],
  INFORMATION: ['Loa truyền thanh cơ sở với ANTT', 'Nhóm Zalo an ninh khu dân cư', 'Bản tin ANTT hàng tuần'],
  OTHER: ['Cổng trường an toàn giao thông', 'Tuyến đường tự quản về ANTT'],
};

/** What each organization tends to run. */
const MODEL_KINDS_OF: Record<OrganizationId, ModelKind[]> = {
  front: ['SELF_MANAGEMENT', 'SELF_MANAGEMENT', 'SELF_MEDIATION'],
  police: ['SELF_PROTECTION', 'PATROL', 'SELF_MANAGEMENT'],
  veterans: ['PATROL', 'REINTEGRATION', 'SELF_MEDIATION'],
  women: ['SELF_PREVENTION', 'SELF_PREVENTION', 'SELF_MEDIATION'],
  youth: ['PATROL', 'REINTEGRATION', 'OTHER'],
  labour: ['SELF_PROTECTION'],
  farmers: ['SELF_MEDIATION', 'SELF_PREVENTION', 'REINTEGRATION'],
  elderly: ['SELF_MEDIATION', 'SELF_PREVENTION'],
  infocomm: ['INFORMATION'],
};

const EVIDENCE: Record<ModelRating, string[]> = {
  EFFECTIVE: [
    'Không phát sinh tội phạm, tệ nạn xã hội trong năm; các vụ mâu thuẫn được hòa giải thành tại cơ sở.',
    'Người lầm lỗi được giúp đỡ đều ổn định cuộc sống, không tái phạm; nhân dân tích cực tham gia.',
    'Duy trì sinh hoạt định kỳ, có sổ theo dõi; số vụ việc giảm so với năm trước.',
  ],
  AVERAGE: ['Có duy trì hoạt động nhưng chưa thường xuyên; sổ sách chưa đầy đủ.', 'Kết quả chưa rõ nét; cần củng cố lực lượng và kinh phí.'],
  INEFFECTIVE: ['Mô hình chỉ tồn tại trên giấy, không có hoạt động trong năm.', 'Không duy trì sinh hoạt; thành viên đã chuyển đi, không kiện toàn.'],
};

function review(rng: DemoRandom, reviewedOn: IsoDate, rating: ModelRating, decision: ModelDecision, basis: string | null = null): DemoModelReview {
  return { reviewedOn, reviewer: rng.chance(55) ? 'front' : 'police', rating, decision, evidence: rng.pick(EVIDENCE[rating]), basis };
}

/**
 * Every organization's demo models with their reviews: the Chiềng Sơn model and its replicas by the
 * women's union, then a few models per organization, reviewed under Plan 92 in 2021 and yearly after.
 */
export function demoModels(today: IsoDate = todayInVietnam()): DemoModel[] {
  const rng = demoRandom(922021);
  const t = territory();
  const out: DemoModel[] = [];
  const next = new Map<OrganizationId, number>();
  // Numbered before `today` filters anything, so a model keeps its id whatever day the demo loads.
  const add = (m: Omit<DemoModel, 'id' | 'n'>) => {
    const n = (next.get(m.org) ?? 0) + 1;
    next.set(m.org, n);
    if (m.startedOn > today) return;
    const statusLater = m.statusSince !== null && m.statusSince > today;
    out.push({
      ...m,
      id: recordId('model', m.org, n),
      n,
      reviews: m.reviews.filter((r) => r.reviewedOn <= today),
      ...(statusLater ? { status: 'ACTIVE' as const, statusSince: null } : {}),
    });
  };

  // The plan's named model: reviewed and chosen for replication in 2021 (section IV.3), effective since.
  add({
    org: 'front',
    name: CHIENG_SON_MODEL_NAME,
    kind: 'REINTEGRATION',
    unitId: CHIENG_SON_OLD,
    startedOn: '2019-06-15',
    description:
      'Mô hình của xã Chiềng Sơn (Mộc Châu): Ban công tác Mặt trận, Công an xã, Hội Phụ nữ, Hội Cựu chiến binh và Hội Người cao tuổi nhận giúp đỡ từng người chấp hành xong án phạt tù trở về địa phương.',
    partnerIds: ['police', 'women', 'veterans', 'elderly'],
    status: 'BEING_REPLICATED',
    statusSince: '2021-04-20',
    replicaOfId: null,
    reviews: [
      {
        reviewedOn: '2021-04-20',
        reviewer: 'front',
        rating: 'EFFECTIVE',
        decision: 'REPLICATE',
        evidence: 'Sơ kết mô hình: 100% người chấp hành xong án phạt tù trở về được nhận giúp đỡ, không có trường hợp tái phạm; đề nghị nhân rộng.',
        basis: MODEL_REVIEW_BASIS,
      },
      {
        reviewedOn: '2022-11-10',
        reviewer: 'police',
        rating: 'EFFECTIVE',
        decision: 'KEEP',
        evidence: 'Tiếp tục duy trì; các trường hợp được giúp đỡ đều ổn định cuộc sống.',
        basis: null,
      },
      {
        reviewedOn: '2023-11-08',
        reviewer: 'front',
        rating: 'EFFECTIVE',
        decision: 'REPLICATE',
        evidence: 'Tổng kết 10 năm Chương trình phối hợp 09: mô hình tiêu biểu của tỉnh.',
        basis: null,
      },
      { reviewedOn: '2024-11-12', reviewer: 'police', rating: 'EFFECTIVE', decision: 'KEEP', evidence: 'Không có người tái phạm trong năm.', basis: null },
      {
        reviewedOn: '2025-11-05',
        reviewer: 'front',
        rating: 'EFFECTIVE',
        decision: 'KEEP',
        evidence: 'Duy trì sau khi hợp nhất xã Chiềng Sơn và Chiềng Xuân (01/7/2025).',
        basis: null,
      },
    ],
  });

  // The women's union replicates it in other communes (section III.3.2), each replica linked to the original.
  const replicaPlaces: [string, IsoDate][] = [
    [unitId.oldCommune('04012'), '2021-09-15'],
    [unitId.oldCommune('04000'), '2021-10-20'],
    [unitId.oldCommune('04045'), '2022-03-10'],
    [unitId.oldCommune('04024'), '2022-08-05'],
    [unitId.oldCommune('03733'), '2023-04-12'],
    [t.currentUnit(unitId.oldCommune('03997'), REFORM_DATE)?.id ?? unitId.newCommune('03997'), '2025-09-10'],
  ];
  for (const [u, startedOn] of replicaPlaces) {
    const unit = t.unit(u)!;
    const reviews: DemoModelReview[] = [];
    for (let y = Number(startedOn.slice(0, 4)) + 1; y <= 2026; y++) {
      const rating: ModelRating = rng.chance(80) ? 'EFFECTIVE' : 'AVERAGE';
      reviews.push(review(rng, `${y}-11-${String(rng.int(1, 14)).padStart(2, '0')}`, rating, 'KEEP'));
    }
    add({
      org: 'women',
      name: `${CHIENG_SON_MODEL_NAME} (nhân rộng tại ${unit.name})`,
      kind: 'REINTEGRATION',
      unitId: u,
      startedOn,
      description: `Hội Liên hiệp Phụ nữ nhân rộng mô hình của xã Chiềng Sơn (Mộc Châu) tại ${unit.name}, phối hợp với Công an xã.`,
      partnerIds: ['police', 'front'],
      status: 'ACTIVE',
      statusSince: null,
      replicaOfId: CHIENG_SON_MODEL_ID,
      reviews,
    });
  }

  // A few models per organization, started from 2019 to today.
  for (const org of ORGANIZATION_IDS) {
    const count = org === 'labour' || org === 'infocomm' ? 3 : rng.int(4, 7);
    for (let i = 0; i < count; i++) {
      const startedOn = addDays('2019-03-01', rng.int(0, 365 * 7));
      // Infocomm ceased on 1 March 2025; nothing of it starts after.
      if (org === 'infocomm' && startedOn > '2025-02-28') continue;
      const commune = rng.pick(communesOn(startedOn));
      const kind = rng.pick(MODEL_KINDS_OF[org]);
      const partners = ORGANIZATION_IDS.filter((o) => o !== org && o !== 'infocomm' && rng.chance(25));
      const reviews: DemoModelReview[] = [];
      // Plan 92 (5 March 2021): every model running then was counted and graded in 2021.
      if (startedOn < '2021-03-05') {
        const rating = rng.pick(['EFFECTIVE', 'EFFECTIVE', 'AVERAGE', 'INEFFECTIVE'] as const);
        reviews.push(
          review(
            rng,
            addDays('2021-03-15', rng.int(0, 190)),
            rating,
            rating === 'INEFFECTIVE' ? 'REMOVE' : rating === 'EFFECTIVE' && rng.chance(30) ? 'REPLICATE' : 'KEEP',
            MODEL_REVIEW_BASIS,
          ),
        );
      }
      let status: ModelStatus = 'ACTIVE';
      let statusSince: IsoDate | null = null;
      for (let y = Math.max(2022, Number(startedOn.slice(0, 4)) + 1); y <= 2026 && !reviews.some((r) => r.decision === 'REMOVE'); y++) {
        if (!rng.chance(70)) continue;
        const rating = rng.pick(['EFFECTIVE', 'EFFECTIVE', 'EFFECTIVE', 'AVERAGE', 'INEFFECTIVE'] as const);
        reviews.push(
          review(
            rng,
            `${y}-${rng.pick(['10', '11'])}-${String(rng.int(1, 14)).padStart(2, '0')}`,
            rating,
            rating === 'INEFFECTIVE' ? 'REMOVE' : rating === 'EFFECTIVE' && rng.chance(20) ? 'REPLICATE' : 'KEEP',
          ),
        );
      }
      const seen = reviews.filter((r) => r.reviewedOn <= today);
      const last = seen[seen.length - 1];
      if (last?.decision === 'REMOVE' && addDays(last.reviewedOn, 30) <= today) [status, statusSince] = ['DISCONTINUED', addDays(last.reviewedOn, 30)];
      else if (last?.decision === 'REPLICATE') [status, statusSince] = ['BEING_REPLICATED', last.reviewedOn];
      add({
        org,
        name: `${rng.pick(MODEL_TEMPLATES[kind])} ${shortName(commune)}`,
        kind,
        unitId: commune.id,
        startedOn,
        description: `Mô hình do ${ORGANIZATIONS[org].branchPrefixVi} ${commune.name} chủ trì.`,
        partnerIds: partners,
        status,
        statusSince,
        replicaOfId: null,
        reviews,
      });
    }
  }
  return out;
}

const OPINION_TOPICS: Partial<Record<OrganizationId, [string, string][]>> = {
  police: [
    ['An ninh, trật tự', 'Đề nghị tăng cường tuần tra ban đêm tại khu vực chợ và bến xe.'],
    ['Ma túy', 'Phản ánh có người lạ tụ tập ở khu vực đồi chè, nghi sử dụng ma túy.'],
    ['An toàn giao thông', 'Đề nghị xử lý xe tải chở quá tải làm hỏng đường liên bản.'],
    ['Lừa đảo qua mạng', 'Nhiều hộ nhận cuộc gọi giả danh công an yêu cầu chuyển tiền.'],
  ],
  front: [
    ['Dân chủ ở cơ sở', 'Đề nghị công khai danh sách hộ nghèo, cận nghèo trước khi bình xét.'],
    ['Đời sống văn hóa', 'Đề nghị hỗ trợ sửa chữa nhà văn hóa bản.'],
  ],
  women: [
    ['Bạo lực gia đình', 'Phản ánh một số trường hợp bạo lực gia đình chưa được can thiệp kịp thời.'],
    ['Tảo hôn', 'Đề nghị tuyên truyền về tảo hôn, hôn nhân cận huyết thống tại các bản vùng cao.'],
  ],
  farmers: [
    ['Đất đai', 'Đề nghị giải quyết tranh chấp ranh giới đất nương giữa hai bản.'],
    ['Vật tư nông nghiệp', 'Phản ánh phân bón giả bán rong tại bản, đề nghị kiểm tra.'],
    ['Trộm cắp gia súc', 'Đề nghị phối hợp bảo vệ trâu bò thả rông khỏi trộm cắp.'],
  ],
  youth: [['Thanh thiếu niên', 'Đề nghị tổ chức sinh hoạt hè cho thanh thiếu niên để tránh tụ tập.']],
  veterans: [['Tuần tra nhân dân', 'Đề nghị trang bị đèn pin, áo phản quang cho tổ tuần tra.']],
  elderly: [['Hòa giải', 'Đề nghị mời người cao tuổi có uy tín tham gia hòa giải tranh chấp dòng họ.']],
  labour: [['Người lao động', 'Phản ánh doanh nghiệp chậm đóng bảo hiểm xã hội cho công nhân.']],
  infocomm: [['Thông tin cơ sở', 'Đề nghị sửa chữa hệ thống loa truyền thanh của bản.']],
};

const AGENCY_TOPICS: [string, string][] = [
  ['Đường giao thông', 'Đề nghị sửa chữa đoạn đường liên xã bị sạt lở sau mưa lũ.'],
  ['Nước sinh hoạt', 'Đề nghị khắc phục công trình nước sinh hoạt tập trung bị hỏng.'],
  ['Môi trường', 'Phản ánh cơ sở chế biến nông sản xả thải ra suối.'],
];

const ANSWERS = [
  'Đã kiểm tra, xử lý và thông báo kết quả tới Nhân dân tại buổi họp bản.',
  'Đã phối hợp với chính quyền xã giải quyết; vụ việc đã ổn định.',
  'Đã tiếp thu, đưa vào kế hoạch năm sau; đã trả lời bằng văn bản.',
  'Đã tổ chức tuyên truyền tại bản và vận động các hộ thực hiện.',
];

/** Who the opinions raised at a forum are handed to, and how often (weights). */
const ASSIGNEE_WEIGHTS: [OrganizationId | 'AGENCY', number][] = [
  ['police', 30],
  ['front', 12],
  ['AGENCY', 18],
  ['women', 9],
  ['farmers', 12],
  ['youth', 5],
  ['veterans', 5],
  ['elderly', 5],
  ['labour', 2],
  ['infocomm', 2],
];

function weighted<T>(rng: DemoRandom, entries: [T, number][]): T {
  let r = rng.int(
    1,
    entries.reduce((s, [, w]) => s + w, 0),
  );
  for (const [v, w] of entries) if ((r -= w) <= 0) return v;
  return entries[0]![0];
}

export interface DemoForumsAndOpinions {
  forums: DemoForum[];
  opinions: DemoOpinion[];
}

/**
 * Forums from January 2021 to today: the Front's four kinds, the commune police's forum, and forums the
 * youth union and the veterans hold; each Front or police forum hands some opinions over to the
 * organization that must answer them (or, for an agency outside this graph, keeps them itself).
 */
export function demoForumsAndOpinions(today: IsoDate = todayInVietnam()): DemoForumsAndOpinions {
  const rng = demoRandom(4112021);
  const t = territory();
  const forums: DemoForum[] = [];
  const opinions: DemoOpinion[] = [];
  const nextForum = new Map<OrganizationId, number>();
  const nextOpinion = new Map<OrganizationId, number>();
  const seq = (m: Map<OrganizationId, number>, org: OrganizationId) => {
    const n = (m.get(org) ?? 0) + 1;
    m.set(org, n);
    return n;
  };
  const frontKinds: ForumKind[] = ['LISTENING_TO_THE_PEOPLE', 'PEOPLE_DENOUNCE_CRIME', 'FRONT_LISTENS_TO_THE_PEOPLE', 'TALK_AND_LISTEN_TO_THE_PEOPLE'];
  const members = ORGANIZATION_IDS.filter((o) => o !== 'front' && o !== 'police' && ORGANIZATIONS[o].levels.includes('COMMUNE'));

  for (let month = '2021-01-01'; month <= today; month = addMonths(month, 1)) {
    const planned: { org: OrganizationId; kind: ForumKind; title: string | null; date: IsoDate; unit: AdminUnit }[] = [];
    for (const [org, n] of [
      ['front', rng.int(2, 4)],
      ['police', rng.int(1, 3)],
      ['youth', rng.chance(25) ? 1 : 0],
      ['veterans', rng.chance(25) ? 1 : 0],
    ] as const) {
      for (let i = 0; i < n; i++) {
        // Every draw happens whatever `today` is, so a later day only adds records (ids stay stable).
        const date = dayIn(rng, month);
        const kind: ForumKind = org === 'front' ? rng.pick(frontKinds) : org === 'police' ? 'COMMUNE_POLICE_LISTEN' : 'OTHER';
        const title =
          org === 'youth'
            ? 'Diễn đàn thanh niên với phòng, chống tội phạm và ma túy'
            : org === 'veterans'
              ? 'Diễn đàn lên án, đấu tranh với hành vi vi phạm pháp luật'
              : null;
        const unit = rng.pick(communesOn(date));
        if (date <= today) planned.push({ org, kind, title, date, unit });
      }
    }
    // The plan's model commune hears its people every June (Chiềng Pha, then Bình Thuận after the reform).
    if (month.endsWith('-06-01')) {
      const date = addDays(month, 14);
      if (date <= today)
        planned.push({
          org: 'front',
          kind: 'LISTENING_TO_THE_PEOPLE',
          title: null,
          date,
          unit: t.unit(modelCommuneOn(date))!,
        });
    }
    planned.sort((a, b) => a.date.localeCompare(b.date));
    for (const p of planned) {
      const n = seq(nextForum, p.org);
      const forumId = recordId('forum', p.org, n);
      const coHostIds: OrganizationId[] = p.org === 'front' ? ['police', ...members.filter(() => rng.chance(30))] : p.org === 'police' ? ['front'] : [];
      const raised: DemoOpinion[] = [];
      if (p.org === 'front' || p.org === 'police') {
        for (let i = rng.int(0, 3); i > 0; i--) {
          let to = weighted(rng, ASSIGNEE_WEIGHTS);
          // The Department of Information and Communications ceased on 1 March 2025.
          if (to === 'infocomm' && p.date > '2025-02-28') to = 'front';
          const keeper: OrganizationId = to === 'AGENCY' ? p.org : to;
          const [topic, summary] = to === 'AGENCY' ? rng.pick(AGENCY_TOPICS) : rng.pick(OPINION_TOPICS[to] ?? AGENCY_TOPICS);
          const agency = to === 'AGENCY' ? `Ủy ban nhân dân ${p.unit.name}` : null;
          const dueDate = addDays(p.date, rng.pick([15, 30, 30, 45]));
          const age = (Date.parse(today) - Date.parse(dueDate)) / 86_400_000;
          const [roll, lateRoll, lateDays, earlyDays, answer] = [rng.int(1, 100), rng.int(1, 100), rng.int(1, 40), rng.int(3, 14), rng.pick(ANSWERS)];
          const answered = roll <= (age > 60 ? 92 : age > 0 ? 55 : 30);
          let answeredOn: IsoDate | null = answered ? (lateRoll <= 20 ? addDays(dueDate, lateDays) : addDays(p.date, earlyDays)) : null;
          if (answeredOn && answeredOn > today) answeredOn = null;
          const on = seq(nextOpinion, keeper);
          raised.push({
            id: recordId('opinion', keeper, on),
            org: keeper,
            n: on,
            forumId,
            unitId: p.unit.id,
            raisedOn: p.date,
            topic,
            summary,
            agency,
            dueDate,
            handedOverBy: p.org,
            answer: answeredOn ? answer : null,
            answeredOn,
          });
        }
      }
      forums.push({
        id: forumId,
        org: p.org,
        n,
        kind: p.kind,
        title: p.title,
        date: p.date,
        unitId: p.unit.id,
        coHostIds,
        attendance: rng.int(35, 260),
        opinionsVoiced: raised.length + rng.int(2, 15),
      });
      opinions.push(...raised);
    }
  }
  return { forums, opinions };
}
