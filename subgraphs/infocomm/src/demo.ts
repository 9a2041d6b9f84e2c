/**
 * Demo data of information and communications, 2021 to today: media items every month (grassroots
 * loudspeakers in communes), online-crime warnings, good examples. Records after 28 February 2025 are
 * attributed to the Department of Science and Technology, as a user's are. They go in through
 * `demoWriter`, with the checks a user's input meets.
 */
import { DemoRandom, demoMonths } from '@antt/reference';
import { territory, type OrganizationId } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { OUTLET_KINDS, goodExamples, mediaItems, onlineWarnings, type OnlineCrimeChannel, type OutletKind } from './kinds/index.js';

const OUTLETS: Record<OutletKind, string[]> = {
  PRESS: ['Báo Sơn La', 'Báo Công an nhân dân'],
  RADIO_TELEVISION: ['Đài Phát thanh và Truyền hình Sơn La'],
  GRASSROOTS_LOUDSPEAKER: ['Đài truyền thanh xã'],
  INFORMATION_BOARD: ['Bảng tin nhà văn hóa bản'],
  SOCIAL_MEDIA: ['Trang Facebook Công an tỉnh Sơn La', 'Cổng thông tin điện tử tỉnh Sơn La', 'Zalo OA Sơn La'],
};
const TOPICS = [
  'Phòng, chống lừa đảo qua mạng',
  'Phong trào toàn dân bảo vệ an ninh Tổ quốc',
  'Phòng, chống ma túy',
  'Phòng, chống mua bán người',
  'An toàn giao thông',
  'Phòng cháy, chữa cháy',
];
const WARNINGS: [OnlineCrimeChannel, string, string][] = [
  [
    'PHONE_CALL',
    'Cảnh báo giả danh Công an gọi điện yêu cầu chuyển tiền',
    'Đối tượng gọi điện xưng là cán bộ Công an, thông báo người nghe liên quan đến vụ án và yêu cầu chuyển tiền vào "tài khoản tạm giữ".',
  ],
  [
    'SOCIAL_NETWORK',
    'Cảnh báo lừa đảo tuyển cộng tác viên bán hàng online',
    'Đối tượng đăng tin tuyển cộng tác viên, yêu cầu nạp tiền làm nhiệm vụ rồi chiếm đoạt.',
  ],
  ['TEXT_MESSAGE', 'Cảnh báo tin nhắn giả mạo ngân hàng', 'Tin nhắn giả tên ngân hàng gửi đường link cập nhật thông tin, đánh cắp tài khoản.'],
  ['WEBSITE_OR_APP', 'Cảnh báo ứng dụng đầu tư tài chính giả mạo', 'Đối tượng mời tải ứng dụng đầu tư lợi nhuận cao, sau đó khóa tài khoản của nạn nhân.'],
  [
    'SOCIAL_NETWORK',
    'Cảnh báo chiếm đoạt tài khoản mạng xã hội để vay tiền người thân',
    'Đối tượng chiếm tài khoản, dùng video giả mạo (deepfake) để vay tiền bạn bè của nạn nhân.',
  ],
];

export function seedDemo(db: Db, org: OrganizationId, today: string): number {
  const r = new DemoRandom(2025, org);
  const write = demoWriter(db, org, today);
  let n = 0;
  const province = territory().provinceId;
  const kinds = Object.keys(OUTLET_KINDS) as OutletKind[];
  for (const month of demoMonths(today)) {
    for (let i = r.int(5, 12); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const outletKind = r.pick(kinds);
      const local = outletKind === 'GRASSROOTS_LOUDSPEAKER' || outletKind === 'INFORMATION_BOARD';
      const topic = r.pick(TOPICS);
      write(mediaItems, {
        date,
        unitId: local ? r.commune(date).id : province,
        outletKind,
        outlet: r.pick(OUTLETS[outletKind]),
        title: `${topic}: ${local ? 'bản tin' : 'tin, bài'} tháng ${date.slice(5, 7)}/${date.slice(0, 4)}`,
        topic,
        reach: local ? r.int(200, 3000) : r.int(2000, 80000),
      });
      n++;
    }
    for (let i = r.int(0, 3); i > 0; i--) {
      const date = r.dayOf(month, today);
      if (!date) continue;
      const [channel, title, method] = r.pick(WARNINGS);
      write(onlineWarnings, {
        date,
        unitId: province,
        channel,
        title,
        method,
        outlets: 'Báo Sơn La; Cổng thông tin điện tử tỉnh; đài truyền thanh cơ sở',
        reach: r.int(5000, 120000),
      });
      n++;
    }
    if (r.chance(40)) {
      const date = r.dayOf(month, today);
      if (date) {
        const commune = r.commune(date);
        write(goodExamples, {
          date,
          unitId: commune.id,
          subject: `Tổ tự quản về an ninh, trật tự ${commune.name}`,
          achievement: 'Giữ vững địa bàn không có tội phạm, tích cực cung cấp tin báo cho Công an xã',
          outletKind: r.pick(kinds),
          reach: r.int(1000, 30000),
        });
        n++;
      }
    }
  }
  return n;
}
