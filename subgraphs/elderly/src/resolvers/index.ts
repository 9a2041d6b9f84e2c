/** Resolvers of what schema.graphql adds to the generated types: the share of families that signed. */
import type { Resolvers } from '@antt/subgraph-kit';

const share = ({ familiesSigned, familiesTotal }: { familiesSigned: number; familiesTotal: number }) => (familiesTotal > 0 ? familiesSigned / familiesTotal : 0);

export const resolvers: Resolvers = {
  ElderlyFamilyPledge: { share },
  ElderlyFamilyPledgeSummary: { share },
};
