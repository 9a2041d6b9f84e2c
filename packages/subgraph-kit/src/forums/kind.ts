/**
 * Forums an organization hosted (diễn đàn) and the opinions it must answer (ý kiến, kiến nghị), declared
 * with the record framework and made for each organization (`FrontForum`, `FarmersOpinion`). Ids are
 * `forum:<org>:<n>` / `opinion:<org>:<n>` for the records kept before the framework and
 * `forum:<org>:<token>` / `opinion:<org>:<token>` for new ones.
 */
import { addDays, FORUM_HOST, FORUM_KINDS, FORUM_KIND_NAMES_VI, isOrganizationId, ORGANIZATIONS, parseRecordId } from '@antt/reference';
import { defineKind } from '../records/kind.js';
import { field, fmtDate } from '../records/fields.js';
import { perOrganization } from '../records/kind.js';
import { recordIdDescription } from '../refs.js';

export const FORUM_LIMITS = { title: 300, note: 4000, opinionsVoiced: 100_000, topic: 200, summary: 4000, agency: 300, answer: 4000, dueDays: 366 } as const;

export const forumKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return defineKind({
    org,
    type: `${P}Forum`,
    table: 'forums',
    slug: 'forum',
    idDescription: recordIdDescription('forum', org),
    description: `A forum the ${o.nameEn} hosted; the other subgraphs know it only by its key and the gateway fetches it from the host.`,
    nounVi: 'diễn đàn',
    list: `${org}Forums`,
    create: `record${P}Forum`,
    one: `${org}Forum`,
    filters: ['kind'],
    visibility: 'monitored',
    fields: {
      kind: field.oneOf({
        label: 'Loại diễn đàn',
        description: "Kind of forum; the Front hosts its four kinds, the police the commune police's forum, anyone OTHER.",
        enumType: 'ForumKind',
        catalogue: FORUM_KINDS,
        enumDeclared: true,
      }),
      title: field.text({
        label: 'Tên diễn đàn',
        description: 'Name of the forum, when it has one (required for OTHER).',
        max: FORUM_LIMITS.title,
        required: false,
      }),
      date: field.date({ label: 'Ngày tổ chức', description: 'Day it was held (ngày tổ chức); not in the future.' }),
      unitId: field.unit({
        label: 'Đơn vị',
        description: 'Unit where it was held, as the unit was on that day.',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
      }),
      coHostIds: field.codes({
        label: 'Đơn vị phối hợp',
        description: 'Ids of the co-hosting organizations.',
        allowed: isOrganizationId,
        what: 'mã các tổ chức khác trong Kế hoạch',
        unknownReason: 'UNKNOWN_ORGANIZATION',
      }),
      attendance: field.count({ label: 'Số người tham dự', description: 'Number of people attending (số người tham dự).' }),
      opinionsVoiced: field.count({
        label: 'Số ý kiến phát biểu',
        description: 'Opinions voiced, as counted in the minutes (số ý kiến phát biểu); 0 when not given. Those needing an answer are opinion records.',
        max: FORUM_LIMITS.opinionsVoiced,
        default: 0,
      }),
      note: field.text({ label: 'Ghi chú', description: 'Free-text note.', max: FORUM_LIMITS.note, required: false }),
    },
    dateField: 'date',
    unitField: 'unitId',
    branch: true,
    check: (v, c) => {
      if ((v.coHostIds as string[] | null | undefined)?.includes(org))
        c.problems.add(c.at('coHostIds'), `${o.nameVi} là tổ chức chủ trì, không ghi lại trong danh sách phối hợp.`, 'SELF_LISTED');
      const host = FORUM_HOST[v.kind as keyof typeof FORUM_HOST];
      if (host !== null && host !== undefined && host !== org) {
        c.problems.add(
          c.at('kind'),
          `Diễn đàn "${FORUM_KIND_NAMES_VI[v.kind as keyof typeof FORUM_KIND_NAMES_VI]}" do ${ORGANIZATIONS[host].nameVi} chủ trì; ${o.nameVi} tham gia với tư cách đơn vị phối hợp (coHostIds).`,
          'KIND_HOSTED_BY_ANOTHER_ORGANIZATION',
        );
      }
      if (v.kind === 'OTHER' && !v.title) c.problems.add(c.at('title'), 'Diễn đàn loại khác cần ghi tên diễn đàn.', 'REQUIRED');
    },
    example: {
      kind: 'OTHER',
      title: 'Diễn đàn an ninh trật tự khu dân cư',
      date: '2021-06-12',
      unitId: 'commune:03730@2019',
      coHostIds: [org === 'police' ? 'front' : 'police'],
      attendance: 85,
      opinionsVoiced: 6,
    },
    exampleChange: { attendance: 90 },
  });
});

