/** Numbers, percentages and names the way Vietnamese readers write them. */
const number = new Intl.NumberFormat('vi-VN');
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

export const fmtNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : number.format(n));
export const fmtPercent = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : percent.format(r));

export const ORGANIZATION_NAMES: Record<string, string> = {
  front: 'Ủy ban MTTQ',
  police: 'Công an',
  veterans: 'Hội Cựu chiến binh',
  women: 'Hội Liên hiệp Phụ nữ',
  youth: 'Đoàn Thanh niên',
  labour: 'Liên đoàn Lao động',
  farmers: 'Hội Nông dân',
  elderly: 'Hội Người cao tuổi',
  infocomm: 'Sở Thông tin và Truyền thông',
};

export const LEVEL_NAMES: Record<string, string> = {
  PROVINCE: 'Tỉnh',
  DISTRICT: 'Huyện',
  COMMUNE: 'Xã',
  RESIDENTIAL_AREA: 'Khu dân cư',
};

export const STANDING_NAMES: Record<string, string> = {
  ORGANIZATION_STAFF: 'Cán bộ tổ chức',
  CONSOLIDATOR: 'Cán bộ tổng hợp',
  PROVINCIAL_LEADERSHIP: 'Lãnh đạo tỉnh',
  STEERING_COMMITTEE: 'Ban Chỉ đạo',
  AUDITOR: 'Kiểm tra viên',
  DASHBOARD: 'Bảng điều khiển',
  NONE: 'Không có quyền',
};

/** A period's name from its id (2026-09, 2026-Q3, 2026-PLAN-6M, 2026-PLAN-6M2, 2026-PLAN-Y, 2026). */
export function periodName(id: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) return `Tháng ${m[2]}/${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(id))) return `Quý ${m[2]}/${m[1]}`;
  if ((m = /^(\d{4})-PLAN-6M$/.exec(id))) return `6 tháng đầu năm kế hoạch ${m[1]}`;
  if ((m = /^(\d{4})-PLAN-6M2$/.exec(id))) return `6 tháng cuối năm kế hoạch ${m[1]}`;
  if ((m = /^(\d{4})-PLAN-Y$/.exec(id))) return `Năm kế hoạch ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(id))) return `Năm ${m[1]}`;
  return id;
}

/** A date as Vietnamese readers write it (02/12/2026). */
export const fmtDate = (d: string | null | undefined): string => (d ? d.slice(0, 10).split('-').reverse().join('/') : '—');

/** Where a set of figures comes from: the approved report's locked figures, or live (FiguresBasis). */
export type Basis = { kind: 'LIVE' | 'SUBMITTED' | 'LOCKED'; reportVersion: number | null; lockedAt: string | null };

/** The day in Vietnam (UTC+7) of an instant, as dd/mm/yyyy. */
const vietnamDay = (instant: string) => new Date(Date.parse(instant) + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

/** What a row's figures are, in the words leadership reads (every page that shows counts of a period). */
export function basisWords(b: Basis): string {
  return b.kind === 'LOCKED' && b.lockedAt
    ? `Số liệu chính thức (báo cáo đã duyệt, phiên bản ${b.reportVersion}, khóa ngày ${vietnamDay(b.lockedAt)})`
    : 'Số liệu hiện hành (chưa khóa)';
}
