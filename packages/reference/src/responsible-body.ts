/**
 * Which body answered for an organization on a day. Organizations, like units, have a validity interval
 * and a successor: the Department of Information and Communications was merged into the Department of
 * Science and Technology on 1 March 2025, so a media item of 2024 is the former's and one of April 2025
 * the latter's, although both are kept in the same subgraph.
 */
import { ORGANIZATIONS, type OrganizationId } from './organizations.js';

export interface ResponsibleBody {
  /** `infocomm` while the organization existed, `infocomm:successor` after it. */
  id: string;
  nameVi: string;
  nameEn: string;
  /** True when the body is the successor of the organization that ceased to exist. */
  successor: boolean;
}

export function responsibleBody(org: OrganizationId, date: string): ResponsibleBody {
  const o = ORGANIZATIONS[org];
  if (o.validTo !== null && date > o.validTo && o.successor)
    return { id: `${org}:successor`, nameVi: o.successor.nameVi, nameEn: o.successor.nameEn, successor: true };
  return { id: org, nameVi: o.nameVi, nameEn: o.nameEn, successor: false };
}

/** The body a record names by the id stored with it (see responsibleBody). */
export function responsibleBodyById(org: OrganizationId, id: string): ResponsibleBody {
  const o = ORGANIZATIONS[org];
  if (id === `${org}:successor` && o.successor) return { id, nameVi: o.successor.nameVi, nameEn: o.successor.nameEn, successor: true };
  return { id: org, nameVi: o.nameVi, nameEn: o.nameEn, successor: false };
}
