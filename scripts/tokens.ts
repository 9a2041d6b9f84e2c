/**
 * Prints a demo token for each kind of user, signed with the embedded default's key (created on first
 * use under .data/keys). `pnpm tokens --json` prints them as JSON for scripts.
 */
import { demoUsers, loadOrCreateSigningKey, signToken } from '@antt/auth';
import { keysDir } from '@antt/subgraph-kit';

const key = await loadOrCreateSigningKey(keysDir());
const out: { label: string; user: string; token: string }[] = [];
for (const { label, identity } of demoUsers()) out.push({ label, user: identity.userId, token: await signToken(key, identity) });
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const t of out) console.log(`# ${t.label} (${t.user})\n${t.token}\n`);
  console.log('Send one as: Authorization: Bearer <token>   (tokens are valid for 12 hours)');
}
