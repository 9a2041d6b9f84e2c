/**
 * `pnpm audit:verify [--anchors DIR] [file.sqlite ...]`: checks the hash chain of every audit trail
 * (by default each database under the data directory), and of the police's reasons for reading a
 * reporter's identity, and reports the first broken link. Against the anchors recorded outside the
 * database (--anchors, default ANTT_AUDIT_ANCHOR_DIR) it also detects a chain cut short (its last
 * entries, or all, removed) or rewritten. A missing table is reported as broken. Exits 1 if any is.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { anchorName, CHAINED_TABLES, latestAnchors, verifyChainedTable, verifyTrail, type VerifyResult } from '@antt/audit';
import { dataDir } from '@antt/subgraph-kit';

const args = process.argv.slice(2);
const at = args.indexOf('--anchors');
const anchorDir = at >= 0 ? args.splice(at, 2)[1] : process.env.ANTT_AUDIT_ANCHOR_DIR;
const files = args.length
  ? args
  : readdirSync(dataDir())
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => join(dataDir(), f));
if (!anchorDir) console.log('No anchor directory (--anchors or ANTT_AUDIT_ANCHOR_DIR): entries removed at the end of a chain cannot be detected.');
let broken = 0;
for (const file of files) {
  const anchors = anchorDir ? latestAnchors(anchorDir, anchorName(file)) : new Map();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    broken++;
    console.log(`BROKEN  ${file}: cannot be opened (${(e as Error).message})`);
    continue;
  }
  const results: [string, VerifyResult][] = [['audit_log', verifyTrail(db, anchors.get('audit_log'))]];
  for (const spec of CHAINED_TABLES) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(spec.table);
    // A table the anchors know must still be there.
    if (exists || anchors.has(spec.table)) results.push([spec.table, verifyChainedTable(db, spec, anchors.get(spec.table))]);
  }
  db.close();
  for (const [table, r] of results) {
    const anchored = anchors.has(table) ? ', anchored' : '';
    if (r.ok) console.log(`OK      ${file} ${table}: ${r.entries} entries, chain intact${anchored}`);
    else {
      broken++;
      console.log(`BROKEN  ${file} ${table}: ${r.firstBroken ? `first broken link at entry ${r.firstBroken} ` : ''}(${r.reason})`);
    }
  }
}
process.exit(broken ? 1 : 0);
