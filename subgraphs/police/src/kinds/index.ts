/**
 * The police's own kinds of record, declared with the record framework: tips, hotspots, key areas,
 * core forces, trainings, bulletins and reintegration cases. The established types of schema.graphql
 * (CrimeTip, Hotspot, KeyArea, CoreForce, PoliceTraining, Bulletin, ReintegrationCase) show the same
 * records under the police's own rules of who sees what (src/resolvers); their follow-up mutations
 * (forwarding a tip, updating a hotspot, clearing a key area) are corrections with a reason.
 *
 * Sealed identities (a tip's reporter, a reintegrating person) are fields of CRIME_SOURCE or
 * SENSITIVE_PERSONAL class holding ciphertext only (sealed.ts), so they are erasable like any
 * personal field and no version ever holds a plaintext.
 */
import { isOrganizationId } from '@antt/reference';
import { defineKind, field, tagCell, type FieldSpec, type RecordKind } from '@antt/subgraph-kit';
import { initialDecisionDue, vietnamDate, TIP_DEADLINES } from '../legal/deadlines.js';
import { sealed } from './sealed.js';
import { criterionResults, establishments, standardAssessments } from './standard.js';
import { steeringConsolidations, steeringDecisions, steeringMeetings, steeringMembers } from './steering.js';

export { criterionResults, establishments, standardAssessments, steeringConsolidations, steeringDecisions, steeringMeetings, steeringMembers };

const ANY_LEVEL = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'] as const;
const GRASSROOTS = ['COMMUNE', 'RESIDENTIAL_AREA'] as const;

/** An instant (ISO 8601, stored as UTC with milliseconds); by default one that has already come. */
function instant<R extends boolean = true>(o: { label: string; description: string; required?: R }): FieldSpec<string, R> {
  const text = field.text({ label: o.label, description: o.description, required: o.required, max: 40 }) as FieldSpec<string, R>;
  return {
    ...text,
    gqlType: 'DateTime',
    parse(v, at, p, today) {
      const s = text.parse(v, at, p, today);
      if (s == null) return s;
      const t = Date.parse(s);
      if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(s))
        return void p.add(at, `${o.label}: thời điểm phải có dạng ISO 8601, ví dụ 2021-06-10T02:00:00.000Z.`, 'INVALID_DATETIME');
      const iso = new Date(t).toISOString();
      if (iso > new Date().toISOString() || vietnamDate(iso) > today)
        return void p.add(at, `${o.label} ở tương lai: chỉ ghi nhận việc đã diễn ra.`, 'DATE_IN_FUTURE');
      return iso;
    },
  };
}

/** An organization of the plan, by id (front, women, labour...). */
function organization<R extends boolean = true>(o: { label: string; description: string; required?: R }): FieldSpec<string, R> {
  const code = field.code({ label: o.label, description: o.description, required: o.required }) as FieldSpec<string, R>;
  return {
    ...code,
    parse(v, at, p, today) {
      const s = code.parse(v, at, p, today);
      if (s && !isOrganizationId(s)) return void p.add(at, `${o.label}: không có tổ chức này.`, 'UNKNOWN_ORGANIZATION');
      return s;
    },
  };
}

export interface Participants {
  organizationId: string;
  count: number;
}

