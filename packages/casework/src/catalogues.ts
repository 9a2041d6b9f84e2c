/**
 * Catalogues (GraphQL enums) of the shared record shapes: the one source of the enums and of their
 * descriptions, so that every subgraph declares them byte for byte alike.
 */

/** Help given to a person reintegrating, at risk of offending, or who erred. */
export const HELP_KINDS = {
  JOB: 'Help finding a job (giới thiệu việc làm)',
  VOCATIONAL_TRAINING: 'Vocational training (học nghề, dạy nghề)',
  LOAN: 'Loan or help getting one (vay vốn)',
  COUNSELLING: 'Counselling, encouragement and education (tư vấn, động viên, cảm hóa giáo dục)',
  LEGAL_AID: 'Legal information and paperwork (trợ giúp pháp lý, thủ tục giấy tờ)',
  MATERIAL_AID: 'Material aid: food, seeds, livestock, housing repairs (hỗ trợ vật chất)',
  OTHER: 'Other help (hỗ trợ khác)',
} as const;
export type HelpKind = keyof typeof HELP_KINDS;

/** Who carries out the support of a reintegration case (Plan 155, section II.3). */
export const REINTEGRATION_SUPPORTER_KINDS = {
  MENTOR: 'A member assigned as mentor (người kèm cặp, giúp đỡ)',
  INTER_HOUSEHOLD_GROUP: 'A self-managed inter-household group registered with the Front (Nhóm liên gia tự quản)',
} as const;
export type ReintegrationSupporterKind = keyof typeof REINTEGRATION_SUPPORTER_KINDS;

/** How a supported reintegration ended. */
export const REINTEGRATION_OUTCOMES = {
  STABLE: 'Settled: stable life, work and residence (ổn định cuộc sống)',
  MOVED_AWAY: 'Moved away from the commune (chuyển đi nơi khác)',
  REOFFENDED: 'Reoffended (tái phạm)',
} as const;
export type ReintegrationOutcome = keyof typeof REINTEGRATION_OUTCOMES;

/**
 * What a matter brought to a mediation team is about. The last four are the matters Article 3(1) of
 * the Law on Grassroots Mediation (35/2013/QH13) excludes from mediation: recording one is refused.
 */
export const MEDIATION_CATEGORIES = {
  LAND: 'Land and boundaries (đất đai, ranh giới)',
  MARRIAGE_AND_FAMILY: 'Marriage and family relations (hôn nhân và gia đình)',
  NEIGHBOURS: 'Quarrels between neighbours (mâu thuẫn láng giềng)',
  DEBT_AND_PROPERTY: 'Debts, loans and property (vay mượn, tài sản)',
  INHERITANCE: 'Inheritance (thừa kế)',
  CUSTOMS: 'Customs and practices of the community (phong tục, tập quán)',
  OTHER: 'Other dispute or minor violation (mâu thuẫn, tranh chấp khác)',
  STATE_OR_PUBLIC_INTEREST: 'Excluded by Art. 3(1)(a): harms the interest of the State or the public (xâm phạm lợi ích Nhà nước, lợi ích công cộng); refused',
  CIVIL_NOT_MEDIABLE: 'Excluded by Art. 3(1)(b): marriage, family or civil matters that civil procedure law does not allow to be mediated; refused',
  CRIMINAL_OFFENCE: 'Excluded by Art. 3(1)(c): a violation that must be prosecuted as a crime (truy cứu trách nhiệm hình sự); refused',
  ADMINISTRATIVE_OFFENCE: 'Excluded by Art. 3(1)(c): a violation that must be sanctioned administratively (xử lý vi phạm hành chính); refused',
} as const;
export type MediationCategory = keyof typeof MEDIATION_CATEGORIES;

/** Why each excluded category is excluded, and what to do instead (shown to the user). */
export const MEDIATION_EXCLUSIONS: Partial<Record<MediationCategory, { point: string; reasonVi: string }>> = {
  STATE_OR_PUBLIC_INTEREST: { point: 'điểm a', reasonVi: 'mâu thuẫn, tranh chấp xâm phạm lợi ích của Nhà nước, lợi ích công cộng' },
  CIVIL_NOT_MEDIABLE: {
    point: 'điểm b',
    reasonVi: 'vi phạm pháp luật về hôn nhân và gia đình, giao dịch dân sự mà pháp luật tố tụng dân sự không cho hòa giải',
  },
  CRIMINAL_OFFENCE: { point: 'điểm c', reasonVi: 'vi phạm pháp luật phải bị truy cứu trách nhiệm hình sự' },
  ADMINISTRATIVE_OFFENCE: { point: 'điểm c', reasonVi: 'vi phạm pháp luật phải bị xử lý vi phạm hành chính' },
};

export const MEDIATION_RESULTS = {
  PENDING: 'Being mediated, no result yet (đang hòa giải)',
  SETTLED: 'Settled: the parties agreed (hòa giải thành)',
  NOT_SETTLED: 'Not settled (hòa giải không thành)',
  TRANSFERRED: 'Transferred to the competent authority (chuyển cơ quan có thẩm quyền)',
} as const;
export type MediationResult = keyof typeof MEDIATION_RESULTS;

/** Whom help for people at risk goes to (Plan 155, sections II.5 and III). */
export const SUPPORTED_GROUPS = {
  AT_RISK: 'People at high risk of breaking the law (người có nguy cơ cao vi phạm pháp luật)',
  ERRED: 'People who erred: minor offenders being educated in the community (người lầm lỗi)',
  DELINQUENT_YOUTH: 'Delinquent young people (thanh thiếu niên chậm tiến, vi phạm pháp luật)',
  AFTER_DRUG_TREATMENT: 'People after drug addiction treatment (người sau cai nghiện ma túy)',
} as const;
export type SupportedGroup = keyof typeof SUPPORTED_GROUPS;

/** Where the information an organization handed to the police came from. */
export const HANDOVER_SOURCES = {
  MEMBER: 'A member reported it (hội viên tố giác, cung cấp)',
  FORUM: 'Raised at a forum or meeting (tại diễn đàn, hội nghị)',
  PATROL: 'Found on patrol or guard duty (khi tuần tra, canh gác)',
  MEDIATION: 'Came up in a mediation (trong quá trình hòa giải)',
  OTHER: 'Other source (nguồn khác)',
} as const;
export type HandoverSource = keyof typeof HANDOVER_SOURCES;

/** SDL of an enum from a catalogue, values in the catalogue's order. */
export function enumSdl(name: string, description: string, values: Record<string, string>): string {
  return `"${description}"\n  enum ${name} {\n${Object.entries(values)
    .map(([k, d]) => `    "${d}."\n    ${k}`)
    .join('\n')}\n  }`;
}
