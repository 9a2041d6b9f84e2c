/**
 * The number and symbol (số ký hiệu) of the consolidated report. An organization's report is numbered
 * when it is locked (approval); the consolidated report is locked in the same sense when every report it
 * adds up has been accepted by both the police and the Front and every organization's part came in: that
 * content is a version of the consolidated report, and it is given the next number of the joint
 * register of the year (…/BC-MTTQ-CAT) once. The same content asked for again keeps its number; a
 * correction that makes new report versions makes, once they are accepted, a new consolidated version
 * with a new number. The register's unique constraints and an immediate transaction make a version
 * numbered once and a number never given twice.
 */
import { createHash } from 'node:crypto';
import { todayInVietnam } from '@antt/reference';
import { sqliteOf, type Db } from '../db.js';
import type { DocumentPart } from './document.js';

export interface ConsolidatedNumber {
  /** 1, 2, … for the unit and period. */
  version: number;
  /** The register's year and the number in it. */
  year: number;
  number: number;
  /** When it was given (ISO instant): the document's date. */
  allocatedAt: string;
}

/**
 * Whether the parts make a version that is numbered: every part came in (none unreachable), at least
 * one report is added up, and every report added up was accepted by both consolidators. An organization
 * that sent nothing is listed as missing in the document and does not hold the others' report back.
 */
export function isNumbered(parts: readonly DocumentPart[]): boolean {
  if (parts.some((p) => p.unreachableAt)) return false;
  const reports = parts.flatMap((p) => p.reports);
  return reports.length > 0 && reports.every((r) => r.stage === 'ACCEPTED');
}

/** What a version consolidates, as a digest: each organization's reports (branch, version, stage) and figures. */
export function consolidatedFingerprint(parts: readonly DocumentPart[]): string {
  const content = [...parts]
    .sort((a, b) => a.org.localeCompare(b.org))
    .map((p) => ({ org: p.org, absent: !!p.absent, reports: p.reports, sections: p.sections }));
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * The number of the consolidated report of a unit on a period made of `parts`, given now if this
 * content has none yet; null when the parts make no numbered version (see isNumbered). Needs the
 * register table (consolidated_report_numbers), which only the issuing subgraph's database has.
 */
export function consolidatedNumber(db: Db, unitId: string, periodId: string, parts: readonly DocumentPart[], now = new Date()): ConsolidatedNumber | null {
  if (!isNumbered(parts)) return null;
  const sqlite = sqliteOf(db);
  const fingerprint = consolidatedFingerprint(parts);
  const select = 'SELECT version, year, number, allocated_at AS allocatedAt FROM consolidated_report_numbers';
  return sqlite
    .transaction((): ConsolidatedNumber => {
      const known = sqlite.prepare(`${select} WHERE unit_id = ? AND period_id = ? AND fingerprint = ?`).get(unitId, periodId, fingerprint);
      if (known) return known as ConsolidatedNumber;
      const year = Number(todayInVietnam(now).slice(0, 4));
      const { v } = sqlite
        .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM consolidated_report_numbers WHERE unit_id = ? AND period_id = ?')
        .get(unitId, periodId) as {
        v: number;
      };
      const { n } = sqlite.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM consolidated_report_numbers WHERE year = ?').get(year) as { n: number };
      const allocatedAt = now.toISOString();
      sqlite
        .prepare('INSERT INTO consolidated_report_numbers (unit_id, period_id, version, fingerprint, year, number, allocated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(unitId, periodId, v, fingerprint, year, n, allocatedAt);
      return { version: v, year, number: n, allocatedAt };
    })
    .immediate();
}

/** Every numbered version of a unit's consolidated report on a period, oldest first. */
export function consolidatedNumbers(db: Db, unitId: string, periodId: string): ConsolidatedNumber[] {
  return sqliteOf(db)
    .prepare('SELECT version, year, number, allocated_at AS allocatedAt FROM consolidated_report_numbers WHERE unit_id = ? AND period_id = ? ORDER BY version')
    .all(unitId, periodId) as ConsolidatedNumber[];
}
