/**
 * The public-safe dashboard (/app/cong-khai/): only the dashboard role's registered operations, and only
 * figures that went through disclosure control. The standard's indicators are ratios of units, never
 * counts of people; the counts of tips, reintegration cases and victims come from the published set,
 * where the gateway and the subgraphs hide every small count (and the cells that would give one away)
 * as null: the page shows such a cell as hidden, with the reason, and never sums hidden cells.
 * Activity counts are not on this page: they are served exactly, not through disclosure control.
 */
import { useEffect, useState } from 'react';
import { run } from './api';
import { IndicatorChart, type Indicator, type IndicatorKey } from './IndicatorChart';
import { fmtNumber } from './format';
import { PeriodAndYear, PROVINCE, UnitTrail, useAsync, type UnitRef } from './Dashboard';
import { TIP_STATUS_NAMES } from './LeadershipPanels';

interface Period {
  id: string;
  label: string;
  end: string;
  map: string;
}
type Navigation = { unit: (UnitRef & { children: UnitRef[] }) | null };
type IndicatorAnswer = { unit: { police: { standardIndicators: Record<IndicatorKey, Indicator> | null } | null } | null };
type TipsAnswer = {
  unit: { police: { tipCounts: { category: string; status: string; count: number | null }[]; reintegrationCases: number | null } | null } | null;
};
type ProtectionAnswer = {
  unit: {
    women: {
      protection: {
        count: number | null;
        children: number | null;
        referredToPolice: number | null;
        closed: number | null;
        byKind: { kind: string; count: number | null }[];
      } | null;
    } | null;
  } | null;
};

/** The periods of the published set: the plan's half-years and years (SECURITY.md, "Disclosure control"). */
const PUBLISHED_PERIOD = /^\d{4}-PLAN-(Y|6M|6M2)$/;
/** Units of the published set: province, district, commune (no residential area). */
const PUBLISHED_LEVELS = new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']);
const today = new Date().toISOString().slice(0, 10);

export const TIP_CATEGORY_NAMES: Record<string, string> = {
  DRUGS: 'Ma túy',
  THEFT: 'Trộm cắp, cướp',
  FRAUD: 'Lừa đảo',
  HUMAN_TRAFFICKING: 'Mua bán người',
  VIOLENCE: 'Bạo lực',
  GAMBLING: 'Cờ bạc',
  ENVIRONMENT: 'Rừng, đất đai, môi trường',
  OTHER: 'Khác',
};
export const PROTECTION_KIND_NAMES: Record<string, string> = {
  DOMESTIC_VIOLENCE: 'Bạo lực gia đình',
  SEXUAL_ABUSE: 'Xâm hại tình dục',
  CHILD_ABUSE: 'Bạo lực, xâm hại trẻ em',
  TRAFFICKING: 'Mua bán người',
  OTHER_GENDER_VIOLENCE: 'Bạo lực trên cơ sở giới khác',
};

const NOTE_ID = 'suppressed-note';

/** One figure as served: a number, or hidden (null) with the note that says why. */
function Figure({ value, name }: { value: number | null; name: string }) {
  return value === null ? (
    <td data-figure={name} data-suppressed="true" aria-describedby={NOTE_ID}>
      Ẩn (số nhỏ)
    </td>
  ) : (
    <td data-figure={name}>{fmtNumber(value)}</td>
  );
}

