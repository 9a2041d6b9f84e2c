/**
 * Writes docs/AUTHORIZATION.md: who may do what, generated from the authorization module
 * (packages/auth/src/authorization.ts) and the record framework's declarations of every subgraph's
 * kinds, so that the document cannot say anything the code does not do. With --check it regenerates in
 * memory and fails when the committed file is stale (run by `pnpm test`, like the supergraph's check).
 * Nothing in it depends on today: dates are fixed either side of 1 March and 1 July 2025.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATA_CLASSES,
  authorize,
  demoUsers,
  principalOf,
  reportingChain,
  type DataClass,
  type Decision,
  type Identity,
  type KindRule,
  type Principal,
} from '@antt/auth';
import { ORGANIZATION_IDS, ORGANIZATIONS, chainOf, territory, unitId, type OrganizationId } from '@antt/reference';
import { SUBGRAPHS } from './subgraphs.js';

export const MATRIX_FILE = fileURLToPath(new URL('../../docs/AUTHORIZATION.md', import.meta.url));

const PROVINCE = unitId.province('14');
const CHIENG_PHA = unitId.oldCommune('03730');
const THUAN_CHAU = unitId.district('119');
const BINH_THUAN = unitId.newCommune('03724');

/** Callers relative to the owner of what is asked, so that one row reads for every organization. */
interface Relative {
  label: string;
  identity(owner: OrganizationId): Identity;
}
const other = (o: OrganizationId): OrganizationId => (o === 'veterans' ? 'youth' : 'veterans');
const id = (organization: Identity['organization'], unit: string, roles: Identity['roles'], name: string): Identity => ({
  userId: name,
  name,
  organization,
  unitId: unit,
  roles,
});
const RELATIVE: Relative[] = [
  { label: "Owner's staff, commune (Xã Bình Thuận)", identity: (o) => id(o, BINH_THUAN, ['STAFF'], 'c') },
  { label: "Owner's staff, province", identity: (o) => id(o, PROVINCE, ['STAFF'], 'p') },
  { label: "Owner's leader, province", identity: (o) => id(o, PROVINCE, ['LEADER'], 'l') },
  { label: "Another member organization's staff, province", identity: (o) => id(other(o), PROVINCE, ['STAFF'], 'x') },
  { label: "Front's staff, province", identity: () => id('front', PROVINCE, ['STAFF'], 'f') },
  { label: 'Police staff, province', identity: () => id('police', PROVINCE, ['STAFF'], 'po') },
  { label: 'Police investigator', identity: () => id('police', PROVINCE, ['STAFF', 'INVESTIGATOR'], 'i') },
  { label: 'Consolidator (police PV05)', identity: () => id('police', PROVINCE, ['STAFF', 'CONSOLIDATOR'], 'k') },
  { label: 'Provincial leadership', identity: () => id('province', PROVINCE, ['LEADERSHIP'], 'L') },
  { label: 'Provincial leadership with PERSONAL_DATA', identity: () => id('province', PROVINCE, ['LEADERSHIP', 'PERSONAL_DATA'], 'LP') },
  { label: 'Steering committee member, province', identity: () => id('province', PROVINCE, ['STEERING_COMMITTEE'], 's') },
  { label: "Owner's auditor", identity: (o) => id(o, PROVINCE, ['AUDITOR'], 'a') },
  { label: 'Provincial auditor', identity: () => id('province', PROVINCE, ['AUDITOR'], 'A') },
  { label: 'Dashboard', identity: () => id('province', PROVINCE, ['DASHBOARD'], 'd') },
];

const mark = (d: Decision | boolean): string => (typeof d === 'boolean' ? (d ? '✓' : '—') : d.allowed ? (d.audited ? '✓ (audited)' : '✓') : '—');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function classTable(): string {
  const owner: OrganizationId = 'women';
  const police: OrganizationId = 'police';
  const head = ['Caller', ...DATA_CLASSES.map((c) => `\`${c}\``)];
  const rows = RELATIVE.map((r) => [
    r.label,
    ...DATA_CLASSES.map((c: DataClass) =>
      mark(authorize.readClass(principalOf(r.identity(c === 'CRIME_SOURCE' ? police : owner)), c, c === 'CRIME_SOURCE' ? police : owner)),
    ),
  ]);
  return table(head, rows);
}

const SHORT: Record<string, string> = {
  records: 'records',
  'own-staff': 'own staff',
  monitored: 'monitored',
  steering: 'steering committees',
};

