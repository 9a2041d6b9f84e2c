/** Test identities that read as sentences: staff('women', communeNew('03724')), leadership(). */
import {
  generateSigningKey,
  createVerifier,
  signToken,
  type Identity,
  type Role,
  type SigningKey,
  type TokenVerifier,
  type CallerOrganization,
} from '@antt/auth';
import { unitId } from '@antt/reference';

export const PROVINCE = unitId.province('14');
/** Xã Chiềng Pha (Thuận Châu), the plan's model commune, before the reform. */
export const CHIENG_PHA = unitId.oldCommune('03730');
/** Huyện Thuận Châu, before the reform. */
export const THUAN_CHAU = unitId.district('119');
/** Xã Bình Thuận, formed on 1 July 2025 from Chiềng Pha and Phổng Lái. */
export const BINH_THUAN = unitId.newCommune('03724');
/** Phường Tô Hiệu (code 03646 after the reform; before it, 03646 was Phường Chiềng Lề). */
export const TO_HIEU = unitId.newCommune('03646');
export const CHIENG_LE = unitId.oldCommune('03646');

export function user(organization: CallerOrganization, unit: string, roles: Role[], name = `${organization}-${roles.join('+')}`): Identity {
  return { userId: `${name}@${unit}`, name, organization, unitId: unit, roles };
}
export const staff = (org: CallerOrganization, unit: string = PROVINCE) => user(org, unit, ['STAFF']);
export const leadership = () => user('province', PROVINCE, ['LEADERSHIP']);
export const dashboard = () => user('province', PROVINCE, ['DASHBOARD']);
/** An organization's leader at a unit. */
export const leader = (org: CallerOrganization, unit: string = PROVINCE) => user(org, unit, ['LEADER']);
/** A police investigator (province). */
export const investigator = () => user('police', PROVINCE, ['STAFF', 'INVESTIGATOR']);
/** A consolidator: province staff of the police's movement office (PV05) or of the Front's Ban Phong trào. */
export const consolidator = (org: 'police' | 'front') => user(org, PROVINCE, ['STAFF', 'CONSOLIDATOR']);
/** A member of the steering committee (Ban Chỉ đạo) at a unit. */
export const steeringMember = (unit: string = PROVINCE) => user('province', unit, ['STEERING_COMMITTEE']);
/** An auditor: of one organization, or the provincial auditor (every organization's trail). */
export const auditor = (org: CallerOrganization = 'province') => user(org, PROVINCE, ['AUDITOR']);

let key: Promise<SigningKey> | undefined;
/** A key made for this test process only. */
export function testKey(): Promise<SigningKey> {
  return (key ??= generateSigningKey());
}

let serviceKey: Promise<SigningKey> | undefined;
/** The services' key for this test process: another key set than the users' (testKey), as in production. */
export function testServiceKey(): Promise<SigningKey> {
  return (serviceKey ??= generateSigningKey());
}

export async function testVerifier(): Promise<TokenVerifier> {
  return createVerifier({ jwks: { keys: [(await testKey()).publicJwk] } });
}

export async function bearer(identity: Identity, opts: Parameters<typeof signToken>[2] = {}): Promise<string> {
  return `Bearer ${await signToken(await testKey(), identity, opts)}`;
}