/** A training's participants per organization, kept as JSON text ([{"organizationId":"women","count":12}]). */
function participantsField(): FieldSpec<string, true> {
  const text = field.text({
    label: 'Người tham dự',
    description: 'Participants per organization, as JSON: [{"organizationId":"women","count":12}] (số người tham dự của từng tổ chức).',
    max: 4000,
  });
  return {
    ...text,
    parse(v, at, p, today) {
      let list: unknown = v;
      if (typeof v === 'string') {
        try {
          list = JSON.parse(v);
        } catch {
          return void p.add(at, 'Người tham dự: cần danh sách tổ chức và số người.', 'INVALID_PARTICIPANTS');
        }
      }
      if (!Array.isArray(list)) return text.parse(v === undefined ? v : null, at, p, today) ?? undefined;
      if (!list.length) return void p.add(at, 'Ghi số người tham dự của ít nhất một tổ chức.', 'REQUIRED');
      const seen = new Set<string>();
      const out: Participants[] = [];
      let ok = true;
      list.forEach((x: { organizationId?: unknown; count?: unknown }, i) => {
        const org = x?.organizationId;
        if (typeof org !== 'string' || !isOrganizationId(org)) {
          p.add(`${at}.${i}.organizationId`, 'Không có tổ chức này.', 'UNKNOWN_ORGANIZATION');
          ok = false;
        } else if (seen.has(org)) {
          p.add(`${at}.${i}.organizationId`, 'Mỗi tổ chức chỉ ghi một lần.', 'DUPLICATE');
          ok = false;
        } else seen.add(org);
        if (typeof x?.count !== 'number' || !Number.isInteger(x.count) || x.count < 0 || x.count > 100_000) {
          p.add(`${at}.${i}.count`, 'Số người tham dự phải là số nguyên từ 0 đến 100.000.', 'OUT_OF_RANGE');
          ok = false;
        }
        if (ok) out.push({ organizationId: org as string, count: x.count as number });
      });
      return ok ? JSON.stringify(out) : undefined;
    },
  };
}

/** Where a hotspot stands (HotspotStatus). */
export const HOTSPOT_STATUSES = { MONITORING: 'Monitoring.', MEDIATING: 'Mediating.', RESOLVED: 'Resolved.', ESCALATED: 'Escalated.' } as const;

/** Where a key area's transformation stands (KeyAreaStatus). */
export const KEY_AREA_STATUSES = { LISTED: 'Listed.', BEING_TRANSFORMED: 'Being transformed.', CLEARED: 'Cleared.' } as const;

/** How a reintegrating person came back (ReintegrationKind). */
export const REINTEGRATION_KINDS = { SENTENCE_SERVED: 'Sentence served.', SPECIAL_AMNESTY: 'Special amnesty.', PAROLE: 'Parole.' } as const;

// ---- crime tips ----

export const TIP_STATUSES = {
  RECEIVED: 'Received (đã tiếp nhận).',
  FORWARDED: 'Forwarded to the competent investigation agency (đã chuyển cơ quan có thẩm quyền).',
  BEING_VERIFIED: 'Being verified (đang kiểm tra, xác minh).',
  DECIDED: 'Decided (đã ra quyết định).',
  REPORTER_NOTIFIED: 'The reporter was notified of the outcome (đã thông báo kết quả cho người tố giác).',
} as const;

