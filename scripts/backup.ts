/**
 * `pnpm backup [--out <dir>] [organization ...]`: an online backup of each organization's database
 * (by default all nine, from the data directory) with SQLite's backup API, while the services run.
 * Each copy is checked (integrity, audit chain) before it is reported. Exits 1 if any copy fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ORGANIZATION_IDS } from '@antt/reference';
import { backupDatabase, dataDir } from '@antt/subgraph-kit';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? args[outAt + 1]! : join(dataDir(), 'backups'));
const orgs = args.filter((a, i) => a !== '--out' && i !== outAt + 1);
for (const o of orgs)
  if (!(ORGANIZATION_IDS as readonly string[]).includes(o)) {
    console.error(`Không có tổ chức "${o}". Các tổ chức: ${ORGANIZATION_IDS.join(', ')}.`);
    process.exit(2);
  }
mkdirSync(out, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
let failed = 0;
for (const org of orgs.length ? orgs : ORGANIZATION_IDS) {
  const source = join(dataDir(), `${org}.sqlite`);
  if (!existsSync(source)) {
    console.log(`SKIP    ${org}: ${source} does not exist`);
    continue;
  }
  try {
    const r = await backupDatabase(source, join(out, `${org}-${stamp}.sqlite`));
    console.log(
      `OK      ${org}: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.ms} ms, ${r.auditEntries} audit entries, everything committed before ${r.takenAt})`,
    );
  } catch (e) {
    failed++;
    console.log(`FAILED  ${org}: ${(e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
