/**
 * The GraphQL explorer (/app/kham-pha/): GraphiQL, bundled here, on the caller's token. A dashboard runs
 * registered operations only, so the explorer is off for it; the gateway serves this page only where it
 * is enabled (not in production unless ANTT_EXPLORER=1).
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './styles.css';
import './explorer.css';
import { ApiError, GRAPHQL, query } from './api';
import { Shell } from './Shell';

const DEFAULT_QUERY = `# Trình khám phá GraphQL: mọi truy vấn chạy với quyền của mã thông báo đang dùng.
query DonVi {
  searchUnits(text: "chieng le", on: "2024-06-01") {
    id
    name
    level
  }
}
`;

/**
 * GraphiQL's editors are CodeMirror 5, whose hidden input has no label and whose scrolling area takes no
 * focus; both are fixed on the elements as GraphiQL makes them, so screen reader and keyboard users can
 * use the explorer too.
 */
function labelEditors(root: HTMLElement): void {
  const fix = () => {
    for (const t of root.querySelectorAll('textarea:not([aria-label])')) t.setAttribute('aria-label', 'Trình soạn thảo GraphQL');
    for (const s of root.querySelectorAll('.CodeMirror-scroll:not([tabindex="0"])')) s.setAttribute('tabindex', '0');
    // A tab is the button inside GraphiQL's list item, not the item around it (no nested controls).
    for (const li of root.querySelectorAll('li[role="tab"]')) {
      const button = li.querySelector('button');
      if (!button) continue;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', li.getAttribute('aria-selected') ?? 'false');
      li.setAttribute('role', 'presentation');
      li.removeAttribute('aria-selected');
    }
  };
  fix();
  new MutationObserver(fix).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
}

function Explorer({ token }: { token: string }) {
  const [state, setState] = useState<'checking' | 'on' | 'dashboard' | string>('checking');
  useEffect(() => {
    query<{ myJurisdiction: { registeredOperationsOnly: boolean } }>(token, '{ myJurisdiction { registeredOperationsOnly } }').then(
      (d) => setState(d.myJurisdiction.registeredOperationsOnly ? 'dashboard' : 'on'),
      (e: ApiError) => setState(e.code === 'FORBIDDEN' ? 'dashboard' : e.message),
    );
  }, [token]);
  if (state === 'checking') return <p>Đang kiểm tra quyền…</p>;
  if (state === 'dashboard')
    return (
      <p role="alert" data-testid="explorer-off">
        Trình khám phá không dành cho vai trò bảng điều khiển: vai trò này chỉ chạy các truy vấn đã đăng ký.
      </p>
    );
  if (state !== 'on') return <p role="alert">{state}</p>;
  return (
    <div className="explorer" ref={(el) => void (el && labelEditors(el))}>
      <GraphiQL
        forcedTheme="light"
        defaultQuery={DEFAULT_QUERY}
        fetcher={async (params) => {
          const res = await fetch(GRAPHQL, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(params),
          });
          return res.json();
        }}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell title="Khám phá GraphQL">{(token) => <Explorer token={token} />}</Shell>
  </StrictMode>,
);
