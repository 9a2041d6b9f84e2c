/**
 * The demo users the start command prints tokens for: one per kind of user the plan needs, each
 * decided on by the authorization module (authorization.ts). `standing` is what the module makes of
 * the user; the generated table docs/AUTHORIZATION.md lists what each may do.
 */
import { ORGANIZATION_IDS, unitId } from '@antt/reference';
import type { Identity } from './identity.js';

const PROVINCE = unitId.province('14');
/** Xã Bình Thuận, formed on 1 July 2025 from Xã Chiềng Pha and Xã Phổng Lái. */
const BINH_THUAN = unitId.newCommune('03724');
/** Huyện Thuận Châu, a district until 30 June 2025. */
const THUAN_CHAU = unitId.district('119');
/** Xã Chiềng Pha (Thuận Châu), a commune until 30 June 2025. */
const CHIENG_PHA = unitId.oldCommune('03730');

export interface DemoUser {
  /** A stable key (`leadership`, `women-commune`…). */
  key: string;
  label: string;
  identity: Identity;
}

const who = (key: string, label: string, identity: Omit<Identity, 'userId'>): DemoUser => ({ key, label, identity: { userId: key, ...identity } });

export function demoUsers(): DemoUser[] {
  return [
    who('leadership', 'Provincial leadership (Lãnh đạo tỉnh)', { name: 'Lãnh đạo tỉnh', organization: 'province', unitId: PROVINCE, roles: ['LEADERSHIP'] }),
    who('dashboard', 'Dashboard (aggregates only)', { name: 'Bảng điều khiển', organization: 'province', unitId: PROVINCE, roles: ['DASHBOARD'] }),
    ...ORGANIZATION_IDS.map((org) =>
      who(`${org}-tinh`, `${org}: province staff`, { name: `Cán bộ ${org} cấp tỉnh`, organization: org, unitId: PROVINCE, roles: ['STAFF'] }),
    ),
    who('women-binh-thuan', 'women: commune staff, Xã Bình Thuận (formed from Xã Chiềng Pha)', {
      name: 'Cán bộ Hội LHPN xã Bình Thuận',
      organization: 'women',
      unitId: BINH_THUAN,
      roles: ['STAFF'],
    }),
    who('women-chieng-pha', 'women: commune staff, Xã Chiềng Pha (a commune until 30 June 2025)', {
      name: 'Cán bộ Hội LHPN xã Chiềng Pha',
      organization: 'women',
      unitId: CHIENG_PHA,
      roles: ['STAFF'],
    }),
    who('women-thuan-chau', 'women: district staff, Huyện Thuận Châu (a district until 30 June 2025)', {
      name: 'Cán bộ Hội LHPN huyện Thuận Châu',
      organization: 'women',
      unitId: THUAN_CHAU,
      roles: ['STAFF'],
    }),
    who('police-binh-thuan', 'police: commune police, Xã Bình Thuận', {
      name: 'Công an xã Bình Thuận',
      organization: 'police',
      unitId: BINH_THUAN,
      roles: ['STAFF'],
    }),
    who('police-thuan-chau', 'police: district police, Huyện Thuận Châu (abolished on 1 March 2025)', {
      name: 'Công an huyện Thuận Châu',
      organization: 'police',
      unitId: THUAN_CHAU,
      roles: ['STAFF'],
    }),
    who('police-dieu-tra', 'police: investigator, province', {
      name: 'Điều tra viên',
      organization: 'police',
      unitId: PROVINCE,
      roles: ['STAFF', 'INVESTIGATOR'],
    }),
    who('police-xdpt', "Consolidator: the police's Phòng Xây dựng phong trào bảo vệ ANTQ (PV05)", {
      name: 'Cán bộ Phòng XDPT, Công an tỉnh',
      organization: 'police',
      unitId: PROVINCE,
      roles: ['STAFF', 'CONSOLIDATOR'],
    }),
    who('front-ban-phong-trao', "Consolidator: the Front's Ban Phong trào", {
      name: 'Cán bộ Ban Phong trào, Ủy ban MTTQ tỉnh',
      organization: 'front',
      unitId: PROVINCE,
      roles: ['STAFF', 'CONSOLIDATOR'],
    }),
    who('ban-chi-dao-tinh', 'Steering committee member, province (Ban Chỉ đạo tỉnh)', {
      name: 'Thành viên Ban Chỉ đạo tỉnh',
      organization: 'province',
      unitId: PROVINCE,
      roles: ['STEERING_COMMITTEE'],
    }),
    who('ban-chi-dao-binh-thuan', 'Steering committee member, Xã Bình Thuận (Ban Chỉ đạo xã)', {
      name: 'Thành viên Ban Chỉ đạo xã Bình Thuận',
      organization: 'province',
      unitId: BINH_THUAN,
      roles: ['STEERING_COMMITTEE'],
    }),
    who('kiem-toan-tinh', 'Auditor, province (reads the audit trail and nothing else)', {
      name: 'Kiểm toán viên',
      organization: 'province',
      unitId: PROVINCE,
      roles: ['AUDITOR'],
    }),
  ];
}
