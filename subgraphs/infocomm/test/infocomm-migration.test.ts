/**
 * Migration 0004 drops the stored responsible_body, since a record's body follows from its date. It
 * checks first that every row held exactly that: a database where a row said otherwise is not migrated
 * (and keeps the column) rather than lose what it held.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openOrganizationDatabase } from '@antt/subgraph-kit';
import { subgraph } from '../src/subgraph.js';

const dir = mkdtempSync(join(tmpdir(), 'antt-infocomm-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0004 of information and communications', () => {
  it('stops, keeping responsible_body, when a row’s stored body is not the body of its date', () => {
    const file = join(dir, 'infocomm.sqlite');
    writeFileSync(file, gunzipSync(readFileSync(new URL('../../../test/fixtures/v1/infocomm.sqlite.gz', import.meta.url))));
    const old = new Database(file);
    const { id } = old.prepare(`SELECT id FROM infocomm_media_items WHERE date < '2025-01-01' ORDER BY id LIMIT 1`).get() as { id: number };
    old.prepare(`UPDATE infocomm_media_items SET responsible_body = 'infocomm:successor' WHERE id = ?`).run(id);
    old.close();

    expect(() => openOrganizationDatabase(subgraph, { file })).toThrow(/responsible_body_check/);

    const after = new Database(file, { readonly: true });
    try {
      expect(after.prepare(`SELECT responsible_body FROM infocomm_media_items WHERE id = ?`).get(id)).toEqual({ responsible_body: 'infocomm:successor' });
    } finally {
      after.close();
    }
  });
});
