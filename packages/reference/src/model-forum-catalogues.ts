/**
 * Catalogues of the movement's cross-organization records (section II.4 and II.6 of the plan): kinds of
 * forum, kinds of security model, and the scales of a model review under Plan 92/KH-BCĐ-CAT. Every
 * subgraph's schema is generated from these, so the enums are byte-identical wherever they appear.
 * Each entry: the English description first, then the Vietnamese term users search by.
 */
import type { OrganizationId } from './organizations.js';

/** The plan of the provincial steering committee that the 2021 review of all models followed. */
export const MODEL_REVIEW_BASIS = 'Kế hoạch 92/KH-BCĐ-CAT ngày 05/3/2021 của Ban Chỉ đạo tỉnh';

export const MODEL_KINDS = {
  SELF_MANAGEMENT: 'Self-management model (mô hình tự quản về ANTT: khu dân cư, dòng họ, nhóm liên gia tự quản)',
  SELF_PREVENTION: 'Self-prevention model (mô hình tự phòng: gia đình, bản không có người vi phạm pháp luật, không có ma túy)',
  SELF_PROTECTION: 'Self-protection model (mô hình tự bảo vệ: cơ quan, doanh nghiệp, chợ, trường học)',
  SELF_MEDIATION: 'Self-mediation model (mô hình tự hòa giải mâu thuẫn, tranh chấp trong nội bộ Nhân dân)',
  REINTEGRATION: 'Reintegration model (mô hình cảm hóa, giáo dục, giúp đỡ người lầm lỗi tái hòa nhập cộng đồng)',
  PATROL: 'Patrol model (mô hình tuần tra, canh gác nhân dân)',
  INFORMATION: 'Information and propaganda model (mô hình thông tin, tuyên truyền về ANTT: loa truyền thanh, nhóm mạng xã hội)',
  OTHER: 'Another kind of model (mô hình khác)',
} as const;
export type ModelKind = keyof typeof MODEL_KINDS;

export const MODEL_STATUSES = {
  ACTIVE: 'Running (đang hoạt động)',
  BEING_REPLICATED: 'Running and being replicated elsewhere (đang được nhân rộng)',
  DISCONTINUED: 'Discontinued, for example after a review found it ineffective or merely formal (đã dừng, loại bỏ)',
} as const;
export type ModelStatus = keyof typeof MODEL_STATUSES;

export const MODEL_RATINGS = {
  EFFECTIVE: 'Effective (hiệu quả)',
  AVERAGE: 'Average (trung bình)',
  INEFFECTIVE: 'Ineffective or merely formal (kém hiệu quả, hình thức)',
} as const;
export type ModelRating = keyof typeof MODEL_RATINGS;

export const MODEL_DECISIONS = {
  REPLICATE: 'Replicate it elsewhere (nhân rộng)',
  KEEP: 'Keep it running and strengthen it (duy trì, củng cố)',
  REMOVE: 'Remove it (loại bỏ)',
} as const;
export type ModelDecision = keyof typeof MODEL_DECISIONS;

/**
 * Forums that listen to the people (section II.4 and III.1 of the plan). The first four are chaired by
 * the Front with its member organizations and the police; the commune police's forum is led by the
 * police; any organization may hold another forum (a youth forum on crime, a veterans' forum condemning
 * law-breaking).
 */
export const FORUM_KINDS = {
  LISTENING_TO_THE_PEOPLE: 'Forum "Listening to the people" (Lắng nghe ý kiến Nhân dân), chaired by the Front',
  PEOPLE_DENOUNCE_CRIME: 'Forum "The people denounce crime" (Nhân dân tố giác tội phạm), chaired by the Front',
  FRONT_LISTENS_TO_THE_PEOPLE: 'Forum "The Front listens to the people" (Mặt trận lắng nghe dân nói), chaired by the Front',
  TALK_AND_LISTEN_TO_THE_PEOPLE: 'Forum "Talk to the people and listen to them" (Nói cho dân nghe và nghe dân nói), chaired by the Front',
  COMMUNE_POLICE_LISTEN: 'Forum "The commune police listen to the people" (Công an xã lắng nghe ý kiến nhân dân), led by the police',
  OTHER: "Another forum held by an organization (diễn đàn khác), e.g. a youth forum on crime prevention or a veterans' forum condemning law-breaking",
} as const;
export type ForumKind = keyof typeof FORUM_KINDS;

/** Which organization may host a forum of each kind; null: any organization. */
export const FORUM_HOST: Record<ForumKind, OrganizationId | null> = {
  LISTENING_TO_THE_PEOPLE: 'front',
  PEOPLE_DENOUNCE_CRIME: 'front',
  FRONT_LISTENS_TO_THE_PEOPLE: 'front',
  TALK_AND_LISTEN_TO_THE_PEOPLE: 'front',
  COMMUNE_POLICE_LISTEN: 'police',
  OTHER: null,
};

export const FORUM_KIND_NAMES_VI: Record<ForumKind, string> = {
  LISTENING_TO_THE_PEOPLE: 'Lắng nghe ý kiến Nhân dân',
  PEOPLE_DENOUNCE_CRIME: 'Nhân dân tố giác tội phạm',
  FRONT_LISTENS_TO_THE_PEOPLE: 'Mặt trận lắng nghe dân nói',
  TALK_AND_LISTEN_TO_THE_PEOPLE: 'Nói cho dân nghe và nghe dân nói',
  COMMUNE_POLICE_LISTEN: 'Công an xã lắng nghe ý kiến nhân dân',
  OTHER: 'Diễn đàn',
};
