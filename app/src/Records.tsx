/**
 * The records the caller's organization keeps in their jurisdiction, one kind at a time, a page at a
 * time (the kind's root list, newest first), filtered on the server by the kind's own catalogue filters
 * (an activity's type), the unit, a date range and the record's standing (standing by default, voided,
 * or both); with the forms to enter, correct (with a reason) and void (with a reason) them, and each
 * record's history (every version, its standing and the reason given).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, mutate, query } from './api';
import { fmtDate, fmtNumber } from './format';
import { FormErrors, TextAreaField } from './Fields';
import { RecordForm } from './RecordForm';
import { catalogue, listColumns, listFilters, recordKinds, statusField, type Column, type ListFilterArg, type RecordKindInfo } from './schema';
import { UnitPicker } from './UnitPicker';
import type { Staff } from './workbench';

const PAGE = 10;
interface Version {
  version: number;
  st: 'ACTIVE' | 'VOIDED';
  reason: string | null;
  versionRecordedAt: string;
}
type Row = Record<string, unknown> & { id: string; version: number; st: 'ACTIVE' | 'VOIDED'; history: Version[] };
/** Which records a list shows by their standing: the API's recordStatus, or both (includeVoided). */
type Standing = 'ACTIVE' | 'VOIDED' | 'ALL';
interface Filter {
  unit: string;
  from: string;
  to: string;
  standing: Standing;
  /** The kind's own catalogue filters, by argument name. */
  own: Record<string, string>;
}
const NO_FILTER: Filter = { unit: '', from: '', to: '', standing: 'ACTIVE', own: {} };
/** The list's arguments a filter field sets, whose refusals show next to it. */
const FILTER_FIELDS = { from: 'filter-from', to: 'filter-to', unitId: 'filter-unit' } as const;
const STANDING_NAMES: Record<Standing, string> = { ACTIVE: 'Còn hiệu lực', VOIDED: 'Đã hủy', ALL: 'Tất cả' };
const VERSION_FIELDS = (status: string) => `history { version st: ${status} reason versionRecordedAt }`;
const fmtInstant = (t: string) => new Date(t).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Row[];
}
type Mode = { kind: 'create' } | { kind: 'correct'; row: Row } | { kind: 'void'; row: Row } | { kind: 'history'; row: Row } | null;