export const crimeTips: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceCrimeTip',
  table: 'crime_tips',
  slug: 'tip',
  description:
    'A crime report or tip (tin báo, tố giác tội phạm) as the police keep it, with its versions: each step (forwarding, extension, decision, notice) is a version. The reporter is sealed: reporterSealed says only whether an identity is kept; policeTipReporter opens it for an investigator, with a reason, recorded. CrimeTip shows the same records as before versions.',
  nounVi: 'tin báo, tố giác tội phạm',
  list: 'policeCrimeTipRecords',
  create: 'recordPoliceCrimeTip',
  // The other organizations' tip handovers name the receipt they keep (@antt/casework handovers).
  lookedUpBy: ['receiptId'],
  fields: {
    channel: field.oneOf({
      label: 'Hình thức tiếp nhận',
      description: 'How it reached the police (hình thức tiếp nhận).',
      enumType: 'TipChannel',
      enumDeclared: true,
      catalogue: {
        IN_PERSON: 'In person.',
        PHONE: 'By phone.',
        WRITTEN: 'In writing.',
        AT_FORUM: 'At a forum.',
        FORWARDED_BY_ORGANIZATION: 'Handed over by another organization.',
      },
    }),
    receivedAt: instant({ label: 'Thời điểm tiếp nhận', description: 'When it was received (thời điểm tiếp nhận); not in the future.' }),
    receivedOn: field.date({ label: 'Ngày tiếp nhận', description: 'The day it was received, in Vietnam (ngày tiếp nhận): the day of receivedAt in Vietnam.' }),
    unitId: field.unit({
      label: 'Xã tiếp nhận',
      description: 'The commune (or residential area) where it was received, as it was that day.',
      levels: GRASSROOTS,
    }),
    summary: field.text({ label: 'Nội dung tin báo', description: 'Summary of the matter (nội dung tóm tắt); never the reporter’s identity.', max: 4000 }),
    category: field.oneOf({
      label: 'Loại tin',
      description: 'Category (loại tin).',
      enumType: 'TipCategory',
      enumDeclared: true,
      catalogue: {
        DRUGS: 'Drugs.',
        THEFT: 'Theft.',
        FRAUD: 'Fraud.',
        HUMAN_TRAFFICKING: 'Human trafficking.',
        VIOLENCE: 'Violence.',
        GAMBLING: 'Gambling.',
        ENVIRONMENT: 'Environment.',
        OTHER: 'Other.',
      },
    }),
    reporterSealed: sealed({
      label: 'Thông tin người tố giác',
      description:
        'The reporter’s identity, sealed (AES-256-GCM under the police key ring): typed as JSON, stored and shown as ciphertext only; opened by policeTipReporter alone (CRIME_SOURCE, investigators).',
      dataClass: 'SENSITIVE_PERSONAL',
      max: 2000,
    }),
    confidentialityRequested: field.bool({
      label: 'Yêu cầu giữ bí mật',
      description: 'Whether the reporter asked that their identity be kept confidential (Criminal Procedure Code, Article 56).',
    }),
    remoteArea: field.bool({ label: 'Vùng sâu, vùng xa', description: 'Whether the commune is remote: 48 hours to forward instead of 24.' }),
    handedOverBy: organization({
      label: 'Tổ chức chuyển tin',
      description: 'The organization that handed it over, when it came from another organization.',
      required: false,
    }),
    receiptId: field.code({ label: 'Mã biên nhận', description: 'The receipt the sending organization keeps (mã biên nhận), opaque.', required: false }),
    tipStatus: field.oneOf({
      label: 'Trạng thái xử lý',
      description: 'Where the tip stands (trạng thái xử lý).',
      enumType: 'TipStatus',
      enumDeclared: true,
      catalogue: TIP_STATUSES,
    }),
    forwardedAt: instant({ label: 'Thời điểm chuyển', description: 'When it was forwarded to the competent investigation agency.', required: false }),
    forwardedTo: field.text({ label: 'Cơ quan tiếp nhận', description: 'The agency it was forwarded to.', max: 300, required: false }),
    decisionDueOn: field.date({
      label: 'Hạn ra quyết định',
      description: 'A decision is due by the end of this day: 20 days from receipt unless extended (Criminal Procedure Code, Article 147).',
      future: true,
      required: false,
    }),
    extensions: field.count({
      label: 'Số lần gia hạn',
      description: 'How many times the decision deadline was extended (at most 2).',
      max: TIP_DEADLINES.maxExtensions,
      required: false,
    }),
    decision: field.oneOf({
      label: 'Quyết định',
      description: 'The decision, once made.',
      enumType: 'TipDecision',
      enumDeclared: true,
      catalogue: { PROSECUTE: 'Prosecute.', NOT_PROSECUTE: 'Do not prosecute.', SUSPEND: 'Suspend.' },
      required: false,
    }),
    decidedOn: field.date({ label: 'Ngày quyết định', description: 'Day of the decision.', required: false }),
    reporterNotifiedOn: field.date({ label: 'Ngày thông báo', description: 'Day the reporter was notified of the outcome.', required: false }),
  },
  dateField: 'receivedOn',
  unitField: 'unitId',
  visibility: 'own-staff',
  dataClass: 'INTERNAL',
  // The deadlines a new tip starts with (20 days, no extension), when not given.
  derive: (v) => (v.receivedAt ? { decisionDueOn: v.decisionDueOn ?? initialDecisionDue(v.receivedAt), extensions: v.extensions ?? 0 } : {}),
  check: (v, c) => {
    const receivedOn = vietnamDate(v.receivedAt as string);
    if (v.receivedOn !== receivedOn) c.problems.add(c.at('receivedOn'), 'Ngày tiếp nhận phải là ngày của thời điểm tiếp nhận (giờ Việt Nam).', 'DATE_MISMATCH');
    if (v.forwardedAt && v.forwardedAt < (v.receivedAt as string))
      c.problems.add(c.at('forwardedAt'), 'Thời điểm chuyển phải sau thời điểm tiếp nhận.', 'BEFORE_RECEIPT');
    if (v.decisionDueOn && v.decisionDueOn < initialDecisionDue(v.receivedAt as string))
      c.problems.add(c.at('decisionDueOn'), 'Hạn ra quyết định không sớm hơn 20 ngày kể từ ngày tiếp nhận.', 'BEFORE_INITIAL_DEADLINE');
    if (!!v.decision !== !!v.decidedOn) c.problems.add(c.at('decidedOn'), 'Ghi quyết định cùng ngày quyết định.', 'REQUIRED');
    if (v.decidedOn && v.decidedOn < receivedOn) c.problems.add(c.at('decidedOn'), 'Ngày quyết định phải sau ngày tiếp nhận.', 'BEFORE_RECEIPT');
    if (v.reporterNotifiedOn && (!v.decidedOn || v.reporterNotifiedOn < v.decidedOn))
      c.problems.add(c.at('reporterNotifiedOn'), 'Ngày thông báo phải sau ngày quyết định.', 'BEFORE_DECISION');
    if (!!v.handedOverBy !== !!v.receiptId)
      c.problems.add(c.at('receiptId'), 'Tin do tổ chức khác chuyển đến có mã biên nhận, và chỉ tin đó.', 'RECEIPT_MISMATCH');
  },
  example: {
    channel: 'PHONE',
    receivedAt: '2021-03-02T02:00:00.000Z',
    receivedOn: '2021-03-02',
    unitId: 'commune:03730@2019',
    summary: 'Nghi có người đánh bạc tại bản',
    category: 'GAMBLING',
    confidentialityRequested: false,
    remoteArea: true,
    tipStatus: 'RECEIVED',
  },
  exampleChange: { tipStatus: 'FORWARDED', forwardedAt: '2021-03-02T09:00:00.000Z', forwardedTo: 'Cơ quan CSĐT Công an huyện' },
});

