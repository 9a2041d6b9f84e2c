/**
 * An organization's activities (hoạt động), declared with the record framework and made for each
 * organization (`WomenActivity`, in the women's union's own database): every correction is a version,
 * the earlier ones readable in `history` (the corrections kept in `activity_revisions` before the
 * framework became those versions, see the migrations).
 */
import { ORGANIZATIONS, planTask } from '@antt/reference';
import { defineKind, perOrganization } from '../records/kind.js';
import { field } from '../records/fields.js';
import { ACTIVITY_TYPES } from './types.js';

export const LIMITS = { topic: 300, note: 4000 } as const;

export const activityKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return defineKind({
    org,
    type: `${P}Activity`,
    table: 'activities',
    slug: 'activity',
    description: `An activity of the ${o.nameEn} (${o.nameVi}) carrying the plan out: a propaganda session, a training, a forum, a patrol, a festival day...`,
    nounVi: 'hoạt động',
    list: `${org}Activities`,
    create: `record${P}Activity`,
    one: `${org}Activity`,
    filters: ['type'],
    // Counted by type and by task of the plan, with the participants summed: every dashboard asks.
    countedColumns: ['type', 'participants', 'planTaskId'],
    // The Front and the police monitor every organization's part of the plan: every count of activities, by type or by task.
    countedBy: 'monitors',
    fields: {
      type: field.oneOf({ label: 'Loại hoạt động', description: 'Kind of activity.', enumType: 'ActivityType', catalogue: ACTIVITY_TYPES, enumDeclared: true }),
      topic: field.text({ label: 'Chủ đề hoạt động', description: 'Topic (chủ đề), e.g. phòng chống lừa đảo qua mạng.', max: LIMITS.topic }),
      date: field.date({ label: 'Ngày hoạt động', description: 'Day it took place; not in the future.' }),
      unitId: field.unit({
        label: 'Đơn vị',
        description: 'Unit where it took place, as the unit was on that day (before 1 July 2025 an old commune, after it a new one).',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
      }),
      participants: field.count({ label: 'Số người tham dự', description: 'Number of participants (số người tham dự).' }),
      note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: LIMITS.note, required: false }),
      planTaskId: field.code({
        label: 'Nhiệm vụ',
        description: 'Id of the task of the plan it serves, II.1 to II.7.',
        required: false,
        id: true,
        check: (v, at, p) => {
          if (!planTask(v)) p.add(at, 'Nhiệm vụ không có trong Kế hoạch 155 (dùng II.1 đến II.7).', 'UNKNOWN_PLAN_TASK');
        },
      }),
    },
    dateField: 'date',
    unitField: 'unitId',
    branch: true,
    example: {
      type: 'PROPAGANDA',
      topic: 'Phòng, chống lừa đảo qua mạng xã hội',
      date: '2021-08-10',
      unitId: 'commune:03730@2019',
      participants: 45,
      planTaskId: 'II.2',
    },
    exampleChange: { participants: 77 },
  });
});
