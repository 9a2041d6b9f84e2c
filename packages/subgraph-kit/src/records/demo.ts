/**
 * Demo records go in through the same repository and checks as a user's, so they are data a user could
 * have typed: recorded by `demo-data`, marked demo, at the evening of their own day.
 */
import { Scope } from '@antt/auth';
import { territory, type OrganizationId } from '@antt/reference';
import type { Db } from '../db.js';
import type { RecordKind } from './kind.js';
import { RecordRepository, type StoredRecord } from './repository.js';

export type DemoWriter = (kind: RecordKind, input: Record<string, unknown>) => StoredRecord;

export function demoWriter(db: Db, org: OrganizationId, today: string): DemoWriter {
  const scope = new Scope({ userId: 'demo-data', name: 'Dữ liệu mẫu', organization: org, unitId: territory().provinceId, roles: ['STAFF'] });
  const repos = new Map<RecordKind, RecordRepository>();
  return (kind, input) => {
    let repo = repos.get(kind);
    if (!repo) repos.set(kind, (repo = new RecordRepository(kind, db, scope, today)));
    const date = input[kind.spec.dateField] as string;
    return repo.create(input, { demo: true, recordedBy: 'demo-data', recordedAt: `${date}T20:00:00.000Z` });
  };
}
