/**
 * Demo records go in through the same repository and checks as a user's, so they are data a user could
 * have typed: recorded by `demo-data`, marked demo, at the evening of their own day.
 */
import { Scope } from '@antt/auth';
import { territory, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import type { RecordKind } from './kind.js';
import { RecordRepository, type CreateOptions, type StoredRecord } from './repository.js';

/**
 * Writes one demo record; `opts.id` keeps an id other organizations' demo data already point at
 * (`model:front:1`), `opts.as` writes as staff of another organization the kind lets write (an opinion
 * the Front handed over).
 */
export type DemoWriter = (kind: RecordKind, input: Record<string, unknown>, opts?: { id?: string; recordedAt?: string; as?: OrganizationId }) => StoredRecord;

/** The repository demo records of a kind are written through, as the demo data's writer of `as` (kept per kind and writer). */
export function demoRepositories(db: Db, org: OrganizationId, today: string): (kind: RecordKind, as?: OrganizationId) => RecordRepository {
  const scopes = new Map<OrganizationId, Scope>();
  const scopeOf = (o: OrganizationId) => {
    let s = scopes.get(o);
    if (!s) scopes.set(o, (s = new Scope({ userId: 'demo-data', name: 'Dữ liệu mẫu', organization: o, unitId: territory().provinceId, roles: ['STAFF'] })));
    return s;
  };
  const repos = new Map<string, RecordRepository>();
  return (kind, as = org) => {
    const key = `${kind.spec.type}|${as}`;
    let repo = repos.get(key);
    if (!repo) repos.set(key, (repo = new RecordRepository(kind, db, scopeOf(as), today)));
    return repo;
  };
}

/** What a demo record is written with: by `demo-data`, marked demo, at the evening of its own day unless told. */
export function demoCreateOptions(kind: RecordKind, input: Record<string, unknown>, opts: { id?: string; recordedAt?: string } = {}): CreateOptions {
  const date = input[kind.spec.dateField] as string;
  return {
    demo: true,
    recordedBy: 'demo-data',
    recordedAt: opts.recordedAt ?? `${date}T20:00:00.000Z`,
    ...(opts.id ? { recordId: opts.id } : {}),
  };
}

export function demoWriter(db: Db, org: OrganizationId, today: string): DemoWriter {
  const repoOf = demoRepositories(db, org, today);
  return (kind, input, opts = {}) => repoOf(kind, opts.as).create(input, demoCreateOptions(kind, input, opts));
}
