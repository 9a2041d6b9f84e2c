/**
 * Ids of records that other organizations point at (a model reviewed by the Front, the forum an opinion
 * was raised at, the original of a replicated model). The id names the kind and the organization that
 * keeps the record, so that a subgraph holding only the id can turn it into an entity reference of the
 * right type (`model:women:3` is a `WomenModel`, kept in the women's union's database): the gateway
 * routes entity fetches by type, never by key value, so the type must be known from the id alone.
 */
import { isOrganizationId, type OrganizationId } from './organizations.js';

export const RECORD_KINDS = ['model', 'forum', 'opinion'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordRef {
  kind: RecordKind;
  org: OrganizationId;
  /** The record's number in its organization's database. */
  n: number;
}

export function recordId(kind: RecordKind, org: OrganizationId, n: number): string {
  return `${kind}:${org}:${n}`;
}

/** The parts of a record id of the given kind, or null when `id` is not one (wrong kind, unknown organization, not a number). */
export function parseRecordId(kind: RecordKind, id: string): RecordRef | null {
  const m = /^([a-z]+):([a-z]+):([1-9]\d{0,12})$/.exec(id);
  if (!m || m[1] !== kind || !isOrganizationId(m[2]!)) return null;
  return { kind, org: m[2] as OrganizationId, n: Number(m[3]) };
}
