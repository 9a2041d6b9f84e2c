/**
 * The operations a dashboard token may run: committed .graphql files under gateway/operations/dashboard,
 * allowed by the SHA-256 of their text (persisted operations). A dashboard client may send the text,
 * or only the hash (Apollo's persistedQuery extension), which the gateway turns back into the text.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const DASHBOARD_OPERATIONS_DIR = fileURLToPath(new URL('../operations/dashboard', import.meta.url));

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** hash -> operation text */
export function loadDashboardOperations(dir = DASHBOARD_OPERATIONS_DIR): Map<string, string> {
  const ops = new Map<string, string>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.graphql'))
    .sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    ops.set(sha256(text), text);
  }
  return ops;
}
