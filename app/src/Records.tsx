/**
 * The records the caller's organization keeps in their jurisdiction, one kind at a time, a page at a
 * time (the kind's root list, newest first, voided ones left out), with the forms to enter, correct
 * (with a reason) and void (with a reason) them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { mutate, query } from './api';
import { fmtDate, fmtNumber } from './format';
import { FormErrors, TextAreaField } from './Fields';
import { RecordForm } from './RecordForm';
import { catalogue, listColumns, recordKinds, statusField, type Column, type RecordKindInfo } from './schema';
import type { Staff } from './workbench';

const PAGE = 10;
type Row = Record<string, unknown> & { id: string; version: number };
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Row[];
}
type Mode = { kind: 'create' } | { kind: 'correct'; row: Row } | { kind: 'void'; row: Row } | null;

export function Records({ staff }: { staff: Staff }) {
  const { token, prefix } = staff;
  const [kinds, setKinds] = useState<RecordKindInfo[] | null>(null);
  const [type, setType] = useState('');
  const [columns, setColumns] = useState<Column[]>([]);
  const [status, setStatus] = useState('status');
  const [labels, setLabels] = useState<Record<string, Record<string, string>>>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const kind = kinds?.find((k) => k.type === type);

  useEffect(() => {
    recordKinds(token, prefix).then(
      (ks) => {
        setKinds(ks);
        setType(ks.find((k) => k.type === `${prefix}Activity`)?.type ?? ks[0]?.type ?? '');
      },
      (e: Error) => setError(e.message),
    );
  }, [token, prefix]);

  useEffect(() => {
    if (!kind) return;
    let live = true;
    Promise.all([listColumns(token, kind.type, kind.inputType), statusField(token, kind.type)]).then(
      async ([cols, st]) => {
        const enums = await Promise.all(
          cols
            .filter((c) => c.isEnum)
            .map(async (c) => [c.isEnum!, Object.fromEntries((await catalogue(token, c.isEnum!)).map((o) => [o.value, o.label]))] as const),
        );
        if (!live) return;
        setLabels(Object.fromEntries(enums));
        setColumns(cols);
        setStatus(st);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [token, kind]);

  const cursor = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    if (!kind || !columns.length) return;
    let live = true;
    const text = `query WorkbenchRecords($first: Int, $after: String) { list: ${kind.list}(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id version ${status} ${columns.map((c) => c.select).join(' ')} } } }`;
    query<{ list: Page }>(token, text, { first: PAGE, after: cursor }).then(
      (d) => {
        if (!live) return;
        setPage(d.list);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [token, kind, columns, status, cursor, reload]);

  const shown = columns.filter((c) => !c.list).slice(0, 5);
  const cell = (row: Row, c: Column): string => {
    const v = row[c.name];
    if (v === null || v === undefined || v === '') return '—';
    if (c.name === 'unit') return (v as { name: string }).name;
    if (c.isEnum) return labels[c.isEnum]?.[String(v)] ?? String(v);
    if (typeof v === 'number') return fmtNumber(v);
    if (typeof v === 'boolean') return v ? 'Có' : 'Không';
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
    return String(v);
  };
  const finished = (message: string) => {
    setMode(null);
    setDone(message);
    setCursors([null]);
    setReload((n) => n + 1);
  };

  return (
    <section aria-labelledby="h-records" className="card" id="records">
      <h2 id="h-records">Hồ sơ của tổ chức trong địa bàn</h2>
      {error && <p role="alert">{error}</p>}
      {!kinds && !error && <p>Đang tải…</p>}
      {kinds && (
        <div className="controls">
          <label>
            Loại hồ sơ
            <select
              value={type}
              data-testid="record-kind"
              onChange={(e) => {
                setType(e.target.value);
                setColumns([]);
                setPage(null);
                setCursors([null]);
                setMode(null);
                setDone(null);
              }}
            >
              {kinds.map((k) => (
                <option key={k.type} value={k.type}>
                  {k.noun.charAt(0).toUpperCase() + k.noun.slice(1)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions end">
            <button
              type="button"
              data-testid="record-new"
              onClick={() => {
                setMode({ kind: 'create' });
                setDone(null);
              }}
            >
              Ghi nhận {kind?.noun ?? 'hồ sơ'} mới
            </button>
          </div>
        </div>
      )}
      <p role="status" className="done" data-testid="record-done">
        {done}
      </p>
      {kind && mode?.kind === 'create' && (
        <div className="panel" data-testid="create-panel">
          <h3>Ghi nhận {kind.noun} mới</h3>
          <RecordForm
            token={token}
            inputType={kind.inputType}
            argument="input"
            units={staff.units}
            reasonRequired={false}
            submitLabel="Ghi nhận"
            testId="create-form"
            onCancel={() => setMode(null)}
            onSubmit={async (input, reason) => {
              const r = await mutate<Record<string, { id: string } | null>>(
                token,
                `mutation WorkbenchRecord($input: ${kind.inputType}!, $reason: String, $clientKey: String) { r: ${kind.create}(input: $input, reason: $reason, clientKey: $clientKey) { id } }`,
                { input, reason: reason || null, clientKey: crypto.randomUUID() },
              );
              if (r.data?.r) finished(`Đã ghi nhận ${kind.noun}.`);
              return r;
            }}
          />
        </div>
      )}
      {kind && mode?.kind === 'correct' && kind.correct && (
        <div className="panel" data-testid="correct-panel">
          <h3>Đính chính {kind.noun}</h3>
          <RecordForm
            token={token}
            inputType={kind.changesType!}
            argument="changes"
            record={mode.row}
            units={staff.units}
            submitLabel="Lưu đính chính"
            testId="correct-form"
            onCancel={() => setMode(null)}
            onSubmit={async (changes, reason) => {
              const r = await mutate<Record<string, { id: string } | null>>(
                token,
                `mutation WorkbenchCorrect($id: ID!, $changes: ${kind.changesType}!, $reason: String!) { r: ${kind.correct}(id: $id, changes: $changes, reason: $reason) { id version } }`,
                { id: mode.row.id, changes, reason: reason ?? '' },
              );
              if (r.data?.r) finished(`Đã đính chính ${kind.noun}.`);
              return r;
            }}
          />
        </div>
      )}
      {kind && mode?.kind === 'void' && kind.void && (
        <VoidForm
          noun={kind.noun}
          onCancel={() => setMode(null)}
          onSubmit={async (reason) => {
            const r = await mutate<Record<string, { id: string } | null>>(
              token,
              `mutation WorkbenchVoid($id: ID!, $reason: String!) { r: ${kind.void}(id: $id, reason: $reason) { id } }`,
              { id: mode.row.id, reason },
            );
            if (r.data?.r) finished(`Đã hủy ${kind.noun}.`);
            return r;
          }}
        />
      )}
      {page && kind && (
        <>
          <p data-testid="record-total">
            Tổng số {kind.noun} còn hiệu lực: <strong>{fmtNumber(page.totalCount)}</strong>
          </p>
          <div className="table-wrap" role="region" aria-label={`Danh sách ${kind.noun}`} tabIndex={0}>
            <table data-testid="records">
              <thead>
                <tr>
                  {shown.map((c) => (
                    <th scope="col" key={c.name}>
                      {c.label}
                    </th>
                  ))}
                  <th scope="col">Phiên bản</th>
                  <th scope="col">Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((row) => (
                  <tr key={row.id} data-record={row.id}>
                    {shown.map((c) => (
                      <td key={c.name} data-field={c.name} className={typeof row[c.name] === 'number' ? undefined : 'text'}>
                        {cell(row, c)}
                      </td>
                    ))}
                    <td data-field="version">{row.version}</td>
                    <td className="row-actions">
                      {kind.correct && (
                        <button type="button" className="secondary" onClick={() => setMode({ kind: 'correct', row })}>
                          Đính chính
                        </button>
                      )}
                      {kind.void && (
                        <button type="button" className="secondary" onClick={() => setMode({ kind: 'void', row })}>
                          Hủy
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nodes.length === 0 && <p>Chưa có {kind.noun} nào trong địa bàn.</p>}
          <div className="actions">
            <button type="button" className="secondary" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Trang trước
            </button>
            <span className="muted">Trang {cursors.length}</span>
            <button
              type="button"
              className="secondary"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor])}
            >
              Trang sau
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function VoidForm({
  noun,
  onSubmit,
  onCancel,
}: {
  noun: string;
  onSubmit: (reason: string) => Promise<{ fields: Record<string, string>; general: string[] }>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string[] } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors(await onSubmit(reason));
  };
  const error = errors?.fields.reason;
  return (
    <div className="panel" data-testid="void-panel">
      <h3>Hủy {noun}</h3>
      <p className="muted">Bản ghi bị hủy không còn được tính; các phiên bản của nó vẫn xem được.</p>
      <form onSubmit={submit} noValidate>
        <TextAreaField id="void-reason" field="reason" name="reason" label="Lý do hủy" required value={reason} onChange={setReason} error={error} />
        <FormErrors messages={errors?.general} />
        <div className="actions">
          <button type="submit">Hủy bản ghi</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Thôi, không hủy
          </button>
        </div>
      </form>
    </div>
  );
}