function kindTable(): string {
  const head = ['Kind', 'Owner', 'Visibility', 'Class', 'Writers', ...RELATIVE.map((_, i) => `${i + 1}`)];
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const sg of SUBGRAPHS) {
    for (const k of sg.kinds) {
      const s = k.spec;
      if (seen.has(s.type)) continue;
      seen.add(s.type);
      const rule: KindRule = s;
      const cells = RELATIVE.map((r) => {
        const p = principalOf(r.identity(s.org));
        const read = authorize.listRecords(p, rule, p.identity.unitId).allowed && authorize.readClass(p, s.dataClass ?? 'INTERNAL', s.org).allowed;
        const count = authorize.readCounts(p, rule, p.identity.unitId).allowed;
        const write = authorize.writeAs(p, rule, null).allowed;
        return [read ? 'R' : '', count ? 'C' : '', write ? (s.writers ? 'w' : 'W') : ''].join('') || '—';
      });
      rows.push([s.type, s.org, SHORT[s.visibility ?? 'records']!, s.dataClass ?? 'INTERNAL', s.writers ? 'declared' : 'own staff', ...cells]);
    }
  }
  return table(head, rows);
}

function callersKey(): string {
  return RELATIVE.map((r, i) => `${i + 1}. ${r.label}`).join('\n');
}

const DATES = ['2025-02-15', '2025-04-15', '2025-08-15'] as const;

function postTable(): string {
  const users: [string, Identity][] = [
    ['Women, commune staff, Xã Chiềng Pha (old map)', id('women', CHIENG_PHA, ['STAFF'], 'w1')],
    ['Women, district staff, Huyện Thuận Châu', id('women', THUAN_CHAU, ['STAFF'], 'w2')],
    ['Women, commune staff, Xã Bình Thuận (new map)', id('women', BINH_THUAN, ['STAFF'], 'w3')],
    ['Women, province staff', id('women', PROVINCE, ['STAFF'], 'w4')],
    ['Police, commune, Xã Chiềng Pha (old map)', id('police', CHIENG_PHA, ['STAFF'], 'p1')],
    ['Police, district, Huyện Thuận Châu', id('police', THUAN_CHAU, ['STAFF'], 'p2')],
    ['Police, commune, Xã Bình Thuận (new map)', id('police', BINH_THUAN, ['STAFF'], 'p3')],
    ['Police, province', id('police', PROVINCE, ['STAFF'], 'p4')],
    ['Steering committee member, Huyện Thuận Châu', id('province', THUAN_CHAU, ['STEERING_COMMITTEE'], 's1')],
  ];
  // The unit a record of that date is kept under: the old commune before the reform, the new one after.
  const recordUnit = (d: string) => (d < '2025-07-01' ? CHIENG_PHA : BINH_THUAN);
  const head = ['Caller', 'Level', 'Post ends', ...DATES.flatMap((d) => [`write ${d}`, `read ${d}`])];
  const rows = users.map(([label, who]) => {
    const p: Principal = principalOf(who);
    const org = who.organization === 'province' ? 'women' : who.organization;
    return [
      label,
      p.level ?? '—',
      p.postEnds ?? 'in force',
      ...DATES.flatMap((d) => [
        mark(authorize.write(p, org, recordUnit(d), d)),
        mark(p.isSteeringMember ? p.covers(recordUnit(d), d) : authorize.readRecord(p, { org }, recordUnit(d), d)),
      ]),
    ];
  });
  return table(head, rows);
}

function chainTable(): string {
  const head = ['Organization', 'Branch', ...DATES.map((d) => `reports to, due ${d}`), 'Eras'];
  const rows: string[][] = [];
  const name = (u: string) => territory().unit(u)?.name ?? u;
  for (const org of ORGANIZATION_IDS) {
    for (const start of [CHIENG_PHA, THUAN_CHAU]) {
      const cells = DATES.map((d) => {
        const unit = d < '2025-07-01' ? start : start === CHIENG_PHA ? BINH_THUAN : null;
        if (!unit) return 'no district level';
        const chain = reportingChain(org, unit, d);
        return chain.length ? chain.map(name).join(' → ') : '—';
      });
      const eras = chainOf(org)
        .map((e) => `${e.from}–${e.to ?? ''}: ${e.levels.join('/').toLowerCase()}${e.under ? `, under ${e.under}` : ''}`)
        .join('; ');
      rows.push([ORGANIZATIONS[org].nameEn, start === CHIENG_PHA ? 'commune' : 'district', ...cells, start === CHIENG_PHA ? eras : '']);
    }
  }
  return table(head, rows);
}

function trailAndReportTable(): string {
  const users = demoUsers();
  const report = (org: OrganizationId, unit: string, dueDate: string) => ({ org, unitId: unit, dueDate });
  const cases: [string, ReturnType<typeof report>][] = [
    ['women, Xã Chiềng Pha, due 2025-06-10', report('women', CHIENG_PHA, '2025-06-10')],
    ['women, Xã Bình Thuận, due 2025-12-10', report('women', BINH_THUAN, '2025-12-10')],
    ['police, Xã Chiềng Pha, due 2024-12-10', report('police', CHIENG_PHA, '2024-12-10')],
    ['police, Xã Chiềng Pha, due 2025-06-10', report('police', CHIENG_PHA, '2025-06-10')],
  ];
  const head = [
    'Demo user',
    'Standing',
    'Audit trail (women)',
    'Audit trail (police)',
    'Every trail, merged (GET /audit-trail)',
    ...cases.map(([l]) => `report: ${l}`),
  ];
  const rows = users.map((u) => {
    const p = principalOf(u.identity);
    return [
      `\`${u.key}\` ${u.label}`,
      p.standing,
      mark(authorize.readAuditTrail(p, 'women')),
      mark(authorize.readAuditTrail(p, 'police')),
      mark(authorize.readFederatedAuditTrail(p)),
      ...cases.map(([, r]) => mark(authorize.readSubmittedReport(p, r))),
    ];
  });
  return table(head, rows);
}

