/**
 * `pnpm audit:verify [file.sqlite ...]`: checks the hash chain of every audit trail (by default each
 * database under the data directory) and reports the first broken link. Exits 1 if any is broken.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyTrail } from '@antt/audit';
import { dataDir } from '@antt/subgraph-kit';

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dataDir())
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => join(dataDir(), f));
let broken = 0;
for (const file of files) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const r = verifyTrail(db);
  db.close();
  if (r.ok) console.log(`OK      ${file}: ${r.entries} entries, chain intact`);
  else {
    broken++;
    console.log(`BROKEN  ${file}: first broken link at entry ${r.firstBroken} (${r.reason})`);
  }
}
process.exit(broken ? 1 : 0);
