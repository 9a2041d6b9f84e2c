/**
 * Information and communications beyond what the record framework makes from its kinds (src/kinds):
 * the body that answered for a record, which is the one of its date, and the counts split by that
 * body, so that a period spanning 1 March 2025 shows what each department did.
 */
import { responsibleBody, type ResponsibleBody } from '@antt/reference';
import { ORGANIZATIONS } from '@antt/reference';
import { kindResolvers, recordsOf, type RecordKind, type StoredRecord, type SubgraphContext, type TimeFilter } from '@antt/subgraph-kit';
import { goodExamples, kinds, mediaItems, onlineWarnings } from '../kinds/index.js';

interface Parent {
  unitId: string;
}
type CountArgs = TimeFilter & { periodId: string };
type Resolve = (parent: Parent, args: CountArgs, ctx: SubgraphContext) => Record<string, unknown>;

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
  const counts = kind.spec.counts!;
  const generated = kindResolvers(kind)[`${kind.prefix}UnitRecords`]![counts.field] as unknown as Resolve;
  return (parent, a, ctx) => ({ ...generated(parent, a, ctx), byBody: () => byBody(ctx, kind, parent.unitId, a) });
}

const attributed = { responsibleBody: (r: StoredRecord) => responsibleBody('infocomm', r.date as string) };

export const resolvers = {
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
