/**
 * Periodic reports in the workbench. `Reports`: what the caller's branch owes (due from 60 days ago to
 * 45 days ahead), each opened to a preview with live figures, its versions, and the narrative form that
 * submits it. `Approvals`: for a district's or the province's staff, the reports of the branches below
 * that wait for approval on a period, each approved or returned with a comment.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { mutate, query } from './api';
import { FormErrors, PeriodSelect, TextAreaField } from './Fields';
import { fmtDate, fmtNumber, periodName } from './format';
import { RecordForm } from './RecordForm';
import { catalogue } from './schema';
import type { Staff } from './workbench';

interface Standing {
  period: { id: string; start: string; end: string };
  unit: { id: string; name: string };
  dueDate: string;
  timeliness: string;
  latestStage: string | null;
  latestVersion: number | null;
}
interface Version {
  id: string;
  reportVersion: number;
  stage: string;
  submittedOn: string;
  official: boolean;
  results: string | null;
  returnComment: string | null;
  sections: { id: string; titleVi: string; figures: { key: string; labelVi: string; value: number }[] }[];
}
interface Draft {
  dueDate: string;
  basis: { noteVi: string };
  sections: Version['sections'];
}

/** Vietnamese terms of the reports' catalogues (stage, timeliness), from the schema. */
function useTerms(token: string): Record<string, string> {
  const [terms, setTerms] = useState<Record<string, string>>({});
  useEffect(() => {
    void Promise.all([catalogue(token, 'ReportStage'), catalogue(token, 'ReportTimeliness')]).then(([a, b]) =>
      setTerms(Object.fromEntries([...a, ...b].map((o) => [o.value, o.label]))),
    );
  }, [token]);
  return terms;
}

const VERSION_FIELDS = 'id reportVersion stage submittedOn official results returnComment sections { id titleVi figures { key labelVi value } }';

