/**
 * `pnpm restore <backup.sqlite> <organization>`: replaces the organization's database in the data
 * directory with a backup, after checking the backup (integrity, audit chain). Stop the organization's
 * service first: a database in use is refused. The replaced database is kept beside it as
 * `<organization>.sqlite.before-restore-<time>` until you delete it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ORGANIZATION_IDS } from '@antt/reference';
import { dataDir, restoreDatabase } from '@antt/subgraph-kit';

const [from, org] = process.argv.slice(2);
if (!from || !org || !(ORGANIZATION_IDS as readonly string[]).includes(org)) {
  console.error(`Cách dùng: pnpm restore <tệp sao lưu .sqlite> <tổ chức>; tổ chức là một trong: ${ORGANIZATION_IDS.join(', ')}.`);
  process.exit(2);
}
const target = join(dataDir(), `${org}.sqlite`);
if (existsSync(target)) {
  // Keep what is replaced, through the backup API too (the live file may have a WAL beside it).
  const keep = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const db = new Database(target, { readonly: true, fileMustExist: true });
  await db.backup(keep);
  db.close();
  console.log(`Bản cũ được giữ lại: ${keep}`);
}
try {
  const r = await restoreDatabase(resolve(from), target);
  console.log(`OK      ${org}: ${target} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.auditEntries} audit entries, integrity ok)`);
} catch (e) {
  console.error(`FAILED  ${org}: ${(e as Error).message}`);
  process.exit(1);
}