// ---- hotspots and key areas ----

export const hotspots: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceHotspot',
  table: 'hotspots',
  slug: 'hotspot',
  description:
    'A matter that risks becoming a hotspot (vụ việc có nguy cơ thành điểm nóng) as the police keep it, with its versions; parties counted, never named. Hotspot shows the same records as before versions.',
  nounVi: 'vụ việc có nguy cơ thành điểm nóng',
  list: 'policeHotspotRecords',
  create: 'recordPoliceHotspot',
  fields: {
    kind: field.oneOf({
      label: 'Loại vụ việc',
      description: 'Kind of matter.',
      enumType: 'HotspotKind',
      enumDeclared: true,
      catalogue: { DISPUTE: 'Dispute.', LAND_DISPUTE: 'Land dispute.', COMPLAINT: 'Complaint.', STRIKE: 'Strike.' },
    }),
    unitId: field.unit({ label: 'Đơn vị', description: 'Where it is, as the unit was on the day it arose.', levels: ANY_LEVEL }),
    summary: field.text({ label: 'Nội dung vụ việc', description: 'What it is about; parties are not named.', max: 2000 }),
    partiesCount: field.count({ label: 'Số bên liên quan', description: 'Parties involved, counted (số bên, số người liên quan).', min: 1, max: 100_000 }),
    riskLevel: field.oneOf({
      label: 'Mức độ nguy cơ',
      description: 'Risk level.',
      enumType: 'RiskLevel',
      enumDeclared: true,
      catalogue: { LOW: 'Low.', MEDIUM: 'Medium.', HIGH: 'High.' },
    }),
    since: field.date({ label: 'Ngày phát sinh', description: 'Day it arose (ngày phát sinh); not in the future.' }),
    actions: field.text({ label: 'Biện pháp đã thực hiện', description: 'Actions taken.', max: 4000, required: false }),
    hotspotStatus: field.oneOf({
      label: 'Tình trạng',
      description: 'Where the matter stands (tình trạng).',
      enumType: 'HotspotStatus',
      enumDeclared: true,
      catalogue: HOTSPOT_STATUSES,
    }),
    closedOn: field.date({ label: 'Ngày kết thúc', description: 'Day it was resolved or escalated.', required: false }),
    mediatingOrganization: organization({ label: 'Tổ chức hòa giải', description: 'The organization whose team mediated it.', required: false }),
    mediationCaseId: field.text({ label: 'Mã vụ hòa giải', description: 'The mediation case id in that organization.', max: 100, required: false }),
    reportedBy: organization({ label: 'Tổ chức báo cáo', description: 'The organization that reported it (police for the police’s own).' }),
  },
  dateField: 'since',
  unitField: 'unitId',
  check: (v, c) => {
    if (v.closedOn && v.closedOn < v.since) c.problems.add(c.at('closedOn'), 'Ngày kết thúc phải sau ngày phát sinh.', 'BEFORE_START');
    if (v.mediationCaseId && !v.mediatingOrganization)
      c.problems.add(c.at('mediationCaseId'), 'Ghi rõ tổ chức hòa giải (mediatingOrganizationId) cùng mã vụ hòa giải.', 'REQUIRED');
  },
  example: {
    kind: 'LAND_DISPUTE',
    unitId: 'commune:03730@2019',
    summary: 'Tranh chấp ranh giới nương giữa hai dòng họ',
    partiesCount: 2,
    riskLevel: 'MEDIUM',
    since: '2021-04-10',
    hotspotStatus: 'MONITORING',
    reportedBy: 'police',
  },
  exampleChange: { riskLevel: 'HIGH', hotspotStatus: 'MEDIATING' },
});

