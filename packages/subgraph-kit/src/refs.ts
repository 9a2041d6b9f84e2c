/**
 * References to another organization's records. A subgraph that holds only an id (`model:women:3`)
 * answers with an entity reference of the owner's type, and the gateway fetches the record from the
 * owner; a reference to one of its own records is loaded here, with the caller's scope, since this
 * subgraph is the one that answers its fields.
 */
import { ORGANIZATIONS, parseRecordId, type OrganizationId, type RecordKind } from '@antt/reference';

/** Another subgraph's entity, by type and key (a type, not an interface: it stands where a parent, a record of named values, is expected). */
export type EntityRef = {
  __typename: string;
  id: string;
};

const TYPE_SUFFIX: Record<RecordKind, string> = { model: 'Model', forum: 'Forum', opinion: 'Opinion' };

/** The entity type of a record id (`model:women:3` → WomenModel), or null for a malformed id. */
export function typeOfRecord(kind: RecordKind, id: string): string | null {
  const ref = parseRecordId(kind, id);
  return ref ? `${ORGANIZATIONS[ref.org].typePrefix}${TYPE_SUFFIX[kind]}` : null;
}

/**
 * What a field pointing at record `id` returns: for the subgraph's own records, the row (via `own`, which
 * applies the caller's scope, so a hidden record is null); for another organization's, a reference.
 */
export function pointTo<T>(kind: RecordKind, id: string | null | undefined, org: OrganizationId, own: (id: string) => T | null): T | EntityRef | null {
  if (!id) return null;
  const ref = parseRecordId(kind, id);
  if (!ref) return null;
  if (ref.org === org) return own(id);
  return { __typename: typeOfRecord(kind, id)!, id };
}

/** __resolveType of a union of every organization's types of one kind: references carry their type, rows are the subgraph's own. */
export function resolveRecordType(kind: RecordKind, org: OrganizationId) {
  return (obj: { __typename?: string }) => obj.__typename ?? `${ORGANIZATIONS[org].typePrefix}${TYPE_SUFFIX[kind]}`;
}

/** The description of a record type's id, the same in its owner's subgraph and wherever it is only a key. */
export function recordIdDescription(kind: RecordKind, org: OrganizationId): string {
  return `Id, unique across organizations: ${kind}:${org}:<number> for older records, ${kind}:${org}:<token> for newer ones.`;
}
