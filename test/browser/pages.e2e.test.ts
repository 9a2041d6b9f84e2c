/**
 * The pages under /app in a real browser: Debian's chromium driven by playwright-core (no browser is
 * downloaded), every request that leaves this machine failed, over the whole federation with demo data.
 * A leader drills from the province to a commune and reads the API's own figures; the public page
 * runs only the dashboard's registered operations and shows nothing about a person; the explorer loads
 * with the network cut and is off for a dashboard; axe-core finds no serious or critical violation on
 * any page; no page is wider than the screen at 1366x768 or 390x844. Screenshots go to
 * .data/screenshots/.
 *
 * Without chromium (apt-get install chromium, or ANTT_CHROMIUM=<path>) the tests are skipped with a
 * message, unless ANTT_REQUIRE_ALL_TESTS=1 (CI), where they fail.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '@antt/subgraph-kit';
import { bearer, dashboard, leadership } from '@antt/testing';
import { readDashboardOperations } from '@antt/gateway';
import { buildPages } from '../../scripts/build-pages.js';
import { post, startFederation, type Federation } from '../support/federation.js';

const REQUIRED = process.env.ANTT_REQUIRE_ALL_TESTS === '1';
const CHROMIUM = [process.env.ANTT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const SCREENSHOTS = join(REPO_ROOT, '.data', 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const missing = CHROMIUM ? null : 'chromium is not installed (apt-get install -y chromium, or set ANTT_CHROMIUM to its path)';

const COMMUNE = 'commune:03730@2019'; // Xã Chiềng Pha, Huyện Thuận Châu, until 30 June 2025
const DISTRICT = 'district:119@2019';
const PERIOD = '2024-PLAN-Y';
const fmt = new Intl.NumberFormat('vi-VN');

let fed: Federation | undefined;
let browser: Browser | undefined;
let base = '';
let leaderToken = '';
let dashboardToken = '';

beforeAll(async () => {
  if (missing) {
    if (REQUIRED) throw new Error(`Browser tests cannot run: ${missing}.`);
    console.warn(`Skipping the browser tests: ${missing}.`);
    return;
  }
  buildPages();
  mkdirSync(SCREENSHOTS, { recursive: true });
  fed = await startFederation({ demo: true, demoUsers: true, rateLimitPerMinute: 100_000 });
  base = fed.gateway.url.replace(/\/graphql$/, '');
  leaderToken = (await bearer(leadership())).slice(7);
  dashboardToken = (await bearer(dashboard())).slice(7);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
  await fed?.stop();
});

/** A browser context cut off from everything but this machine; records what it tried to reach elsewhere. */
async function offline(
  viewport = { width: 1366, height: 768 },
  token?: string,
  opts: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  // axe is injected as an inline script, which the pages' content security policy forbids: only the
  // accessibility checks bypass it.
  const context = await browser!.newContext({ viewport, locale: 'vi-VN', bypassCSP: opts.bypassCSP ?? false });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  if (token) await context.addInitScript(`sessionStorage.setItem('antt.token', ${JSON.stringify(token)})`);
  return { context, page: await context.newPage(), blocked };
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // Evaluated in the page (the tests are compiled without the DOM library).
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function overflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
}

const test = missing && !REQUIRED ? it.skip : it;

