/**
 * What other parts of a subgraph may add to every write of a record (create, correct, void), inside its
 * transaction: the one hook the reports module uses so that a write into a period covered by an
 * approved report needs a reason and makes a new version of every report covering it. A hook may refuse
 * the write by throwing (nothing is written); what it returns runs after the write, in the same
 * transaction, so that the write and its consequences are saved together or not at all.
 */
import type Database from 'better-sqlite3';
import type { Scope } from '@antt/auth';
import type { OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import type { RecordKind } from './kind.js';

export interface RecordWrite {
  db: Db;
  sqlite: Database.Database;
  scope: Scope;
  org: OrganizationId;
  kind: RecordKind;
  action: 'create' | 'correct' | 'void';
  recordId: string;
  /** Where and when the record stood before the write (correct, void) and stands after it (create, correct). */
  places: { unitId: string; date: string }[];
  /** The reason the writer gave (required for a correction or a void, optional for a create), checked. */
  reason: string | null;
}

/** Runs before the write (may throw to refuse it); what it returns runs after the write. */
export type WriteHook = (w: RecordWrite) => void | (() => void);

const hooks = new Map<string, WriteHook>();

/** Adds a hook under a name (registering the same name again replaces it). */
export function registerWriteHook(name: string, hook: WriteHook): void {
  hooks.set(name, hook);
}

/** Runs every hook before a write; returns what runs after it. */
export function beforeRecordWrite(w: RecordWrite): () => void {
  const after = [...hooks.values()].map((h) => h(w)).filter((f): f is () => void => typeof f === 'function');
  return () => after.forEach((f) => f());
}
