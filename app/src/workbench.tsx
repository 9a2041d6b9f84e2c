/**
 * The staff workbench (/app/can-bo/): an organization's staff see the records their organization keeps
 * in their jurisdiction, enter, correct and void them with forms built from the schema, answer the
 * opinions handed to them, and prepare, preview, submit and approve the periodic reports. Everything
 * goes through /graphql with the caller's token, as any client would.
 */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { query } from './api';
import { STANDING_NAMES, ORGANIZATION_NAMES } from './format';
import { Records } from './Records';
import { Opinions } from './Opinions';
import { Reports, Approvals } from './Reports';
import { schemaType, named } from './schema';
import { Shell } from './Shell';
import type { UnitOption } from './RecordForm';

interface Mine {
  myJurisdiction: {
    standing: string;
    roles: string[];
    organization: { id: string } | null;
    unit: { id: string; name: string; level: string } | null;
  };
}

export interface Staff {
  token: string;
  /** The organization's id (women) and its type prefix (Women). */
  org: string;
  prefix: string;
  unit: { id: string; name: string; level: string };
  /** The caller's unit and the units under it, for the forms' unit fields. */
  units: UnitOption[];
}

function Workbench({ token }: { token: string }) {
  const [mine, setMine] = useState<Mine['myJurisdiction'] | null>(null);
  const [prefix, setPrefix] = useState<string | null>(null);
  const [children, setChildren] = useState<UnitOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    query<Mine>(token, '{ myJurisdiction { standing roles organization { id } unit { id name level } } }').then(
      async (d) => {
        const j = d.myJurisdiction;
        setMine(j);
        const org = j.organization?.id;
        if (!org || !j.unit) return;
        const q = await schemaType(token, 'Query');
        const draft = q?.fields?.find((f) => f.name === `${org}ReportDraft`);
        setPrefix(draft ? named(draft.type).name!.replace(/ReportDraft$/, '') : '');
        const u = await query<{ unit: { children: UnitOption[] } | null }>(token, 'query WorkbenchUnits($u: ID!) { unit(id: $u) { children { id name } } }', {
          u: j.unit.id,
        });
        setChildren(u.unit?.children ?? []);
      },
      (e: Error) => setError(e.message),
    );
  }, [token]);
  const staff = useMemo<Staff | null>(
    () =>
      mine?.organization && mine.unit && prefix
        ? { token, org: mine.organization.id, prefix, unit: mine.unit, units: [{ id: mine.unit.id, name: mine.unit.name }, ...children] }
        : null,
    [token, mine, prefix, children],
  );
  if (error) return <p role="alert">{error}</p>;
  if (!mine) return <p>Đang tải…</p>;
  if (!mine.organization || !mine.unit || prefix === '')
    return (
      <p role="alert" data-testid="not-staff">
        Trang này dành cho cán bộ của một tổ chức ({STANDING_NAMES[mine.standing] ?? mine.standing} không ghi nhận hồ sơ). Lãnh đạo xem{' '}
        <a href="/app/">bảng điều khiển</a>.
      </p>
    );
  if (!staff) return <p>Đang tải…</p>;
  return (
    <>
      <p className="who" data-testid="who">
        {ORGANIZATION_NAMES[staff.org] ?? staff.org} · {staff.unit.name} · {STANDING_NAMES[mine.standing] ?? mine.standing}
      </p>
      <nav aria-label="Các phần của trang" className="sections">
        <a href="#h-records">Hồ sơ</a>
        <a href="#h-opinions">Ý kiến cần trả lời</a>
        <a href="#h-reports">Báo cáo định kỳ</a>
        {staff.unit.level !== 'COMMUNE' && <a href="#h-approvals">Duyệt báo cáo cấp dưới</a>}
      </nav>
      <Records staff={staff} />
      <Opinions staff={staff} />
      <Reports staff={staff} />
      {staff.unit.level !== 'COMMUNE' && <Approvals staff={staff} />}
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell title="Bàn làm việc của cán bộ">{(token) => <Workbench token={token} />}</Shell>
  </StrictMode>,
);
