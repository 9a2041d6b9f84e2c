/**
 * The information and communications records, declared with the record framework: media items,
 * warnings about online crime, good examples publicised. The body that answered for a record is the
 * one of its date (the Department of Information and Communications until 28 February 2025, the
 * Department of Science and Technology from 1 March 2025): it follows from the date (src/resolvers),
 * so a correction of the date moves the record to the right body.
 */
import { defineKind, field, type FieldSpec } from '@antt/subgraph-kit';
import { territory } from '@antt/reference';

/** Any level: most items run province-wide; grassroots loudspeakers and boards in a commune. */
const ANY_LEVEL = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'RESIDENTIAL_AREA'] as const;

/**
 * Where a record ran, the province when left out (as these records always allowed): the input may omit
 * it, the stored value never lacks one. The framework has no unit field with a default, so this is its
 * `field.unit` with the province put in before its own check, and its column kept NOT NULL.
 */
function unitOrProvince(o: { label: string; description: string }): FieldSpec<string, false> {
  const f = field.unit({ ...o, levels: ANY_LEVEL }) as FieldSpec<string, true>;
  const empty = (v: unknown) => v == null || (typeof v === 'string' && v.trim() === '');
  return {
    ...f,
    required: false,
    column: (n) => (f.column(n) as ReturnType<FieldSpec['column']> & { notNull(): ReturnType<FieldSpec['column']> }).notNull(),
    parse: (v, at, p, today) => f.parse(empty(v) ? territory().provinceId : v, at, p, today),
  };
}

/** Kind of outlet (loại kênh thông tin). */
export const OUTLET_KINDS = {
  PRESS: 'Press (báo chí).',
  RADIO_TELEVISION: 'Radio and television (phát thanh, truyền hình).',
  GRASSROOTS_LOUDSPEAKER: 'Grassroots loudspeakers (đài truyền thanh cơ sở).',
  INFORMATION_BOARD: 'Public information boards (bảng tin công cộng).',
  SOCIAL_MEDIA: 'Social media and web portals (mạng xã hội, cổng thông tin).',
} as const;
export type OutletKind = keyof typeof OUTLET_KINDS;

/** How an online crime reaches its victims (phương thức). */
export const ONLINE_CRIME_CHANNELS = {
  SOCIAL_NETWORK: 'Social networks (mạng xã hội).',
  PHONE_CALL: 'Phone calls (cuộc gọi).',
  TEXT_MESSAGE: 'Text messages (tin nhắn).',
  WEBSITE_OR_APP: 'Websites and apps (trang web, ứng dụng).',
} as const;
export type OnlineCrimeChannel = keyof typeof ONLINE_CRIME_CHANNELS;

const REACH = {
  label: 'Lượt tiếp cận ước tính',
  description: 'Estimated people reached (lượt tiếp cận ước tính), if known.',
  max: 100_000_000,
  required: false,
} as const;
const OUTLET_KIND = { label: 'Loại kênh', description: 'Kind of outlet (loại kênh thông tin).', enumType: 'OutletKind', catalogue: OUTLET_KINDS } as const;

