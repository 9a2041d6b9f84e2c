/**
 * The labour federation's own kinds of record: establishments taking part in the workers' movement,
 * core teams, worker boarding houses and their safety checks, labour disputes reported as hotspots.
 * Activities, models, forums and opinions come from packages/subgraph-kit.
 *
 * Every record is attributed to periods by its own date only (registeredOn, foundedOn, checkedOn,
 * startedOn): a participation's `year` says which year it is for, never where it counts, so that no
 * record is counted in two plan years.
 */
import { defineKind, field, fmtDate, POLICE_HOTSPOT, type ReferenceSpec } from '@antt/subgraph-kit';

/** Safety status of a boarding house after a check (tình trạng an toàn). */
export const BOARDING_HOUSE_SAFETY = {
  SAFE: 'Safe (an toàn).',
  NEEDS_IMPROVEMENT: 'Needs improvement (cần khắc phục).',
  UNSAFE: 'Unsafe (không an toàn).',
} as const;

/** Kind of labour conflict (loại vụ việc). */
export const DISPUTE_KINDS = {
  DISPUTE: 'Labour dispute (tranh chấp lao động).',
  STRIKE: 'Strike (đình công).',
  WORK_STOPPAGE: 'Collective work stoppage (ngừng việc tập thể).',
} as const;

/** What a labour conflict is about (nguyên nhân). */
export const DISPUTE_CAUSES = {
  WAGES: 'Wages and bonuses (tiền lương, thưởng).',
  SOCIAL_INSURANCE: 'Social insurance (bảo hiểm xã hội).',
  WORKING_CONDITIONS: 'Working conditions (điều kiện làm việc).',
  DISMISSAL: 'Discipline or dismissal (kỷ luật, chấm dứt hợp đồng).',
  OTHER: 'Other (khác).',
} as const;

/**
 * A yes/no field stored as SQLite stores it (1 or 0): the framework's field.bool hands the driver a
 * JavaScript boolean, which better-sqlite3 cannot bind, so a kind with a bool cannot be written yet.
 */
function yesNo(o: { label: string; description: string }) {
  return { ...field.bool(o), toDb: (v: boolean | null) => (v == null ? null : v ? 1 : 0) };
}

const ESTABLISHMENT = 'Mã cơ sở trong danh sách của Công an';

/**
 * Establishments have one register, the police's: a labour record names one of its establishments, and
 * the commune recorded must be the establishment's there (it lies within it).
 */
const IN_POLICE_REGISTER: ReferenceSpec = {
  owner: 'police',
  table: 'establishments',
  within: 'record',
  nounVi: 'cơ sở trong sổ đăng ký của Công an tại xã đã ghi',
};

/** The key of a participation: one per establishment and year (the migration backfills it the same way). */
export function participationKey(v: { establishmentId: string; year: number }): string {
  return `${v.establishmentId}|${v.year}`;
}

