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
import { BINH_THUAN, bearer, dashboard, leadership, staff } from '@antt/testing';
import { readDashboardOperations } from '@antt/gateway';
import { disclosureParameters, servedPatterns } from '@antt/disclosure';
import { parse, type ConstDirectiveNode } from 'graphql';
import { addDays, periodContaining } from '@antt/reference';
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
/** The Women's Union's staff of a commune (prepares reports) and of the province (the level above after the 2025 reform). */
let communeToken = '';
let provinceToken = '';

beforeAll(async () => {
  if (missing) {
    if (REQUIRED) throw new Error(`Browser tests cannot run: ${missing}.`);
    console.warn(`Skipping the browser tests: ${missing}.`);
    return;
  }
  buildPages();
  mkdirSync(SCREENSHOTS, { recursive: true });
  fed = await startFederation({ demo: true, demoUsers: true, rateLimitPerMinute: 100_000 });
  // What outsiders (the public page) read of the sensitive families is the audited pattern: computed here
  // for one district and year (seconds) rather than the province and two years on first use (minutes).
  const scope = { unitId: DISTRICT, years: [Number(PERIOD.slice(0, 4))] };
  await servedPatterns(fed.databases.police, { scope }).refresh('crimeTips');
  await servedPatterns(fed.databases.women, { scope }).refresh('victims');
  base = fed.gateway.url.replace(/\/graphql$/, '');
  leaderToken = (await bearer(leadership())).slice(7);
  dashboardToken = (await bearer(dashboard())).slice(7);
  communeToken = (await bearer(staff('women', BINH_THUAN))).slice(7);
  provinceToken = (await bearer(staff('women'))).slice(7);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  // Building the pages and starting nine subgraphs with demo data: minutes on a shared, loaded machine.
}, 300_000);
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
    // This machine: all of 127.0.0.0/8 (the subgraphs listen on an address of their own, support/loopback.ts).
    if (/^127(\.\d{1,3}){3}$/.test(host) || host === 'localhost') return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  if (token) await context.addInitScript(`sessionStorage.setItem('antt.token', ${JSON.stringify(token)})`);
  // The whole federation answers from this one process: on a loaded machine a page may take a while.
  context.setDefaultTimeout(90_000);
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

