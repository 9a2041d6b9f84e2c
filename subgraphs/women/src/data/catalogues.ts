/** The women's union's catalogues (GraphQL enums in schema.graphql; values and meanings kept in step). */
export const PROTECTION_CASE_KINDS = {
  DOMESTIC_VIOLENCE: 'bạo lực gia đình',
  SEXUAL_ABUSE: 'xâm hại tình dục',
  CHILD_ABUSE: 'bạo lực, xâm hại trẻ em',
  TRAFFICKING: 'mua bán người',
  OTHER_GENDER_VIOLENCE: 'bạo lực trên cơ sở giới khác',
} as const;
export type ProtectionCaseKind = keyof typeof PROTECTION_CASE_KINDS;

export const PROTECTION_SUPPORT = {
  COUNSELLING: 'tư vấn, tham vấn',
  SAFE_SHELTER: 'địa chỉ tin cậy, nhà tạm lánh',
  HEALTH_CARE: 'chăm sóc y tế',
  LEGAL_AID: 'trợ giúp pháp lý',
  RETURN_AND_REINTEGRATION: 'hỗ trợ nạn nhân trở về, hòa nhập',
  VOCATIONAL_HELP: 'học nghề, việc làm',
} as const;
export type ProtectionSupport = keyof typeof PROTECTION_SUPPORT;

export const SOCIAL_ISSUES = {
  DOMESTIC_VIOLENCE: 'bạo lực gia đình',
  HUMAN_TRAFFICKING: 'mua bán người',
  CHILD_MARRIAGE: 'tảo hôn',
  CONSANGUINEOUS_MARRIAGE: 'hôn nhân cận huyết thống',
  DRUGS: 'ma túy',
  ILLEGAL_MIGRATION: 'di cư, xuất cảnh trái phép',
  PARENTING: 'giáo dục con em, kỹ năng làm cha mẹ',
} as const;
export type SocialIssue = keyof typeof SOCIAL_ISSUES;

export const SOCIAL_ISSUE_FORMS = {
  COMMUNICATION: 'truyền thông',
  CLUB: 'câu lạc bộ, tổ, nhóm',
  COUNSELLING: 'tư vấn',
  DIRECT_SUPPORT: 'hỗ trợ trực tiếp',
} as const;
export type SocialIssueForm = keyof typeof SOCIAL_ISSUE_FORMS;