/** An establishment taking part, for one year, in the workers' movement against crime and social evils. */
export const participations = defineKind({
  org: 'labour',
  type: 'LabourParticipation',
  table: 'labour_participations',
  slug: 'participation',
  description:
    'An establishment taking part, for one year, in the movement "Công nhân, viên chức, người lao động tham gia phòng, chống tội phạm và tệ nạn xã hội". Its safety status under the standard is the police\'s, on the Establishment. It counts in the period its registration day falls in.',
  nounVi: 'đăng ký tham gia phong trào',
  list: 'labourParticipations',
  create: 'recordLabourParticipation',
  fields: {
    establishmentId: field.code({
      label: ESTABLISHMENT,
      description: 'Id of the establishment in the police register (mã cơ sở), e.g. CS-0001; the commune must be its commune there.',
      ref: IN_POLICE_REGISTER,
    }),
    year: field.count({ label: 'Năm tham gia', description: 'Year of participation (năm tham gia), 2019 to this year.', min: 2019, max: 9999 }),
    registeredOn: field.date({
      label: 'Ngày đăng ký',
      description: 'Day it registered (ngày đăng ký); not in the future, not after the year. Periods count it by this day.',
    }),
    unitId: field.unit({ label: 'Xã', description: 'Commune it is in, as the commune was on the day it registered (xã).', levels: ['COMMUNE'] }),
    industrialZone: field.text({ label: 'Khu công nghiệp', description: 'Industrial zone it is in, if any (khu công nghiệp).', max: 200, required: false }),
    workers: field.count({
      label: 'Số người lao động tham gia',
      description: 'Workers taking part (số người lao động tham gia), 1 or more.',
      min: 1,
      max: 100_000,
    }),
    pledgeSigned: yesNo({ label: 'Ký cam kết', description: "Whether it signed the movement's pledge (ký cam kết)." }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'registeredOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.year > Number(c.today.slice(0, 4))) c.problems.add(c.at('year'), `Năm tham gia không được sau năm nay (${c.today.slice(0, 4)}).`, 'TOO_LARGE');
    else if (Number(v.registeredOn.slice(0, 4)) > v.year)
      c.problems.add(c.at('registeredOn'), `Ngày đăng ký ${fmtDate(v.registeredOn)} sau năm tham gia ${v.year}.`, 'DATE_AFTER_YEAR');
  },
  unique: {
    key: participationKey,
    field: 'year',
    message: (id) => `Cơ sở này đã đăng ký tham gia phong trào năm này (bản ghi ${id}): hãy đính chính bản ghi đó thay vì ghi thêm.`,
  },
  example: { establishmentId: 'DEMO-CS-0001', year: 2021, registeredOn: '2021-02-15', unitId: 'commune:03730@2019', workers: 120, pledgeSigned: true },
  exampleChange: { workers: 130, industrialZone: 'Khu công nghiệp Mai Sơn' },
});

/** A core team of workers in an enterprise (tổ, đội nòng cốt công nhân). */
export const coreTeams = defineKind({
  org: 'labour',
  type: 'LabourCoreTeam',
  table: 'labour_core_teams',
  slug: 'core-team',
  description: 'A core team of workers in an enterprise (tổ, đội nòng cốt công nhân). It counts from the day it was founded until the day it was dissolved.',
  nounVi: 'tổ, đội nòng cốt',
  list: 'labourCoreTeams',
  create: 'registerLabourCoreTeam',
  fields: {
    establishmentId: field.code({
      label: ESTABLISHMENT,
      description: 'Id of the establishment in the police register (mã cơ sở); the commune must be its commune there.',
      ref: IN_POLICE_REGISTER,
    }),
    unitId: field.unit({ label: 'Xã', description: 'Commune it is in, as the commune was when the team was founded (xã).', levels: ['COMMUNE'] }),
    name: field.text({ label: 'Tên tổ, đội nòng cốt', description: 'Name (tên tổ, đội).', max: 200 }),
    foundedOn: field.date({ label: 'Ngày thành lập', description: 'Day it was founded (ngày thành lập); not in the future.' }),
    members: field.count({ label: 'Số thành viên', description: 'Members (số thành viên), 1 or more.', min: 1, max: 1000 }),
    dissolvedOn: field.date({
      label: 'Ngày giải thể',
      description: 'Day it was dissolved (ngày giải thể); null while active. Set it with a correction.',
      required: false,
    }),
  },
  dateField: 'foundedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.dissolvedOn && v.dissolvedOn < v.foundedOn)
      c.problems.add(c.at('dissolvedOn'), 'Ngày giải thể không được trước ngày thành lập.', 'DATE_BEFORE_START');
  },
  example: { establishmentId: 'DEMO-CS-0001', unitId: 'commune:03730@2019', name: 'Tổ nòng cốt công nhân', foundedOn: '2021-05-01', members: 9 },
  exampleChange: { members: 11, dissolvedOn: '2022-12-31' },
});