/**
 * Who downloads report documents (DOCX, PDF, XLSX): a branch's report is downloaded by whoever may read
 * it, the consolidated report by whoever may read every organization's report at the unit (the decisions
 * Reports.document and Reports.consolidatedDocument take), each download audited as a read.
 */
function documentTable(): string {
  const users = demoUsers();
  const cases: [string, OrganizationId[], string, string][] = [
    ['women, Xã Chiềng Pha, 2025-PLAN-6M', ['women'], CHIENG_PHA, '2025-06-10'],
    ['police, Xã Chiềng Pha, 2025-PLAN-6M', ['police'], CHIENG_PHA, '2025-06-10'],
    ['consolidated, province, 2025-PLAN-6M', [...ORGANIZATION_IDS], PROVINCE, '2025-06-10'],
    ['consolidated, Xã Bình Thuận, 2025-PLAN-6M2', [...ORGANIZATION_IDS], BINH_THUAN, '2025-12-10'],
  ];
  const head = ['Demo user', ...cases.map(([l]) => `document: ${l}`)];
  const rows = users.map((u) => {
    const p = principalOf(u.identity);
    return [
      `\`${u.key}\` ${u.label}`,
      ...cases.map(([, orgs, unitId, dueDate]) => {
        const refused = orgs.map((org) => authorize.readSubmittedReport(p, { org, unitId, dueDate })).find((d) => !d.allowed);
        return refused ? mark(refused) : '✓ (audited)';
      }),
    ];
  });
  return table(head, rows);
}

export function authorizationMatrix(): string {
  return `# Who may do what

<!-- Generated by gateway/src/authorization-matrix.ts from packages/auth/src/authorization.ts and the
record framework's declarations; do not edit. \`pnpm authz\` rewrites it, \`pnpm authz:check\` (part of
\`pnpm test\`) fails when it is stale. -->

Every decision below is taken by one module, \`packages/auth/src/authorization.ts\`: the gateway, every
subgraph, the record framework and the shared duties ask it. ✓ allowed, ✓ (audited) allowed and every
read recorded in the audit trail, — refused (403 FORBIDDEN with a message in Vietnamese; a refused
lookup of one record answers null, like a missing one).

## Data classes

Who reads data of each class (\`@dataClass\` in the schemas). The owner is the Women's Union (the police
for \`CRIME_SOURCE\`).

${classTable()}

## Kinds of record

What every kind declared with the record framework allows each caller, in their own jurisdiction: R
reads the records (visibility and data class both allow it), C reads the counts, W writes them
(w: the kind declares other \`writers\`, whose rule then decides on the values). Callers, relative to
the kind's owner:

${callersKey()}

${kindTable()}

## Posts and dates

A post exists while its organization has a branch at its level: the district police until 28 February
2025, every other district post until 30 June 2025, an old-map commune's until 30 June 2025. Records
dated after a post ended are neither written nor read through it (the unit concerned: Xã Chiềng Pha
before 1 July 2025, Xã Bình Thuận from then on; a new commune's staff read the old communes' records it
was formed from). Writes by women's staff for their union; the steering committee member reads counts.

${postTable()}

## Reporting chains

The level above a branch, as the chain and the map stood on a report's due date.

${chainTable()}

## Audit trails and submitted reports, for the demo users

${trailAndReportTable()}

## Report documents, for the demo users

\`<P>Report.document(format: DOCX | PDF | XLSX)\` is downloaded by whoever may read the report version
(\`authorize.readSubmittedReport\`, as above); \`ConsolidatedReport.document\` by whoever may read every
organization's report at the unit, and so is \`ConsolidatedReport.provisionalDocument\`, the police's
provisional, unnumbered issue of it while the Front's system cannot be reached. Every download is recorded in the audit trail as a read, whatever
the caller's standing, and a rendered file costs 2,000 in the operation's cost limit.

${documentTable()}
`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = authorizationMatrix();
  if (process.argv.includes('--check')) {
    const current = existsSync(MATRIX_FILE) ? readFileSync(MATRIX_FILE, 'utf8') : '';
    if (current !== text) {
      console.error('docs/AUTHORIZATION.md is stale: run `pnpm authz`.');
      process.exit(1);
    }
    console.log('The authorization matrix is up to date.');
  } else {
    mkdirSync(dirname(MATRIX_FILE), { recursive: true });
    writeFileSync(MATRIX_FILE, text);
    console.log(`Wrote ${MATRIX_FILE}.`);
  }
}
