/**
 * Demo steering committees (Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn
 * dân bảo vệ ANTQ), so that a new user sees them: the province's and Huyện Thuận Châu's committees
 * consolidated in 2021 (the plan's kiện toàn focus), their members, a meeting each and what it decided.
 * Fixed data, no random draw; written through the record framework with a user's checks. Names are
 * placeholders ("Thành viên mẫu"), not people.
 */
import { unitId, type IsoDate } from '@antt/reference';
import { demoWriter, type Db } from '@antt/subgraph-kit';
import { steeringConsolidations, steeringDecisions, steeringMeetings, steeringMembers } from './kinds/index.js';

interface Committee {
  unitId: string;
  decidedOn: IsoDate;
  decisionNumber: string;
  issuedBy: string;
  members: [position: string, representing: string, role: 'HEAD' | 'DEPUTY_HEAD' | 'STANDING_MEMBER' | 'MEMBER'][];
  meetingOn: IsoDate;
  decisionOn: IsoDate;
  decisionDocument: string;
}

const COMMITTEES: Committee[] = [
  {
    unitId: unitId.province('14'),
    decidedOn: '2021-03-05',
    decisionNumber: '356/QĐ-UBND',
    issuedBy: 'Ủy ban nhân dân tỉnh Sơn La',
    members: [
      ['Phó Chủ tịch UBND tỉnh', 'Ủy ban nhân dân tỉnh', 'HEAD'],
      ['Giám đốc Công an tỉnh', 'Công an tỉnh', 'DEPUTY_HEAD'],
      ['Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh', 'Ủy ban MTTQ Việt Nam tỉnh', 'DEPUTY_HEAD'],
      ['Trưởng phòng Xây dựng phong trào bảo vệ ANTQ', 'Công an tỉnh', 'STANDING_MEMBER'],
      ['Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'MEMBER'],
      ['Phó Chủ tịch Hội Cựu chiến binh tỉnh', 'Hội Cựu chiến binh tỉnh', 'MEMBER'],
      ['Phó Bí thư Tỉnh đoàn', 'Tỉnh đoàn', 'MEMBER'],
    ],
    meetingOn: '2021-04-15',
    decisionOn: '2021-04-20',
    decisionDocument: '12/KH-BCĐ',
  },
  {
    unitId: unitId.district('119'),
    decidedOn: '2021-04-02',
    decisionNumber: '820/QĐ-UBND',
    issuedBy: 'Ủy ban nhân dân huyện Thuận Châu',
    members: [
      ['Chủ tịch UBND huyện', 'Ủy ban nhân dân huyện', 'HEAD'],
      ['Trưởng Công an huyện', 'Công an huyện', 'DEPUTY_HEAD'],
      ['Chủ tịch Ủy ban MTTQ Việt Nam huyện', 'Ủy ban MTTQ Việt Nam huyện', 'DEPUTY_HEAD'],
      ['Chủ tịch Hội Nông dân huyện', 'Hội Nông dân huyện', 'MEMBER'],
    ],
    meetingOn: '2021-05-10',
    decisionOn: '2021-05-12',
    decisionDocument: '05/TB-BCĐ',
  },
];

export function seedSteeringDemo(db: Db, today: IsoDate): number {
  const write = demoWriter(db, 'police', today);
  let n = 0;
  for (const c of COMMITTEES) {
    if (c.decisionOn > today) continue;
    const consolidation = write(steeringConsolidations, {
      unitId: c.unitId,
      decidedOn: c.decidedOn,
      decisionNumber: c.decisionNumber,
      issuedBy: c.issuedBy,
      summary: 'Kiện toàn Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ ANTQ (dữ liệu mẫu).',
    });
    n++;
    c.members.forEach(([position, representing, committeeRole], i) => {
      write(steeringMembers, {
        appointedById: consolidation.id,
        fromDate: c.decidedOn,
        fullName: `Thành viên mẫu ${i + 1}`,
        position,
        representing,
        committeeRole,
      });
      n++;
    });
    const meeting = write(steeringMeetings, {
      unitId: c.unitId,
      heldOn: c.meetingOn,
      meetingKind: 'REGULAR',
      membersPresent: c.members.length - 1,
      agenda: 'Triển khai Kế hoạch số 155/KH-MTTQ-CAT; phân công nhiệm vụ thành viên (dữ liệu mẫu).',
      conclusions: 'Các thành viên triển khai kế hoạch tại cơ quan, tổ chức mình; báo cáo kết quả 6 tháng trước ngày 10/6.',
    });
    write(steeringDecisions, {
      unitId: c.unitId,
      issuedOn: c.decisionOn,
      documentNumber: c.decisionDocument,
      decisionKind: 'PLAN',
      subject: 'Kế hoạch hoạt động của Ban Chỉ đạo năm 2021 (dữ liệu mẫu).',
      meetingId: meeting.id,
    });
    n += 2;
  }
  return n;
}
