/**
 * The shared duties' tables: each member organization's src/db/schema.ts re-exports those it uses, so
 * drizzle-kit writes them into that organization's own migrations. A kind's table is the same in every
 * organization's database, whichever organization it is made for.
 */
import { kindTable } from '@antt/subgraph-kit';
import { reintegrationSupportKind, reintegrationVisitKind } from './reintegration/kind.js';
import { mediationCaseKind, mediationTeamKind } from './mediation/kind.js';
import { atRiskSupportKind } from './support/kind.js';
import { tipHandoverKind } from './handovers/kind.js';

export const reintegrationSupports = kindTable(reintegrationSupportKind('veterans').spec);
export const reintegrationVisits = kindTable(reintegrationVisitKind('veterans').spec);
export const mediationTeams = kindTable(mediationTeamKind('veterans').spec);
export const mediationCases = kindTable(mediationCaseKind('veterans').spec);
export const atRiskSupports = kindTable(atRiskSupportKind('veterans').spec);
export const tipHandovers = kindTable(tipHandoverKind('veterans').spec);