export const keyAreas: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceKeyArea',
  table: 'key_areas',
  slug: 'key-area',
  description:
    'A key complex area (địa bàn trọng điểm, phức tạp) and its transformation, as the police keep it, with its versions. KeyArea shows the same records as before versions.',
  nounVi: 'địa bàn trọng điểm',
  list: 'policeKeyAreaRecords',
  create: 'recordPoliceKeyArea',
  fields: {
    unitId: field.unit({ label: 'Đơn vị', description: 'The area, as the unit was on the day it was listed.', levels: ANY_LEVEL }),
    listingReason: field.text({ label: 'Lý do', description: 'Why it was listed (lý do xác định).', max: 2000 }),
    listedOn: field.date({ label: 'Ngày xác định', description: 'Day it was listed; not in the future.' }),
    transformationPlan: field.text({ label: 'Kế hoạch chuyển hóa', description: 'The transformation plan.', max: 4000, required: false }),
    areaStatus: field.oneOf({
      label: 'Trạng thái',
      description: 'Where its transformation stands.',
      enumType: 'KeyAreaStatus',
      enumDeclared: true,
      catalogue: KEY_AREA_STATUSES,
    }),
    clearedOn: field.date({ label: 'Ngày hoàn thành', description: 'Day the transformation was completed, when CLEARED.', required: false }),
  },
  dateField: 'listedOn',
  unitField: 'unitId',
  check: (v, c) => {
    if (v.areaStatus === 'CLEARED' && !v.clearedOn) c.problems.add(c.at('clearedOn'), 'Ghi ngày hoàn thành chuyển hóa.', 'REQUIRED');
    if (v.areaStatus !== 'CLEARED' && v.clearedOn) c.problems.add(c.at('clearedOn'), 'Chỉ ghi ngày hoàn thành khi trạng thái là CLEARED.', 'NOT_CLEARED');
    if (v.clearedOn && v.clearedOn < v.listedOn) c.problems.add(c.at('clearedOn'), 'Ngày hoàn thành phải sau ngày xác định.', 'BEFORE_LISTING');
  },
  example: {
    unitId: 'commune:03730@2019',
    listingReason: 'Tụ điểm phức tạp về ma túy',
    listedOn: '2021-05-01',
    transformationPlan: 'Kế hoạch chuyển hóa của Công an xã',
    areaStatus: 'BEING_TRANSFORMED',
  },
  exampleChange: { areaStatus: 'CLEARED', clearedOn: '2022-06-30' },
});

// ---- movement work ----

