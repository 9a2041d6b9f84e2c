/**
 * The key tasks of Plan 155/KH-MTTQ-CAT, section II ("Nội dung công tác trọng tâm"). Activities name
 * the task they serve, so that the Front can show, per task, what each organization did.
 */
export interface PlanTask {
  /** Section and item of the plan, e.g. `II.4`. */
  id: string;
  titleVi: string;
  titleEn: string;
}

export const PLAN_155 = { id: '155/KH-MTTQ-CAT', issued: '2021-05-26', from: 2021, to: 2023 } as const;

export const PLAN_TASKS: readonly PlanTask[] = [
  {
    id: 'II.1',
    titleVi: 'Tham mưu, phối hợp triển khai Chương trình phối hợp 09',
    titleEn: 'Advice and coordination in carrying out Coordination Programme 09',
  },
  {
    id: 'II.2',
    titleVi: 'Tuyên truyền, giáo dục nâng cao nhận thức, tinh thần cảnh giác',
    titleEn: 'Propaganda and education to raise awareness and vigilance',
  },
  {
    id: 'II.3',
    titleVi: 'Chuyển hóa địa bàn trọng điểm, phức tạp về ANTT; tái hòa nhập cộng đồng; mô hình tự quản',
    titleEn: 'Transforming key complex areas; reintegration; self-management models',
  },
  {
    id: 'II.4',
    titleVi: 'Diễn đàn lắng nghe ý kiến Nhân dân; tiếp nhận tin báo, tố giác tội phạm; giải quyết mâu thuẫn, tranh chấp',
    titleEn: 'Forums listening to the people; crime reports and tips; disputes and hotspots',
  },
  { id: 'II.5', titleVi: 'Gắn phong trào với các cuộc vận động, phong trào khác', titleEn: 'Linking the movement with other campaigns and movements' },
  {
    id: 'II.6',
    titleVi: 'Xây dựng, nhân rộng mô hình, điển hình tiên tiến; xây dựng lực lượng nòng cốt',
    titleEn: 'Building and replicating models and good examples; core forces',
  },
  { id: 'II.7', titleVi: 'Kiểm tra, sơ kết, tổng kết, khen thưởng', titleEn: 'Inspection, review and commendation' },
];

export function planTask(id: string): PlanTask | undefined {
  return PLAN_TASKS.find((t) => t.id === id);
}
