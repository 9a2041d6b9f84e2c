/** The labour federation's catalogues (GraphQL enums in schema.graphql; values kept in step). */
export const BOARDING_HOUSE_STATUSES = {
  SAFE: 'an toàn',
  NEEDS_IMPROVEMENT: 'cần khắc phục',
  UNSAFE: 'không an toàn',
} as const;
export type BoardingHouseStatus = keyof typeof BOARDING_HOUSE_STATUSES;

export const DISPUTE_KINDS = {
  DISPUTE: 'tranh chấp lao động',
  STRIKE: 'đình công',
  WORK_STOPPAGE: 'ngừng việc tập thể',
} as const;
export type DisputeKind = keyof typeof DISPUTE_KINDS;

export const DISPUTE_CAUSES = {
  WAGES: 'tiền lương, thưởng',
  SOCIAL_INSURANCE: 'bảo hiểm xã hội',
  WORKING_CONDITIONS: 'điều kiện làm việc',
  DISMISSAL: 'kỷ luật, chấm dứt hợp đồng',
  OTHER: 'khác',
} as const;
export type DisputeCause = keyof typeof DISPUTE_CAUSES;
