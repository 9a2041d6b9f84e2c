/** Plausible demo names: members of the organizations (mentors, team leaders), never the people they help. */
import type { DemoRandom } from './demo.js';

const FAMILY = ['Lò', 'Quàng', 'Cầm', 'Lường', 'Tòng', 'Vì', 'Hà', 'Sộng', 'Giàng', 'Nguyễn', 'Trần', 'Lê', 'Đinh', 'Bạc', 'Mùa'];
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'A'];
const MIDDLE_F = ['Thị', 'Thị', 'Thu'];
const GIVEN_M = ['Thắng', 'Hùng', 'Chiến', 'Dũng', 'Pầng', 'Xuân', 'Tiến', 'Sơn', 'Bình', 'Khánh', 'Chính', 'Lả'];
const GIVEN_F = ['Hoa', 'Mai', 'Ban', 'Ngân', 'Hương', 'Lan', 'Xuyến', 'Thủy', 'Dung', 'Ánh'];

export function demoMemberName(r: DemoRandom, female = r.chance(50)): string {
  return `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`;
}
