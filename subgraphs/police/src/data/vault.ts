/**
 * The police's key ring for protected identities (tip reporters, reintegrating people): from
 * ANTT_POLICE_IDENTITY_KEYS, else generated under .data/keys on first use. Never in the database.
 */
import { FieldCipher, loadKeyRing } from '@antt/auth';
import { keysDir } from '@antt/subgraph-kit';

let cipher: FieldCipher | undefined;

export function identityCipher(): FieldCipher {
  return (cipher ??= new FieldCipher(loadKeyRing('POLICE_IDENTITY', keysDir())));
}
