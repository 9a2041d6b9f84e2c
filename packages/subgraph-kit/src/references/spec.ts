/** The declarations' side of references between organizations (no runtime imports of the framework: the repository uses these). */
import { territory, type OrganizationId } from '@antt/reference';
import type { FieldSpec, ReferenceSpec } from '../records/fields.js';
import type { RecordKind } from '../records/kind.js';

/** What an owner said of one id: it has it (within the area asked), it has not, or it could not be asked. */
export type Verdict = 'FOUND' | 'NOT_FOUND' | 'UNREACHABLE';

/** The verdicts a mutation's references got before it ran, by `verdictKey`. */
export type Verdicts = Map<string, Verdict>;

/** The fields of a kind that name another organization's record. */
export function referenceFields(kind: RecordKind): [key: string, f: FieldSpec & { ref: ReferenceSpec }][] {
  return Object.entries(kind.spec.fields).filter((e): e is [string, FieldSpec & { ref: ReferenceSpec }] => !!e[1].ref);
}

export function ownerOf(ref: ReferenceSpec, id: string): OrganizationId | null {
  return typeof ref.owner === 'function' ? ref.owner(id) : ref.owner;
}

export function verdictKey(kind: RecordKind, field: string, id: string): string {
  return `${kind.spec.table}.${field}=${id}`;
}

/** The unit a reference must lie in: the writer's jurisdiction, the record's own unit, or the province. */
export function withinOf(ref: ReferenceSpec, kind: RecordKind, values: Record<string, unknown>, writerUnit: string): string | null {
  if (ref.within === 'province') return territory().provinceId;
  if (ref.within !== 'record') return writerUnit;
  const u = values[kind.spec.unitField];
  return typeof u === 'string' ? u : null;
}

/** The message for an id the owner does not know, or knows outside the area: the same words for both. */
export function unknownReferenceMessage(f: FieldSpec & { ref: ReferenceSpec }): string {
  return `${f.label}: không tìm thấy ${f.ref.nounVi} này trong địa bàn của bạn.`;
}

/**
 * A police hotspot (vụ việc có nguy cơ thành điểm nóng) another organization's record names (a labour
 * dispute reported as one, a mediation that handles one): the police's record, in the writer's jurisdiction.
 */
export const POLICE_HOTSPOT: ReferenceSpec = {
  owner: 'police',
  table: 'hotspots',
  nounVi: 'điểm nóng do Công an theo dõi',
};
