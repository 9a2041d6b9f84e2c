/**
 * The opinions voiced at forums and handed to the caller's organization that nobody has answered yet,
 * in the caller's jurisdiction, overdue first; each answered with the form the schema's answer input
 * gives (the answer and its day).
 */
import { useEffect, useState } from 'react';
import { mutate, query } from './api';
import { fmtDate } from './format';
import { RecordForm } from './RecordForm';
import type { Staff } from './workbench';

interface Opinion {
  id: string;
  topic: string;
  summary: string;
  raisedOn: string;
  dueDate: string;
  overdue: boolean;
  unit: { name: string };
}

export function Opinions({ staff }: { staff: Staff }) {
  const { token, org, prefix } = staff;
  const [open, setOpen] = useState<Opinion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answering, setAnswering] = useState<Opinion | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    query<{ unit: { r: { opinions: Opinion[] } | null } | null }>(
      token,
      `query WorkbenchOpinions($u: ID!) { unit(id: $u) { r: ${org} { opinions(status: OPEN, first: 50) { id topic summary raisedOn dueDate overdue unit { name } } } } }`,
      { u: staff.unit.id },
    ).then(
      (d) => setOpen([...(d.unit?.r?.opinions ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate))),
      (e: Error) => setError(e.message),
    );
  }, [token, org, staff.unit.id, reload]);

  return (
    <section aria-labelledby="h-opinions" className="card" id="opinions">
      <h2 id="h-opinions">Ý kiến, kiến nghị cần trả lời</h2>
      {error && <p role="alert">{error}</p>}
      <p role="status" className="done" data-testid="opinion-done">
        {done}
      </p>
      {open && open.length === 0 && <p>Không có ý kiến nào đang chờ trả lời.</p>}
      {open && open.length > 0 && (
        <ul className="opinions" data-testid="opinions">
          {open.map((o) => (
            <li key={o.id} data-opinion={o.id}>
              <p>
                <strong>{o.topic}</strong> · {o.unit.name} · nêu ngày {fmtDate(o.raisedOn)} · hạn trả lời {fmtDate(o.dueDate)}
                {o.overdue && <span className="badge late"> Quá hạn</span>}
              </p>
              <p>{o.summary}</p>
              {answering?.id === o.id ? (
                <RecordForm
                  token={token}
                  inputType={`Answer${prefix}OpinionInput`}
                  argument="input"
                  units={staff.units}
                  submitLabel="Gửi trả lời"
                  onCancel={() => setAnswering(null)}
                  onSubmit={async (input) => {
                    const r = await mutate<{ r: { id: string } | null }>(
                      token,
                      `mutation WorkbenchAnswer($id: ID!, $input: Answer${prefix}OpinionInput!) { r: answer${prefix}Opinion(id: $id, input: $input) { id } }`,
                      { id: o.id, input },
                    );
                    if (r.data?.r) {
                      setAnswering(null);
                      setDone(`Đã trả lời ý kiến về ${o.topic.toLowerCase()}.`);
                      setReload((n) => n + 1);
                    }
                    return r;
                  }}
                />
              ) : (
                <button type="button" className="secondary" onClick={() => setAnswering(o)}>
                  Trả lời ý kiến này
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
