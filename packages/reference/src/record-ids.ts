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
  /** The record's number, for a record kept before the record framework (`model:women:3`); null for a newer one. */
  n: number | null;
  /** What follows the organization: the number, or the newer records' time and random token. */
  token: string;
}

export function recordId(kind: RecordKind, org: OrganizationId, n: number): string {
  return `${kind}:${org}:${n}`;
}

/**
 * The parts of a record id of the given kind, or null when `id` is not one (wrong kind, unknown
 * organization, neither a number nor a token). Records kept before the record framework have numbers
 * (`model:women:3`); newer ones a token of the time and 80 random bits (`model:women:mf3k2q9a7x4hd2p0wq8c`).
 */
export function parseRecordId(kind: RecordKind, id: string): RecordRef | null {
  const m = /^([a-z]+):([a-z]+):([1-9]\d{0,12}|[0-9a-z]{16,40})$/.exec(id);
  if (!m || m[1] !== kind || !isOrganizationId(m[2]!)) return null;
  const token = m[3]!;
  return { kind, org: m[2] as OrganizationId, n: /^\d+$/.test(token) ? Number(token) : null, token };
}
