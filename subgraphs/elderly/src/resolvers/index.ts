/** Resolvers of what schema.graphql adds to the generated types: the share of families that signed. */
import type { Resolvers } from '../generated/resolvers.js';

const share = (p: Record<string, unknown>) => {
  const total = Number(p.familiesTotal ?? 0);
  return total > 0 ? Number(p.familiesSigned ?? 0) / total : 0;
};

export const resolvers: Resolvers = {
  ElderlyFamilyPledge: { share },
  ElderlyFamilyPledgeSummary: { share },
};
