/**
 * The types every organization that hands tips to the police declares alike; the records themselves are
 * the `<P>TipHandover` kind (kind.ts), generated per organization.
 */
import { HANDOVER_SOURCES, enumSdl } from '../catalogues.js';
import { BASIS_FIELD_SDL } from '@antt/subgraph-kit';

export const sharedTipHandoverSdl = `
  ${enumSdl('HandoverSource', 'Where information handed to the police came from (nguồn tin).', HANDOVER_SOURCES)}

  "Handovers from one source."
  type HandoverSourceCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The source."
    source: HandoverSource!
    "Handovers in the period; null when small (under the disclosure threshold) and you are not the organization's staff."
    count: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
  }

  "Crime information an organization handed to the police in a unit and period, in counts (never the content)."
  type TipHandoverSummary @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "Handovers in the period (lượt chuyển tin cho Công an); null when small (under the disclosure threshold) and you are not the organization's staff."
    handovers: Int @dataClass(class: PUBLIC_AGGREGATE, suppressSmall: true)
    "By source."
    bySource: [HandoverSourceCount!]!
    ${BASIS_FIELD_SDL}
  }
`;