/** Presses Tab until the element is focused: the keyboard alone, no click and no focus() from the test. */
async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) as boolean) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Moves the focused select to a value with the arrow keys. */
async function arrowTo(page: Page, value: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate('document.activeElement.value')) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrow keys never reached ${value}`);
}

/** English words a page in Vietnamese should never show, and camelCase names (a label that fell back to a field's name). */
const ENGLISH =
  /\b(Loading|Submit|Cancel|Save|Delete|Edit|Error|Search|Sign in|Sign out|Next|Previous|Page|Records?|Reports?|Approve|Return|Answer|Name|Date|Status|Version|Total|None|true|false|null|undefined|NaN|Invalid|Required|Unknown|Select|Choose|Activity|Topic|Participants)\b/;
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;
/** A schema type's name (ActivityType, RecordWomenActivityInput): a message that fell back to GraphQL's terms. GraphQL itself is a name. */
const TYPE_NAME = /\b(?!GraphQL\b)[A-Z][a-z]+[A-Z][A-Za-z]*!?/;
async function englishOnPage(page: Page): Promise<string[]> {
  // The explorer's editors hold GraphQL, which is no user-facing text.
  const text = (await page.evaluate(
    `[...document.querySelectorAll('.CodeMirror, .graphiql-response')].reduce((t, e) => t.split(e.innerText).join(' '), document.body.innerText)`,
  )) as string;
  return text
    .split('\n')
    .filter((line) => ENGLISH.test(line) || CAMEL_CASE.test(line) || TYPE_NAME.test(line))
    .map((line) => line.slice(0, 120));
}

/** The fields the supergraph classes as personal (PERSONAL, SENSITIVE_PERSONAL, CRIME_SOURCE: on the field or its type), by name. */
function personalFieldNames(): string[] {
  const doc = parse(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'));
  const cls = (dirs: readonly ConstDirectiveNode[] | undefined) => {
    const v = dirs?.find((d) => d.name.value === 'dataClass')?.arguments?.find((a) => a.name.value === 'class')?.value;
    return v?.kind === 'EnumValue' ? v.value : undefined;
  };
  const names = new Set<string>();
  for (const d of doc.definitions) {
    if (d.kind !== 'ObjectTypeDefinition' && d.kind !== 'ObjectTypeExtension' && d.kind !== 'InterfaceTypeDefinition') continue;
    for (const f of d.fields ?? [])
      if (['PERSONAL', 'SENSITIVE_PERSONAL', 'CRIME_SOURCE'].includes(cls(f.directives) ?? cls(d.directives) ?? '')) names.add(f.name.value);
  }
  return [...names];
}

/** What the demo databases hold in columns about people (names, phones, identity numbers, contacts, addresses). */
function personalValues(): string[] {
  const values = new Set<string>();
  for (const db of Object.values(fed!.databases)) {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    for (const { name } of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[])
        .map((c) => c.name)
        .filter((c) => /(^|_)(full_name|leader_name|mentor_name|phone|id_number|address|contact)$/.test(c));
      for (const c of columns)
        for (const row of db.prepare(`SELECT DISTINCT "${c}" AS v FROM "${name}" WHERE typeof("${c}") = 'text' AND length("${c}") >= 6`).all() as {
          v: string;
        }[])
          values.add(row.v);
    }
  }
  return [...values];
}

/** Waiting for a page that writes through the federation: seconds on a loaded machine, not the default second. */
const SLOW = { timeout: 30_000, interval: 200 };

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
    type Basis = { kind: string; reportVersion: number | null; lockedAt: string | null };
    type Answer = { unit: Record<string, { activityCounts: { count: number; participants: number }[]; activityCountsBasis: Basis } | null> };
    const ask = (figures: 'OFFICIAL' | 'LIVE') => post<Answer>(fed!.gateway.url, op.body, { unit: COMMUNE, period: PERIOD, figures }, leadership());
    const api = await ask('OFFICIAL');
    // What the page says of each row's figures: official (the approved report's, locked) or live.
    const words = (b: Basis) =>
      b.kind === 'LOCKED'
        ? `Số liệu chính thức (báo cáo đã duyệt, phiên bản ${b.reportVersion}, khóa ngày ${new Date(Date.parse(b.lockedAt!) + 7 * 3600_000).toISOString().slice(0, 10).split('-').reverse().join('/')})`
        : 'Số liệu hiện hành (chưa khóa)';
    expect(api.errors).toBeUndefined();
    await page.locator('[data-testid="activity"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="activity"] [data-org="women"] [data-field="count"]').textContent()).not.toBe('');
    let total = 0;
    for (const org of ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm']) {
      const counts = api.data!.unit[org]!.activityCounts;
      const count = counts.reduce((s, c) => s + c.count, 0);
      total += count;
      expect(await page.locator(`[data-testid="activity"] [data-org="${org}"] [data-field="count"]`).textContent()).toBe(fmt.format(count));
      expect(await page.locator(`[data-testid="activity"] [data-org="${org}"] [data-field="participants"]`).textContent()).toBe(
        fmt.format(counts.reduce((s, c) => s + c.participants, 0)),
      );
    }
    expect(total).toBeGreaterThan(0);
    const ORGS = ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'];
    for (const org of ORGS)
      expect(await page.locator(`[data-testid="activity"] [data-org="${org}"] [data-field="basis"]`).textContent()).toBe(
        words(api.data!.unit[org]!.activityCountsBasis),
      );
    // No approved yearly report covers the commune in the demo: every row is live (official rows: test/official-counts.test.ts).
    expect(ORGS.filter((o) => api.data!.unit[o]!.activityCountsBasis.kind === 'LOCKED')).toEqual([]);
    // Asking for live figures: every row says so, with the API's live counts.
    // The standard's indicators say where theirs come from in the same words (the yearly police report of the unit).
    const indicatorsOp = readDashboardOperations().find((o) => o.name === 'DashboardStandardIndicators')!;
    const year = Number(await page.getByTestId('year').inputValue());
    const indicators = await post<{ unit: { police: { standardIndicatorsBasis: Basis } } }>(
      fed!.gateway.url,
      indicatorsOp.body,
      { unit: COMMUNE, year, view: 'AS_RECORDED' },
      leadership(),
    );
    expect(indicators.errors).toBeUndefined();
    await expect
      .poll(() => page.getByTestId('indicators-basis').textContent())
      .toBe(`Nguồn số liệu: ${words(indicators.data!.unit.police.standardIndicatorsBasis)}`);
    await page
      .locator('section[aria-labelledby="h-activity"]')
      .getByLabel(/Xem số liệu hiện hành/)
      .check();
    const live = await ask('LIVE');
    await expect
      .poll(() => page.locator('[data-testid="activity"] [data-org="women"] [data-field="basis"]').textContent())
      .toBe('Số liệu hiện hành (chưa khóa)');
    for (const org of ORGS) {
      expect(await page.locator(`[data-testid="activity"] [data-org="${org}"] [data-field="basis"]`).textContent()).toBe('Số liệu hiện hành (chưa khóa)');
      expect(await page.locator(`[data-testid="activity"] [data-org="${org}"] [data-field="count"]`).textContent()).toBe(
        fmt.format(live.data!.unit[org]!.activityCounts.reduce((s, c) => s + c.count, 0)),
      );
    }

    // Residential areas below the commune are one more click away.
    expect(await page.locator('.children [data-unit]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'lanh-dao-xa-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  });

  test('the panel of models, forums, opinions, tips and hotspots shows the API\u2019s counts for a commune and a period', async () => {
    const { context, page, blocked } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/`);
    await page.getByTestId('period').selectOption(PERIOD);
    await page.locator(`[data-unit="${DISTRICT}"]`).click();
    await page.locator(`[data-unit="${COMMUNE}"]`).click();
    const panels = page.locator(`[data-testid="panels"][data-unit="${COMMUNE}"][data-period="${PERIOD}"]`);
    await panels.waitFor({ timeout: 30_000 });

    type Org = {
      modelCounts: { status: string; count: number }[];
      forumCounts: { count: number }[];
      opinionCounts: { open: number; overdue: number; total: number; basis: { kind: string } };
    };
    const op = readDashboardOperations().find((o) => o.name === 'DashboardLeadershipPanels')!;
    const api = await post<{
      unit: Record<string, Org> & {
        front: Org & {
          modelReviewSummary: { byRating: { rating: string; count: number }[] };
          latestModelReviews: { byRating: { rating: string; count: number }[] };
        };
        police: Org & { tipCounts: { status: string; count: number | null }[]; overdueTips: number | null; openHotspots: number };
      };
      policeHotspots: { status: string }[];
      policeKeyAreas: { status: string }[];
    }>(fed!.gateway.url, op.body, { unit: COMMUNE, period: PERIOD }, leadership());
    expect(api.errors).toBeUndefined();
    const { unit } = api.data!;
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    const cell = (row: string, field = 'count') => panels.locator(`${row} [data-field="${field}"]`).textContent();
    let seen = 0;
    for (const org of ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm']) {
      const c = unit[org]!;
      const row = `[data-testid="panel-movement"] [data-org="${org}"]`;
      expect(await cell(row, 'active-models')).toBe(fmt.format(sum(c.modelCounts.filter((m) => m.status === 'ACTIVE'))));
      expect(await cell(row, 'models')).toBe(fmt.format(sum(c.modelCounts)));
      expect(await cell(row, 'forums')).toBe(fmt.format(sum(c.forumCounts)));
      expect(await cell(row, 'open-opinions')).toBe(fmt.format(c.opinionCounts.open));
      expect(await cell(row, 'overdue-opinions')).toBe(fmt.format(c.opinionCounts.overdue));
      // Where the organization's figures come from, in the words of the activity table (no report approved here: live).
      expect(c.opinionCounts.basis.kind).toBe('LIVE');
      expect(await cell(row, 'basis')).toBe('Số liệu hiện hành (chưa khóa)');
      seen += sum(c.modelCounts) + sum(c.forumCounts) + c.opinionCounts.total;
    }
    expect(seen, 'the commune has models, forums or opinions in the demo data').toBeGreaterThan(0);
    for (const r of ['EFFECTIVE', 'AVERAGE', 'INEFFECTIVE']) {
      expect(await cell(`[data-rating="${r}"]`)).toBe(fmt.format(unit.front.modelReviewSummary.byRating.find((b) => b.rating === r)?.count ?? 0));
      // Each model's latest review as of the period's end, not the reviews made in it.
      expect(await cell(`[data-rating="${r}"]`, 'latest')).toBe(fmt.format(unit.front.latestModelReviews.byRating.find((b) => b.rating === r)?.count ?? 0));
    }
    for (const s of ['RECEIVED', 'FORWARDED', 'BEING_VERIFIED', 'DECIDED', 'REPORTER_NOTIFIED']) {
      const parts = unit.police.tipCounts.filter((t) => t.status === s);
      const known = parts.reduce((n, t) => n + (t.count ?? 0), 0);
      const hidden = parts.filter((t) => t.count === null).length;
      const shown = await cell(`[data-tip-status="${s}"]`);
      if (parts.length > 0 && hidden === parts.length) expect(shown).toBe('Ẩn (số nhỏ)');
      else if (hidden > 0) expect(shown).toBe(`ít nhất ${fmt.format(known)}`);
      else expect(shown).toBe(fmt.format(known));
    }
    expect(await cell('[data-tip-status="OVERDUE"]')).toBe(unit.police.overdueTips === null ? 'Ẩn (số nhỏ)' : fmt.format(unit.police.overdueTips));
    expect(await cell('[data-hotspot-status="OPEN_AT_END"]')).toBe(fmt.format(unit.police.openHotspots));
    for (const s of ['MONITORING', 'MEDIATING', 'RESOLVED', 'ESCALATED'])
      expect(await cell(`[data-hotspot-status="${s}"]`)).toBe(fmt.format(api.data!.policeHotspots.filter((h) => h.status === s).length));
    for (const s of ['LISTED', 'BEING_TRANSFORMED', 'CLEARED'])
      expect(await cell(`[data-key-area-status="${s}"]`)).toBe(fmt.format(api.data!.policeKeyAreas.filter((k) => k.status === s).length));
    // Counts only: no record's id or description reaches the page.
    expect(await panels.locator('a, button').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'lanh-dao-bang-tong-hop-1366x768.png'), fullPage: true });
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

  test('the reporting grid puts missing reports first and opens a report\u2019s versions and documents', async () => {
    const { context, page } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/`);
    await page.getByTestId('period').selectOption(PERIOD);
    await page.locator(`[data-unit="${DISTRICT}"]`).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent(), SLOW).toBe('Huyện Thuận Châu');
    await page.getByTestId('reporting-period').selectOption('2021-PLAN-6M');
    await page.getByTestId('reporting-show').click();
    const grid = page.getByTestId('reporting');
    await expect.poll(() => grid.locator('td[data-timeliness="ON_TIME"]').count(), SLOW).toBeGreaterThan(0);

    const api = await post<{ c: { women: { timeliness: { unit: { id: string }; timeliness: string }[] } } }>(
      fed!.gateway.url,
      'query($u: ID!) { c: consolidatedReport(unitId: $u, periodId: "2021-PLAN-6M") { women { timeliness { unit { id } timeliness } } } }',
      { u: DISTRICT },
      leadership(),
    );
    expect(api.errors).toBeUndefined();
    for (const s of api.data!.c.women.timeliness)
      expect(await grid.locator(`[data-unit-row="${s.unit.id}"] td[data-org="women"]`).getAttribute('data-timeliness')).toBe(s.timeliness);
    // Missing first: no row has more missing reports than the one above it.
    const missing = (await grid
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td[data-timeliness="MISSING"]').length))) as number[];
    expect(missing.length).toBeGreaterThan(1);
    for (let i = 1; i < missing.length; i++) expect(missing[i]!).toBeLessThanOrEqual(missing[i - 1]!);
    expect(missing[0]).toBeGreaterThan(0);

    await grid.locator('td[data-org="women"][data-timeliness="ON_TIME"] button').first().click();
    const versions = page.getByTestId('report-versions');
    await expect.poll(() => versions.locator('li').count(), SLOW).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      versions
        .getByRole('button', { name: /dạng PDF/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: join(SCREENSHOTS, 'lanh-dao-bao-cao-1366x768.png'), fullPage: true });
    await context.close();
  }, 240_000);

  test('switches between the map of the year and today\u2019s map, and shows the API\u2019s breakdown for each', async () => {
    const { context, page } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/`);
    await page.getByTestId('year').selectOption('2023');
    const table = page.getByTestId('breakdown');
    const op = readDashboardOperations().find((o) => o.name === 'DashboardStandardIndicators')!;
    type B = { unit: { police: { standardBreakdown: { unit: { id: string }; communes: { numerator: number; denominator: number } }[] } } };
    const rows: Record<string, string[]> = {};
    for (const view of ['AS_RECORDED', 'TODAY_MAP'] as const) {
      if (view === 'TODAY_MAP')
        await page
          .getByTestId('map-switch')
          .getByLabel(/Bản đồ hiện nay/)
          .check();
      await expect.poll(() => table.getAttribute('data-view'), SLOW).toBe(view);
      const api = await post<B>(fed!.gateway.url, op.body, { unit: 'province:14', year: 2023, view }, leadership());
      const expected = api.data!.unit.police.standardBreakdown;
      await expect.poll(() => table.locator('tbody tr').count(), SLOW).toBe(expected.length);
      rows[view] = (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-breakdown-unit')!))) as string[];
      expect(rows[view]).toEqual(expected.map((b) => b.unit.id));
      const first = expected[0]!;
      expect(await table.locator(`[data-breakdown-unit="${first.unit.id}"] [data-indicator="communes"]`).textContent()).toMatch(
        new RegExp(`^${fmt.format(first.communes.numerator)} / ${fmt.format(first.communes.denominator)} `),
      );
    }
    // 2023 was drawn on the districts; today's map has communes of the 2025 reform only.
    expect(rows.AS_RECORDED!.every((id) => id.startsWith('district:'))).toBe(true);
    expect(rows.TODAY_MAP!.every((id) => id.endsWith('@2025'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'lanh-dao-ban-do-hien-nay-1366x768.png'), fullPage: true });
    await context.close();
  }, 240_000);

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
  test('runs only the dashboard\u2019s registered operations, by GET; every figure went through disclosure control; no personal data reaches it', async () => {
    const { threshold } = disclosureParameters();
    const { context, page, blocked } = await offline(undefined, dashboardToken);
    const graphql: string[] = [];
    const bodies: Promise<string>[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/graphql') graphql.push(`${r.method()} ${new URL(r.url()).searchParams.get('extensions') ?? ''}`);
    });
    // Every answer the page receives from the gateway (GraphQL, the manifest, the demo users), read whole.
    page.on('response', (r) => {
      if (/json/.test(r.headers()['content-type'] ?? '')) bodies.push(r.text().catch(() => ''));
    });
    await page.goto(`${base}/app/cong-khai/`);
    await page.getByTestId('period').selectOption(PERIOD);
    await page.locator(`[data-unit="${DISTRICT}"]`).click();
    await expect.poll(() => page.getByTestId('unit-name').textContent(), SLOW).toBe('Huyện Thuận Châu');
    const figures = page.locator(`[data-testid="public-figures"][data-unit="${DISTRICT}"][data-period="${PERIOD}"][data-ready="true"]`);
    await figures.waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="indicators"]').waitFor();

    const hashes = new Set(readDashboardOperations().flatMap((o) => [o.textHash, o.normalisedHash]));
    expect(graphql.length).toBeGreaterThan(0);
    for (const r of graphql) {
      expect(r.startsWith('GET ')).toBe(true);
      expect(hashes.has((JSON.parse(r.slice(4)) as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash)).toBe(true);
    }

    // Each figure is the dashboard's own answer: a number at or above the threshold (or zero), or hidden as null.
    const ask = async <T>(name: string) => {
      const op = readDashboardOperations().find((o) => o.name === name)!;
      const res = await post<T>(fed!.gateway.url, op.body, { unit: DISTRICT, period: PERIOD }, dashboard());
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    type Tips = { unit: { police: { tipCounts: { category: string; status: string; count: number | null }[]; reintegrationCases: number | null } } };
    type Protection = {
      unit: {
        women: {
          protection: Record<'count' | 'children' | 'referredToPolice' | 'closed', number | null> & { byKind: { kind: string; count: number | null }[] };
        };
      };
    };
    const tips = (await ask<Tips>('DashboardTipsAndCases')).unit.police;
    const protection = (await ask<Protection>('DashboardWomenProtection')).unit.women.protection;
    const expected = new Map<string, number | null>([
      ...tips.tipCounts.map((t) => [`tips:${t.category}:${t.status}`, t.count] as const),
      ['reintegration', tips.reintegrationCases],
      ...(['count', 'children', 'referredToPolice', 'closed'] as const).map((k) => [`protection:${k}`, protection[k]] as const),
      ...protection.byKind.map((b) => [`protection:${b.kind}`, b.count] as const),
    ]);
    const cells = (await figures
      .locator('[data-figure]')
      .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-figure'), td.textContent, td.getAttribute('aria-describedby')]))) as [
      string,
      string,
      string | null,
    ][];
    expect(cells.length).toBeGreaterThan(40);
    const shown: number[] = [];
    let hidden = 0;
    for (const [name, text, describedBy] of cells) {
      const api = expected.has(name) ? expected.get(name)! : 0;
      if (api === null) {
        hidden++;
        expect(text, name).toBe('Ẩn (số nhỏ)');
        expect(describedBy, name).toBe('suppressed-note');
      } else {
        expect(text, name).toBe(fmt.format(api));
        shown.push(api);
      }
    }
    // The demo's district and year hold small counts, hidden, and counts at or above the threshold, shown.
    expect(hidden).toBeGreaterThan(0);
    expect(shown.some((n) => n >= threshold)).toBe(true);
    // Every cell of every table on the page, figures or not: no count between 1 and the threshold minus one.
    const texts = (await page.locator('main td').allTextContents()).map((t) => t.trim());
    expect(texts.length).toBeGreaterThanOrEqual(cells.length);
    for (const t of texts) {
      if (!/^[\d.]+$/.test(t)) continue;
      const n = Number(t.replace(/\./g, ''));
      expect(n === 0 || n >= threshold, `a cell shows ${t}`).toBe(true);
    }
    const note = page.getByTestId('suppressed-note');
    expect(await note.getAttribute('id')).toBe('suppressed-note');
    expect(await note.textContent()).toMatch(/^Ẩn \(số nhỏ\): ô có số nhỏ/);
    // Activity counts are served exactly, not through disclosure control: not on this page.
    expect(await page.locator('[data-testid="activity"]').count()).toBe(0);

    // No personal data in anything the page received: no field the schema classes as personal (by name),
    // no value of such a column in the databases, no phone, identity number or e-mail address.
    const received = (await Promise.all(bodies)).join('\n');
    expect(received.length).toBeGreaterThan(1000);
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    for (const b of await Promise.all(bodies)) walk(JSON.parse(b || 'null'));
    const personalFields = personalFieldNames();
    expect(personalFields).toEqual(expect.arrayContaining(['fullName', 'phone', 'idNumber', 'address']));
    expect([...keys].filter((k) => personalFields.includes(k))).toEqual([]);
    const values = personalValues();
    expect(values.length, 'the demo data holds personal values to look for').toBeGreaterThan(10);
    expect(values.filter((v) => received.includes(v))).toEqual([]);
    expect(received).not.toMatch(/\b0\d{9}\b|\b\d{12}\b/);
    expect(received).not.toMatch(/[a-z0-9._-]+@[a-z0-9-]+\.[a-z]/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'cong-khai-huyen-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);
});

describe('the GraphQL explorer', () => {
  test('loads with the network cut, every asset served by the gateway', async () => {
    const { context, page, blocked } = await offline(undefined, leaderToken);
    await page.goto(`${base}/app/kham-pha/`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    // Loaded is not enough: it runs its example query (a unit searched by name) and shows the API's answer.
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), SLOW).toContain('"searchUnits"');
    expect(await response.innerText()).toContain('Chiềng Lề');
    expect(await response.innerText()).not.toContain('"errors"');
    await page.screenshot({ path: join(SCREENSHOTS, 'kham-pha-1366x768.png') });
    expect(blocked).toEqual([]);
    await context.close();
  });

  test("on a subgraph, answers from that subgraph's own /graphql with the network cut", async () => {
    const sub = fed!.subgraphs.women.url;
    const subBase = sub.replace(/\/graphql$/, '');
    const { context, page, blocked } = await offline(undefined, leaderToken);
    const asked: string[] = [];
    page.on('request', (r) => void (r.method() === 'POST' && asked.push(r.url())));
    await page.goto(`${subBase}/app/kham-pha/`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), SLOW).toContain('"searchUnits"');
    expect(await response.innerText()).toContain('Chiềng Lề');
    expect(await response.innerText()).not.toContain('"errors"');
    // Every query went to the subgraph itself, none to the gateway.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((u) => u === sub)).toBe(true);
    expect(blocked).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'kham-pha-subgraph-1366x768.png') });
    await context.close();
  });

  test('is off for the dashboard role', async () => {
    const { context, page } = await offline(undefined, dashboardToken);
    await page.goto(`${base}/app/kham-pha/`);
    await expect.poll(() => page.getByTestId('explorer-off').textContent()).toContain('không dành cho vai trò bảng điều khiển');
    await context.close();
  });
});

