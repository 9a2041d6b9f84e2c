/**
 * Builds the pages (app/, Vite) into app/dist unless they are already newer than every source file:
 * `pnpm start` and the browser tests call it, so the README's two commands still do all the set-up
 * and a second start costs nothing. `pnpm app:build` always builds.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../app', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether app/dist is missing or older than a source (app/ itself and the lockfile). */
export function pagesStale(): boolean {
  const built = join(APP_DIR, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const lock = fileURLToPath(new URL('../pnpm-lock.yaml', import.meta.url));
  return Math.max(newestSource(APP_DIR), statSync(lock).mtimeMs) > statSync(built).mtimeMs;
}

export function buildPages(opts: { force?: boolean } = {}): void {
  if (!opts.force && !pagesStale()) return;
  const vite = join(createRequire(join(APP_DIR, 'package.json')).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: APP_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Building the pages failed (vite build exited with ${r.status ?? r.signal}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildPages({ force: process.argv.includes('--force') });
