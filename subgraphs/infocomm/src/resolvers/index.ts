/**
 * Information and communications beyond what the record framework makes from its kinds (src/kinds):
 * the body that answered for a record, which is the one of its date, and the counts split by that
 * body, so that a period spanning 1 March 2025 shows what each department did.
 */
import type { Resolvers } from '../generated/resolvers.js';
import { responsibleBody, type ResponsibleBody } from '@antt/reference';
import { ORGANIZATIONS } from '@antt/reference';
import { kindCounts, recordsOf, type RecordKind, type SubgraphContext, type TimeFilter } from '@antt/subgraph-kit';
import { goodExamples, kinds, mediaItems, onlineWarnings } from '../kinds/index.js';

type CountArgs = TimeFilter & { periodId: string };
type Resolve = (parent: Record<string, unknown>, args: CountArgs, ctx: SubgraphContext) => Record<string, unknown>;

export interface BodyCount {
  body: ResponsibleBody;
  count: number;
  reach: number;
}

/**
 * Counts of a kind by the body that answered for its records: the records dated up to the day the
 * department ended are its own, the others its successor's. Bodies without a record are left out.
 */
function byBody(ctx: SubgraphContext, kind: RecordKind, unitId: string, a: CountArgs): BodyCount[] {
  const repo = recordsOf(ctx, kind);
  const all = repo.summary({ unitId, ...a });
  const end = ORGANIZATIONS.infocomm.validTo;
  const before = end ? repo.summary({ unitId, ...a, effectiveOn: a.effectiveOn && a.effectiveOn < end ? a.effectiveOn : end }) : all;
  const n = (s: typeof all, k: string) => Number(s[k] ?? 0);
  const out: BodyCount[] = [
    { body: responsibleBody('infocomm', '0000-01-01'), count: n(before, 'count'), reach: n(before, 'reach') },
    ...(end
      ? [{ body: responsibleBody('infocomm', '9999-12-31'), count: n(all, 'count') - n(before, 'count'), reach: n(all, 'reach') - n(before, 'reach') }]
      : []),
  ];
  return out.filter((b) => b.count > 0);
}

/** The framework's count of a kind, with `byBody` added (worked out only when asked for). */
function withByBody(kind: RecordKind): Resolve {
  return (parent, a, ctx) => {
    const unitId = String(parent.unitId);
    return { ...kindCounts(ctx, kind, unitId, a), byBody: () => byBody(ctx, kind, unitId, a) };
  };
}

const attributed = { responsibleBody: (r: Record<string, unknown>) => responsibleBody('infocomm', String(r.date)) };

export const resolvers: Resolvers = {
  InfocommUnitRecords: {
    media: withByBody(mediaItems),
    onlineWarnings: withByBody(onlineWarnings),
    goodExamples: withByBody(goodExamples),
  },
  ...Object.fromEntries(
    kinds.flatMap((k) => [
      [k.spec.type, attributed],
      [`${k.spec.type}Version`, attributed],
    ]),
  ),
};
