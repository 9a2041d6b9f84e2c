/**
 * The police's demo records: the register of establishments, every unit's yearly cycle for the
 * standard from 2021 to this year (each old district with its own propensity, so that some districts
 * are above the plan's targets and some below), tips with their deadlines (a few overdue), hotspots,
 * key areas, the plan's model units, core forces, trainings, bulletins and reintegration cases.
 * Seeded and reproducible; identities are obviously fake and sealed like real ones.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import {
  addDays,
  communesOn,
  demoEstablishments,
  demoEstablishmentUnit,
  demoHotspots,
  demoReintegrationCases,
  demoTipReceipts,
  ORGANIZATION_IDS,
  territory,
  unitId,
  type IsoDate,
} from '@antt/reference';
import { bulkInsert, demoWriter, sqliteOf, type Db, type StoredRecord } from '@antt/subgraph-kit';
import { criterionResults, establishments, modelUnits, standardAssessments } from './db/schema.js';
import {
  bulletins as bulletinKind,
  coreForces as coreForceKind,
  crimeTips as crimeTipKind,
  hotspots as hotspotKind,
  keyAreas as keyAreaKind,
  reintegrationCases as reintegrationKind,
  trainings as trainingKind,
} from './kinds/index.js';
import { assessmentKey } from './kinds/standard.js';
import { nationalSetFor, outOfScopeReason, windowOf, type SubjectKind } from './legal/criteria.js';
import { initialDecisionDue, vietnamDate } from './legal/deadlines.js';
import { communeShare, communeSubjects, shareMet, subjectKey } from './data/standard.js';
import { identityCipher } from './data/vault.js';

const by = 'demo-data';

/** The bookkeeping of a demo record's first and only version, recorded in the evening of its day. */
function version1(recordId: string, day: IsoDate) {
  const at = `${day}T20:00:00.000Z`;
  return { recordId, version: 1, status: 'ACTIVE', createdAt: at, recordedAt: at, recordedBy: by, demo: true };
}

function chance(rng: RandomGenerator, p: number): boolean {
  return uniformInt(rng, 0, 9999) < p * 10000;
}
function pick<T>(rng: RandomGenerator, xs: readonly T[]): T {
  return xs[uniformInt(rng, 0, xs.length - 1)]!;
}
const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

