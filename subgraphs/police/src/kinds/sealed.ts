/**
 * A sealed field: what is typed is encrypted with the police identity key ring before it is checked
 * further or stored, so the column, every version and every correction hold ciphertext only. A value
 * that already opens under the key ring (the current version's, carried into a correction) is kept as
 * it is, never sealed twice. Its data class makes it erasable like any personal field.
 *
 * The framework has no such field: a kind's fields are stored as typed. This is the police's own.
 */
import type { DataClass } from '@antt/auth';
import { field, type FieldSpec } from '@antt/subgraph-kit';
import { identityCipher } from '../data/vault.js';

export function opensUnderKeyRing(v: string): boolean {
  try {
    identityCipher().decrypt(v);
    return true;
  } catch {
    return false;
  }
}

export function sealed(o: { label: string; description: string; dataClass: DataClass; max: number }): FieldSpec<string, false> {
  const text = field.text({ label: o.label, description: o.description, dataClass: o.dataClass, required: false, max: 100_000 });
  return {
    ...text,
    parse(v, at, p, today) {
      if (typeof v === 'string' && opensUnderKeyRing(v)) return v;
      const plain = text.parse(v, at, p, today);
      if (plain == null) return plain;
      if (plain.length > o.max) return void p.add(at, `${o.label} dài quá ${o.max} ký tự.`, 'TOO_LONG');
      return identityCipher().encrypt(plain);
    },
  };
}
