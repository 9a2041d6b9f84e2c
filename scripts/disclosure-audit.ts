/**
 * The whole province's published set of every sensitive family, in every organization that keeps it
 * (test/security/disclosure-audit.ts, AUDITED), suppressed and audited by linear programming:
 * `pnpm disclosure:audit [years...] [--scope <unit id>] [--family <id>]...` (default the plan's last two
 * full years, the province, every family). Prints, per organization and family, the cells, the suppressed
 * ones, the programs solved, the time, and every primary cell an attacker could pin (none expected); exits
 * 1 if any is pinned or unprotected. Record the last result in SECURITY.md, "Disclosure control".
 */
import { territory } from '@antt/reference';
import { AUDITED, auditFamily } from '../test/security/disclosure-audit.js';

const args = process.argv.slice(2);
const option = (name: string) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const years = args.filter((a, i) => /^\d{4}$/.test(a) && !args[i - 1]?.startsWith('--')).map(Number);
const today = '2026-12-02' as const;
const scope = option('--scope')[0] ?? territory().unitsOn(today, 'PROVINCE')[0]!.id;
if (!territory().unit(scope)) {
  console.error(`Không có đơn vị ${JSON.stringify(scope)} (--scope).`);
  process.exit(2);
}
const families = option('--family');
const t0 = performance.now();
const results = [];
let failed = false;
for (const { org, subgraph, families: own } of AUDITED)
  for (const family of own) {
    if (families.length && !families.includes(family)) continue;
    const { set, pattern, audit, suppressMillis, params } = await auditFamily(subgraph, family, {
      unitId: scope,
      years: years.length ? years : [2023, 2024],
      today,
      versions: ['current'],
    });
    failed ||= audit.pinned.length > 0 || pattern.unprotected.length > 0;
    results.push({
      org,
      family,
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
    });
  }
console.log(
  JSON.stringify({ scope, years: years.length ? years : [2023, 2024], results, totalSeconds: Math.round((performance.now() - t0) / 100) / 10 }, null, 2),
);
process.exit(failed ? 1 : 0);