function Figures({ sections, caption }: { sections: Version['sections']; caption: string }) {
  const rows = sections.flatMap((s) => s.figures.filter((f) => f.value !== 0).map((f) => ({ section: s.id, ...f })));
  if (!rows.length) return <p>{caption}: chưa có số liệu nào khác 0.</p>;
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mục</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Giá trị</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-figure={r.key}>
              <td className="text">{r.section}</td>
              <th scope="row">{r.labelVi}</th>
              <td>{fmtNumber(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Versions({ versions, terms }: { versions: Version[]; terms: Record<string, string> }) {
  if (!versions.length) return <p>Chưa gửi phiên bản nào.</p>;
  return (
    <ol className="versions" data-testid="versions">
      {versions.map((v) => (
        <li key={v.id} data-stage={v.stage}>
          Phiên bản {v.reportVersion}: {terms[v.stage] ?? v.stage}, gửi ngày {fmtDate(v.submittedOn)}
          {v.official && ' · phiên bản chính thức'}
          {v.returnComment && ` · ý kiến trả lại: ${v.returnComment}`}
        </li>
      ))}
    </ol>
  );
}

export function Reports({ staff }: { staff: Staff }) {
  const { token, org, prefix } = staff;
  const terms = useTerms(token);
  const [owed, setOwed] = useState<Standing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Standing | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    query<{ owed: Standing[] }>(
      token,
      `query WorkbenchOwed { owed: ${org}ReportsOwed { period { id start end } unit { id name } dueDate timeliness latestStage latestVersion } }`,
    ).then(
      (d) => setOwed(d.owed),
      (e: Error) => setError(e.message),
    );
  }, [token, org, reload]);

  return (
    <section aria-labelledby="h-reports" className="card" id="reports">
      <h2 id="h-reports">Báo cáo định kỳ phải gửi</h2>
      {error && <p role="alert">{error}</p>}
      {owed && owed.length === 0 && <p>Không có báo cáo nào đến hạn trong khoảng 60 ngày trước đến 45 ngày tới.</p>}
      {owed && owed.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Báo cáo phải gửi" tabIndex={0}>
          <table data-testid="owed">
            <thead>
              <tr>
                <th scope="col">Kỳ báo cáo</th>
                <th scope="col">Hạn gửi</th>
                <th scope="col">Tính kịp thời</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {owed.map((s) => (
                <tr key={`${s.unit.id}|${s.period.id}`} data-period={s.period.id}>
                  <th scope="row">{periodName(s.period.id)}</th>
                  <td>{fmtDate(s.dueDate)}</td>
                  <td className="text">{terms[s.timeliness] ?? s.timeliness}</td>
                  <td className="text" data-field="stage">
                    {s.latestStage ? `Phiên bản ${s.latestVersion}: ${terms[s.latestStage] ?? s.latestStage}` : 'Chưa gửi'}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => setOpen(s)} aria-label={`Mở báo cáo ${periodName(s.period.id)}`}>
                      Mở
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <Prepare
          key={`${open.unit.id}|${open.period.id}`}
          staff={staff}
          standing={open}
          terms={terms}
          onChange={() => setReload((n) => n + 1)}
          prefix={prefix}
        />
      )}
    </section>
  );
}

function Prepare({
  staff,
  standing,
  terms,
  prefix,
  onChange,
}: {
  staff: Staff;
  standing: Standing;
  terms: Record<string, string>;
  prefix: string;
  onChange: () => void;
}) {
  const { token, org } = staff;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const vars = { u: standing.unit.id, p: standing.period.id };
  useEffect(() => {
    query<{ draft: Draft | null; versions: Version[] }>(
      token,
      `query WorkbenchReport($u: ID!, $p: ID!) { draft: ${org}ReportDraft(unitId: $u, periodId: $p) { dueDate basis { noteVi } sections { id titleVi figures { key labelVi value } } }
        versions: ${org}Reports(unitId: $u, periodId: $p) { ${VERSION_FIELDS} } }`,
      vars,
    ).then(
      (d) => {
        setDraft(d.draft);
        setVersions(d.versions);
      },
      (e: Error) => setError(e.message),
    );
    // vars is derived from the standing, which keys this component.
  }, [token, org, reload]);
  const latest = versions?.[versions.length - 1];
  const canSubmit = versions !== null && (!latest || latest.stage === 'RETURNED');
  return (
    <div className="panel" data-testid="report-panel">
      <h3>
        Báo cáo {periodName(standing.period.id)} ({fmtDate(standing.period.start)} – {fmtDate(standing.period.end)}), {standing.unit.name}
      </h3>
      {error && <p role="alert">{error}</p>}
      <p role="status" className="done" data-testid="report-done">
        {done}
      </p>
      <h4>Các phiên bản</h4>
      {versions && <Versions versions={versions} terms={terms} />}
      {draft && !latest && (
        <>
          <h4>Dự thảo (xem trước)</h4>
          <p className="muted">{draft.basis.noteVi}</p>
          <Figures sections={draft.sections} caption="Số liệu dự thảo" />
        </>
      )}
      {latest && latest.stage !== 'RETURNED' && <Figures sections={latest.sections} caption={`Số liệu phiên bản ${latest.reportVersion}`} />}
      {canSubmit && (
        <>
          <h4>Phần nhận định và gửi báo cáo</h4>
          <RecordForm
            token={token}
            inputType={`${prefix}ReportNarrativeInput`}
            argument="input"
            units={staff.units}
            submitLabel="Gửi báo cáo"
            testId="submit-report"
            onSubmit={async (input) => {
              const r = await mutate<{ r: { id: string; reportVersion: number } | null }>(
                token,
                `mutation WorkbenchSubmit($u: ID!, $p: ID!, $input: ${prefix}ReportNarrativeInput!) { r: submit${prefix}Report(unitId: $u, periodId: $p, input: $input) { id reportVersion } }`,
                { ...vars, input },
              );
              if (r.data?.r) {
                setDone(`Đã gửi báo cáo, phiên bản ${r.data.r.reportVersion}.`);
                setReload((n) => n + 1);
                onChange();
              }
              return r;
            }}
          />
        </>
      )}
    </div>
  );
}

export function Approvals({ staff }: { staff: Staff }) {
  const { token, org } = staff;
  const terms = useTerms(token);
  const [periods, setPeriods] = useState<string[]>([]);
  const [period, setPeriod] = useState('');
  const [waiting, setWaiting] = useState<Standing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Standing | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    query<{ owed: { period: { id: string } }[] }>(token, `query WorkbenchPeriods { owed: ${org}ReportsOwed { period { id } } }`).then(
      (d) => {
        const ids = [...new Set(d.owed.map((o) => o.period.id))];
        setPeriods(ids);
        setPeriod((p) => p || ids[0] || '');
      },
      (e: Error) => setError(e.message),
    );
  }, [token, org]);
  useEffect(() => {
    if (!period) return;
    // A slower answer for the period chosen before must not replace this one's.
    let live = true;
    setWaiting(null);
    query<{ c: { part: { timeliness: Standing[] } | null } | null }>(
      token,
      `query WorkbenchBelow($u: ID!, $p: ID!) { c: consolidatedReport(unitId: $u, periodId: $p) { part: ${org} { timeliness { period { id start end } unit { id name } dueDate timeliness latestStage latestVersion } } } }`,
      { u: staff.unit.id, p: period },
    ).then(
      (d) =>
        live && setWaiting((d.c?.part?.timeliness ?? []).filter((s) => s.unit.id !== staff.unit.id && s.latestStage === 'SUBMITTED' && s.period.id === period)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [token, org, staff.unit.id, period, reload]);
  return (
    <section aria-labelledby="h-approvals" className="card" id="approvals">
      <h2 id="h-approvals">Duyệt báo cáo của cấp dưới</h2>
      {error && <p role="alert">{error}</p>}
      <PeriodSelect
        periods={periods}
        value={period}
        testId="approve-period"
        onChange={(p) => {
          setPeriod(p);
          setOpen(null);
        }}
      />
      {waiting && waiting.length === 0 && <p>Không có báo cáo nào của cấp dưới đang chờ duyệt trong kỳ này.</p>}
      {waiting && waiting.length > 0 && (
        <ul className="waiting" data-testid="waiting" data-period={waiting[0]!.period.id}>
          {waiting.map((s) => (
            <li key={s.unit.id} data-unit={s.unit.id}>
              {s.unit.name}: phiên bản {s.latestVersion}, {terms[s.timeliness] ?? s.timeliness}{' '}
              <button type="button" className="secondary" onClick={() => setOpen(s)} aria-label={`Xem báo cáo của ${s.unit.name}`}>
                Xem và duyệt
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <Decide
          key={`${open.unit.id}|${open.period.id}`}
          staff={staff}
          standing={open}
          terms={terms}
          onDone={() => {
            setReload((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

function Decide({ staff, standing, terms, onDone }: { staff: Staff; standing: Standing; terms: Record<string, string>; onDone: () => void }) {
  const { token, org, prefix } = staff;
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    query<{ versions: Version[] }>(
      token,
      `query WorkbenchVersions($u: ID!, $p: ID!) { versions: ${org}Reports(unitId: $u, periodId: $p) { ${VERSION_FIELDS} } }`,
      {
        u: standing.unit.id,
        p: standing.period.id,
      },
    ).then(
      (d) => setVersions(d.versions),
      (e: Error) => setErrors({ fields: {}, general: [e.message] }),
    );
  }, [token, org, standing, reload]);
  const latest = versions?.[versions.length - 1];
  const decide = (action: 'approve' | 'return') => async (e?: FormEvent) => {
    e?.preventDefault();
    if (!latest) return;
    const r = await mutate<{ r: { stage: string } | null }>(
      token,
      `mutation WorkbenchDecide($id: ID!, $comment: String${action === 'return' ? '!' : ''}) { r: ${action}${prefix}Report(id: $id, comment: $comment) { stage } }`,
      { id: latest.id, comment: comment || (action === 'return' ? '' : null) },
    );
    setErrors(r);
    if (r.data?.r) {
      setDone(action === 'approve' ? `Đã duyệt phiên bản ${latest.reportVersion}.` : `Đã trả lại phiên bản ${latest.reportVersion}.`);
      setReload((n) => n + 1);
      onDone();
    }
  };
  const error = errors?.fields.comment;
  return (
    <div className="panel" data-testid="decide-panel">
      <h3>
        Báo cáo {periodName(standing.period.id)} của {standing.unit.name}
      </h3>
      <p role="status" className="done" data-testid="decide-done">
        {done}
      </p>
      {versions && <Versions versions={versions} terms={terms} />}
      {latest?.results && (
        <p>
          <strong>Kết quả đạt được:</strong> {latest.results}
        </p>
      )}
      {latest && <Figures sections={latest.sections} caption={`Số liệu phiên bản ${latest.reportVersion}`} />}
      {latest?.stage === 'SUBMITTED' && (
        <form onSubmit={decide('approve')} noValidate>
          <TextAreaField
            id="decide-comment"
            field="comment"
            name="comment"
            label="Ý kiến (bắt buộc khi trả lại, ít nhất 5 ký tự)"
            value={comment}
            onChange={setComment}
            error={error}
          />
          <FormErrors messages={errors?.general} />
          <div className="actions">
            <button type="submit">Duyệt báo cáo</button>
            <button type="button" className="secondary" onClick={() => void decide('return')()}>
              Trả lại để sửa
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
