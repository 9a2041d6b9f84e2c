/**
 * What disclosure control protects, configured in one place (SECURITY.md, "Disclosure control", lists
 * the same): the sensitive aggregate families, the fields that publish them, the threshold under which
 * a cell is suppressed, and the protection every suppressed cell must keep against the published set.
 */
import type { OrganizationId } from '@antt/reference';

/** A family of sensitive aggregates: counts of records about people whose small numbers could point to a person. */
export interface SensitiveFamily {
  /** Stable id, used in cell keys and in the audit trail. */
  id: 'victims' | 'crimeTips' | 'reintegration' | 'mediation' | 'peopleAtRisk';
  /** Owning organizations ('*': every organization that runs the shared casework module). */
  orgs: readonly (OrganizationId | '*')[];
  /** In Vietnamese, for messages. */
  nameVi: string;
  /** The schema fields (Type.field) that publish it: to other organizations' staff and dashboards only inside the published set. */
  fields: readonly string[];
}

export const SENSITIVE_FAMILIES: readonly SensitiveFamily[] = [
  {
    id: 'victims',
    orgs: ['women'],
    nameVi: 'số liệu nạn nhân bạo lực, mua bán người, xâm hại',
    fields: [
      'WomenUnitRecords.protection',
      'WomenProtectionSummary.count',
      'WomenProtectionSummary.children',
      'WomenProtectionSummary.referredToPolice',
      'WomenProtectionSummary.closed',
      'ProtectionCaseKindCount.count',
    ],
  },
  {
    id: 'crimeTips',
    orgs: ['police'],
    nameVi: 'số liệu tin báo, tố giác tội phạm',
    fields: ['PoliceUnitRecords.tipCounts', 'PoliceUnitRecords.overdueTips', 'TipCount.count', 'TipHandoverSummary.handovers', 'HandoverSourceCount.count'],
  },
  {
    id: 'reintegration',
    orgs: ['police', '*'],
    nameVi: 'số liệu người tái hòa nhập cộng đồng',
    fields: [
      'PoliceUnitRecords.reintegrationCases',
      'PoliceReintegrationCaseSummary.count',
      'ReintegrationSupportSummary.casesSupported',
      'ReintegrationSupportSummary.newAssignments',
      'ReintegrationSupportSummary.visits',
      'ReintegrationSupporterCount.cases',
      'ReintegrationOutcomeCount.count',
    ],
  },
  {
    id: 'mediation',
    orgs: ['*'],
    nameVi: 'số liệu hòa giải',
    fields: ['MediationSummary.received', 'MediationSummary.parties', 'MediationCategoryCount.count', 'MediationResultCount.count'],
  },
  {
    id: 'peopleAtRisk',
    orgs: ['*'],
    nameVi: 'số liệu giúp đỡ người có nguy cơ vi phạm pháp luật',
    fields: [
      'AtRiskSupportSummary.records',
      'AtRiskSupportSummary.peopleHelped',
      'SupportedGroupCount.records',
      'SupportedGroupCount.people',
      'HelpKindCount.count',
    ],
  },
];

/** The family a schema field (Type.field) publishes, if it is sensitive. */
export function familyOfField(typeAndField: string): SensitiveFamily | undefined {
  return SENSITIVE_FAMILIES.find((f) => f.fields.includes(typeAndField));
}

export interface DisclosureParameters {
  /** A cell from 1 to threshold - 1 is suppressed (primary suppression). */
  threshold: number;
  /** Every primary cell's interval, bounded by linear programming over the visible cells, must be at least this wide. */
  protection: number;
}

function positiveInt(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The parameters in force: ANTT_DISCLOSURE_THRESHOLD (default 5) and ANTT_DISCLOSURE_PROTECTION (default 1: no suppressed cell is pinned to one value). */
export function disclosureParameters(env: Record<string, string | undefined> = process.env): DisclosureParameters {
  return { threshold: positiveInt(env.ANTT_DISCLOSURE_THRESHOLD, 5), protection: positiveInt(env.ANTT_DISCLOSURE_PROTECTION, 1) };
}