/** A worker boarding house (khu nhà trọ công nhân), which the police register does not list. */
export const boardingHouses = defineKind({
  org: 'labour',
  type: 'LabourBoardingHouse',
  table: 'labour_boarding_houses',
  slug: 'boarding-house',
  description:
    'A worker boarding house (khu nhà trọ công nhân) the federation follows. Its safety on a day is that of its latest check (LabourBoardingHouseCheck) by then.',
  nounVi: 'khu nhà trọ',
  list: 'labourBoardingHouses',
  create: 'registerLabourBoardingHouse',
  fields: {
    name: field.text({ label: 'Tên khu nhà trọ', description: 'Name (tên khu nhà trọ).', max: 200 }),
    unitId: field.unit({
      label: 'Địa bàn',
      description: 'Commune or residential area, as it was when registered (địa bàn).',
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    registeredOn: field.date({ label: 'Ngày đăng ký', description: 'Day it was registered (ngày đăng ký); not in the future.' }),
    rooms: field.count({ label: 'Số phòng', description: 'Rooms (số phòng), 1 or more.', min: 1, max: 10_000 }),
    workersLiving: field.count({ label: 'Số công nhân ở trọ', description: 'Workers living there (số công nhân ở trọ).', max: 100_000 }),
  },
  dateField: 'registeredOn',
  unitField: 'unitId',
  branch: true,
  example: { name: 'Khu nhà trọ công nhân số 1', unitId: 'commune:03730@2019', registeredOn: '2021-03-01', rooms: 12, workersLiving: 30 },
  exampleChange: { workersLiving: 35 },
});

/** A safety check of a boarding house (kiểm tra an toàn khu nhà trọ). */
export const boardingHouseChecks = defineKind({
  org: 'labour',
  type: 'LabourBoardingHouseCheck',
  table: 'labour_boarding_house_checks',
  slug: 'boarding-house-check',
  description:
    "A safety check of a worker boarding house (kiểm tra an toàn khu nhà trọ): the day and the safety found. The house's safety on a day is that of its latest check by then.",
  nounVi: 'lần kiểm tra khu nhà trọ',
  list: 'labourBoardingHouseChecks',
  create: 'recordLabourBoardingHouseCheck',
  fields: {
    houseId: field.record({ label: 'Khu nhà trọ', description: 'The boarding house checked (khu nhà trọ).', kind: () => boardingHouses }),
    unitId: field.unit({
      label: 'Địa bàn',
      description:
        "Commune or residential area of the house, as it is on the day of the check (địa bàn): the house's own, or the commune it is in since the reform.",
      levels: ['COMMUNE', 'RESIDENTIAL_AREA'],
    }),
    checkedOn: field.date({ label: 'Ngày kiểm tra', description: "Day of the check (ngày kiểm tra); not in the future, not before the house's registration." }),
    safety: field.oneOf({
      label: 'Tình trạng an toàn',
      description: 'Safety status found (tình trạng an toàn).',
      enumType: 'BoardingHouseStatus',
      catalogue: BOARDING_HOUSE_SAFETY,
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'checkedOn',
  unitField: 'unitId',
  // houseId: the generic suite puts a house made from that kind's example here.
  example: { houseId: 'boarding-house:labour:example', unitId: 'commune:03730@2019', checkedOn: '2021-04-01', safety: 'UNSAFE', note: 'Thiếu bình chữa cháy' },
  exampleChange: { safety: 'NEEDS_IMPROVEMENT', note: 'Đã bổ sung bình chữa cháy, còn thiếu lối thoát hiểm' },
});

/** A labour dispute or strike, and the police hotspot it was reported as (reportHotspot in the police subgraph). */
export const disputes = defineKind({
  org: 'labour',
  type: 'LabourDispute',
  table: 'labour_disputes',
  slug: 'dispute',
  description:
    "A labour dispute or strike (tranh chấp lao động, đình công), and the police hotspot it was reported as: the id reportHotspot returned is kept here, never the police's content.",
  nounVi: 'vụ tranh chấp, đình công',
  list: 'labourDisputes',
  create: 'recordLabourDispute',
  fields: {
    establishmentId: field.code({
      label: ESTABLISHMENT,
      description: 'Id of the establishment in the police register, if it is there (mã cơ sở); the commune must be its commune there.',
      required: false,
      ref: IN_POLICE_REGISTER,
    }),
    unitId: field.unit({ label: 'Xã', description: 'Commune, as it was when it started (xã).', levels: ['COMMUNE'] }),
    startedOn: field.date({ label: 'Ngày bắt đầu', description: 'Day it started (ngày bắt đầu); not in the future.' }),
    kind: field.oneOf({ label: 'Loại vụ việc', description: 'Kind (loại vụ việc).', enumType: 'DisputeKind', catalogue: DISPUTE_KINDS }),
    cause: field.oneOf({ label: 'Nguyên nhân', description: 'Cause (nguyên nhân).', enumType: 'DisputeCause', catalogue: DISPUTE_CAUSES }),
    workersInvolved: field.count({
      label: 'Số người lao động tham gia',
      description: 'Workers involved, counted, never named (số người lao động tham gia), 1 or more.',
      min: 1,
      max: 100_000,
    }),
    hotspotId: field.code({
      label: 'Mã điểm nóng',
      description:
        'The id of the police hotspot it was reported as (what reportHotspot returned), checked with the police when written; null if not reported. Once set it is not replaced.',
      required: false,
      ref: POLICE_HOTSPOT,
    }),
    resolvedOn: field.date({
      label: 'Ngày giải quyết xong',
      description: 'Day it was resolved (ngày giải quyết xong); null while it goes on. Once set it is not changed.',
      required: false,
    }),
    note: field.text({ label: 'Ghi chú', description: 'Free-text note (ghi chú).', max: 2000, required: false }),
  },
  dateField: 'startedOn',
  unitField: 'unitId',
  branch: true,
  check: (v, c) => {
    if (v.resolvedOn && v.resolvedOn < v.startedOn)
      c.problems.add(c.at('resolvedOn'), 'Ngày giải quyết xong không được trước ngày bắt đầu.', 'DATE_BEFORE_START');
  },
  example: { establishmentId: 'DEMO-CS-0002', unitId: 'commune:03730@2019', startedOn: '2021-09-01', kind: 'STRIKE', cause: 'WAGES', workersInvolved: 80 },
  exampleChange: { hotspotId: 'hotspot:police:42', resolvedOn: '2021-09-05' },
  counts: {
    field: 'disputes',
    type: 'LabourDisputeSummary',
    description: 'Labour disputes and strikes started in a unit and period, in counts.',
    countDescription: 'Started in the period.',
    sums: { workersInvolved: { of: 'workersInvolved', description: 'Workers involved.' } },
    by: { field: 'kind', as: 'byKind', type: 'DisputeKindCount', description: 'By kind.' },
  },
});

/** Every kind the labour federation keeps through the record framework (the check after its house). */
export const kinds = [participations, coreTeams, boardingHouses, boardingHouseChecks, disputes];
