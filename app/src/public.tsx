/**
 * The public-safe page (/app/cong-khai/): the dashboard role's registered operations only, so it shows
 * counts and ratios and nothing about a person.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { Dashboard } from './Dashboard';
import { Shell } from './Shell';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell title="Số liệu công khai" only="dashboard">
      {(token) => (
        <>
          <p className="who">Chỉ số liệu tổng hợp, không có dữ liệu cá nhân. Nguồn: các truy vấn đã đăng ký của bảng điều khiển.</p>
          <Dashboard token={token} />
        </>
      )}
    </Shell>
  </StrictMode>,
);
