/**
 * A six-month thematic report under the plan (section IV.4 of Kế hoạch 155/KH-MTTQ-CAT: from 10/12 of the
 * previous year to 09/6, due before 10/6), built from plain figures. It is what the reporting workflow
 * will fill from the graph; here it feeds the tests and the sample documents.
 */
import { dmy, periodById, type IsoDate } from '@antt/reference';
import type { Block, Figure, Paragraph, ReportDocument, Run, Section, Signature, Table } from './model.js';

/** A plain figure, or one reported as an estimate (số ước) that is not yet accepted. */
export type FigureInput = number | { estimate: number };

export interface OrganizationFigures {
  /** "Hội Cựu chiến binh tỉnh". */
  name: string;
  propagandaSessions: FigureInput;
  participants: FigureInput;
  forums: FigureInput;
  opinions: FigureInput;
  models: FigureInput;
}

export interface SafetyFigures {
  /** "Khu dân cư", "Xã, phường, thị trấn", "Cơ quan, doanh nghiệp, nhà trường". */
  kind: string;
  total: FigureInput;
  registered: FigureInput;
  achieved: FigureInput;
  /** The plan's target in per cent (90 for residential areas and communes, 95 for agencies). */
  targetPercent: number;
}

export interface SixMonthFigures {
  /** Who reports: the Front's standing committee or the provincial police. */
  issuer: 'front' | 'police';
  /** Defaults to `2021-PLAN-6M` (10/12/2020 – 09/06/2021). */
  periodId?: string;
  number: number;
  date: IsoDate;
  signer: { name: string; rank?: string };
  byOrganization: OrganizationFigures[];
  safety: SafetyFigures[];
  tipsReceived: FigureInput;
  tipsHandedToPolice: FigureInput;
  mediationsReceived: FigureInput;
  mediationsSuccessful: FigureInput;
  reintegrationSupported: FigureInput;
}

const fig = (input: FigureInput): Figure => (typeof input === 'number' ? { value: input } : { value: input.estimate, provisional: true });

/** A sum is provisional when any of its parts is. */
function sum(figures: Figure[]): Figure {
  const provisional = figures.some((f) => f.provisional);
  return { value: figures.reduce((s, f) => s + f.value, 0), ...(provisional ? { provisional } : {}) };
}

function rate(part: Figure, whole: Figure): Figure {
  const provisional = part.provisional || whole.provisional;
  const value = whole.value === 0 ? 0 : Math.round((part.value / whole.value) * 1000) / 10;
  return { value, decimals: 1, ...(provisional ? { provisional } : {}) };
}

const runOf = (f: Figure, suffix?: string): Run => ({
  figure: f.value,
  ...(f.provisional ? { provisional: true } : {}),
  ...(f.decimals ? { decimals: f.decimals } : {}),
  ...(suffix ? { suffix } : {}),
});
const p = (...runs: Run[]): Paragraph => ({ kind: 'paragraph', runs });
const section = (level: 1 | 2 | 3, label: string, title: string, blocks: Block[]): Section => ({ kind: 'section', level, label, title, blocks });

interface Issuer {
  parentBody: string;
  issuingBody: string;
  symbol: string;
  /** How the body names itself in the text. */
  selfVi: string;
  signature: Omit<Signature, 'name' | 'rank'>;
  recipients: string[];
  archive: string[];
}

