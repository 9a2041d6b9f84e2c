/**
 * The published set of the women's union's protection counts over the demo data, suppressed and audited:
 * what test/security/disclosure.test.ts checks for one district and two years, and
 * scripts/disclosure-audit.ts for the whole province.
 */
import { openOrganizationDatabase } from '@antt/subgraph-kit';
import { CURRENT, auditPattern, disclosureParameters, enumerateFamily, suppressSet, victimsRecords, victimsTables, type Scope } from '@antt/disclosure';
import { subgraph as women } from '@antt/women';

export async function auditVictims(scope: Scope, params = disclosureParameters()) {
  const { sqlite } = openOrganizationDatabase(women, { file: ':memory:', demo: true, today: scope.today });
  const t0 = performance.now();
  const set = enumerateFamily(victimsTables, victimsRecords(sqlite, [CURRENT]), scope);
  const pattern = await suppressSet(set, params);
  const suppressMillis = performance.now() - t0;
  const audit = await auditPattern(set, pattern, params);
  sqlite.close();
  return { set, pattern, audit, suppressMillis, params };
}