export function Records({ staff }: { staff: Staff }) {
  const { token, prefix } = staff;
  const [kinds, setKinds] = useState<RecordKindInfo[] | null>(null);
  const [type, setType] = useState('');
  const [columns, setColumns] = useState<Column[]>([]);
  const [ownFilters, setOwnFilters] = useState<(ListFilterArg & { options: { value: string; label: string }[] })[]>([]);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [status, setStatus] = useState('status');
  const [labels, setLabels] = useState<Record<string, Record<string, string>>>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The server's messages about the list's filters, by the argument they name (`from`, `to`, `unitId`): shown next to it. */
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
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
    Promise.all([listColumns(token, kind.type, kind.inputType), statusField(token, kind.type), listFilters(token, kind.list)]).then(
      async ([cols, st, own]) => {
        const enums = await Promise.all(
          cols
            .filter((c) => c.isEnum)
            .map(async (c) => [c.isEnum!, Object.fromEntries((await catalogue(token, c.isEnum!)).map((o) => [o.value, o.label]))] as const),
        );
        const ownWithOptions = await Promise.all(
          own.map(async (f) => ({ ...f, label: cols.find((c) => c.name === f.name)?.label ?? f.label, options: await catalogue(token, f.enumType) })),
        );
        if (!live) return;
        setLabels(Object.fromEntries(enums));
        setColumns(cols);
        setStatus(st);
        setOwnFilters(ownWithOptions);
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
    const own = ownFilters.filter((f) => filter.own[f.name]);
    const text = `query WorkbenchRecords($first: Int, $after: String, $unit: ID, $from: Date, $to: Date, $st: RecordStatus, $voided: Boolean${own
      .map((f) => `, $f_${f.name}: ${f.enumType}`)
      .join('')}) { list: ${kind.list}(first: $first, after: $after, unitId: $unit, from: $from, to: $to, recordStatus: $st, includeVoided: $voided${own
      .map((f) => `, ${f.name}: $f_${f.name}`)
      .join('')}) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id version st: ${status} ${VERSION_FIELDS(status)} ${columns.map((c) => c.select).join(' ')} } } }`;
    const variables = {
      first: PAGE,
      after: cursor,
      unit: filter.unit || null,
      from: filter.from || null,
      to: filter.to || null,
      st: filter.standing === 'ALL' ? null : filter.standing,
      voided: filter.standing === 'ALL',
      ...Object.fromEntries(own.map((f) => [`f_${f.name}`, filter.own[f.name]])),
    };
    query<{ list: Page }>(token, text, variables).then(
      (d) => {
        if (!live) return;
        setPage(d.list);
        setError(null);
        setFilterErrors({});
      },
      (e: Error) => {
        if (!live) return;
        // A filter the server refused (a range that ends before it starts): its message goes next to the
        // field it names, and the list it did not answer is not shown as if it were the filter's.
        const named = e instanceof ApiError ? e.problems.filter((p) => p.field in FILTER_FIELDS) : [];
        if (named.length) {
          setFilterErrors(Object.fromEntries(named.map((p) => [p.field, p.message])));
          setPage(null);
          setError(null);
        } else setError(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [token, kind, columns, status, ownFilters, filter, cursor, reload]);

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
  const refilter = (change: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setCursors([null]);
  };
  const finished = (message: string, show: Mode = null) => {
    setMode(show);
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
                setOwnFilters([]);
                setFilter(NO_FILTER);
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
              `mutation WorkbenchVoid($id: ID!, $reason: String!) { r: ${kind.void}(id: $id, reason: $reason) { id version st: ${status} ${VERSION_FIELDS(status)} } }`,
              { id: mode.row.id, reason },
            );
            // The voided record leaves the list of standing records: its history shows what was done.
            if (r.data?.r) finished(`Đã hủy ${kind.noun}.`, { kind: 'history', row: { ...mode.row, ...(r.data.r as Row) } });
            return r;
          }}
        />
      )}
      {kind && mode?.kind === 'history' && <History noun={kind.noun} row={mode.row} onClose={() => setMode(null)} />}
      {kind && columns.length > 0 && (
        <fieldset className="filters controls" data-testid="record-filters">
          <legend>Lọc danh sách</legend>
          {ownFilters.map((f) => (
            <label key={f.name}>
              {f.label}
              <select
                name={`filter-${f.name}`}
                value={filter.own[f.name] ?? ''}
                onChange={(e) => refilter({ own: { ...filter.own, [f.name]: e.target.value } })}
              >
                <option value="">— Tất cả —</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <div className={`field${filterErrors.unitId ? ' invalid' : ''}`} data-field="unitId">
            <label htmlFor="filter-unit">Đơn vị</label>
            <UnitPicker
              token={token}
              id="filter-unit"
              name="filter-unit"
              value={filter.unit}
              onChange={(unit) => refilter({ unit })}
              units={staff.units}
              empty="— Cả địa bàn —"
              on={filter.to || filter.from || undefined}
              aria={filterErrors.unitId ? { 'aria-invalid': true, 'aria-describedby': 'filter-unit-error' } : undefined}
            />
            {filterErrors.unitId && (
              <p className="field-error" id="filter-unit-error" data-error-for="unitId">
                {filterErrors.unitId}
              </p>
            )}
          </div>
          <DateFilter id="filter-from" field="from" label="Từ ngày" value={filter.from} error={filterErrors.from} onChange={(from) => refilter({ from })} />
          <DateFilter id="filter-to" field="to" label="Đến ngày" value={filter.to} error={filterErrors.to} onChange={(to) => refilter({ to })} />
          <label>
            Trạng thái
            <select name="filter-standing" value={filter.standing} onChange={(e) => refilter({ standing: e.target.value as Standing })}>
              {(Object.keys(STANDING_NAMES) as Standing[]).map((k) => (
                <option key={k} value={k}>
                  {STANDING_NAMES[k]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      {page && kind && (
        <>
          <p data-testid="record-total">
            Tổng số {kind.noun} {filter.standing === 'ALL' ? 'theo bộ lọc' : STANDING_NAMES[filter.standing].toLowerCase()}:{' '}
            <strong>{fmtNumber(page.totalCount)}</strong>
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
                  <th scope="col">Trạng thái</th>
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
                    <td data-field="standing" className="text">
                      {STANDING_NAMES[row.st]}
                    </td>
                    <td className="row-actions">
                      {kind.correct && row.st === 'ACTIVE' && (
                        <button type="button" className="secondary" onClick={() => setMode({ kind: 'correct', row })}>
                          Đính chính
                        </button>
                      )}
                      {kind.void && row.st === 'ACTIVE' && (
                        <button type="button" className="secondary" onClick={() => setMode({ kind: 'void', row })}>
                          Hủy
                        </button>
                      )}
                      <button type="button" className="secondary" onClick={() => setMode({ kind: 'history', row })}>
                        Lịch sử
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nodes.length === 0 && <p>Không có {kind.noun} nào theo bộ lọc này.</p>}
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

/** Every version of a record, oldest first: its number, standing, when it was made and the reason given. */
function History({ noun, row, onClose }: { noun: string; row: Row; onClose: () => void }) {
  return (
    <div className="panel" data-testid="history-panel" data-record={row.id}>
      <h3>Lịch sử {noun}</h3>
      <ol className="history" data-testid="history">
        {row.history.map((v) => (
          <li key={v.version} data-version={v.version} data-standing={v.st}>
            Phiên bản {v.version} · {STANDING_NAMES[v.st]} · {fmtInstant(v.versionRecordedAt)}
            {v.reason ? ` · Lý do: ${v.reason}` : ''}
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Đóng lịch sử
        </button>
      </div>
    </div>
  );
}

/** A date filter with the server's message about it under it, tied to it (aria-describedby, aria-invalid). */
function DateFilter(props: { id: string; field: string; label: string; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { id, field, label, value, error, onChange } = props;
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={field}>
      <label htmlFor={id}>{label}</label>
      <input
        type="date"
        id={id}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${id}-error`} data-error-for={field}>
          {error}
        </p>
      )}
    </div>
  );
}