export const opinionKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  const self = () => opinionKind(org);
  return defineKind({
    org,
    type: `${P}Opinion`,
    table: 'opinions',
    slug: 'opinion',
    idDescription: recordIdDescription('opinion', org),
    description: `An opinion the ${o.nameEn} (${o.nameVi}) must answer (or forwarded to an agency and answers for).`,
    nounVi: 'ý kiến',
    list: `${org}Opinions`,
    create: `record${P}Opinion`,
    one: `${org}Opinion`,
    filters: ['forumId'],
    visibility: 'monitored',
    statusField: 'recordStatus',
    // Handed over by the organization's staff, the Front's (which chairs the forums and follows every opinion up) or the forum host's.
    writers: (v, caller) =>
      caller.organization === org || caller.organization === 'front' || caller.organization === parseRecordId('forum', v.forumId as string)?.org,
    writersMessage: `Chỉ cán bộ của ${o.nameVi}, của Mặt trận hoặc của tổ chức chủ trì diễn đàn mới được chuyển ý kiến cho ${o.nameVi}.`,
    fields: {
      forumId: field.code({
        label: 'Diễn đàn',
        description: 'Id of the forum it was raised at (forum:<organization>:<number>); checked with the organization that held it when written.',
        id: true,
        ref: { owner: (id) => parseRecordId('forum', id)?.org ?? null, table: 'forums', nounVi: 'diễn đàn' },
        check: (v, at, p) => {
          if (!parseRecordId('forum', v)) p.add(at, 'không phải là mã diễn đàn (dạng forum:<tổ chức>:<số>, ví dụ forum:front:12).', 'INVALID_FORUM_ID');
        },
      }),
      unitId: field.unit({
        label: 'Đơn vị',
        description: 'Unit it concerns, as the unit was on the day it was raised.',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
      }),
      raisedOn: field.date({ label: 'Ngày nêu ý kiến', description: 'Day it was raised (ngày nêu); not in the future.' }),
      topic: field.text({ label: 'Lĩnh vực, chủ đề ý kiến', description: 'Field or topic (lĩnh vực), e.g. Đất đai.', max: FORUM_LIMITS.topic }),
      summary: field.text({ label: 'Nội dung ý kiến', description: 'What was asked or reported (nội dung).', max: FORUM_LIMITS.summary }),
      agency: field.text({
        label: 'Cơ quan phải trả lời',
        description: 'An agency outside this graph that must answer it, through this organization; null: the organization itself answers.',
        max: FORUM_LIMITS.agency,
        required: false,
      }),
      dueDate: field.date({
        label: 'Hạn trả lời',
        description: 'Answer due by this day (hạn trả lời); not before the day it was raised, at most a year after.',
        future: true,
      }),
      handedOverById: field.code({
        label: 'Tổ chức chuyển ý kiến',
        description: "Id of the organization whose staff handed it over: the forum's host, the Front, or the organization itself.",
        dbName: 'handed_over_by',
        id: true,
        derived: true,
      }),
      answer: field.text({
        label: 'Nội dung trả lời',
        description: 'The answer (nội dung trả lời); null until answered.',
        max: FORUM_LIMITS.answer,
        required: false,
      }),
      answeredOn: field.date({ label: 'Ngày trả lời', description: 'Day it was answered; not in the future, not before it was raised.', required: false }),
      answeredBy: field.code({
        label: 'Người trả lời',
        description: 'User id of who recorded the answer; null until answered.',
        required: false,
        derived: true,
      }),
    },
    dateField: 'raisedOn',
    unitField: 'unitId',
    // The organization that handed it over stays the one that did, whoever corrects it later.
    derive: (v, c) => {
      const before = c.self ? c.lookup(self(), c.self) : null;
      return {
        handedOverById: (before?.handedOverById as string | undefined) ?? c.caller.organization ?? org,
        answeredBy: v.answer ? ((before?.answer ? (before.answeredBy as string | null) : null) ?? c.caller.userId) : null,
      };
    },
    check: (v, c) => {
      if (v.dueDate < v.raisedOn)
        c.problems.add(c.at('dueDate'), `Hạn trả lời ${fmtDate(v.dueDate)} trước ngày nêu ý kiến ${fmtDate(v.raisedOn)}.`, 'DUE_BEFORE_RAISED');
      else if (v.dueDate > addDays(v.raisedOn, FORUM_LIMITS.dueDays))
        c.problems.add(c.at('dueDate'), 'Hạn trả lời quá một năm kể từ ngày nêu ý kiến.', 'DUE_TOO_FAR');
      if (!!v.answer !== !!v.answeredOn)
        c.problems.add(c.at(v.answer ? 'answeredOn' : 'answer'), 'Nội dung trả lời và ngày trả lời phải ghi cùng nhau.', 'REQUIRED');
      if (v.answeredOn && v.answeredOn < v.raisedOn)
        c.problems.add(c.at('answeredOn'), `Ngày trả lời trước ngày nêu ý kiến (${fmtDate(v.raisedOn)}).`, 'ANSWER_BEFORE_RAISED');
    },
    example: {
      forumId: 'forum:front:1',
      unitId: 'commune:03730@2019',
      raisedOn: '2021-06-12',
      topic: 'Đất đai',
      summary: 'Đề nghị giải quyết dứt điểm tranh chấp đất nương giữa hai bản.',
      dueDate: '2021-07-12',
    },
    exampleChange: { answer: 'Đã phối hợp Ủy ban nhân dân xã hòa giải thành.', answeredOn: '2021-07-01' },
  });
});
