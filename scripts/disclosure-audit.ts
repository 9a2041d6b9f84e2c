/**
 * The whole province's published set of protection counts, suppressed and audited by linear
 * programming (`pnpm disclosure:audit [years...]`, default the plan's last two full years): prints the
 * cells, the suppressed ones, the programs solved, the time, and every primary cell an attacker could
 * pin (none expected). Record the last result in SECURITY.md, "Disclosure control".
 */
import { territory } from '@antt/reference';
import { auditVictims } from '../test/security/disclosure-audit.js';

const years = process.argv.slice(2).map(Number).filter(Number.isInteger);
const province = territory().unitsOn('2026-12-02', 'PROVINCE')[0]!.id;
const t0 = performance.now();
const { set, pattern, audit, suppressMillis, params } = await auditVictims({
  unitId: province,
  years: years.length ? years : [2023, 2024],
  today: '2026-12-02',
  versions: ['current'],
});
console.log(
  JSON.stringify(
    {
      scope: province,
      years: years.length ? years : [2023, 2024],
      params,
      cells: set.cells.length,
      variables: set.truth.length,
      primary: pattern.primary.size,
      suppressed: pattern.suppressed.size,
      unprotected: pattern.unprotected.length,
      suppressSeconds: Math.round(suppressMillis / 100) / 10,
      auditPrograms: audit.programs,
      auditSeconds: Math.round(audit.millis / 100) / 10,
      pinned: audit.pinned,
      totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
    },
    null,
    2,
  ),
);
process.exit(audit.pinned.length || pattern.unprotected.length ? 1 : 0);
