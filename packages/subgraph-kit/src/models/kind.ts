/**
 * The security models an organization runs (mô hình, section II.6 of the plan), declared with the record
 * framework and made for each organization (`WomenModel`). Ids are `model:<org>:<n>` for the models kept
 * before the framework (the Front's reviews name them) and `model:<org>:<token>` for new ones.
 */
import { isOrganizationId, MODEL_KINDS, MODEL_STATUSES, ORGANIZATIONS, parseRecordId } from '@antt/reference';
import { defineKind } from '../records/kind.js';
import { field, fmtDate } from '../records/fields.js';
import { perOrganization } from '../records/kind.js';
import { recordIdDescription } from '../refs.js';

export const MODEL_LIMITS = { name: 300, description: 4000 } as const;

export const modelKind = perOrganization((org) => {
  const o = ORGANIZATIONS[org];
  const P = o.typePrefix;
  return defineKind({
    org,
    type: `${P}Model`,
    table: 'models',
    slug: 'model',
    idDescription: recordIdDescription('model', org),
    description: `A security model the ${o.nameEn} runs (mô hình); the other subgraphs know it by its key and the gateway fetches it from its owner.`,
    nounVi: 'mô hình',
    list: `${org}Models`,
    create: `record${P}Model`,
    one: `${org}Model`,
    filters: ['modelStatus', 'kind', 'replicaOfId'],
    visibility: 'monitored',
    statusField: 'recordStatus',
    fields: {
      name: field.text({ label: 'Tên mô hình', description: 'Name (tên mô hình).', max: MODEL_LIMITS.name }),
      kind: field.oneOf({ label: 'Loại mô hình', description: 'Kind (loại).', enumType: 'ModelKind', catalogue: MODEL_KINDS, enumDeclared: true }),
      description: field.text({ label: 'Mô tả', description: 'What it does and how (mô tả).', max: MODEL_LIMITS.description, required: false }),
      unitId: field.unit({
        label: 'Đơn vị',
        description: 'Unit it runs in, as the unit was when it started; it counts for the units that succeeded it.',
        levels: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'],
      }),
      startedOn: field.date({ label: 'Ngày bắt đầu', description: 'Day it started (ngày bắt đầu); not in the future.' }),
      partnerIds: field.codes({
        label: 'Đơn vị phối hợp',
        description: 'Ids of the organizations taking part (front, police, veterans, women, youth, labour, farmers, elderly, infocomm).',
        allowed: isOrganizationId,
        what: 'mã các tổ chức khác trong Kế hoạch',
        unknownReason: 'UNKNOWN_ORGANIZATION',
      }),
      modelStatus: field.oneOf({
        label: 'Trạng thái',
        description: 'Whether it is running (trạng thái); ACTIVE when not given.',
        enumType: 'ModelStatus',
        catalogue: MODEL_STATUSES,
        enumDeclared: true,
        dbName: 'model_status',
        default: 'ACTIVE',
      }),
      statusSince: field.date({ label: 'Ngày chuyển trạng thái', description: 'Since when the status holds.', required: false }),
      replicaOfId: field.code({
        label: 'Mô hình gốc',
        description:
          'Id of the model it replicates, in any organization and anywhere in the province (model:<organization>:<number>); checked with the organization that keeps it when written.',
        required: false,
        id: true,
        // The origin is another organization's record (or this one's): asked of its owner, anywhere in the province.
        ref: { owner: (id) => parseRecordId('model', id)?.org ?? null, table: 'models', within: 'province', nounVi: 'mô hình gốc' },
        check: (v, at, p) => {
          if (!parseRecordId('model', v)) p.add(at, 'không phải là mã mô hình (dạng model:<tổ chức>:<số>, ví dụ model:front:1).', 'INVALID_MODEL_ID');
        },
      }),
    },
    dateField: 'startedOn',
    unitField: 'unitId',
    check: (v, c) => {
      if ((v.partnerIds as string[] | null | undefined)?.includes(org))
        c.problems.add(c.at('partnerIds'), `${o.nameVi} là tổ chức chủ trì, không ghi lại trong danh sách phối hợp.`, 'SELF_LISTED');
      if (v.statusSince && v.statusSince < v.startedOn)
        c.problems.add(c.at('statusSince'), `Ngày chuyển trạng thái trước ngày mô hình bắt đầu (${fmtDate(v.startedOn)}).`, 'BEFORE_START');
    },
    example: {
      name: 'Tổ tự quản an ninh trật tự bản Pá Lỏng',
      kind: 'SELF_MANAGEMENT',
      unitId: 'commune:03730@2019',
      startedOn: '2021-03-15',
      partnerIds: [org === 'police' ? 'front' : 'police'],
    },
    exampleChange: { description: 'Mở rộng sang hai bản lân cận.' },
  });
});
