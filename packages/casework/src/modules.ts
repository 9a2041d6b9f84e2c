/**
 * The shared duties as subgraph modules. An organization opts into the ones it carries out:
 *
 *   defineOrganizationSubgraph({ org: 'veterans', modules: caseworkModules('veterans', ['reintegration', 'mediation']), ... })
 *
 * The value types and enums the chosen duties share come first, each declared once per subgraph and
 * generated from one source, so that they are byte for byte alike in every subgraph that has them.
 */
import { gql } from 'graphql-tag';
import type { OrganizationId } from '@antt/reference';
import type { RecordKind, ResolverMap, SubgraphModule } from '@antt/subgraph-kit';
import { HELP_KINDS, enumSdl } from './catalogues.js';
import { reintegrationSdl, sharedReintegrationSdl } from './reintegration/schema.js';
import { reintegrationResolvers } from './reintegration/resolvers.js';
import { seedDemoReintegration } from './reintegration/demo.js';
import { mediationSdl, sharedMediationSdl } from './mediation/schema.js';
import { mediationResolvers } from './mediation/resolvers.js';
import { seedDemoMediation } from './mediation/demo.js';
import { atRiskSupportSdl, sharedAtRiskSupportSdl } from './support/schema.js';
import { atRiskSupportResolvers } from './support/resolvers.js';
import { seedDemoAtRiskSupport } from './support/demo.js';
import { sharedTipHandoverSdl } from './handovers/schema.js';
import { seedDemoTipHandovers } from './handovers/demo.js';
import { tipHandoverKind } from './handovers/kind.js';
import { atRiskSupportKind } from './support/kind.js';
import { mediationCaseKind, mediationTeamKind } from './mediation/kind.js';
import { reintegrationSupportKind, reintegrationVisitKind } from './reintegration/kind.js';

const sharedHelpSdl = `
  ${enumSdl('HelpKind', 'Help given to a person reintegrating, at risk of offending, or who erred (hình thức hỗ trợ).', HELP_KINDS)}

  "How often one kind of help was given."
  type HelpKindCount @shareable @dataClass(class: PUBLIC_AGGREGATE) {
    "The kind of help."
    kind: HelpKind!
    "Visits or records that gave it in the period; null when disclosure control hides it from you (you are not the organization's staff)."
    count: Int
  }
`;

interface Duty {
  shared: string[];
  /** The duty's kinds of record, made for the organization (their types are generated). */
  kinds: (org: OrganizationId) => RecordKind[];
  /** What the kinds do not generate: summaries in a shape shared by organizations, named follow-ups. */
  sdl?: (org: OrganizationId) => string;
  resolvers?: (org: OrganizationId) => ResolverMap;
  demo: NonNullable<SubgraphModule['demo']>;
}

export const DUTIES = {
  /** Support for people reintegrating after prison (Decree 49/2020/NĐ-CP): veterans, women, youth, farmers, elderly. */
  reintegration: {
    shared: [sharedHelpSdl, sharedReintegrationSdl],
    kinds: (org) => [reintegrationSupportKind(org), reintegrationVisitKind(org)],
    sdl: reintegrationSdl,
    resolvers: reintegrationResolvers,
    demo: seedDemoReintegration,
  },
  /** Grassroots mediation (Law 35/2013/QH13): veterans, farmers, elderly. */
  mediation: {
    shared: [sharedMediationSdl],
    kinds: (org) => [mediationTeamKind(org), mediationCaseKind(org)],
    sdl: mediationSdl,
    resolvers: mediationResolvers,
    demo: seedDemoMediation,
  },
  /** Help for people at risk of offending and people who erred. */
  atRiskSupport: {
    shared: [sharedHelpSdl, sharedAtRiskSupportSdl],
    kinds: (org) => [atRiskSupportKind(org)],
    sdl: atRiskSupportSdl,
    resolvers: atRiskSupportResolvers,
    demo: seedDemoAtRiskSupport,
  },
  /** Receipts of crime information handed to the police. */
  tipHandovers: { shared: [sharedTipHandoverSdl], kinds: (org) => [tipHandoverKind(org)], demo: seedDemoTipHandovers },
} satisfies Record<string, Duty>;

export type DutyName = keyof typeof DUTIES;

/** The modules of the duties an organization carries out, the shared types first. */
export function caseworkModules(org: OrganizationId, names: readonly DutyName[]): SubgraphModule[] {
  const shared = [...new Set(names.flatMap((n) => DUTIES[n].shared))];
  return [
    { typeDefs: gql(shared.join('\n')), resolvers: {} },
    ...names.map((n): SubgraphModule => {
      const d: Duty = DUTIES[n];
      const sdl = d.sdl?.(org);
      return {
        name: `duties.${n}`,
        ...(sdl ? { typeDefs: gql(sdl) } : {}),
        resolvers: d.resolvers?.(org) ?? {},
        demo: d.demo,
        kinds: d.kinds(org),
      };
    }),
  ];
}
