/**
 * Reporting on the leadership dashboard: for a period, every organization against every branch under
 * the unit being read (the consolidated report's timeliness, one part per organization), on time, late
 * or missing, the units with reports missing first. A cell opens that branch's report: its versions,
 * each downloadable as DOCX, PDF or XLSX through the API (each download is audited there).
 */
import { useEffect, useMemo, useState } from 'react';
import { query } from './api';
import { PeriodSelect } from './Fields';
import { fmtDate, periodName, ORGANIZATION_NAMES } from './format';
import { catalogue } from './schema';

const ORGS = ['front', 'police', 'veterans', 'women', 'youth', 'labour', 'farmers', 'elderly', 'infocomm'] as const;
type Org = (typeof ORGS)[number];
const SHOWN = 40;

interface Standing {
  unit: { id: string; name: string };
  timeliness: string;
  latestStage: string | null;
  latestVersion: number | null;
  firstSubmittedOn: string | null;
  dueDate: string;
}
interface Version {
  id: string;
  reportVersion: number;
  stage: string;
  submittedOn: string;
  official: boolean;
}

/** The plan's reporting periods from its start to this year, newest first: six-month, yearly, quarterly. */
function reportingPeriods(): string[] {
  const now = new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  for (let y = Number(now.slice(0, 4)); y >= 2021; y--) out.push(`${y}-PLAN-Y`, `${y}-PLAN-6M2`, `${y}-PLAN-6M`, `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
  return out;
}
const CLASS: Record<string, string> = { MISSING: 'missing', LATE: 'late', ON_TIME: 'on-time', NOT_YET_DUE: 'not-due' };

export function ReportingGrid({ token, unitId, unitName, defaultPeriod }: { token: string; unitId: string; unitName: string; defaultPeriod: string }) {
  const periods = useMemo(reportingPeriods, []);
  const [period, setPeriod] = useState(periods.includes(defaultPeriod) ? defaultPeriod : periods[0]!);
  const [parts, setParts] = useState<Partial<Record<Org, Standing[] | null>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [terms, setTerms] = useState<Record<string, string>>({});
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState<{ org: Org; standing: Standing } | null>(null);
  // Every branch of every organization under the unit: a heavy read, made when asked for.
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    void Promise.all([catalogue(token, 'ReportTimeliness'), catalogue(token, 'ReportStage')]).then(([a, b]) =>
      setTerms(Object.fromEntries([...a, ...b].map((o) => [o.value, o.label]))),
    );
  }, [token]);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    setParts(null);
    setError(null);
    setOpen(null);
    const fields = 'timeliness { unit { id name } timeliness latestStage latestVersion firstSubmittedOn dueDate }';
    query<{ c: Record<Org, { timeliness: Standing[] } | null> | null }>(
      token,
      `query DashboardReporting($u: ID!, $p: ID!) { c: consolidatedReport(unitId: $u, periodId: $p) { ${ORGS.map((o) => `${o} { ${fields} }`).join(' ')} } }`,
      { u: unitId, p: period },
    ).then(
      (d) => live && setParts(Object.fromEntries(ORGS.map((o) => [o, d.c?.[o]?.timeliness ?? null]))),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [token, unitId, period, asked]);

  const rows = useMemo(() => {
    if (!parts) return [];
    const units = new Map<string, { id: string; name: string; cells: Partial<Record<Org, Standing>>; rank: number[] }>();
    for (const o of ORGS)
      for (const s of parts[o] ?? []) {
        const row = units.get(s.unit.id) ?? { id: s.unit.id, name: s.unit.name, cells: {}, rank: [0, 0] };
        row.cells[o] = s;
        units.set(s.unit.id, row);
      }
    for (const r of units.values()) {
      const states = Object.values(r.cells).map((s) => s.timeliness);
      r.rank = [-states.filter((t) => t === 'MISSING').length, -states.filter((t) => t === 'LATE').length];
    }
    return [...units.values()].sort((a, b) => a.rank[0]! - b.rank[0]! || a.rank[1]! - b.rank[1]! || a.name.localeCompare(b.name, 'vi'));
  }, [parts]);
  const totals = useMemo(() => {
    const t: Record<string, number> = {};
    for (const r of rows) for (const s of Object.values(r.cells)) t[s.timeliness] = (t[s.timeliness] ?? 0) + 1;
    return t;
  }, [rows]);

  return (
    <section aria-labelledby="h-reporting" className="card">
      <h2 id="h-reporting">Tình hình gửi báo cáo: {unitName}</h2>
      <PeriodSelect className="narrow" periods={periods} value={period} onChange={setPeriod} testId="reporting-period" />
      {!asked && (
        <button type="button" onClick={() => setAsked(true)} data-testid="reporting-show">
          Xem tình hình gửi báo cáo
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {asked && !parts && !error && <p>Đang tải…</p>}
      {parts && rows.length === 0 && <p>Không có đơn vị nào phải gửi báo cáo kỳ này.</p>}
      {parts && rows.length > 0 && (
        <>
          <p data-testid="reporting-totals">
            {['MISSING', 'LATE', 'ON_TIME', 'NOT_YET_DUE']
              .filter((k) => totals[k])
              .map((k) => `${terms[k] ?? k}: ${totals[k]}`)
              .join(' · ')}
          </p>
          <div className="table-wrap" role="region" aria-label="Bảng tình hình gửi báo cáo của các tổ chức theo đơn vị" tabIndex={0}>
            <table data-testid="reporting" className="grid">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  {ORGS.map((o) => (
                    <th scope="col" key={o}>
                      {ORGANIZATION_NAMES[o]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(all ? rows : rows.slice(0, SHOWN)).map((r) => (
                  <tr key={r.id} data-unit-row={r.id}>
                    <th scope="row">{r.name}</th>
                    {ORGS.map((o) => {
                      const s = r.cells[o];
                      if (!s)
                        return (
                          <td key={o} className="text">
                            —
                          </td>
                        );
                      return (
                        <td key={o} className={`text cell-${CLASS[s.timeliness] ?? ''}`} data-org={o} data-timeliness={s.timeliness}>
                          {s.latestVersion ? (
                            <button
                              type="button"
                              className="link"
                              onClick={() => setOpen({ org: o, standing: s })}
                              aria-label={`${ORGANIZATION_NAMES[o]}, ${r.name}: ${terms[s.timeliness] ?? s.timeliness}, mở báo cáo`}
                            >
                              {terms[s.timeliness] ?? s.timeliness}
                            </button>
                          ) : (
                            (terms[s.timeliness] ?? s.timeliness)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > SHOWN && (
            <button type="button" className="secondary" onClick={() => setAll((a) => !a)}>
              {all ? `Chỉ xem ${SHOWN} đơn vị đầu` : `Xem cả ${rows.length} đơn vị`}
            </button>
          )}
        </>
      )}
      {open && (
        <ReportVersions
          key={`${open.org}|${open.standing.unit.id}|${period}`}
          token={token}
          org={open.org}
          standing={open.standing}
          period={period}
          terms={terms}
        />
      )}
    </section>
  );
}

function ReportVersions({
  token,
  org,
  standing,
  period,
  terms,
}: {
  token: string;
  org: Org;
  standing: Standing;
  period: string;
  terms: Record<string, string>;
}) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    query<{ r: Version[] }>(
      token,
      `query DashboardReportVersions($u: ID!, $p: ID!) { r: ${org}Reports(unitId: $u, periodId: $p) { id reportVersion stage submittedOn official } }`,
      {
        u: standing.unit.id,
        p: period,
      },
    ).then(
      (d) => setVersions(d.r),
      (e: Error) => setError(e.message),
    );
  }, [token, org, standing.unit.id, period]);
  const download = async (v: Version, format: 'DOCX' | 'PDF' | 'XLSX') => {
    setBusy(`${v.id}|${format}`);
    setError(null);
    try {
      const d = await query<{ r: { document: { fileName: string; mediaType: string; base64: string } | null } | null }>(
        token,
        `query DashboardReportDocument($id: ID!, $f: DocumentFormat!) { r: ${org}ReportVersion(id: $id) { document(format: $f) { fileName mediaType base64 } } }`,
        { id: v.id, f: format },
      );
      const doc = d.r?.document;
      if (!doc) throw new Error('Không tải được văn bản này.');
      const bytes = Uint8Array.from(atob(doc.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: doc.mediaType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = doc.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="panel" data-testid="report-versions">
      <h3>
        Báo cáo {periodName(period)} của {ORGANIZATION_NAMES[org]}, {standing.unit.name}
      </h3>
      <p className="muted">
        Hạn gửi {fmtDate(standing.dueDate)}; gửi lần đầu {fmtDate(standing.firstSubmittedOn)}.
      </p>
      {error && <p role="alert">{error}</p>}
      {versions && (
        <ol className="versions">
          {versions.map((v) => (
            <li key={v.id} data-stage={v.stage}>
              Phiên bản {v.reportVersion}: {terms[v.stage] ?? v.stage}, gửi ngày {fmtDate(v.submittedOn)}
              {v.official && ' · phiên bản chính thức'}{' '}
              <span className="actions inline">
                {(['DOCX', 'PDF', 'XLSX'] as const).map((f) => (
                  <button
                    type="button"
                    className="secondary"
                    key={f}
                    disabled={busy !== null}
                    onClick={() => void download(v, f)}
                    aria-label={`Tải phiên bản ${v.reportVersion} dạng ${f}`}
                  >
                    {busy === `${v.id}|${f}` ? 'Đang tải…' : `Tải ${f}`}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