const ISSUERS: Record<SixMonthFigures['issuer'], Issuer> = {
  front: {
    parentBody: 'ỦY BAN MTTQ VIỆT NAM\nTỈNH SƠN LA',
    issuingBody: 'BAN THƯỜNG TRỰC',
    symbol: 'BC-MTTQ-BTT',
    selfVi: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La',
    signature: { authority: 'TM.', authorityOf: 'BAN THƯỜNG TRỰC', title: 'PHÓ CHỦ TỊCH' },
    recipients: [
      'Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam (b/c)',
      'Thường trực Tỉnh ủy, HĐND, UBND tỉnh (b/c)',
      'Công an tỉnh (qua Phòng PV05)',
      'Các tổ chức chính trị - xã hội tỉnh',
      'Ủy ban MTTQ các huyện, thành phố',
    ],
    archive: ['VT', 'BPT'],
  },
  police: {
    parentBody: 'BỘ CÔNG AN',
    issuingBody: 'CÔNG AN TỈNH SƠN LA',
    symbol: 'BC-CAT-PV05',
    selfVi: 'Công an tỉnh Sơn La',
    signature: { authority: 'KT.', authorityOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC' },
    recipients: [
      'Cục Xây dựng phong trào bảo vệ ANTQ - Bộ Công an (b/c)',
      'Thường trực Tỉnh ủy, UBND tỉnh (b/c)',
      'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong trào)',
      'Ban Giám đốc Công an tỉnh',
      'Công an các huyện, thành phố',
    ],
    archive: ['VT', 'PV05'],
  },
};

function organizationTable(rows: OrganizationFigures[]): Table {
  const figures = rows.map((r) => [r.propagandaSessions, r.participants, r.forums, r.opinions, r.models].map(fig));
  const totals = [0, 1, 2, 3, 4].map((i) => sum(figures.map((f) => f[i] as Figure)));
  return {
    kind: 'table',
    id: 'to-chuc',
    caption: 'Biểu 1. Kết quả tuyên truyền, vận động theo cơ quan, tổ chức',
    unit: 'Đơn vị tính: buổi, lượt người, diễn đàn, ý kiến, mô hình',
    columns: [
      { kind: 'index', width: 0.6 },
      { kind: 'text', width: 3.4 },
      { kind: 'figure', width: 1.3 },
      { kind: 'figure', width: 1.5 },
      { kind: 'figure', width: 1.3 },
      { kind: 'figure', width: 1.3 },
      { kind: 'figure', width: 1.3 },
    ],
    headerRows: [
      [
        { text: 'TT', rowSpan: 2 },
        { text: 'Cơ quan, tổ chức', rowSpan: 2 },
        { text: 'Tuyên truyền', colSpan: 2 },
        { text: 'Diễn đàn lắng nghe ý kiến Nhân dân', colSpan: 2 },
        { text: 'Mô hình tự quản', rowSpan: 2 },
      ],
      [{ text: 'Số buổi' }, { text: 'Lượt người' }, { text: 'Số diễn đàn' }, { text: 'Số ý kiến' }],
    ],
    rows: [...rows.map((r, i) => ({ cells: [String(i + 1), r.name, ...(figures[i] as Figure[])] })), { cells: [null, 'Tổng cộng', ...totals], total: true }],
  };
}

function safetyTable(rows: SafetyFigures[]): Table {
  return {
    kind: 'table',
    id: 'an-toan-antt',
    caption: 'Biểu 2. Kết quả xây dựng tiêu chuẩn "An toàn về ANTT"',
    unit: 'Đơn vị tính: đơn vị; tỷ lệ: %',
    columns: [
      { kind: 'index', width: 0.6 },
      { kind: 'text', width: 3.6 },
      { kind: 'figure', width: 1.2 },
      { kind: 'figure', width: 1.3 },
      { kind: 'figure', width: 1.2 },
      { kind: 'figure', width: 1.2 },
      { kind: 'figure', width: 1.2 },
    ],
    headerRows: [
      [
        { text: 'TT', rowSpan: 2 },
        { text: 'Loại đơn vị', rowSpan: 2 },
        { text: 'Tổng số', rowSpan: 2 },
        { text: 'Đăng ký xây dựng', rowSpan: 2 },
        { text: 'Đạt tiêu chuẩn', colSpan: 2 },
        { text: 'Chỉ tiêu (%)', rowSpan: 2 },
      ],
      [{ text: 'Số lượng' }, { text: 'Tỷ lệ (%)' }],
    ],
    rows: rows.map((r, i) => {
      const [total, registered, achieved] = [fig(r.total), fig(r.registered), fig(r.achieved)];
      return { cells: [String(i + 1), r.kind, total, registered, achieved, rate(achieved, total), { value: r.targetPercent }] };
    }),
  };
}

export function buildSixMonthReport(input: SixMonthFigures): ReportDocument {
  const periodId = input.periodId ?? '2021-PLAN-6M';
  const period = periodById(periodId);
  if (!period || period.calendar !== 'PLAN_SIX_MONTH') throw new Error(`Kỳ báo cáo "${periodId}" không phải kỳ báo cáo chuyên đề 6 tháng.`);
  const issuer = ISSUERS[input.issuer];
  const firstHalf = period.id.endsWith('-6M');
  const year = Number(period.end.slice(0, 4));
  const span = `từ ngày ${dmy(period.start)} đến ngày ${dmy(period.end)}`;
  const halfVi = firstHalf ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  const nextVi = firstHalf ? `6 tháng cuối năm ${year}` : `6 tháng đầu năm ${year + 1}`;

  const orgs = organizationTable(input.byOrganization);
  const safety = safetyTable(input.safety);
  const totals = orgs.rows.at(-1)?.cells.slice(2) as Figure[];
  const [sessions, participants, forums, opinions, models] = totals as [Figure, Figure, Figure, Figure, Figure];
  const [tips, handed, mediations, successful, reintegration] = [
    input.tipsReceived,
    input.tipsHandedToPolice,
    input.mediationsReceived,
    input.mediationsSuccessful,
    input.reintegrationSupported,
  ].map(fig) as [Figure, Figure, Figure, Figure, Figure];
  const residential = safety.rows[0]?.cells;

  const body: Block[] = [
    p(
      'Thực hiện Kế hoạch số 155/KH-MTTQ-CAT ngày 26/5/2021 của Ủy ban MTTQ Việt Nam tỉnh - Công an tỉnh về tiếp tục đẩy mạnh thực hiện ',
      'Chương trình phối hợp số 09/CTr-BCA-MTTW giai đoạn 2021 - 2023 (',
      { text: 'viết gọn là Chương trình phối hợp 09', italic: true },
      `), ${issuer.selfVi} báo cáo kết quả thực hiện ${halfVi} (${span}) như sau:`,
    ),
    section(1, 'I.', 'KẾT QUẢ THỰC HIỆN', [
      section(2, '1.', 'Công tác tuyên truyền, vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc', [
        p(
          'Ủy ban MTTQ Việt Nam các cấp và các tổ chức thành viên đã phối hợp với lực lượng Công an tổ chức ',
          runOf(sessions),
          ' buổi tuyên truyền với ',
          runOf(participants),
          ' lượt người tham dự; tổ chức ',
          runOf(forums),
          ' diễn đàn lắng nghe ý kiến Nhân dân, tiếp nhận ',
          runOf(opinions),
          ' ý kiến, kiến nghị; duy trì ',
          runOf(models),
          ' mô hình tự quản về an ninh, trật tự ở cơ sở (chi tiết tại Biểu 1).',
        ),
        orgs,
      ]),
      section(2, '2.', 'Xây dựng khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, nhà trường đạt tiêu chuẩn "An toàn về ANTT"', [
        p(
          'Tỷ lệ khu dân cư đạt tiêu chuẩn "An toàn về ANTT" là ',
          runOf((residential?.[5] as Figure | undefined) ?? { value: 0 }, '%'),
          ' so với chỉ tiêu 90% của Kế hoạch; kết quả theo từng loại đơn vị tại Biểu 2.',
        ),
        safety,
      ]),
      section(2, '3.', 'Phối hợp xử lý tin báo, hòa giải ở cơ sở, giúp đỡ người lầm lỗi tái hòa nhập cộng đồng', [
        p(
          'Các tổ chức đã tiếp nhận ',
          runOf(tips),
          ' tin báo, tố giác về tội phạm và tệ nạn xã hội, chuyển cơ quan Công an ',
          runOf(handed),
          ' tin; các tổ hòa giải ở cơ sở tiếp nhận ',
          runOf(mediations),
          ' vụ việc, hòa giải thành ',
          runOf(successful),
          ' vụ việc; giúp đỡ ',
          runOf(reintegration),
          ' người chấp hành xong án phạt tù tái hòa nhập cộng đồng.',
        ),
      ]),
    ]),
    section(1, 'II.', 'ĐÁNH GIÁ CHUNG', [
      section(2, '1.', 'Ưu điểm', [
        p(
          'Công tác phối hợp giữa lực lượng Công an với Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên được duy trì thường xuyên; ',
          'các mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải phát huy hiệu quả, góp phần giữ vững ổn định an ninh, trật tự ở cơ sở.',
        ),
      ]),
      section(2, '2.', 'Tồn tại, hạn chế', [
        p(
          'Một số mô hình hoạt động còn mang tính hình thức; việc thông tin, báo cáo ở một số đơn vị chưa kịp thời, ',
          'số liệu những ngày cuối kỳ còn phải ước tính.',
        ),
      ]),
    ]),
    section(1, 'III.', `PHƯƠNG HƯỚNG, NHIỆM VỤ ${nextVi.toUpperCase()}`, [
      p(
        '- Tiếp tục tuyên truyền, vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc; ',
        'xây dựng xã Chiềng Pha, huyện Thuận Châu thành điển hình của phong trào.',
      ),
      p('- Rà soát, đánh giá chất lượng, hiệu quả hoạt động của các mô hình bảo vệ ANTT ở cơ sở; loại bỏ những mô hình không hiệu quả.'),
      p(
        `- Thực hiện nghiêm chế độ thông tin, báo cáo; gửi ${firstHalf ? `báo cáo năm ${year} trước ngày 10/12/${year}` : `báo cáo 6 tháng đầu năm ${year + 1} trước ngày 10/06/${year + 1}`}.`,
      ),
    ]),
    p(`Trên đây là báo cáo kết quả thực hiện Chương trình phối hợp 09 trong ${halfVi} của ${issuer.selfVi}./.`),
  ];

  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    number: input.number,
    symbol: issuer.symbol,
    place: 'Sơn La',
    date: input.date,
    documentType: 'BÁO CÁO',
    summary: `Kết quả thực hiện Chương trình phối hợp 09 trong ${halfVi}\n(${span})`,
    body,
    signatures: [{ ...issuer.signature, name: input.signer.name, ...(input.signer.rank ? { rank: input.signer.rank } : {}) }],
    recipients: issuer.recipients,
    archive: issuer.archive,
    provisionalNote: `(*) Số liệu ước tính đến ngày ${dmy(period.end)}, chưa được duyệt; sẽ được điều chỉnh khi có số liệu chính thức.`,
  };
}

