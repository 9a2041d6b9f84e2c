import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AuditTrail, verifyTrail, type AuditEntry } from '../src/index.js';

function fresh(): Database.Database {
  const db = new Database(':memory:');
  db.exec(
    `CREATE TABLE audit_log (id integer PRIMARY KEY AUTOINCREMENT, at text NOT NULL, request_id text NOT NULL, user_id text NOT NULL, organization text NOT NULL, roles text NOT NULL, operation text NOT NULL, action text NOT NULL, type_name text, data_class text, record_ids text NOT NULL, fields text NOT NULL, outcome text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL)`,
  );
  return db;
}
const entry = (n: number): AuditEntry => ({
  at: `2026-11-0${n}T00:00:00.000Z`,
  requestId: `r${n}`,
  userId: 'u',
  organization: 'police',
  roles: ['INVESTIGATOR'],
  operation: 'op',
  action: 'READ',
  typeName: 'ReporterIdentity',
  dataClass: 'CRIME_SOURCE',
  recordIds: [String(n)],
  fields: ['fullName'],
  outcome: 'OK',
});

describe('the audit trail', () => {
  it('chains entries and verifies them', () => {
    const db = fresh();
    const trail = new AuditTrail(db);
    trail.append([entry(1), entry(2)]);
    trail.append([entry(3)]);
    expect(verifyTrail(db)).toEqual({ ok: true, entries: 3, firstBroken: null, reason: null });
  });

  it('is refused UPDATE and DELETE by the database itself', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1)]);
    expect(() => db.exec("UPDATE audit_log SET user_id = 'someone-else'")).toThrow('audit_log is append-only');
    expect(() => db.exec('DELETE FROM audit_log')).toThrow('audit_log is append-only');
  });

  it('reports the first broken link when an entry is changed behind the triggers’ back', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2), entry(3), entry(4)]);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET user_id = 'someone-else' WHERE id = 3");
    expect(verifyTrail(db)).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringContaining('changed') });
  });

  it('reports the first broken link when an entry is removed', () => {
    const db = fresh();
    new AuditTrail(db).append([entry(1), entry(2), entry(3)]);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log WHERE id = 2');
    expect(verifyTrail(db)).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringContaining('removed') });
  });
});
