/** The part of a member organization's schema for help to people at risk and people who erred, per organization. */
import { ORGANIZATIONS, type OrganizationId } from '@antt/reference';
import { SUPPORTED_GROUPS, enumSdl } from '../catalogues.js';
import { BASIS_FIELD_SDL, FIGURES_ARG_SDL } from '@antt/subgraph-kit';

export const sharedAtRiskSupportSdl = `
  ${enumSdl('SupportedGroup', 'Whom help for people at risk goes to (đối tượng được giúp đỡ).', SUPPORTED_GROUPS)}

  "Help given to one group."
  type SupportedGroupCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The group."
    group: SupportedGroup!
    "Records of help given in the period; null when small (under the disclosure threshold) and you are not the organization's staff."
    records: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "People helped (counted, never named); null when small (under the disclosure threshold) and you are not the organization's staff."
    people: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "An organization's help for people at risk and people who erred in a unit and period, in counts."
  type AtRiskSupportSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Records of help given in the period; null when small (under the disclosure threshold) and you are not the organization's staff."
    records: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "People helped in the period (a person helped twice counts twice); null when small (under the disclosure threshold) and you are not the organization's staff."
    peopleHelped: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "By group."
    byGroup: [SupportedGroupCount!]!
    "Records that gave each kind of help."
    help: [HelpKindCount!]!
    ${BASIS_FIELD_SDL}
  }
`;

/** What the kind does not generate: the summary, in the shape every organization shares. */
export function atRiskSupportSdl(org: OrganizationId): string {
  const P = ORGANIZATIONS[org].typePrefix;
  return `
  extend type ${P}UnitRecords {
    "Help for people at risk and people who erred in the period, in counts (current versions, voided records excluded)."
    atRiskSupport("Period id." periodId: ID!, "What the graph held at this instant (asRecordedAt); default now." asRecordedAt: DateTime, ${FIGURES_ARG_SDL}): AtRiskSupportSummary @dataClass(class: PUBLIC_AGGREGATE)
  }
`;
}