export function PublicDashboard({ token }: { token: string }) {
  const [periodId, setPeriodId] = useState('2024-PLAN-Y');
  const [year, setYear] = useState(2024);
  const [trail, setTrail] = useState<UnitRef[]>([{ id: PROVINCE, name: '…', level: 'PROVINCE' }]);
  const unit = trail[trail.length - 1]!;

  const periods = useAsync(() => run<{ periods: Period[] }>(token, 'DashboardPeriods', { calendar: 'PLAN_YEAR', from: '2020-12-10', to: today }), [token]);
  const published = periods.data?.periods.filter((p) => PUBLISHED_PERIOD.test(p.id)) ?? [];
  const period = published.find((p) => p.id === periodId);
  useEffect(() => {
    if (published.length && !period) setPeriodId(published[published.length - 1]!.id);
  }, [periods.data, period]);

  const nav = useAsync(
    () => (period ? run<Navigation>(token, 'DashboardUnitNavigation', { unit: unit.id, on: period.end }) : Promise.resolve(undefined)),
    [token, unit.id, period?.end],
  );
  useEffect(() => {
    const u = nav.data?.unit;
    if (u && u.id === unit.id && u.name !== unit.name) setTrail((t) => [...t.slice(0, -1), { id: u.id, name: u.name, level: u.level }]);
  }, [nav.data, unit.id, unit.name]);
  const indicators = useAsync(
    () => run<IndicatorAnswer>(token, 'DashboardStandardIndicators', { unit: unit.id, year, view: 'AS_RECORDED' }),
    [token, unit.id, year],
  );
  const tips = useAsync(
    () => (period ? run<TipsAnswer>(token, 'DashboardTipsAndCases', { unit: unit.id, period: period.id }) : Promise.resolve(undefined)),
    [token, unit.id, period?.id],
  );
  const protection = useAsync(
    () => (period ? run<ProtectionAnswer>(token, 'DashboardWomenProtection', { unit: unit.id, period: period.id }) : Promise.resolve(undefined)),
    [token, unit.id, period?.id],
  );

  const choosePeriod = (id: string) => {
    const next = published.find((p) => p.id === id);
    // Another map: the units on the trail may not exist on it; start again from the top.
    if (next && period && next.map !== period.map) setTrail((t) => [t[0]!]);
    setPeriodId(id);
  };
  const police = tips.data?.unit?.police;
  const women = protection.data?.unit?.women?.protection;
  // A pair of category and status the API leaves out holds no tip: a zero, which is no secret.
  const tip = (category: string, status: string) => {
    const t = police?.tipCounts.find((x) => x.category === category && x.status === status);
    return t ? t.count : 0;
  };
  const kind = (k: string) => {
    const b = women?.byKind.find((x) => x.kind === k);
    return b ? b.count : 0;
  };
  const ready = !tips.loading && !protection.loading && !!police && !!women;

  return (
    <div className="dashboard">
      <section className="controls" aria-label="Chọn kỳ và năm đánh giá">
        <PeriodAndYear periods={published} periodId={periodId} onPeriod={choosePeriod} year={year} onYear={setYear} />
      </section>
      {periods.error && <p role="alert">{periods.error}</p>}
      <UnitTrail trail={trail} onBack={setTrail} />
      {nav.error && <p role="alert">{nav.error}</p>}
      {nav.data?.unit?.id === unit.id && nav.data.unit.children.some((c) => PUBLISHED_LEVELS.has(c.level)) && (
        <section aria-label="Đơn vị trực thuộc" className="children">
          <h2>Đơn vị trực thuộc</h2>
          <ul>
            {nav.data.unit.children
              .filter((c) => PUBLISHED_LEVELS.has(c.level))
              .map((c) => (
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
        {indicators.loading && <p>Đang tải…</p>}
        {indicators.error && <p role="alert">{indicators.error}</p>}
        {!indicators.loading && indicators.data?.unit?.police?.standardIndicators && (
          <IndicatorChart
            indicators={indicators.data.unit.police.standardIndicators}
            caption={`${unit.name}: tỷ lệ đạt chuẩn so với chỉ tiêu của Kế hoạch 155 (90%, 90%, 95%).`}
            counts={false}
          />
        )}
        {!indicators.loading && !indicators.error && !indicators.data?.unit?.police?.standardIndicators && <p>Chưa có số liệu đánh giá cho đơn vị này.</p>}
      </section>
      <section aria-labelledby="h-sensitive" className="card" data-testid="public-figures" data-unit={unit.id} data-period={period?.id} data-ready={ready}>
        <h2 id="h-sensitive">Tin báo tội phạm, tái hòa nhập cộng đồng, bảo vệ phụ nữ và trẻ em: {period?.label ?? '…'}</h2>
        <p id={NOTE_ID} className="note" data-testid="suppressed-note">
          <strong>Ẩn (số nhỏ)</strong>: ô có số nhỏ, và những ô mà từ đó có thể suy ra số nhỏ ấy, không được công bố để không ai nhận ra người liên quan. Các ô
          ẩn không được cộng vào tổng nào trên trang này.
        </p>
        {(tips.error || protection.error) && <p role="alert">{tips.error ?? protection.error}</p>}
        {police && (
          <>
            <div className="table-wrap" role="region" aria-label="Bảng tin báo, tố giác tội phạm theo loại và tình trạng" tabIndex={0}>
              <table data-testid="public-tips">
                <caption>Tin báo, tố giác tội phạm tiếp nhận trong kỳ, theo loại và tình trạng</caption>
                <thead>
                  <tr>
                    <th scope="col">Loại tin báo</th>
                    {Object.keys(TIP_STATUS_NAMES).map((s) => (
                      <th scope="col" key={s}>
                        {TIP_STATUS_NAMES[s]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Object.keys(TIP_CATEGORY_NAMES).map((c) => (
                    <tr key={c} data-tip-category={c}>
                      <th scope="row">{TIP_CATEGORY_NAMES[c]}</th>
                      {Object.keys(TIP_STATUS_NAMES).map((s) => (
                        <Figure key={s} name={`tips:${c}:${s}`} value={tip(c, s)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-wrap" role="region" aria-label="Bảng người tái hòa nhập cộng đồng" tabIndex={0}>
              <table data-testid="public-reintegration">
                <tbody>
                  <tr>
                    <th scope="row">Người chấp hành xong án phạt tù trở về địa phương trong kỳ</th>
                    <Figure name="reintegration" value={police.reintegrationCases} />
                  </tr>
                </tbody>
              </table>
            </div>
          </>
        )}
        {women && (
          <div className="table-wrap" role="region" aria-label="Bảng vụ việc bảo vệ phụ nữ và trẻ em" tabIndex={0}>
            <table data-testid="public-protection">
              <caption>Vụ việc Hội Liên hiệp Phụ nữ hỗ trợ trong kỳ</caption>
              <tbody>
                <tr>
                  <th scope="row">Tổng số vụ việc</th>
                  <Figure name="protection:count" value={women.count} />
                </tr>
                <tr>
                  <th scope="row">Trong đó nạn nhân là trẻ em</th>
                  <Figure name="protection:children" value={women.children} />
                </tr>
                <tr>
                  <th scope="row">Đã chuyển cơ quan công an</th>
                  <Figure name="protection:referredToPolice" value={women.referredToPolice} />
                </tr>
                <tr>
                  <th scope="row">Đã kết thúc hỗ trợ</th>
                  <Figure name="protection:closed" value={women.closed} />
                </tr>
                {Object.keys(PROTECTION_KIND_NAMES).map((k) => (
                  <tr key={k}>
                    <th scope="row">{PROTECTION_KIND_NAMES[k]}</th>
                    <Figure name={`protection:${k}`} value={kind(k)} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
