/**
 * The register of the consolidated report (sổ đăng ký văn bản BC-MTTQ-CAT), kept by the subgraph that
 * issues the joint document (the Front's): one row per version of a unit's consolidated report on a
 * period, with the number it was given. The unique constraints are what make a number never given
 * twice and a version numbered once, whatever two requests do at the same time. Like tables.ts it
 * imports no Apollo code (drizzle-kit loads it through the Front's src/db/schema.ts).
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const consolidatedReportNumbers = sqliteTable(
  'consolidated_report_numbers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: text('unit_id').notNull(),
    periodId: text('period_id').notNull(),
    /** 1, 2, … for the unit and period: a new version when what it consolidates changed. */
    version: integer('version').notNull(),
    /** SHA-256 of what the version consolidates (each organization's reports, versions, stages and figures). */
    fingerprint: text('fingerprint').notNull(),
    /** The register's year (Vietnam time) and the number in it: 1, 2, … */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** The instant the number was given (ISO): the document's date. */
    allocatedAt: text('allocated_at').notNull(),
  },
  (t) => [
    uniqueIndex('consolidated_report_numbers_version').on(t.unitId, t.periodId, t.version),
    uniqueIndex('consolidated_report_numbers_fingerprint').on(t.unitId, t.periodId, t.fingerprint),
    uniqueIndex('consolidated_report_numbers_number').on(t.year, t.number),
  ],
);
