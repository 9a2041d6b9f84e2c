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
