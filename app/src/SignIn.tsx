/** Who is reading: a demo user (offered by the gateway in demo mode only) or a pasted token. */
import { useEffect, useState } from 'react';
import { demoUsers, type DemoUser } from './api';

export function SignIn({ onToken, only }: { onToken: (token: string) => void; only?: string }) {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [pasted, setPasted] = useState('');
  useEffect(() => {
    void demoUsers().then((all) => setUsers(only ? all.filter((u) => u.key === only) : all));
  }, [only]);
  return (
    <section className="card sign-in" aria-labelledby="h-sign-in">
      <h2 id="h-sign-in">Đăng nhập</h2>
      {users.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const key = new FormData(e.currentTarget).get('user');
            const u = users.find((x) => x.key === key);
            if (u) onToken(u.token);
          }}
        >
          <label>
            Người dùng mẫu (chỉ ở chế độ trình diễn)
            <select name="user" data-testid="demo-user" defaultValue={users[0]?.key}>
              {users.map((u) => (
                <option key={u.key} value={u.key}>
                  {u.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Dùng người dùng này</button>
        </form>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const t = pasted.trim().replace(/^Bearer\s+/i, '');
          if (t) onToken(t);
        }}
      >
        <label>
          Hoặc dán mã thông báo (token)
          <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={3} data-testid="token" />
        </label>
        <button type="submit">Đăng nhập bằng mã này</button>
      </form>
    </section>
  );
}
