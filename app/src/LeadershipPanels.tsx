/**
 * The leadership dashboard's movement and security panel for a unit and a period, counts only, from the
 * registered operation DashboardLeadershipPanels: each organization's models, forums and unanswered
 * opinions; the Front's and the police's reviews of models by rating; tips by status and the overdue ones
 * (small counts stay hidden as the gateway hides them); hotspots and key areas by status. No record, no person.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { run } from './api';
import { ORGANIZATION_NAMES, basisWords, fmtNumber, type Basis } from './format';

const ORGS = ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'] as const;

interface OrgCounts {
  modelCounts: { status: string; count: number }[];
  forumCounts: { count: number; attendance: number; basis: Basis }[];
  /** Its basis is the organization's (the same unit and period as its forums'): official by default, or live. */
  opinionCounts: { total: number; open: number; overdue: number; basis: Basis };
}
export interface PanelsAnswer {
  unit:
    | (Record<(typeof ORGS)[number], OrgCounts | null> & {
        front:
          | (OrgCounts & {
              modelReviewSummary: { count: number; byRating: { rating: string; count: number }[] };
              latestModelReviews: { count: number; byRating: { rating: string; count: number }[] };
            })
          | null;
        police:
          | (OrgCounts & {
              tipCounts: { status: string; count: number | null; basis: Basis }[];
              overdueTips: number | null;
              overdueTipsBasis: Basis;
              openHotspots: number;
              openHotspotsBasis: Basis;
            })
          | null;
      })
    | null;
  policeHotspots: { id: string; status: string }[];
  policeKeyAreas: { id: string; status: string }[];
}

const RATING_NAMES: Record<string, string> = { EFFECTIVE: 'Hiệu quả', AVERAGE: 'Trung bình', INEFFECTIVE: 'Chưa hiệu quả' };
export const TIP_STATUS_NAMES: Record<string, string> = {
  RECEIVED: 'Mới tiếp nhận',
  FORWARDED: 'Đã chuyển cơ quan điều tra',
  BEING_VERIFIED: 'Đang xác minh',
  DECIDED: 'Đã có quyết định',
  REPORTER_NOTIFIED: 'Đã báo kết quả cho người tố giác',
};
const HOTSPOT_STATUS_NAMES: Record<string, string> = {
  MONITORING: 'Đang theo dõi',
  MEDIATING: 'Đang hòa giải',
  RESOLVED: 'Đã giải quyết',
  ESCALATED: 'Đã chuyển xử lý',
};
const KEY_AREA_STATUS_NAMES: Record<string, string> = {
  LISTED: 'Đã đưa vào danh sách',
  BEING_TRANSFORMED: 'Đang chuyển hóa',
  CLEARED: 'Đã ra khỏi danh sách',
};

/**
 * The tips of one status, summed over the categories: every part hidden (under the disclosure threshold)
 * shows as hidden, some hidden as "at least" the sum of the others.
 */
export function tipCell(counts: { status: string; count: number | null }[], status: string): string {
  const parts = counts.filter((c) => c.status === status);
  if (parts.length === 0) return fmtNumber(0);
  const known = parts.reduce((s, c) => s + (c.count ?? 0), 0);
  if (parts.every((c) => c.count === null)) return 'Ẩn (số nhỏ)';
  return parts.some((c) => c.count === null) ? `ít nhất ${fmtNumber(known)}` : fmtNumber(known);
}

function byStatus(items: { status: string }[], status: string): number {
  return items.filter((i) => i.status === status).length;
}

