/** Kinds of activity through which every organization carries the plan out (section II of the plan). */
export const ACTIVITY_TYPES = {
  PROPAGANDA: 'Propaganda and education session (tuyên truyền, giáo dục pháp luật)',
  TRAINING: 'Training of cadres or members (tập huấn, bồi dưỡng)',
  FORUM: 'Forum listening to the people (diễn đàn, hội nghị lắng nghe ý kiến Nhân dân)',
  PATROL: 'Patrol or guard duty (tuần tra, canh gác)',
  MEETING: 'Coordination or working meeting (họp, hội nghị phối hợp)',
  CAMPAIGN: 'Campaign among members or residents (cuộc vận động, ra quân)',
  FESTIVAL_DAY_19_AUGUST: 'Festival Day of the whole people protecting national security, 19 August (Ngày hội toàn dân bảo vệ ANTQ)',
  GREAT_UNITY_DAY_18_NOVEMBER: 'Great National Unity Day, 18 November (Ngày hội Đại đoàn kết toàn dân tộc)',
  INSPECTION: 'Inspection, periodic or surprise (kiểm tra định kỳ, đột xuất)',
  REVIEW: 'Preliminary or final review (sơ kết, tổng kết)',
} as const;

export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const ACTIVITY_TYPE_NAMES = Object.keys(ACTIVITY_TYPES) as ActivityType[];
