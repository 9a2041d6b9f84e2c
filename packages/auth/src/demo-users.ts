/** The demo users the start command prints tokens for, one per kind of user in the README. */
import { ORGANIZATION_IDS, unitId } from '@antt/reference';
import type { Identity } from './identity.js';

const PROVINCE = unitId.province('14');

export function demoUsers(): { label: string; identity: Identity }[] {
  return [
    {
      label: 'Provincial leadership (Ban Chỉ đạo tỉnh)',
      identity: { userId: 'lanh-dao-tinh', name: 'Lãnh đạo tỉnh', organization: 'province', unitId: PROVINCE, roles: ['LEADERSHIP'] },
    },
    {
      label: 'Dashboard (aggregates only)',
      identity: { userId: 'dashboard', name: 'Bảng điều khiển', organization: 'province', unitId: PROVINCE, roles: ['DASHBOARD'] },
    },
    ...ORGANIZATION_IDS.map((org) => ({
      label: `${org}: province staff`,
      identity: { userId: `${org}-tinh`, name: `Cán bộ ${org} cấp tỉnh`, organization: org, unitId: PROVINCE, roles: ['STAFF' as const] },
    })),
    {
      label: 'women: commune staff, Xã Bình Thuận (formed from Xã Chiềng Pha)',
      identity: {
        userId: 'women-binh-thuan',
        name: 'Cán bộ Hội LHPN xã Bình Thuận',
        organization: 'women',
        unitId: unitId.newCommune('03724'),
        roles: ['STAFF'],
      },
    },
    {
      label: 'police: investigator, province',
      identity: { userId: 'police-dieu-tra', name: 'Điều tra viên', organization: 'police', unitId: PROVINCE, roles: ['STAFF', 'INVESTIGATOR'] },
    },
  ];
}
