/** The frame every page shares: header with the page links, the sign-in, and sign-out. */
import { useState, type ReactNode } from 'react';
import { saveToken, savedToken } from './api';
import { SignIn } from './SignIn';

export function Shell({ title, children, only }: { title: string; only?: string; children: (token: string) => ReactNode }) {
  const [token, setToken] = useState<string | null>(savedToken());
  const use = (t: string | null) => {
    saveToken(t);
    setToken(t);
  };
  return (
    <>
      <header className="top">
        <div>
          <p className="org">Kế hoạch 155/KH-MTTQ-CAT · Tỉnh Sơn La</p>
          <h1>{title}</h1>
        </div>
        <nav aria-label="Các trang">
          <a href="/app/">Lãnh đạo</a>
          <a href="/app/can-bo/">Cán bộ</a>
          <a href="/app/cong-khai/">Công khai</a>
          <a href="/app/kham-pha/">Khám phá GraphQL</a>
          {token && (
            <button type="button" onClick={() => use(null)}>
              Đăng xuất
            </button>
          )}
        </nav>
      </header>
      <main>{token ? children(token) : <SignIn onToken={use} only={only} />}</main>
    </>
  );
}