export const coreForces: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceCoreForce',
  table: 'core_forces',
  slug: 'core-force',
  description:
    'A core force or grassroots security team (lực lượng nòng cốt, tổ bảo vệ ANTT ở cơ sở) as the police keep it, with its versions. CoreForce shows the same records as before versions.',
  nounVi: 'lực lượng nòng cốt',
  list: 'policeCoreForceRecords',
  create: 'recordPoliceCoreForce',
  fields: {
    kind: field.oneOf({
      label: 'Loại lực lượng',
      description: 'Kind of force.',
      enumType: 'CoreForceKind',
      enumDeclared: true,
      catalogue: { CORE_FORCE: 'Core force.', GRASSROOTS_SECURITY_TEAM: 'Grassroots security team.' },
    }),
    name: field.text({ label: 'Tên lực lượng', description: 'Name (tên).', max: 300 }),
    unitId: field.unit({ label: 'Đơn vị', description: 'Commune or residential area, as it was on the day it was set up.', levels: GRASSROOTS }),
    memberCount: field.count({ label: 'Số thành viên', description: 'Members (số thành viên), 1 or more.', min: 1, max: 10_000 }),
    since: field.date({ label: 'Ngày thành lập', description: 'Since (ngày thành lập); not in the future.' }),
  },
  dateField: 'since',
  unitField: 'unitId',
  counts: {
    field: 'coreForceSummary',
    type: 'PoliceCoreForceSummary',
    description: 'Core forces set up in a unit and period, in counts.',
    countDescription: 'Forces set up (số lực lượng).',
    sums: { members: { of: 'memberCount', description: 'Their members (số thành viên).' } },
  },
  example: { kind: 'GRASSROOTS_SECURITY_TEAM', name: 'Tổ bảo vệ ANTT bản Co Phường', unitId: 'commune:03730@2019', memberCount: 12, since: '2021-06-01' },
  exampleChange: { memberCount: 15 },
});

export const trainings: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceTrainingSession',
  table: 'police_trainings',
  slug: 'training',
  description:
    'A training the police ran for other organizations’ cadres (tập huấn), with its participants per organization, as the police keep it, with its versions. PoliceTraining shows the same records as before versions.',
  nounVi: 'lớp tập huấn',
  list: 'policeTrainingSessionRecords',
  create: 'recordPoliceTrainingSession',
  fields: {
    date: field.date({ label: 'Ngày tập huấn', description: 'Day (ngày tập huấn); not in the future.' }),
    topic: field.text({ label: 'Chủ đề', description: 'Topic (chủ đề).', max: 300 }),
    unitId: field.unit({ label: 'Đơn vị', description: 'Where, as the unit was that day.', levels: ANY_LEVEL }),
    participants: participantsField(),
  },
  dateField: 'date',
  unitField: 'unitId',
  example: {
    date: '2021-04-10',
    topic: 'Tiêu chuẩn An toàn về ANTT',
    unitId: 'commune:03730@2019',
    participants: '[{"organizationId":"women","count":12},{"organizationId":"youth","count":8}]',
  },
  exampleChange: { topic: 'Kỹ năng tiếp nhận tin báo, tố giác' },
});