/** Demo figures for the Front's report on 10/12/2020 – 09/06/2021 (invented for tests and samples). */
export function demoSixMonthFigures(issuer: SixMonthFigures['issuer'] = 'front'): SixMonthFigures {
  return {
    issuer,
    periodId: '2021-PLAN-6M',
    number: issuer === 'front' ? 7 : 1245,
    date: '2021-06-08',
    signer: issuer === 'front' ? { name: 'Lò Thị Mai' } : { name: 'Hoàng Văn Dũng', rank: 'Thượng tá' },
    byOrganization: [
      { name: 'Ủy ban MTTQ Việt Nam các cấp', propagandaSessions: 412, participants: 38_650, forums: 96, opinions: 1_284, models: 215 },
      { name: 'Hội Cựu chiến binh', propagandaSessions: 268, participants: 17_420, forums: 41, opinions: 356, models: 132 },
      { name: 'Hội Liên hiệp Phụ nữ', propagandaSessions: 355, participants: 29_870, forums: 58, opinions: 612, models: 187 },
      { name: 'Đoàn Thanh niên', propagandaSessions: 301, participants: 24_115, forums: 47, opinions: 498, models: 164 },
      { name: 'Hội Nông dân', propagandaSessions: 289, participants: { estimate: 21_300 }, forums: 39, opinions: 421, models: 121 },
      { name: 'Hội Người cao tuổi', propagandaSessions: 176, participants: 11_240, forums: 22, opinions: 203, models: 88 },
      { name: 'Liên đoàn Lao động', propagandaSessions: 94, participants: 8_760, forums: 12, opinions: 137, models: 36 },
    ],
    safety: [
      { kind: 'Khu dân cư', total: 3_158, registered: 3_102, achieved: { estimate: 2_874 }, targetPercent: 90 },
      { kind: 'Xã, phường, thị trấn', total: 204, registered: 204, achieved: 186, targetPercent: 90 },
      { kind: 'Cơ quan, doanh nghiệp, nhà trường', total: 1_872, registered: 1_860, achieved: 1_791, targetPercent: 95 },
    ],
    tipsReceived: 326,
    tipsHandedToPolice: 298,
    mediationsReceived: 1_147,
    mediationsSuccessful: { estimate: 1_012 },
    reintegrationSupported: 743,
  };
}
