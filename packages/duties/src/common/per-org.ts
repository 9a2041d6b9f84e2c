/**
 * A shared duty's kind is declared once and made for each organization that carries the duty out
 * (its type prefixed, `VeteransTipHandover`), the same object every time it is asked for, since the
 * framework keys its prepared statements and references by kind.
 */
import type { OrganizationId } from '@antt/reference';
import type { RecordKind } from '@antt/subgraph-kit';

export function perOrganization(make: (org: OrganizationId) => RecordKind): (org: OrganizationId) => RecordKind {
  const made = new Map<OrganizationId, RecordKind>();
  return (org) => {
    let k = made.get(org);
    if (!k) made.set(org, (k = make(org)));
    return k;
  };
}