/** Items in the press, radio and TV, grassroots loudspeakers, information boards and social media. */
export const mediaItems = defineKind({
  org: 'infocomm',
  type: 'InfocommMediaItem',
  table: 'infocomm_media_items',
  slug: 'media-item',
  description:
    'An item in the media about the movement (tin, bài, phóng sự): outlet, date, topic, reach; attributed to the body that answered for it on its date.',
  nounVi: 'tin, bài',
  list: 'infocommMediaItems',
  create: 'recordInfocommMediaItem',
  fields: {
    date: field.date({ label: 'Ngày đăng, phát', description: 'Day it was published or broadcast (ngày đăng, phát); not in the future.' }),
    unitId: unitOrProvince({
      label: 'Địa bàn',
      description: 'Where it ran: the province (the default), or a commune for grassroots loudspeakers and boards (địa bàn).',
    }),
    outletKind: field.oneOf(OUTLET_KIND),
    outlet: field.text({ label: 'Tên cơ quan báo chí, kênh', description: 'The outlet (cơ quan báo chí, kênh), e.g. Báo Sơn La, Đài PT-TH Sơn La.', max: 200 }),
    title: field.text({ label: 'Tiêu đề', description: 'Title (tiêu đề).', max: 500 }),
    topic: field.text({ label: 'Chủ đề', description: 'Topic (chủ đề), e.g. phòng chống lừa đảo qua mạng.', max: 300 }),
    reach: field.count(REACH),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: {
    date: '2025-02-20',
    unitId: 'province:14',
    outletKind: 'PRESS',
    outlet: 'Báo Sơn La',
    title: 'Cảnh giác lừa đảo qua mạng',
    topic: 'Phòng, chống lừa đảo qua mạng',
    reach: 1000,
  },
  exampleChange: { reach: 1500, title: 'Cảnh giác lừa đảo qua mạng xã hội' },
  counts: {
    field: 'media',
    type: 'InfocommMediaSummary',
    description: 'Media items in a unit and period, in counts.',
    countDescription: 'Items in the period.',
    sums: { reach: { of: 'reach', description: 'Estimated people reached.' } },
    by: { field: 'outletKind', as: 'byOutlet', type: 'OutletKindCount', description: 'By kind of outlet, every kind listed.' },
  },
});

/** Warnings about crime on the Internet, social networks, calls and text messages, with the method described. */
export const onlineWarnings = defineKind({
  org: 'infocomm',
  type: 'InfocommOnlineWarning',
  table: 'infocomm_online_warnings',
  slug: 'online-warning',
  description:
    'A warning about crime on the Internet, social networks, calls or text messages, with the method described (cảnh báo thủ đoạn phạm tội trên không gian mạng).',
  nounVi: 'cảnh báo',
  list: 'infocommOnlineWarnings',
  create: 'recordInfocommOnlineWarning',
  fields: {
    date: field.date({ label: 'Ngày đăng, phát', description: 'Day it was issued (ngày đăng, phát); not in the future.' }),
    unitId: unitOrProvince({ label: 'Địa bàn', description: 'Where it ran: the province (the default), or a unit below it (địa bàn).' }),
    channel: field.oneOf({
      label: 'Phương thức phạm tội',
      description: 'How an online crime reaches its victims (phương thức).',
      enumType: 'OnlineCrimeChannel',
      catalogue: ONLINE_CRIME_CHANNELS,
    }),
    title: field.text({ label: 'Tiêu đề cảnh báo', description: 'Title (tiêu đề cảnh báo).', max: 500 }),
    method: field.text({ label: 'Mô tả thủ đoạn', description: 'The method described (thủ đoạn), so that people recognise it.', max: 4000 }),
    outlets: field.text({ label: 'Kênh đăng tải', description: 'Where the warning was published (kênh đăng tải).', max: 500 }),
    reach: field.count(REACH),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: {
    date: '2025-01-10',
    unitId: 'province:14',
    channel: 'PHONE_CALL',
    title: 'Cảnh báo giả danh Công an gọi điện',
    method: 'Gọi điện xưng là cán bộ Công an, yêu cầu chuyển tiền vào tài khoản tạm giữ',
    outlets: 'Báo Sơn La; Cổng thông tin điện tử tỉnh',
    reach: 20000,
  },
  exampleChange: { reach: 25000 },
  counts: {
    field: 'onlineWarnings',
    type: 'InfocommOnlineWarningSummary',
    description: 'Online-crime warnings in a unit and period, in counts.',
    countDescription: 'Warnings in the period.',
    sums: { reach: { of: 'reach', description: 'Estimated people reached.' } },
    by: { field: 'channel', as: 'byChannel', type: 'OnlineCrimeChannelCount', description: 'By channel, every channel listed.' },
  },
});

/** Good examples of the movement publicised (điển hình tiên tiến). */
export const goodExamples = defineKind({
  org: 'infocomm',
  type: 'InfocommGoodExample',
  table: 'infocomm_good_examples',
  slug: 'good-example',
  description: 'A good example of the movement publicised (tuyên truyền điển hình tiên tiến): a collective or person named on purpose, and what they did.',
  nounVi: 'điển hình',
  list: 'infocommGoodExamples',
  create: 'recordInfocommGoodExample',
  fields: {
    date: field.date({ label: 'Ngày đăng, phát', description: 'Day it was publicised (ngày đăng, phát); not in the future.' }),
    unitId: unitOrProvince({ label: 'Địa bàn', description: 'Unit of the example; the province when left out (địa bàn).' }),
    subject: field.text({
      label: 'Tập thể, cá nhân điển hình',
      description: 'The collective or person publicised (tập thể, cá nhân điển hình): a public example, named on purpose.',
      max: 300,
    }),
    achievement: field.text({ label: 'Thành tích', description: 'What they did (thành tích).', max: 2000 }),
    outletKind: field.oneOf(OUTLET_KIND),
    reach: field.count(REACH),
  },
  dateField: 'date',
  unitField: 'unitId',
  branch: true,
  example: {
    date: '2025-03-10',
    unitId: 'commune:03730@2025-02',
    subject: 'Tổ tự quản bản Nà Sản',
    achievement: 'Không có tội phạm 5 năm liền',
    outletKind: 'RADIO_TELEVISION',
  },
  exampleChange: { reach: 3000 },
  counts: {
    field: 'goodExamples',
    type: 'InfocommGoodExampleSummary',
    description: 'Good examples publicised in a unit and period, in counts.',
    countDescription: 'Examples publicised in the period.',
    sums: { reach: { of: 'reach', description: 'Estimated people reached.' } },
  },
});

/** Every kind information and communications keeps through the record framework. */
export const kinds = [mediaItems, onlineWarnings, goodExamples];
