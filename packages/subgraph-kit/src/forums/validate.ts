/**
 * Validation of forums, opinions and answers before anything is written; each rule names the field to
 * fix, in Vietnamese.
 */
import { collectInputProblems, invalidInput, reportInvalidInput } from '@antt/auth';
import { addDays, FORUM_HOST, FORUM_KINDS, FORUM_KIND_NAMES_VI, ORGANIZATIONS, parseRecordId, todayInVietnam, type ForumKind, type OrganizationId } from '@antt/reference';
import { branchOver, otherOrganizations } from '../check.js';
import { intInRange, notInFuture, optionalText, requiredText, unitValidOn, vnDate } from '../validation.js';

export const FORUM_LIMITS = { title: 300, note: 4000, attendance: 1_000_000, opinionsVoiced: 100_000, topic: 200, summary: 4000, agency: 300, answer: 4000, dueDays: 366 } as const;

export interface ForumFields {
  kind: ForumKind;
  title?: string | null;
  date: string;
  unitId: string;
  branchId?: string | null;
  coHostIds?: string[] | null;
  attendance: number;
  opinionsVoiced?: number | null;
  note?: string | null;
}

export function validateForum(org: OrganizationId, f: ForumFields, prefix = 'input', today = todayInVietnam()) {
  return collectInputProblems(() => {
    const at = (name: string) => `${prefix}.${name}`;
    if (!(f.kind in FORUM_KINDS)) throw invalidInput(at('kind'), `Loại diễn đàn "${f.kind}" không có trong danh mục.`, 'UNKNOWN_KIND');
    const host = FORUM_HOST[f.kind];
    if (host !== null && host !== org) {
      throw invalidInput(at('kind'), `Diễn đàn "${FORUM_KIND_NAMES_VI[f.kind]}" do ${ORGANIZATIONS[host].nameVi} chủ trì; ${ORGANIZATIONS[org].nameVi} tham gia với tư cách đơn vị phối hợp (coHostIds).`, 'KIND_HOSTED_BY_ANOTHER_ORGANIZATION');
    }
    const title = optionalText(at('title'), f.title, FORUM_LIMITS.title, 'Tên diễn đàn');
    if (f.kind === 'OTHER' && !title) reportInvalidInput(at('title'), 'Diễn đàn loại khác cần ghi tên diễn đàn.', 'REQUIRED');
    notInFuture(at('date'), f.date, 'Ngày tổ chức', today);
    const unit = unitValidOn(at('unitId'), f.unitId, f.date);
    const branch = branchOver(at('branchId'), org, unit, f.date, f.branchId);
    const coHosts = otherOrganizations(at('coHostIds'), f.coHostIds, org);
    const attendance = intInRange(at('attendance'), f.attendance, 0, FORUM_LIMITS.attendance, 'Số người tham dự');
    const opinionsVoiced = intInRange(at('opinionsVoiced'), f.opinionsVoiced ?? 0, 0, FORUM_LIMITS.opinionsVoiced, 'Số ý kiến phát biểu');
    const note = optionalText(at('note'), f.note, FORUM_LIMITS.note, 'Ghi chú');
    return { kind: f.kind, title, date: f.date, unitId: unit.id, branchId: branch.id, coHostIds: JSON.stringify(coHosts), attendance, opinionsVoiced, note };
  });
}

export interface OpinionFields {
  forumId: string;
  unitId: string;
  raisedOn: string;
  topic: string;
  summary: string;
  agency?: string | null;
  dueDate: string;
}

export function validateOpinion(f: OpinionFields, prefix = 'input', today = todayInVietnam()) {
  return collectInputProblems(() => {
    const at = (name: string) => `${prefix}.${name}`;
    const forum = parseRecordId('forum', f.forumId);
    if (!forum) throw invalidInput(at('forumId'), `"${f.forumId}" không phải là mã diễn đàn (dạng forum:<tổ chức>:<số>, ví dụ forum:front:12).`, 'INVALID_FORUM_ID');
    notInFuture(at('raisedOn'), f.raisedOn, 'Ngày nêu ý kiến', today);
    const unit = unitValidOn(at('unitId'), f.unitId, f.raisedOn);
    const topic = requiredText(at('topic'), f.topic, FORUM_LIMITS.topic, 'Lĩnh vực, chủ đề ý kiến');
    const summary = requiredText(at('summary'), f.summary, FORUM_LIMITS.summary, 'Nội dung ý kiến');
    const agency = optionalText(at('agency'), f.agency, FORUM_LIMITS.agency, 'Cơ quan phải trả lời');
    if (f.dueDate < f.raisedOn) reportInvalidInput(at('dueDate'), `Hạn trả lời ${vnDate(f.dueDate)} trước ngày nêu ý kiến ${vnDate(f.raisedOn)}.`, 'DUE_BEFORE_RAISED');
    else if (f.dueDate > addDays(f.raisedOn, FORUM_LIMITS.dueDays)) reportInvalidInput(at('dueDate'), 'Hạn trả lời quá một năm kể từ ngày nêu ý kiến.', 'DUE_TOO_FAR');
    return { forumId: f.forumId, forumHost: forum.org, unitId: unit.id, raisedOn: f.raisedOn, topic, summary, agency, dueDate: f.dueDate };
  });
}

export interface AnswerFields {
  answer: string;
  answeredOn: string;
}

export function validateAnswer(current: { raisedOn: string; answeredOn: string | null }, f: AnswerFields, prefix = 'input', today = todayInVietnam()) {
  return collectInputProblems(() => {
    const at = (name: string) => `${prefix}.${name}`;
    if (current.answeredOn) throw invalidInput('id', `Ý kiến này đã được trả lời ngày ${vnDate(current.answeredOn)}.`, 'ALREADY_ANSWERED');
    const answer = requiredText(at('answer'), f.answer, FORUM_LIMITS.answer, 'Nội dung trả lời');
    notInFuture(at('answeredOn'), f.answeredOn, 'Ngày trả lời', today);
    if (f.answeredOn < current.raisedOn) reportInvalidInput(at('answeredOn'), `Ngày trả lời trước ngày nêu ý kiến (${vnDate(current.raisedOn)}).`, 'ANSWER_BEFORE_RAISED');
    return { answer, answeredOn: f.answeredOn };
  });
}