export const bulletins: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceBulletin',
  table: 'bulletins',
  slug: 'bulletin',
  description:
    'A bulletin on how criminals and hostile forces operate (thông báo phương thức, thủ đoạn), unclassified only, as the police keep it, with its versions. Bulletin shows the same records to the organizations it is for.',
  nounVi: 'thông báo phương thức, thủ đoạn',
  list: 'policeBulletinRecords',
  create: 'recordPoliceBulletin',
  fields: {
    title: field.text({ label: 'Tiêu đề', description: 'Title.', max: 300 }),
    body: field.text({ label: 'Nội dung', description: 'Text; nothing classified Mật or above (Law 29/2018, Article 5).', max: 20_000 }),
    topic: field.oneOf({
      label: 'Chuyên đề',
      description: 'Topic (chuyên đề).',
      enumType: 'BulletinTopic',
      enumDeclared: true,
      catalogue: {
        FRAUD: 'Fraud.',
        DRUGS: 'Drugs.',
        TRAFFICKING: 'Trafficking.',
        ONLINE_CRIME: 'Online crime.',
        CRIMES_AGAINST_WOMEN_AND_CHILDREN: 'Crimes against women and children.',
        HOSTILE_PROPAGANDA: 'Hostile propaganda, unclassified.',
      },
    }),
    issuedOn: field.date({ label: 'Ngày phát hành', description: 'Day issued; not in the future.' }),
    unitId: field.unit({
      label: 'Đơn vị phát hành',
      description: 'The police level that issued it (the province for those kept before this field).',
      levels: ANY_LEVEL,
    }),
    audience: field.codes({
      label: 'Tổ chức nhận',
      description: 'Organization ids it is for; empty for every organization.',
      allowed: isOrganizationId,
      what: 'mã tổ chức (front, women, youth...)',
      unknownReason: 'UNKNOWN_ORGANIZATION',
    }),
  },
  dateField: 'issuedOn',
  unitField: 'unitId',
  example: {
    title: 'Thủ đoạn tuyển dụng online',
    body: 'Cảnh báo thủ đoạn tuyển cộng tác viên online.',
    topic: 'ONLINE_CRIME',
    issuedOn: '2021-05-01',
    unitId: 'province:14',
    audience: ['youth'],
  },
  exampleChange: { audience: ['youth', 'women'] },
});

// ---- reintegration cases ----

export const reintegrationCases: RecordKind = defineKind({
  org: 'police',
  type: 'PoliceReintegrationCase',
  table: 'reintegration_cases',
  slug: 'reintegration-case',
  description:
    'A person reintegrating after prison (hồ sơ tái hòa nhập cộng đồng, Decree 49/2020), as commune police keep it, with its versions. The identity and criminal history are sealed. ReintegrationCase shows the pseudonymous id and commune to member organizations.',
  nounVi: 'hồ sơ tái hòa nhập cộng đồng',
  list: 'policeReintegrationCaseRecords',
  create: 'recordPoliceReintegrationCase',
  fields: {
    communeId: field.unit({ label: 'Xã', description: 'The commune where the person lives, as it was when they returned.', levels: ['COMMUNE'] }),
    returnedOn: field.date({ label: 'Ngày về địa phương', description: 'Day they returned (ngày về địa phương).' }),
    kind: field.oneOf({
      label: 'Diện',
      description: 'How they came back (diện).',
      enumType: 'ReintegrationKind',
      enumDeclared: true,
      catalogue: REINTEGRATION_KINDS,
    }),
    personSealed: sealed({
      label: 'Nhân thân',
      description:
        'The person’s identity and criminal history, sealed (AES-256-GCM under the police key ring): typed as JSON, stored and shown as ciphertext only.',
      dataClass: 'SENSITIVE_PERSONAL',
      max: 4000,
    }),
  },
  dateField: 'returnedOn',
  unitField: 'communeId',
  visibility: 'own-staff',
  counts: {
    field: 'reintegrationCaseSummary',
    type: 'PoliceReintegrationCaseSummary',
    description: 'Reintegration cases whose person returned in a unit and period, in counts.',
    countDescription:
      'Cases (số hồ sơ); the same figure as reintegrationCases, under disclosure control: null for those who may not read the cases where the audited pattern hides it.',
    // The same cell as PoliceUnitRecords.reintegrationCases (resolvers/tip-disclosure.ts, family policeReintegration).
    cells: (sum, w) =>
      tagCell(sum, {
        family: 'policeReintegration',
        unitId: w.unitId,
        periodId: w.periodId,
        version: w.asRecordedAt || w.effectiveOn ? 'other' : 'current',
        measures: { count: 'total' },
      }),
  },
  example: { communeId: 'commune:03730@2019', returnedOn: '2021-03-01', kind: 'SENTENCE_SERVED' },
  exampleChange: { kind: 'PAROLE' },
});

export const kinds: readonly RecordKind[] = [
  crimeTips,
  hotspots,
  keyAreas,
  coreForces,
  trainings,
  bulletins,
  reintegrationCases,
  establishments,
  standardAssessments,
  criterionResults,
  steeringConsolidations,
  steeringMembers,
  steeringMeetings,
  steeringDecisions,
];