describe('the leadership dashboard', () => {
  test('a leader signs in as a demo user and drills from the province to a commune; the figures are the API\u2019s', async () => {
    const { context, page, blocked } = await offline();
    await page.goto(`${base}/app/`);
    await page.getByTestId('demo-user').selectOption('leadership');
    await page.getByRole('button', { name: 'Dùng người dùng này' }).click();
    await expect.poll(() => page.getByTestId('who').textContent()).toContain('Lãnh đạo tỉnh');
    await page.getByTestId('period').selectOption(PERIOD);
    await page.locator(`[data-unit="${DISTRICT}"]`).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('Huyện Thuận Châu');
    await page.locator(`[data-unit="${COMMUNE}"]`).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('Xã Chiềng Pha');

    const op = readDashboardOperations().find((o) => o.name === 'DashboardActivityCounts')!;
    const api = await post<{ unit: Record<string, { activityCounts: { count: number; participants: number }[] } | null> }>(
      fed!.gateway.url,
      op.body,
      { unit: COMMUNE, period: PERIOD },
      leadership(),
    );
    expect(api.errors).toBeUndefined();
    await page.locator('[data-testid="activity"]').waitFor();
    await expect.poll(() => page.locator('[data-org="women"] [data-field="count"]').textContent()).not.toBe('');
    let total = 0;
    for (const org of ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm']) {
      const counts = api.data!.unit[org]!.activityCounts;
      const count = counts.reduce((s, c) => s + c.count, 0);
      total += count;
      expect(await page.locator(`[data-org="${org}"] [data-field="count"]`).textContent()).toBe(fmt.format(count));
      expect(await page.locator(`[data-org="${org}"] [data-field="participants"]`).textContent()).toBe(
        fmt.format(counts.reduce((s, c) => s + c.participants, 0)),
      );
    }
    expect(total).toBeGreaterThan(0);

    // Residential areas below the commune are one more click away.
    expect(await page.locator('.children [data-unit]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'lanh-dao-xa-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  });

  test('shows the three indicators of a year against their targets, as the API gives them', async () => {
    const { context, page } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/`);
    await page.getByTestId('year').selectOption('2023');
    await page.locator('[data-testid="indicators"]').waitFor();
    const op = readDashboardOperations().find((o) => o.name === 'DashboardStandardIndicators')!;
    const api = await post<{ unit: { police: { standardIndicators: Record<string, { numerator: number; denominator: number }> } } }>(
      fed!.gateway.url,
      op.body,
      { unit: 'province:14', year: 2023, view: 'AS_RECORDED' },
      leadership(),
    );
    for (const k of ['residentialAreas', 'communes', 'establishments']) {
      const i = api.data!.unit.police.standardIndicators[k]!;
      await expect
        .poll(() => page.locator(`[data-indicator="${k}"] [data-field="count"]`).textContent())
        .toBe(`${fmt.format(i.numerator)} / ${fmt.format(i.denominator)}`);
    }
    expect(await page.locator('canvas[role="img"]').getAttribute('aria-label')).toMatch(/chỉ tiêu 90%/);
    await context.close();
  });

  test('finds a unit by its name typed without diacritics', async () => {
    const { context, page } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/`);
    await page.getByTestId('search').fill('chieng pha');
    await page.getByRole('button', { name: 'Xã Chiềng Pha' }).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent()).toBe('Xã Chiềng Pha');
    await context.close();
  });
});

describe('the public page', () => {
  test('runs only the dashboard\u2019s registered operations, by GET, and shows no personal data', async () => {
    const { context, page } = await offline(undefined, dashboardToken);
    const graphql: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql') graphql.push(`${r.method()} ${new URL(r.url()).searchParams.get('extensions') ?? ''}`);
    });
    await page.goto(`${base}/app/cong-khai/`);
    await page.locator('[data-testid="activity"]').waitFor();
    await page.locator('[data-testid="indicators"]').waitFor();
    const hashes = new Set(readDashboardOperations().flatMap((o) => [o.textHash, o.normalisedHash]));
    expect(graphql.length).toBeGreaterThan(0);
    for (const r of graphql) {
      expect(r.startsWith('GET ')).toBe(true);
      expect(hashes.has((JSON.parse(r.slice(4)) as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash)).toBe(true);
    }
    const text = (await page.locator('body').innerText()).normalize('NFC');
    // No phone or identity number, no e-mail address, no person's name field.
    expect(text).not.toMatch(/\b\d{9,12}\b/);
    expect(text).not.toMatch(/@[a-z0-9-]+\./i);
    expect(text).not.toMatch(/Họ và tên|Người tố giác|Ngày sinh|Dân tộc/);
    await page.screenshot({ path: join(SCREENSHOTS, 'cong-khai-1366x768.png'), fullPage: true });
    await context.close();
  });
});

describe('the GraphQL explorer', () => {
  test('loads with the network cut, every asset served by the gateway', async () => {
    const { context, page, blocked } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/kham-pha/`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'kham-pha-1366x768.png') });
    expect(blocked).toEqual([]);
    await context.close();
  });

  test('is off for the dashboard role', async () => {
    const { context, page } = await offline(undefined, dashboardToken);
    await page.goto(`${base}/app/kham-pha/`);
    await expect.poll(() => page.getByTestId('explorer-off').textContent()).toContain('không dành cho vai trò bảng điều khiển');
    await context.close();
  });
});

describe('every page', () => {
  const pages = [
    { name: 'lanh-dao', path: '/app/', token: () => leaderToken, ready: '[data-testid="activity"]' },
    { name: 'cong-khai', path: '/app/cong-khai/', token: () => dashboardToken, ready: '[data-testid="activity"]' },
    { name: 'kham-pha', path: '/app/kham-pha/', token: () => leaderToken, ready: '.graphiql-container' },
    { name: 'dang-nhap', path: '/app/', token: () => undefined, ready: '#h-sign-in' },
  ];
  for (const p of pages)
    test(`${p.name}: no serious or critical accessibility violation, no overflow at 1366x768 or 390x844`, async () => {
      for (const viewport of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        const { context, page } = await offline(viewport, p.token(), { bypassCSP: true });
        await page.goto(`${base}${p.path}`);
        await page.locator(p.ready).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${p.name} at ${viewport.width}x${viewport.height}`).toEqual([]);
        expect(await overflow(page), `${p.name} at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `${p.name}-${viewport.width}x${viewport.height}.png`), fullPage: p.name !== 'kham-pha' });
        await context.close();
      }
    });
});
