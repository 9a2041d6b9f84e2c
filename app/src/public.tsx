/**
 * The public-safe page (/app/cong-khai/): the dashboard role's registered operations only, and only
 * figures that went through disclosure control (PublicDashboard): ratios, and counts whose small cells
 * are hidden; nothing about a person.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { PublicDashboard } from './PublicDashboard';
import { Shell } from './Shell';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell title="Số liệu công khai" only="dashboard">
      {(token) => (
        <>
          <p className="who">
            Chỉ số liệu tổng hợp đã qua kiểm soát công bố (ẩn số nhỏ), không có dữ liệu cá nhân. Nguồn: các truy vấn đã đăng ký của bảng điều khiển.
          </p>
          <PublicDashboard token={token} />
        </>
      )}
    </Shell>
  </StrictMode>,
);