function Table({ label, testId, head, children }: { label: string; testId: string; head: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table data-testid={testId}>
        <caption>{label}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function LeadershipPanels({ token, unitId, periodId, periodLabel }: { token: string; unitId: string; periodId?: string; periodLabel?: string }) {
  const [state, setState] = useState<{ data?: PanelsAnswer; error?: string; loading: boolean }>({ loading: true });
  useEffect(() => {
    if (!periodId) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run<PanelsAnswer>(token, 'DashboardLeadershipPanels', { unit: unitId, period: periodId }).then(
      (data) => live && setState({ data, loading: false }),
      (e: Error) => live && setState({ error: e.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [token, unitId, periodId]);

  const unit = state.data?.unit;
  const police = unit?.police;
  return (
    <section aria-labelledby="h-panels" className="card">
      <h2 id="h-panels">Mô hình, diễn đàn, ý kiến, tin báo và điểm nóng: {periodLabel ?? '…'}</h2>
      {state.loading && <p>Đang tải…</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {!state.loading && unit && state.data && (
        <div className="panels" data-testid="panels" data-unit={unitId} data-period={periodId}>
          <Table
            label="Mô hình, diễn đàn và ý kiến chưa trả lời của các tổ chức"
            testId="panel-movement"
            head={['Tổ chức', 'Mô hình đang hoạt động', 'Tổng số mô hình', 'Diễn đàn trong kỳ', 'Ý kiến chưa trả lời', 'Trong đó quá hạn', 'Nguồn số liệu']}
          >
            {ORGS.map((o) => {
              const c = unit[o];
              return (
                <tr key={o} data-org={o}>
                  <th scope="row">{ORGANIZATION_NAMES[o]}</th>
                  {c ? (
                    <>
                      <td data-field="active-models">{fmtNumber(c.modelCounts.filter((m) => m.status === 'ACTIVE').reduce((s, m) => s + m.count, 0))}</td>
                      <td data-field="models">{fmtNumber(c.modelCounts.reduce((s, m) => s + m.count, 0))}</td>
                      <td data-field="forums">{fmtNumber(c.forumCounts.reduce((s, f) => s + f.count, 0))}</td>
                      <td data-field="open-opinions">{fmtNumber(c.opinionCounts.open)}</td>
                      <td data-field="overdue-opinions" className={c.opinionCounts.overdue > 0 ? 'below' : undefined}>
                        {fmtNumber(c.opinionCounts.overdue)}
                      </td>
                      <td data-field="basis">{basisWords(c.opinionCounts.basis)}</td>
                    </>
                  ) : (
                    <td colSpan={6}>Không trả lời</td>
                  )}
                </tr>
              );
            })}
          </Table>
          {unit.front && (
            <Table
              label="Đánh giá mô hình (Mặt trận và Công an), theo kết quả: lượt đánh giá trong kỳ, và mô hình theo lần đánh giá gần nhất đến cuối kỳ"
              testId="panel-reviews"
              head={['Kết quả', 'Lượt đánh giá trong kỳ', 'Mô hình theo đánh giá gần nhất']}
            >
              {Object.keys(RATING_NAMES).map((r) => (
                <tr key={r} data-rating={r}>
                  <th scope="row">{RATING_NAMES[r]}</th>
                  <td data-field="count">{fmtNumber(unit.front!.modelReviewSummary.byRating.find((b) => b.rating === r)?.count ?? 0)}</td>
                  <td data-field="latest">{fmtNumber(unit.front!.latestModelReviews.byRating.find((b) => b.rating === r)?.count ?? 0)}</td>
                </tr>
              ))}
            </Table>
          )}
          {police && (
            <Table label="Tin báo tố giác tội phạm nhận trong kỳ, theo tình trạng (số nhỏ được ẩn)" testId="panel-tips" head={['Tình trạng', 'Số tin']}>
              {Object.keys(TIP_STATUS_NAMES).map((s) => (
                <tr key={s} data-tip-status={s}>
                  <th scope="row">{TIP_STATUS_NAMES[s]}</th>
                  <td data-field="count">{tipCell(police.tipCounts, s)}</td>
                </tr>
              ))}
              <tr data-tip-status="OVERDUE">
                <th scope="row">Trong đó quá hạn (chưa chuyển hoặc chưa quyết định đúng hạn)</th>
                <td data-field="count" className={police.overdueTips ? 'below' : undefined}>
                  {police.overdueTips === null ? 'Ẩn (số nhỏ)' : fmtNumber(police.overdueTips)}
                </td>
              </tr>
              <tr data-tip-status="BASIS">
                <th scope="row">Nguồn số liệu</th>
                <td data-field="basis">{basisWords(police.overdueTipsBasis)}</td>
              </tr>
            </Table>
          )}
          <Table label="Điểm nóng về an ninh, trật tự" testId="panel-hotspots" head={['Tình trạng', 'Số điểm']}>
            {police && (
              <tr data-hotspot-status="OPEN_AT_END">
                <th scope="row">Chưa giải quyết vào cuối kỳ</th>
                <td data-field="count">{fmtNumber(police.openHotspots)}</td>
              </tr>
            )}
            {police && (
              <tr data-hotspot-status="BASIS">
                <th scope="row">Nguồn số liệu (điểm chưa giải quyết vào cuối kỳ)</th>
                <td data-field="basis">{basisWords(police.openHotspotsBasis)}</td>
              </tr>
            )}
            {Object.keys(HOTSPOT_STATUS_NAMES).map((s) => (
              <tr key={s} data-hotspot-status={s}>
                <th scope="row">{HOTSPOT_STATUS_NAMES[s]} (hiện nay)</th>
                <td data-field="count">{fmtNumber(byStatus(state.data!.policeHotspots, s))}</td>
              </tr>
            ))}
          </Table>
          <Table label="Địa bàn trọng điểm, phức tạp (hiện nay)" testId="panel-key-areas" head={['Tình trạng', 'Số địa bàn']}>
            {Object.keys(KEY_AREA_STATUS_NAMES).map((s) => (
              <tr key={s} data-key-area-status={s}>
                <th scope="row">{KEY_AREA_STATUS_NAMES[s]}</th>
                <td data-field="count">{fmtNumber(byStatus(state.data!.policeKeyAreas, s))}</td>
              </tr>
            ))}
          </Table>
        </div>
      )}
    </section>
  );
}
