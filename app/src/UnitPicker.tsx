/**
 * A unit field of a form or a filter: a select of the caller's unit and the units right under it, and
 * a search of every unit in the caller's jurisdiction by name, typed with or without diacritics
 * (`searchUnits(mine: true)`, the server's own search), whose results join the select when picked.
 * The units are those existing on `on` (a record's date: the map of its day), today when not given.
 */
import { useEffect, useId, useState } from 'react';
import { query } from './api';
import { LEVEL_NAMES } from './format';

export interface UnitOption {
  id: string;
  name: string;
}

interface Found extends UnitOption {
  level: string;
  parent: { name: string } | null;
}

export interface UnitPickerProps {
  token: string;
  /** The select's id and name (the label outside points at the id). */
  id: string;
  name: string;
  value: string;
  onChange: (unitId: string) => void;
  /** The caller's unit and those under it, offered first. */
  units: UnitOption[];
  /** The first option, for a field that may be left empty (`— Không ghi —`, `— Cả địa bàn —`). */
  empty?: string | undefined;
  /** The day whose map the search reads (YYYY-MM-DD). */
  on?: string | undefined;
  /** Accessibility attributes of the select (aria-invalid, aria-describedby, aria-required). */
  aria?: Record<string, string | boolean | undefined>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function UnitPicker({ token, id, name, value, onChange, units, empty, on, aria }: UnitPickerProps) {
  const searchId = useId();
  const [picked, setPicked] = useState<UnitOption[]>([]);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const t = text.trim();
    if (t.length < 2) {
      setFound(null);
      setError(null);
      return;
    }
    let live = true;
    // Typing pauses before the server is asked: one search per word, not per letter.
    const timer = setTimeout(() => {
      query<{ searchUnits: Found[] }>(
        token,
        'query WorkbenchSearchUnits($t: String!, $on: Date) { searchUnits(text: $t, on: $on, mine: true, first: 10) { id name level parent { name } } }',
        { t, on: on && DAY.test(on) ? on : null },
      ).then(
        (d) => {
          if (!live) return;
          setFound(d.searchUnits);
          setError(null);
        },
        (e: Error) => live && setError(e.message),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token, text, on]);

  const options = [...units, ...picked.filter((p) => !units.some((u) => u.id === p.id))];
  const known = options.some((u) => u.id === value) || value === '';
  return (
    <div className="unit-picker">
      <select {...aria} id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {!known && <option value={value}>Đơn vị đã ghi</option>}
        {options.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <label htmlFor={searchId} className="muted">
        Tìm đơn vị khác trong địa bàn (gõ có hoặc không dấu)
      </label>
      <input
        id={searchId}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="ví dụ: chieng pha"
        data-testid={`${name}-search`}
      />
      {error && <p role="alert">{error}</p>}
      {found && (
        <ul className="found" aria-label="Đơn vị tìm được" data-testid={`${name}-found`}>
          {found.length === 0 && <li>Không có đơn vị nào tên như vậy trong địa bàn.</li>}
          {found.map((u) => (
            <li key={u.id}>
              <button
                type="button"
                className="secondary"
                data-unit={u.id}
                onClick={() => {
                  setPicked((p) => [...p.filter((x) => x.id !== u.id), { id: u.id, name: u.name }]);
                  onChange(u.id);
                  setText('');
                }}
              >
                {u.name}
              </button>{' '}
              <span className="muted">
                {LEVEL_NAMES[u.level] ?? ''}
                {u.parent ? `, ${u.parent.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
