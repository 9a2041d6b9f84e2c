/** The leadership dashboard (/app/): the caller's jurisdiction, then the shared dashboard from their unit. */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { query } from './api';
import { Dashboard, PROVINCE } from './Dashboard';
import { STANDING_NAMES } from './format';
import { Shell } from './Shell';

interface Mine {
  myJurisdiction: { standing: string; unit: { id: string; name: string } | null; roles: string[]; postEnds: string | null };
}

function Leadership({ token }: { token: string }) {
  const [mine, setMine] = useState<Mine['myJurisdiction'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    query<Mine>(token, '{ myJurisdiction { standing roles postEnds unit { id name } } }').then(
      (d) => setMine(d.myJurisdiction),
      (e: Error) => setError(e.message),
    );
  }, [token]);
  if (error) return <p role="alert">{error}</p>;
  if (!mine) return <p>Đang tải…</p>;
  return (
    <>
      <p className="who" data-testid="who">
        {STANDING_NAMES[mine.standing] ?? mine.standing} · {mine.unit?.name ?? 'đơn vị không rõ'}
        {mine.postEnds ? ` · nhiệm vụ đến ${mine.postEnds.split('-').reverse().join('/')}` : ''}
      </p>
      <Dashboard token={token} start={mine.unit?.id ?? PROVINCE} reporting />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell title="Bảng điều khiển của lãnh đạo">{(token) => <Leadership token={token} />}</Shell>
  </StrictMode>,
);
