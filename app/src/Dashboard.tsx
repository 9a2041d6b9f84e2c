/**
 * The dashboard both pages share: move through the units (province → district for periods ending
 * before 1 July 2025, or → commune; commune → residential area) by clicking or by searching a name,
 * pick a period and an assessment year, and read the standard's three indicators and each
 * organization's activity counts. Every figure comes from a registered operation read with GET.
 */
import { useEffect, useState } from 'react';
import { run } from './api';
import { INDICATOR_LABELS, IndicatorChart, type Indicator, type IndicatorKey } from './IndicatorChart';
import { LEVEL_NAMES, ORGANIZATION_NAMES, basisWords, fmtNumber, fmtPercent, type Basis } from './format';
import { LeadershipPanels } from './LeadershipPanels';
import { ReportingGrid } from './ReportingGrid';

export const PROVINCE = 'province:14';
const ORGS = ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'] as const;

export interface UnitRef {
  id: string;
  name: string;
  level: string;
  kind?: string;
}

/** The units drilled through, province first: each earlier one a button back to it, the last the page's unit. */
export function UnitTrail({ trail, onBack }: { trail: UnitRef[]; onBack: (trail: UnitRef[]) => void }) {
  return (
    <nav aria-label="Đơn vị đang xem" className="trail">
      <ol>
        {trail.map((u, i) => (
          <li key={u.id}>
            {i < trail.length - 1 ? (
              <button type="button" onClick={() => onBack(trail.slice(0, i + 1))}>
                {u.name}
              </button>
            ) : (
              <strong aria-current="page" data-testid="unit-name">
                {u.name}
              </strong>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
interface Period {
  id: string;
  label: string;
  start: string;
  end: string;
  map: string;
}
interface Navigation {
  unit: (UnitRef & { parent: UnitRef | null; children: UnitRef[] }) | null;
}
type Counts = { type: string; count: number; participants: number }[];
type ActivityAnswer = { unit: (Record<string, { activityCounts: Counts; activityCountsBasis: Basis } | null> & { name: string }) | null };
type FiguresChoice = 'OFFICIAL' | 'LIVE';

/** The switch between the official figures (default) and live ones, the same words wherever figures have a basis. */
function FiguresSwitch({ figures, onChange }: { figures: FiguresChoice; onChange: (f: FiguresChoice) => void }) {
  return (
    <label>
      <input type="checkbox" checked={figures === 'LIVE'} onChange={(e) => onChange(e.target.checked ? 'LIVE' : 'OFFICIAL')} /> Xem số liệu hiện hành (chưa
      khóa) thay cho số liệu chính thức của báo cáo đã duyệt
    </label>
  );
}
type Ratio = { numerator: number; denominator: number; ratio: number | null; meetsTarget: boolean | null };
type Breakdown = { unit: UnitRef } & Record<IndicatorKey, Ratio>;
type IndicatorAnswer = {
  unit: {
    police: { standardIndicators: Record<IndicatorKey, Indicator> | null; standardBreakdown: Breakdown[] | null; standardIndicatorsBasis: Basis | null } | null;
  } | null;
};
type MapView = 'AS_RECORDED' | 'TODAY_MAP';
/** The last assessment year drawn on the map before the reform of 1 July 2025: from then on both maps are one. */
const LAST_YEAR_OF_OLD_MAP = 2025;

/** A load that runs again when `deps` change: its data, its error (in Vietnamese) and whether it is running. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: string; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: Error) => live && setState({ error: e.message, loading: false }),
    );
    return () => {
      live = false;
    };
    // The callers list what the load depends on.
  }, deps);
  return state;
}

const today = new Date().toISOString().slice(0, 10);
const YEARS = [2021, 2022, 2023, 2024, 2025];

/** The two choices every dashboard starts from: the reporting period and the year the standard is assessed for. */
export function PeriodAndYear(props: {
  periods: readonly { id: string; label: string }[];
  periodId: string;
  onPeriod: (id: string) => void;
  year: number;
  onYear: (year: number) => void;
}) {
  return (
    <>
      <label>
        Kỳ báo cáo
        <select value={props.periodId} onChange={(e) => props.onPeriod(e.target.value)} data-testid="period">
          {props.periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Năm đánh giá
        <select value={props.year} onChange={(e) => props.onYear(Number(e.target.value))} data-testid="year">
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/**
 * `reporting`: the leadership's panels and the reporting grid too (leadership; the dashboard role may
 * read neither reports nor the records the panels count).
 */
export function Dashboard({ token, start = PROVINCE, reporting = false }: { token: string; start?: string; reporting?: boolean }) {
  const [calendar, setCalendar] = useState<'PLAN_YEAR' | 'YEAR'>('PLAN_YEAR');
  const [periodId, setPeriodId] = useState('2024-PLAN-Y');
  const [year, setYear] = useState(2024);
  const [view, setView] = useState<MapView>('AS_RECORDED');
  const [trail, setTrail] = useState<UnitRef[]>([{ id: start, name: '…', level: 'PROVINCE' }]);
  const [search, setSearch] = useState('');
  const [figures, setFigures] = useState<FiguresChoice>('OFFICIAL');
  const [indicatorFigures, setIndicatorFigures] = useState<FiguresChoice>('OFFICIAL');
  const unit = trail[trail.length - 1]!;

  const periods = useAsync(() => run<{ periods: Period[] }>(token, 'DashboardPeriods', { calendar, from: '2020-12-10', to: today }), [token, calendar]);
  const period = periods.data?.periods.find((p) => p.id === periodId);
  useEffect(() => {
    const list = periods.data?.periods;
    if (list?.length && !list.some((p) => p.id === periodId)) setPeriodId(list[list.length - 2]?.id ?? list[0]!.id);
  }, [periods.data, periodId]);

  const on = period?.end;
  const nav = useAsync(
    () => (on ? run<Navigation>(token, 'DashboardUnitNavigation', { unit: unit.id, on }) : Promise.resolve(undefined)),
    [token, unit.id, on],
  );
  useEffect(() => {
    const u = nav.data?.unit;
    if (u && u.id === unit.id && u.name !== unit.name) setTrail((t) => [...t.slice(0, -1), { id: u.id, name: u.name, level: u.level }]);
  }, [nav.data, unit.id, unit.name]);

  const found = useAsync(
    () =>
      search.trim().length >= 2 && on
        ? run<{ searchUnits: (UnitRef & { parent: { name: string } | null })[] }>(token, 'DashboardSearchUnits', { text: search, on })
        : Promise.resolve(undefined),
    [token, search, on],
  );
  const indicators = useAsync(
    () =>
      run<IndicatorAnswer>(token, 'DashboardStandardIndicators', {
        unit: unit.id,
        year,
        view: year <= LAST_YEAR_OF_OLD_MAP ? view : 'AS_RECORDED',
        figures: indicatorFigures,
      }),
    [token, unit.id, year, view, indicatorFigures],
  );
  const activity = useAsync(
    () => (period ? run<ActivityAnswer>(token, 'DashboardActivityCounts', { unit: unit.id, period: period.id, figures }) : Promise.resolve(undefined)),
    [token, unit.id, period?.id, figures],
  );

  const choosePeriod = (id: string) => {
    const next = periods.data?.periods.find((p) => p.id === id);
    // Another map: the units on the trail may not exist on it; start again from the top.
    if (next && period && next.map !== period.map) setTrail((t) => [t[0]!]);
    setPeriodId(id);
  };

  return (
    <div className="dashboard">
      <section className="controls" aria-label="Chọn kỳ và năm đánh giá">
        <label>
          Loại kỳ
          <select value={calendar} onChange={(e) => setCalendar(e.target.value as 'PLAN_YEAR' | 'YEAR')}>
            <option value="PLAN_YEAR">Năm kế hoạch (10/12 – 09/12)</option>
            <option value="YEAR">Năm dương lịch</option>
          </select>
        </label>
        <PeriodAndYear periods={periods.data?.periods ?? []} periodId={periodId} onPeriod={choosePeriod} year={year} onYear={setYear} />
        <label className="search">
          Tìm đơn vị (gõ có hoặc không dấu)
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="ví dụ: chieng le" data-testid="search" />
        </label>
      </section>
      {periods.error && <p role="alert">{periods.error}</p>}
      {found.data && (
        <section aria-label="Kết quả tìm kiếm" className="found">
          {found.data.searchUnits.length === 0 ? (
            <p>Không có đơn vị nào tên như vậy trong bản đồ của kỳ này.</p>
          ) : (
            <ul>
              {found.data.searchUnits.map((u) => (
                <li key={u.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setTrail([trail[0]!, u]);
                      setSearch('');
                    }}
                  >
                    {u.name}
                  </button>{' '}
                  <span className="muted">
                    {LEVEL_NAMES[u.level]}
                    {u.parent ? `, ${u.parent.name}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <UnitTrail trail={trail} onBack={setTrail} />
      {nav.error && <p role="alert">{nav.error}</p>}
      {nav.data?.unit?.id === unit.id && nav.data.unit.children.length > 0 && (
        <section aria-label="Đơn vị trực thuộc" className="children">
          <h2>Đơn vị trực thuộc ({nav.data.unit.children.length})</h2>
          <ul>
            {nav.data.unit.children.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => setTrail([...trail, c])} data-unit={c.id}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-indicators" className="card">
        <h2 id="h-indicators">Tiêu chuẩn "An toàn về ANTT": năm đánh giá {year}</h2>
        <FiguresSwitch figures={indicatorFigures} onChange={setIndicatorFigures} />
        {indicators.loading && <p>Đang tải…</p>}
        {indicators.error && <p role="alert">{indicators.error}</p>}
        {!indicators.loading && indicators.data?.unit?.police?.standardIndicators && (
          <IndicatorChart
            indicators={indicators.data.unit.police.standardIndicators}
            caption={`${unit.name}: tỷ lệ đạt chuẩn so với chỉ tiêu của Kế hoạch 155 (90%, 90%, 95%).`}
          />
        )}
        {!indicators.loading && indicators.data?.unit?.police?.standardIndicatorsBasis && (
          <p data-testid="indicators-basis">Nguồn số liệu: {basisWords(indicators.data.unit.police.standardIndicatorsBasis)}</p>
        )}
        {!indicators.loading && !indicators.error && !indicators.data?.unit?.police?.standardIndicators && <p>Chưa có số liệu đánh giá cho đơn vị này.</p>}
        {year <= LAST_YEAR_OF_OLD_MAP && (
          <fieldset className="map-switch" data-testid="map-switch">
            <legend>Chia số liệu theo địa giới</legend>
            <label className="choice">
              <input type="radio" name="map-view" value="AS_RECORDED" checked={view === 'AS_RECORDED'} onChange={() => setView('AS_RECORDED')} />
              Bản đồ của năm {year} (như khi báo cáo)
            </label>
            <label className="choice">
              <input type="radio" name="map-view" value="TODAY_MAP" checked={view === 'TODAY_MAP'} onChange={() => setView('TODAY_MAP')} />
              Bản đồ hiện nay (các xã, phường sau ngày 01/7/2025)
            </label>
          </fieldset>
        )}
        {!indicators.loading && !!indicators.data?.unit?.police?.standardBreakdown?.length && (
          <div className="table-wrap" role="region" aria-label="Bảng tỷ lệ đạt chuẩn theo đơn vị" tabIndex={0}>
            <table data-testid="breakdown" data-view={year <= LAST_YEAR_OF_OLD_MAP ? view : 'AS_RECORDED'}>
              <caption>
                Theo đơn vị
                {year <= LAST_YEAR_OF_OLD_MAP && (view === 'TODAY_MAP' ? ' (gộp vào các xã, phường hiện nay)' : ` (địa giới năm ${year})`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  {(Object.keys(INDICATOR_LABELS) as IndicatorKey[]).map((k) => (
                    <th scope="col" key={k}>
                      {INDICATOR_LABELS[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {indicators.data.unit.police.standardBreakdown.map((b) => (
                  <tr key={b.unit.id} data-breakdown-unit={b.unit.id}>
                    <th scope="row">{b.unit.name}</th>
                    {(Object.keys(INDICATOR_LABELS) as IndicatorKey[]).map((k) => (
                      <td key={k} data-indicator={k} className={b[k].meetsTarget === false ? 'below' : undefined}>
                        {fmtNumber(b[k].numerator)} / {fmtNumber(b[k].denominator)} ({fmtPercent(b[k].ratio)})
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="h-activity" className="card">
        <h2 id="h-activity">Hoạt động của các tổ chức: {period?.label ?? '…'}</h2>
        <FiguresSwitch figures={figures} onChange={setFigures} />
        {activity.error && <p role="alert">{activity.error}</p>}
        {activity.data?.unit && (
          <div className="table-wrap" role="region" aria-label="Bảng hoạt động của các tổ chức" tabIndex={0}>
            <table data-testid="activity">
              <thead>
                <tr>
                  <th scope="col">Tổ chức</th>
                  <th scope="col">Số hoạt động</th>
                  <th scope="col">Lượt người tham gia</th>
                  <th scope="col">Nguồn số liệu</th>
                </tr>
              </thead>
              <tbody>
                {ORGS.map((o) => {
                  const counts = activity.data!.unit![o]?.activityCounts;
                  const basis = activity.data!.unit![o]?.activityCountsBasis;
                  return (
                    <tr key={o} data-org={o}>
                      <th scope="row">{ORGANIZATION_NAMES[o]}</th>
                      <td data-field="count">{counts ? fmtNumber(counts.reduce((s, c) => s + c.count, 0)) : 'Không trả lời'}</td>
                      <td data-field="participants">{counts ? fmtNumber(counts.reduce((s, c) => s + c.participants, 0)) : '—'}</td>
                      <td data-field="basis">{basis ? basisWords(basis) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {reporting && <LeadershipPanels token={token} unitId={unit.id} periodId={period?.id} periodLabel={period?.label} />}
      {reporting && <ReportingGrid token={token} unitId={unit.id} unitName={unit.name} defaultPeriod={period?.id ?? PERIOD_FOR_GRID} />}
    </div>
  );
}

/** The reporting grid's period before the dashboard's is known: the demo's six-month reports. */
const PERIOD_FOR_GRID = '2021-PLAN-6M';