describe('the staff workbench', () => {
  const gq = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    fetch(fed!.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<{ data?: T; errors?: unknown[] }>);

  test('a commune\u2019s staff member enters an activity and corrects it with the keyboard only; it is counted once', async () => {
    const { context, page, blocked } = await offline();
    const topic = `Tuyên truyền phòng, chống ma túy ${Date.now().toString(36)}`;
    const plan = periodContaining('PLAN_YEAR', new Date().toISOString().slice(0, 10))!.id;
    const COUNTS = `query($u: ID!, $p: ID!) { unit(id: $u) { women { activityCounts(periodId: $p) { type count participants } } } }`;
    type Counts = { unit: { women: { activityCounts: { type: string; count: number; participants: number }[] } } };
    const propaganda = (d: Counts) => d.unit.women.activityCounts.find((c) => c.type === 'PROPAGANDA') ?? { count: 0, participants: 0 };
    const before = propaganda((await gq<Counts>(COUNTS, { u: BINH_THUAN, p: plan }, communeToken)).data!);

    await page.goto(`${base}/app/can-bo/`);
    await page.getByTestId('demo-user').waitFor();
    await tabTo(page, '[data-testid="demo-user"]');
    await arrowTo(page, 'women-binh-thuan');
    await tabTo(page, '.sign-in button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('who').textContent(), SLOW).toContain('Xã Bình Thuận');
    await page.getByTestId('records').waitFor();
    const total = async () => Number(((await page.getByTestId('record-total').textContent()) ?? '').replace(/\D/g, ''));
    const totalBefore = await total();

    await tabTo(page, '[data-testid="record-new"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('create-form').waitFor();
    await tabTo(page, '[data-testid="create-form"] [name="type"]');
    await arrowTo(page, 'PROPAGANDA');
    await tabTo(page, '[data-testid="create-form"] [name="topic"]');
    await page.keyboard.type(topic);
    await tabTo(page, '[data-testid="create-form"] [name="participants"]');
    await page.keyboard.type('30');
    await tabTo(page, '[data-testid="create-form"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('record-done').textContent(), SLOW).toContain('Đã ghi nhận');
    const row = page.locator('[data-testid="records"] tr', { hasText: topic });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    expect(await row.locator('[data-field="participants"]').textContent()).toBe('30');
    const id = (await row.getAttribute('data-record'))!;

    await tabTo(page, `[data-record="${id}"] button:first-child`);
    await page.keyboard.press('Enter');
    await page.getByTestId('correct-form').waitFor();
    await tabTo(page, '[data-testid="correct-form"] [name="participants"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('35');
    await tabTo(page, '[data-testid="correct-form"] [name="reason"]');
    await page.keyboard.type('Đếm lại danh sách người tham dự');
    await tabTo(page, '[data-testid="correct-form"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('record-done').textContent(), SLOW).toContain('Đã đính chính');
    await expect.poll(() => row.locator('[data-field="participants"]').textContent(), SLOW).toBe('35');
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-field="version"]').textContent()).toBe('2');
    expect(await total()).toBe(totalBefore + 1);

    // The API counts it once, with the corrected figure.
    const list = await gq<{ l: { totalCount: number } }>('{ l: womenActivities(first: 1) { totalCount } }', {}, communeToken);
    expect(list.data!.l.totalCount).toBe(totalBefore + 1);
    const after = propaganda((await gq<Counts>(COUNTS, { u: BINH_THUAN, p: plan }, communeToken)).data!);
    expect(after).toMatchObject({ count: before.count + 1, participants: before.participants + 35 });
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-dinh-chinh-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);

  test('the server\u2019s message shows next to the field it names', async () => {
    const { context, page } = await offline(undefined, communeToken);
    await page.goto(`${base}/app/can-bo/`);
    await page.getByTestId('records').waitFor();
    const totalBefore = await page.getByTestId('record-total').textContent();
    await page.getByTestId('record-new').click();
    const form = page.getByTestId('create-form');
    // A required catalogue left unchosen cannot be sent at all: the page names it under the field, by its label.
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const typeError = form.locator('[data-field="type"] [data-error-for="type"]');
    await expect.poll(() => typeError.textContent(), SLOW).toBe('Loại hoạt động không được để trống.');
    expect(await form.locator('[name="type"]').getAttribute('aria-describedby')).toBe(await typeError.getAttribute('id'));
    expect(await englishOnPage(page)).toEqual([]);
    await form.locator('[name="type"]').selectOption('MEETING');
    await form.locator('[name="participants"]').fill('12');
    await form.locator('[name="date"]').fill('2099-01-01');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const topicError = form.locator('[data-field="topic"] [data-error-for="topic"]');
    await expect.poll(() => topicError.textContent(), SLOW).toBe('Chủ đề hoạt động không được để trống.');
    expect(await form.locator('[data-field="date"] [data-error-for="date"]').textContent()).toMatch(/^Ngày hoạt động ở tương lai/);
    const topicInput = form.locator('[name="topic"]');
    expect(await topicInput.getAttribute('aria-invalid')).toBe('true');
    expect(await topicInput.getAttribute('aria-describedby')).toBe(await topicError.getAttribute('id'));
    // Fields without a problem carry none, and nothing was recorded.
    expect(await form.locator('[data-field="participants"] [data-error-for]').count()).toBe(0);
    expect(await page.getByTestId('record-total').textContent()).toBe(totalBefore);
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-loi-nhap-1366x768.png'), fullPage: true });
    await context.close();
  }, 240_000);

  test('a commune\u2019s staff member answers an opinion handed to them; the server\u2019s message shows next to the answer first', async () => {
    const tag = Date.now().toString(36);
    const today = new Date().toISOString().slice(0, 10);
    // Opinions come from forums the Front and the police held: the new one is raised at the forum of one already handed to the commune.
    const earlier = await gq<{ o: { nodes: { forumId: string }[] } }>('{ o: womenOpinions(first: 1) { nodes { forumId } } }', {}, communeToken);
    expect(earlier.errors).toBeUndefined();
    const forumId = earlier.data!.o.nodes[0]!.forumId;
    const recorded = await gq<{ r: { id: string } }>(
      'mutation($i: RecordWomenOpinionInput!) { r: recordWomenOpinion(input: $i) { id } }',
      {
        i: {
          forumId,
          unitId: BINH_THUAN,
          raisedOn: today,
          topic: `Đất đai ${tag}`,
          summary: 'Người dân đề nghị trả lời về việc cấp giấy chứng nhận quyền sử dụng đất',
          dueDate: addDays(today, 30),
        },
      },
      communeToken,
    );
    expect(recorded.errors).toBeUndefined();
    const id = recorded.data!.r.id;

    const { context, page, blocked } = await offline(undefined, communeToken);
    await page.goto(`${base}/app/can-bo/`);
    const item = page.locator(`[data-testid="opinions"] [data-opinion="${id}"]`);
    await item.waitFor({ timeout: 30_000 });
    await item.getByRole('button', { name: 'Trả lời ý kiến này' }).click();
    // Sent without an answer: the server's message sits under the answer, tied to it.
    await item.getByRole('button', { name: 'Gửi trả lời' }).click();
    const answerError = item.locator('[data-field="answer"] [data-error-for="answer"]');
    await expect.poll(() => answerError.count(), SLOW).toBe(1);
    expect(await answerError.textContent()).toMatch(/^Nội dung trả lời/);
    expect(await item.locator('[name="answer"]').getAttribute('aria-describedby')).toBe(await answerError.getAttribute('id'));

    const answer = `Đã chuyển UBND xã giải quyết, hẹn trả lời trong tháng ${tag}`;
    await item.locator('[name="answer"]').fill(answer);
    await item.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => page.getByTestId('opinion-done').textContent(), SLOW).toBe(`Đã trả lời ý kiến về đất đai ${tag}.`);
    // Answered, it leaves the list of opinions waiting for an answer.
    await expect.poll(() => item.count(), SLOW).toBe(0);
    const api = await gq<{ o: { answer: string | null; answeredOn: string | null } | null }>(
      'query($id: ID!) { o: womenOpinion(id: $id) { answer answeredOn } }',
      { id },
      communeToken,
    );
    expect(api.data!.o).toEqual({ answer, answeredOn: today });
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-tra-loi-y-kien-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);

  test('a record is voided with a reason: without one the server\u2019s message shows next to the field; the void shows in its history and under the voided filter', async () => {
    const topic = `Họp ghi trùng ${Date.now().toString(36)}`;
    const today = new Date().toISOString().slice(0, 10);
    const made = await gq<{ r: { id: string } }>(
      'mutation($i: RecordWomenActivityInput!) { r: recordWomenActivity(input: $i) { id } }',
      { i: { type: 'MEETING', topic, date: today, unitId: BINH_THUAN, participants: 20 } },
      communeToken,
    );
    expect(made.errors).toBeUndefined();
    const id = made.data!.r.id;

    const { context, page, blocked } = await offline(undefined, communeToken);
    await page.goto(`${base}/app/can-bo/`);
    const row = page.locator(`[data-testid="records"] tr[data-record="${id}"]`);
    await row.waitFor({ timeout: 30_000 });
    const total = async () => Number(((await page.getByTestId('record-total').textContent()) ?? '').replace(/\D/g, ''));
    const before = await total();
    await row.getByRole('button', { name: 'Hủy', exact: true }).click();
    const panel = page.getByTestId('void-panel');
    await panel.getByRole('button', { name: 'Hủy bản ghi' }).click();
    const reasonError = panel.locator('[data-field="reason"] [data-error-for="reason"]');
    await expect.poll(() => reasonError.textContent(), SLOW).toBe('Lý do phải nói rõ bằng lời (ít nhất 5 ký tự).');
    const reasonInput = panel.locator('[name="reason"]');
    expect(await reasonInput.getAttribute('aria-invalid')).toBe('true');
    expect(await reasonInput.getAttribute('aria-describedby')).toBe(await reasonError.getAttribute('id'));
    expect(await row.count(), 'nothing was voided').toBe(1);

    const reason = 'Ghi trùng với buổi họp đã nhập trước';
    await reasonInput.fill(reason);
    await panel.getByRole('button', { name: 'Hủy bản ghi' }).click();
    await expect.poll(() => page.getByTestId('record-done').textContent(), SLOW).toContain('Đã hủy');
    const history = page.locator(`[data-testid="history-panel"][data-record="${id}"]`);
    await history.waitFor();
    expect(await history.locator('li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-version'), li.getAttribute('data-standing')]))).toEqual([
      ['1', 'ACTIVE'],
      ['2', 'VOIDED'],
    ]);
    expect(await history.locator('li[data-version="2"]').textContent()).toContain(`Lý do: ${reason}`);
    // It no longer counts among the standing records; the voided filter shows it, with its standing.
    await expect.poll(() => row.count(), SLOW).toBe(0);
    expect(await total()).toBe(before - 1);
    await page.locator('[name="filter-standing"]').selectOption('VOIDED');
    await expect.poll(() => row.count(), SLOW).toBe(1);
    expect(await row.locator('[data-field="standing"]').textContent()).toBe('Đã hủy');
    expect(await row.getByRole('button', { name: 'Hủy', exact: true }).count(), 'a voided record is not voided again').toBe(0);
    await row.getByRole('button', { name: 'Lịch sử' }).click();
    await expect.poll(() => history.locator('li[data-version="2"]').textContent(), SLOW).toContain(reason);

    const api = await gq<{ l: { nodes: { id: string }[] } }>(
      'query($d: Date) { l: womenActivities(recordStatus: VOIDED, from: $d, first: 200) { nodes { id } } }',
      { d: today },
      communeToken,
    );
    expect(api.data!.l.nodes.map((n) => n.id)).toContain(id);
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-huy-ban-ghi-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);

  test('the record list filters on the API by kind, by a unit found by its name typed without diacritics and by a date range', async () => {
    const { context, page, blocked } = await offline(undefined, communeToken);
    await page.goto(`${base}/app/can-bo/`);
    await page.getByTestId('records').waitFor();
    // What the demo data holds in Xã Chiềng Pha (part of Bình Thuận since 1 July 2025) on the map of 2019: the kind of its newest record.
    const FROM = '2021-01-01';
    const TO = '2024-12-31';
    const newest = await gq<{ l: { nodes: { type: string }[] } }>(
      'query($u: ID!, $from: Date, $to: Date) { l: womenActivities(unitId: $u, from: $from, to: $to, first: 1) { nodes { type } } }',
      { u: COMMUNE, from: FROM, to: TO },
      communeToken,
    );
    const type = newest.data!.l.nodes[0]!.type;
    const filters = page.getByTestId('record-filters');
    await filters.locator('[name="filter-from"]').fill(FROM);
    await filters.locator('[name="filter-to"]').fill(TO);
    await filters.locator('[name="filter-type"]').selectOption(type);
    // The commune of those years is found by name, typed without diacritics, among the units of the jurisdiction.
    await filters.getByTestId('filter-unit-search').fill('chieng pha');
    await filters.locator(`[data-testid="filter-unit-found"] [data-unit="${COMMUNE}"]`).click();
    expect(await filters.locator('[name="filter-unit"]').inputValue()).toBe(COMMUNE);

    const api = await gq<{ l: { totalCount: number; nodes: { id: string }[] } }>(
      'query($u: ID!, $from: Date, $to: Date, $type: ActivityType) { l: womenActivities(unitId: $u, from: $from, to: $to, type: $type, first: 10) { totalCount nodes { id } } }',
      { u: COMMUNE, from: FROM, to: TO, type },
      communeToken,
    );
    expect(api.errors).toBeUndefined();
    expect(api.data!.l.totalCount).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="records"] tbody tr');
    const ids = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-record')));
    await expect.poll(ids, SLOW).toEqual(api.data!.l.nodes.map((n) => n.id));
    expect(Number(((await page.getByTestId('record-total').textContent()) ?? '').replace(/\D/g, ''))).toBe(api.data!.l.totalCount);
    for (const cell of await rows.locator('[data-field="unit"]').allTextContents()) expect(cell).toBe('Xã Chiềng Pha');
    // A range that ends before it starts: the server's message sits next to "Đến ngày", the field it names,
    // tied to it, and no list is shown as the answer to a filter the server refused.
    await filters.locator('[name="filter-from"]').fill('2025-07-01');
    const toError = filters.locator('[data-field="to"] [data-error-for="to"]');
    await expect.poll(() => toError.textContent(), SLOW).toBe('Đến ngày phải cùng ngày hoặc sau Từ ngày.');
    const toInput = filters.locator('[name="filter-to"]');
    expect(await toInput.getAttribute('aria-invalid')).toBe('true');
    expect(await toInput.getAttribute('aria-describedby')).toBe(await toError.getAttribute('id'));
    expect(await page.getByLabel('Đến ngày', { exact: true }).getAttribute('name')).toBe('filter-to');
    // Next to it on the screen too: right under the field, not above the list.
    const [input, message] = [(await toInput.boundingBox())!, (await toError.boundingBox())!];
    expect(message.y).toBeGreaterThanOrEqual(input.y + input.height - 1);
    expect(message.y - (input.y + input.height)).toBeLessThan(40);
    expect(Math.abs(message.x - input.x)).toBeLessThan(40);
    expect(await filters.locator('[name="filter-from"]').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#records [role="alert"]').count()).toBe(0);
    expect(await rows.count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-loc-ho-so-loi-ngay-1366x768.png'), fullPage: true });
    // Put right, the message goes and the list comes back.
    await filters.locator('[name="filter-from"]').fill(FROM);
    await expect.poll(ids, SLOW).toEqual(api.data!.l.nodes.map((n) => n.id));
    expect(await toError.count()).toBe(0);
    expect(await toInput.getAttribute('aria-invalid')).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'can-bo-loc-ho-so-1366x768.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await context.close();
  }, 240_000);

  test('a report goes from draft to approved in the pages: the commune submits, the province approves', async () => {
    const owed = await gq<{ o: { period: { id: string }; latestStage: string | null }[] }>(
      '{ o: womenReportsOwed { period { id } latestStage } }',
      {},
      communeToken,
    );
    const period = owed.data!.o.find((s) => s.latestStage === null)!.period.id;

    const a = await offline(undefined, communeToken);
    await a.page.goto(`${base}/app/can-bo/`);
    await a.page.locator(`[data-testid="owed"] [data-period="${period}"] button`).click();
    const panel = a.page.getByTestId('report-panel');
    await panel.getByTestId('submit-report').waitFor();
    await expect.poll(() => panel.locator('[data-testid="figures"], p', { hasText: /Số liệu dự thảo/ }).count(), SLOW).toBeGreaterThan(0);
    await panel.locator('[name="results"]').fill('Đã tổ chức tuyên truyền phòng, chống ma túy ở các bản');
    await panel.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => a.page.getByTestId('report-done').textContent(), SLOW).toBe('Đã gửi báo cáo, phiên bản 1.');
    await expect.poll(() => panel.locator('[data-testid="versions"] li').getAttribute('data-stage'), SLOW).toBe('SUBMITTED');

    const b = await offline(undefined, provinceToken);
    await b.page.goto(`${base}/app/can-bo/`);
    await b.page.getByTestId('approve-period').selectOption(period);
    await b.page.locator(`[data-testid="waiting"][data-period="${period}"] [data-unit="${BINH_THUAN}"] button`).click();
    const decide = b.page.getByTestId('decide-panel');
    await decide.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await expect.poll(() => b.page.getByTestId('decide-done').textContent(), SLOW).toBe('Đã duyệt phiên bản 1.');
    await expect.poll(() => decide.locator('[data-testid="versions"] li').getAttribute('data-stage'), SLOW).toBe('APPROVED');
    await b.page.screenshot({ path: join(SCREENSHOTS, 'can-bo-duyet-bao-cao-1366x768.png'), fullPage: true });

    const api = await gq<{ r: { stage: string; official: boolean }[] }>(
      'query($u: ID!, $p: ID!) { r: womenReports(unitId: $u, periodId: $p) { stage official } }',
      { u: BINH_THUAN, p: period },
      communeToken,
    );
    expect(api.data!.r).toEqual([{ stage: 'APPROVED', official: true }]);
    // The preparer sees it approved.
    await a.page.reload();
    await expect
      .poll(() => a.page.locator(`[data-testid="owed"] [data-period="${period}"] [data-field="stage"]`).textContent(), SLOW)
      .toMatch(/^Phiên bản 1: /);
    expect(await englishOnPage(a.page)).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 240_000);
});

describe('every page', () => {
  /** A page, and what to do on it before it is checked: the states with forms open and messages shown are pages too. */
  const pages: { name: string; path: string; token: () => string | undefined; ready: string; prepare?: (page: Page) => Promise<void> }[] = [
    // The leadership page is ready once its last panel, the counts of models to hotspots, has its figures.
    { name: 'lanh-dao', path: '/app/', token: () => leaderToken, ready: '[data-testid="panels"]' },
    { name: 'cong-khai', path: '/app/cong-khai/', token: () => dashboardToken, ready: '[data-testid="public-figures"][data-ready="true"]' },
    {
      // A district whose figures are partly hidden: the marked cells and their note are checked too.
      name: 'cong-khai-huyen',
      path: '/app/cong-khai/',
      token: () => dashboardToken,
      ready: '[data-testid="public-figures"][data-ready="true"]',
      prepare: async (page) => {
        await page.getByTestId('period').selectOption(PERIOD);
        await page.locator(`[data-unit="${DISTRICT}"]`).click();
        await page.locator(`[data-testid="public-figures"][data-unit="${DISTRICT}"][data-ready="true"] [data-suppressed]`).first().waitFor();
      },
    },
    { name: 'kham-pha', path: '/app/kham-pha/', token: () => leaderToken, ready: '.graphiql-container' },
    { name: 'dang-nhap', path: '/app/', token: () => undefined, ready: '#h-sign-in' },
    { name: 'can-bo-xa', path: '/app/can-bo/', token: () => communeToken, ready: '[data-testid="records"]' },
    {
      // The form to enter a record, sent empty: the server's messages under their fields; and a refused filter's under its field.
      name: 'can-bo-xa-bieu-mau',
      path: '/app/can-bo/',
      token: () => communeToken,
      ready: '[data-testid="records"]',
      prepare: async (page) => {
        await page.getByTestId('record-new').click();
        await page.getByTestId('create-form').getByRole('button', { name: 'Ghi nhận' }).click();
        await page.locator('[data-testid="create-form"] [data-error-for]').first().waitFor({ timeout: 30_000 });
        await page.locator('[name="filter-to"]').fill('2024-01-01');
        await page.locator('[name="filter-from"]').fill('2024-12-31');
        await page.locator('[data-testid="record-filters"] [data-error-for="to"]').waitFor({ timeout: 30_000 });
      },
    },
    { name: 'can-bo-tinh', path: '/app/can-bo/', token: () => provinceToken, ready: '[data-testid="approve-period"]' },
  ];
  for (const p of pages)
    test(`${p.name}: no serious or critical accessibility violation, no overflow at 1366x768 or 390x844, no English`, async () => {
      for (const viewport of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        const { context, page } = await offline(viewport, p.token(), { bypassCSP: true });
        await page.goto(`${base}${p.path}`);
        await page.locator(p.ready).waitFor();
        await p.prepare?.(page);
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${p.name} at ${viewport.width}x${viewport.height}`).toEqual([]);
        expect(await overflow(page), `${p.name} at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(0);
        expect(await englishOnPage(page), `${p.name}: English on the page`).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `${p.name}-${viewport.width}x${viewport.height}.png`), fullPage: p.name !== 'kham-pha' });
        await context.close();
      }
    }, 240_000);
});
