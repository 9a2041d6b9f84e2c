/**
 * Demo activities: a seeded, reproducible set for one organization from January 2021 to today, on both
 * maps (old communes before 1 July 2025, new ones after). Every record goes through the same checks as
 * a user's (demoWriter), so the demo data is data a user could have typed.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { addDays, addMonths, communesOn, isoDate, modelCommuneOn, territory, ORGANIZATION_IDS, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import { demoWriter } from '../records/demo.js';
import { activityKind } from './kind.js';
import type { ActivityType } from './types.js';

/** Topics of demo activities by type (exported for the benchmark's national data set). */
export const TOPICS: Record<ActivityType, string[]> = {
  PROPAGANDA: [
    'Phòng, chống lừa đảo qua mạng xã hội',
    'Phòng, chống ma túy trong cộng đồng',
    'Phòng, chống mua bán người',
    'Luật Phòng cháy và chữa cháy',
    'An toàn giao thông cho học sinh',
    'Cảnh giác với tuyên truyền trái pháp luật',
    'Phòng, chống tảo hôn và hôn nhân cận huyết',
  ],
  TRAINING: [
    'Tập huấn nghiệp vụ phong trào toàn dân BVANTQ',
    'Tập huấn tiêu chuẩn "An toàn về ANTT"',
    'Bồi dưỡng kỹ năng hòa giải ở cơ sở',
    'Tập huấn phòng cháy, chữa cháy',
  ],
  FORUM: [
    'Diễn đàn "Lắng nghe ý kiến Nhân dân"',
    'Diễn đàn "Nhân dân tố giác tội phạm"',
    'Diễn đàn "Mặt trận lắng nghe dân nói"',
    'Hội nghị "Công an xã lắng nghe ý kiến nhân dân"',
  ],
  PATROL: ['Tuần tra đêm bảo vệ mùa màng', 'Tuần tra bảo đảm ANTT dịp Tết', 'Canh gác khu vực chợ phiên'],
  MEETING: ['Họp giao ban phối hợp quý', 'Hội nghị triển khai Kế hoạch 155', 'Họp Ban Chỉ đạo phong trào'],
  CAMPAIGN: [
    'Ra quân vận động giao nộp vũ khí, vật liệu nổ',
    'Vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa"',
    'Vận động hội viên không vi phạm pháp luật',
  ],
  FESTIVAL_DAY_19_AUGUST: ['Ngày hội toàn dân bảo vệ an ninh Tổ quốc'],
  GREAT_UNITY_DAY_18_NOVEMBER: ['Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư'],
  INSPECTION: ['Kiểm tra định kỳ thực hiện Kế hoạch 155', 'Kiểm tra đột xuất công tác phong trào'],
  REVIEW: ['Sơ kết 6 tháng phong trào toàn dân BVANTQ', 'Tổng kết năm phong trào toàn dân BVANTQ'],
};

/** The plan's task each type of activity serves. */
export const PLAN_TASK_OF: Record<ActivityType, string> = {
  PROPAGANDA: 'II.2',
  TRAINING: 'II.6',
  FORUM: 'II.4',
  PATROL: 'II.3',
  MEETING: 'II.1',
  CAMPAIGN: 'II.5',
  FESTIVAL_DAY_19_AUGUST: 'II.5',
  GREAT_UNITY_DAY_18_NOVEMBER: 'II.5',
  INSPECTION: 'II.7',
  REVIEW: 'II.7',
};

/** How much of each kind an organization does: patrols are the veterans' and police's, forums the Front's. */
const WEIGHTS: Partial<Record<OrganizationId, Partial<Record<ActivityType, number>>>> = {
  police: { PATROL: 6, TRAINING: 4, FORUM: 3, PROPAGANDA: 4, INSPECTION: 2 },
  front: { FORUM: 6, MEETING: 3, CAMPAIGN: 3, INSPECTION: 2, REVIEW: 2 },
  veterans: { PATROL: 5, PROPAGANDA: 3, FORUM: 2 },
  youth: { PROPAGANDA: 6, CAMPAIGN: 3, PATROL: 2 },
  infocomm: { PROPAGANDA: 9, TRAINING: 1 },
};

function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

function weightedType(rng: RandomGenerator, org: OrganizationId): ActivityType {
  const base: Record<string, number> = { PROPAGANDA: 4, TRAINING: 2, FORUM: 2, PATROL: 1, MEETING: 2, CAMPAIGN: 2, INSPECTION: 1, REVIEW: 1, ...WEIGHTS[org] };
  const entries = Object.entries(base);
  let r = uniformInt(
    rng,
    1,
    entries.reduce((s, [, w]) => s + w, 0),
  );
  for (const [t, w] of entries) if ((r -= w) <= 0) return t as ActivityType;
  return 'PROPAGANDA';
}

/** Writes the demo set; returns how many records were written. */
export function seedDemoActivities(db: Db, org: OrganizationId, today: string): number {
  const t = territory();
  const rng = xoroshiro128plus(20210526 + ORGANIZATION_IDS.indexOf(org));
  const write = demoWriter(db, org, today);
  let n = 0;
  const add = (type: ActivityType, date: string, unit: string, participants: number) => {
    if (date > today) return;
    const topic = pick(rng, TOPICS[type]);
    write(
      activityKind(org),
      { type, topic, date, unitId: unit, participants, note: null, planTaskId: PLAN_TASK_OF[type] },
      { recordedAt: `${date}T10:00:00.000Z` },
    );
    n++;
  };

  // Everyday activities, 20 to 40 a month, in a commune or one of its residential areas.
  for (let month = '2021-01-01'; month <= today; month = addMonths(month, 1)) {
    const n = uniformInt(rng, 20, 40);
    for (let i = 0; i < n; i++) {
      const date = addDays(month, uniformInt(rng, 0, 27));
      const commune = pick(rng, communesOn(date));
      const areas = t.childrenOn(commune.id, date);
      const unit = areas.length && uniformInt(rng, 0, 2) === 0 ? pick(rng, areas) : commune;
      const type = weightedType(rng, org);
      add(type, date, unit.id, uniformInt(rng, type === 'PATROL' ? 3 : 15, type === 'PATROL' ? 12 : 180));
    }
  }
  // Festival days, every year in a dozen communes of the map in force, always in the plan's model commune (Chiềng Pha, then Bình Thuận).
  for (let y = 2021; y <= Number(today.slice(0, 4)); y++) {
    for (const [type, m, d] of [
      ['FESTIVAL_DAY_19_AUGUST', 8, 19],
      ['GREAT_UNITY_DAY_18_NOVEMBER', 11, 18],
    ] as const) {
      const date = isoDate(y, m, d);
      const pool = communesOn(date);
      const chosen = new Set([modelCommuneOn(date)]);
      while (chosen.size < 12) chosen.add(pick(rng, pool).id);
      for (const u of chosen) add(type, date, u, uniformInt(rng, 80, 600));
    }
  }
  return n;
}