export function seedPoliceDemo(db: Db, today: IsoDate): number {
  const t = territory();
  const rng = xoroshiro128plus(155);
  let n = 0;

  // Each old district's propensity to meet the standard: 0.80 to 0.99, rising a point a year.
  const districts = t.unitsOn('2021-01-01', 'DISTRICT');
  const propensity = new Map(districts.map((d) => [d.id, 0.8 + uniformInt(rng, 0, 19) / 100]));
  const districtOf = (id: string): string => {
    const u = t.unit(id)!;
    if (u.level === 'DISTRICT') return u.id;
    if (u.level === 'RESIDENTIAL_AREA') return districtOf(t.parentOn(id, '2021-01-01')!.id);
    if (u.era !== '2013-2025') return districtOf(t.predecessors(u.id)[0]!.predecessor);
    return t.parentOn(id, '2021-01-01')!.id;
  };
  const pMeet = (id: string, year: number) => Math.min(0.995, propensity.get(districtOf(id))! + (year - 2021) / 100);

  // Register: demo establishments sit in a residential area, which lives on both maps; registered
  // before the plan, on the 2021 map's day.
  const ests = demoEstablishments().map((e) => ({ ...e, unitId: demoEstablishmentUnit(e, today) }));
  const registeredOn = '2021-01-04';
  bulkInsert(
    db,
    establishments,
    ests.map((e) => ({
      ...version1(e.id, registeredOn),
      name: e.name,
      kind: e.kind,
      subKind: e.subKind,
      unitId: e.unitId,
      managedBy: e.managedBy,
      registeredOn,
    })),
  );
  n += ests.length;

  // The yearly cycle, areas and establishments first: a commune's own criterion is computed from them.
  // Rows are built in memory and inserted in chunks, as the records a user would have typed (the
  // kinds' checks hold for them): one write through the framework per row costs seconds here.
  const lastYear = Number(today.slice(0, 4));
  let nextId = 1;
  for (let year = 2021; year <= lastYear; year++) {
    const subjects: { kind: SubjectKind; unitId: string; establishmentId: string | null }[] = [];
    for (const a of t.unitsOn(windowOf('RESIDENTIAL_AREA', year).end, 'RESIDENTIAL_AREA'))
      subjects.push({ kind: 'RESIDENTIAL_AREA', unitId: a.id, establishmentId: null });
    for (const e of ests)
      if (!outOfScopeReason(e.subKind, year))
        subjects.push({ kind: e.kind === 'SCHOOL' ? 'SCHOOL' : 'AGENCY_OR_ENTERPRISE', unitId: e.unitId, establishmentId: e.id });
    const communes = t.unitsOn(windowOf('COMMUNE', year).end, 'COMMUNE').map((c) => ({ kind: 'COMMUNE' as const, unitId: c.id, establishmentId: null }));
    // The year's assessments by subject, for the communes' computed criterion.
    const bySubject = new Map<string, { registeredOn: string; decisionNumber: string | null }>();
    const register = ests.map((e) => ({ id: e.id, unitId: e.unitId, subKind: e.subKind, managedBy: e.managedBy }) as unknown as StoredRecord);
    for (const batch of [subjects, communes]) {
      // Communes come second: their computed criterion reads the areas' and establishments' rows.
      const rows: Record<string, unknown>[] = [];
      const results: Record<string, unknown>[] = [];
      for (const s of batch) {
        const w = windowOf(s.kind, year);
        const registeredOn = addDays(`${year}-01-05`, uniformInt(rng, 0, 80));
        if (registeredOn > today || !chance(rng, 0.996)) continue;
        const set = nationalSetFor(s.kind, year)!;
        const selfAssessedOn = addDays(w.end, -uniformInt(rng, 5, 45));
        const assessed = selfAssessedOn <= today;
        const meets = chance(rng, pMeet(s.unitId, year));
        const households = s.kind === 'RESIDENTIAL_AREA' ? uniformInt(rng, 40, 260) : null;
        const id = String(nextId++);
        const own = set.criteria.filter((c) => !c.derived);
        const failing = meets ? -1 : uniformInt(rng, 0, own.length - 1);
        // Recognised when every criterion is met (for a commune, the computed one too), a few weeks after self-assessment.
        const met = assessed && meets && (s.kind !== 'COMMUNE' || shareMet(communeShare(communeSubjects(s.unitId, year, register), bySubject), year));
        const decidedOn = met ? min(addDays(selfAssessedOn, uniformInt(rng, 7, 30)), today) : null;
        const recordedAt = decidedOn ?? (assessed ? selfAssessedOn : registeredOn);
        if (assessed)
          results.push(
            ...own.map((c, i) => ({
              ...version1(`${id}:${c.code}`, selfAssessedOn),
              assessmentId: id,
              code: c.code,
              met: i !== failing,
              note: i === failing ? 'Chưa đạt theo biên bản họp' : null,
              unitId: s.unitId,
              windowEndsOn: w.end,
              conflictKey: `${id}|${c.code}`,
            })),
          );
        const commune = s.kind === 'COMMUNE' ? null : t.ancestorsOn(s.unitId, w.end).find((u) => u.level === 'COMMUNE');
        const authority =
          s.kind === 'COMMUNE'
            ? year <= 2024
              ? `UBND ${t.parentOn(s.unitId, w.end)?.name ?? 'cấp huyện'}`
              : 'UBND tỉnh Sơn La'
            : `UBND ${commune?.name ?? 'cấp xã'}`;
        const decisionNumber = met ? `${uniformInt(rng, 10, 999)}/QĐ-UBND` : null;
        bySubject.set(subjectKey(s.kind, s.unitId, s.establishmentId), { registeredOn, decisionNumber });
        rows.push({
          ...version1(id, recordedAt),
          year,
          subjectKind: s.kind,
          unitId: s.unitId,
          establishmentId: s.establishmentId,
          windowEndsOn: w.end,
          criteriaSetId: set.id,
          registeredOn,
          householdsTotal: households,
          householdsRegistered: households === null ? null : meets ? households : households - uniformInt(rng, 1, 10),
          selfAssessedOn: assessed ? selfAssessedOn : null,
          chairedBy: assessed ? (s.kind === 'RESIDENTIAL_AREA' ? 'Trưởng bản' : 'Chủ tịch UBND') : null,
          decisionNumber,
          decidedOn,
          authority: met ? authority : null,
          conflictKey: assessmentKey({ year, subjectKind: s.kind, unitId: s.unitId, establishmentId: s.establishmentId }),
        });
      }
      bulkInsert(db, standardAssessments, rows as (typeof standardAssessments.$inferInsert)[]);
      bulkInsert(db, criterionResults, results as (typeof criterionResults.$inferInsert)[]);
      n += rows.length;
    }
  }

  // The police's records go in through the record framework, with the checks a user's input gets.
  const write = demoWriter(db, 'police', today);

  // Tips: about one a week, a fifth handed over by other organizations, the recent ones still open.
  // Each tip is recorded as it stands today (one version). None is dated today: a tip's instant is drawn
  // within its day (08:00-16:59 in Việt Nam), which for today may not have come yet, and the instants are
  // checked against the clock (a start shortly after midnight refused its own demo data).
  const communesThen = (d: IsoDate) => communesOn(d);
  const now = Date.now();
  const categories = ['DRUGS', 'THEFT', 'FRAUD', 'HUMAN_TRAFFICKING', 'VIOLENCE', 'GAMBLING', 'ENVIRONMENT', 'OTHER'];
  const cipher = identityCipher();
  for (let d: IsoDate = '2021-01-04', i = 1; d < today; d = addDays(d, uniformInt(rng, 3, 9)), i++) {
    const unit = pick(rng, communesThen(d));
    const receivedAt = `${d}T0${uniformInt(rng, 1, 9)}:${String(uniformInt(rng, 10, 59))}:00.000Z`;
    const handed = chance(rng, 0.2)
      ? pick(
          rng,
          ORGANIZATION_IDS.filter((o) => o !== 'police'),
        )
      : null;
    const remote = chance(rng, 0.15);
    const age = (Date.parse(today) - Date.parse(d)) / 86_400_000;
    // Most tips are forwarded within the day; a few recent ones are left late, for the overdue list.
    const late = age < 60 && chance(rng, 0.25);
    const forwarded = late ? null : new Date(Date.parse(receivedAt) + uniformInt(rng, 1, remote ? 40 : 20) * 3600_000).toISOString();
    // Not after today nor after now (a tip of yesterday forwarded later today, or tomorrow, is not a record yet).
    const forwardedAt = forwarded && vietnamDate(forwarded) <= today && Date.parse(forwarded) <= now ? forwarded : null;
    const decided = !late && age > 25;
    const decidedOn = decided ? addDays(d, uniformInt(rng, 5, 19)) : null;
    const notified = decided && age > 40 ? addDays(decidedOn!, uniformInt(rng, 1, 10)) : null;
    const tipStatus = notified ? 'REPORTER_NOTIFIED' : decided ? 'DECIDED' : forwardedAt ? (chance(rng, 0.5) ? 'BEING_VERIFIED' : 'FORWARDED') : 'RECEIVED';
    write(crimeTipKind, {
      channel: handed ? 'FORWARDED_BY_ORGANIZATION' : pick(rng, ['IN_PERSON', 'PHONE', 'WRITTEN', 'AT_FORUM']),
      receivedAt,
      receivedOn: vietnamDate(receivedAt),
      unitId: unit.id,
      summary: `Tin báo mẫu số ${i}: phản ánh vụ việc nghi có dấu hiệu vi phạm pháp luật tại ${unit.name}.`,
      category: pick(rng, categories),
      reporterSealed: chance(rng, 0.7) ? cipher.encryptJson({ fullName: `Người tố giác mẫu ${i}`, phone: `09${String(10_000_000 + i).slice(-8)}` }) : null,
      confidentialityRequested: chance(rng, 0.4),
      remoteArea: remote,
      handedOverBy: handed,
      receiptId: handed ? `BN-DEMO-${String(i).padStart(5, '0')}` : null,
      tipStatus,
      forwardedAt,
      forwardedTo: forwardedAt ? 'Cơ quan Cảnh sát điều tra Công an tỉnh' : null,
      decisionDueOn: initialDecisionDue(receivedAt),
      decision: decided ? pick(rng, ['PROSECUTE', 'NOT_PROSECUTE', 'NOT_PROSECUTE', 'SUSPEND']) : null,
      decidedOn,
      reporterNotifiedOn: notified,
    });
    n++;
  }

  // The tips member organizations handed over in their demo data, with the receipts they keep
  // (demoTipReceipts): forwarded within hours and decided within ten days. No random draw here, so the
  // rest of the police's demo stays as it was.
  for (const org of ['veterans', 'women', 'farmers', 'elderly'] as const) {
    for (const [k, tip] of demoTipReceipts(org, today).entries()) {
      // The first second of the day in Vietnam (UTC+7), so that a tip of today is never in the future.
      const receivedAt = `${addDays(tip.date, -1)}T17:00:01.000Z`;
      const past = tip.date < today;
      write(crimeTipKind, {
        channel: 'FORWARDED_BY_ORGANIZATION',
        receivedAt,
        receivedOn: tip.date,
        unitId: tip.communeId,
        summary: `Tin do tổ chức chuyển đến, mẫu số ${k + 1}: phản ánh vụ việc nghi có dấu hiệu vi phạm pháp luật.`,
        category: categories[k % categories.length],
        reporterSealed: null,
        confidentialityRequested: false,
        remoteArea: false,
        handedOverBy: org,
        receiptId: tip.receiptId,
        tipStatus: past ? 'DECIDED' : 'RECEIVED',
        forwardedAt: past ? `${tip.date}T01:00:00.000Z` : null,
        forwardedTo: past ? 'Cơ quan Cảnh sát điều tra Công an tỉnh' : null,
        decisionDueOn: initialDecisionDue(receivedAt),
        decision: past ? 'NOT_PROSECUTE' : null,
        decidedOn: past ? min(addDays(tip.date, 10), today) : null,
      });
      n++;
    }
  }

  // Hotspots, key areas and the plan's model units.
  // The hotspots other organizations' demo data name (a labour dispute, a mediation): kept under the shared ids.
  for (const h of demoHotspots(today)) {
    const { kind, unitId: unit, summary, partiesCount, riskLevel, since, hotspotStatus, closedOn, reportedBy } = h;
    write(
      hotspotKind,
      { kind, unitId: unit, summary, partiesCount, riskLevel, since, actions: 'Nắm tình hình, vận động các bên', hotspotStatus, closedOn, reportedBy },
      { id: h.id },
    );
    n++;
  }
  for (let i = 0; i < 14; i++) {
    const listedOn = addDays('2021-03-01', uniformInt(rng, 0, 900));
    const cleared = i % 3 === 0 ? addDays(listedOn, uniformInt(rng, 200, 700)) : null;
    write(keyAreaKind, {
      unitId: pick(rng, communesThen(listedOn)).id,
      listingReason: pick(rng, [
        'Tụ điểm phức tạp về ma túy',
        'Tranh chấp đất đai kéo dài',
        'Hoạt động tín ngưỡng trái pháp luật',
        'Mua bán người qua biên giới',
      ]),
      listedOn,
      transformationPlan: 'Kế hoạch chuyển hóa địa bàn của Công an xã và Ban Chỉ đạo',
      areaStatus: cleared && cleared <= today ? 'CLEARED' : 'BEING_TRANSFORMED',
      clearedOn: cleared && cleared <= today ? cleared : null,
    });
    n++;
  }
  db.insert(modelUnits)
    .values([
      {
        unitId: unitId.oldCommune('03730'),
        kind: 'MOVEMENT_MODEL',
        since: '2021-05-26',
        source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.3 (2021): xã điểm phong trào',
      },
      {
        unitId: unitId.oldCommune('03646'),
        kind: 'URBAN_ORDER_MODEL',
        since: '2021-05-26',
        source: 'Kế hoạch 155/KH-MTTQ-CAT, mục IV.3 (2021): mô hình điểm về trật tự đô thị',
      },
    ])
    .run();

  // Movement work: forces per commune of today's map, trainings, bulletins.
  if (today >= '2025-07-01') {
    for (const c of t.unitsOn('2025-07-01', 'COMMUNE')) {
      write(coreForceKind, {
        kind: 'GRASSROOTS_SECURITY_TEAM',
        name: `Tổ bảo vệ ANTT ở cơ sở ${c.name}`,
        unitId: c.id,
        memberCount: uniformInt(rng, 8, 40),
        since: '2025-07-01',
      });
      n++;
    }
  }
  for (let d: IsoDate = '2021-03-15', i = 1; d <= today; d = addDays(d, uniformInt(rng, 45, 90)), i++) {
    const topic = pick(rng, [
      'Nghiệp vụ xây dựng phong trào toàn dân BVANTQ',
      'Tiêu chuẩn "An toàn về ANTT"',
      'Kỹ năng tiếp nhận tin báo, tố giác',
      'Phòng, chống ma túy',
    ]);
    const where = d < '2025-07-01' ? pick(rng, t.unitsOn(d, 'DISTRICT')).id : unitId.province('14');
    write(trainingKind, {
      date: d,
      topic,
      unitId: where,
      participants: ORGANIZATION_IDS.filter((o) => o !== 'police').map((o) => ({ organizationId: o, count: uniformInt(rng, 2, 25) })),
    });
    n++;
  }
  const topics = ['FRAUD', 'DRUGS', 'TRAFFICKING', 'ONLINE_CRIME', 'CRIMES_AGAINST_WOMEN_AND_CHILDREN'] as const;
  for (let d: IsoDate = '2021-04-01', i = 1; d <= today; d = addDays(d, uniformInt(rng, 60, 120)), i++) {
    const topic = pick(rng, topics);
    write(bulletinKind, {
      title: `Thông báo phương thức, thủ đoạn số ${i}`,
      body: `Cảnh báo thủ đoạn ${topic === 'FRAUD' ? 'giả danh cơ quan chức năng gọi điện lừa đảo' : topic === 'ONLINE_CRIME' ? 'lừa đảo qua mạng xã hội, tuyển cộng tác viên online' : 'dụ dỗ lao động sang biên giới'}; đề nghị các tổ chức tuyên truyền tới hội viên.`,
      topic,
      issuedOn: d,
      unitId: unitId.province('14'),
      audience: topic === 'CRIMES_AGAINST_WOMEN_AND_CHILDREN' ? ['women', 'youth', 'front'] : [],
    });
    n++;
  }
  // Reintegration cases keep the pseudonymous ids the member organizations' demo support records name
  // (DEMO-TH-0001...): recorded through the framework, then given that id (version 1 only).
  const sqlite = sqliteOf(db);
  const renameCase = sqlite.prepare('UPDATE reintegration_cases SET record_id = ? WHERE record_id = ?');
  for (const c of demoReintegrationCases(today)) {
    const r = write(reintegrationKind, {
      communeId: c.communeId,
      returnedOn: c.returnedOn,
      kind: c.kind,
      personSealed: cipher.encryptJson({ fullName: `Người tái hòa nhập mẫu ${c.id}`, criminalHistory: 'Dữ liệu mẫu' }),
    });
    renameCase.run(c.id, r.id);
    n++;
  }
  return n;
}
