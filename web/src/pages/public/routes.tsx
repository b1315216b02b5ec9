import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import type { Lang } from '../../i18n.js';
import { W } from './words.js';

// The public pages load on demand, like the signed-in ones; the charts come later still.
const StatsPage = lazy(() => import('./StatsPage.js'));
const ComplaintsPage = lazy(() => import('./ComplaintsPage.js'));
const AlertsPage = lazy(() => import('./AlertsPage.js'));
const GuidesPage = lazy(() => import('./GuidesPage.js'));

const publicRoutes = [
  <Route key="stats" path="/public" element={<StatsPage />} />,
  <Route key="complaints" path="/public/complaints" element={<ComplaintsPage />} />,
  <Route key="alerts" path="/public/alerts" element={<AlertsPage />} />,
  <Route key="alert" path="/public/alerts/:id" element={<AlertsPage />} />,
  <Route key="guides" path="/guides" element={<GuidesPage />} />,
  <Route key="guide" path="/guides/:slug" element={<GuidesPage />} />,
];

const isPublic = (path: string) =>
  path === '/public' ||
  path.startsWith('/public/') ||
  path === '/guides' ||
  path.startsWith('/guides/');

/** Pages anyone may open, logged in or not; every other address shows `children` (login first). */
export function PublicPages({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (!isPublic(pathname)) return children;
  return (
    <Suspense fallback={<Spin />}>
      <Routes>{publicRoutes}</Routes>
    </Suspense>
  );
}

const LINKS = [
  { to: '/public', label: W.stats },
  { to: '/public/complaints', label: W.complaints },
  { to: '/public/alerts', label: W.alerts },
  { to: '/guides', label: W.guides },
] as const;

/** The strip of public links under the header, for everyone. */
export function PublicNav({ lang, loggedOut }: { lang: Lang; loggedOut: boolean }) {
  const { pathname } = useLocation();
  const current = (to: string) =>
    to === '/public' ? pathname === '/public' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <nav
      aria-label={W.nav[lang]}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '0 16px',
        padding: '0 12px',
        background: '#fafafa',
        borderBottom: '1px solid #eee',
      }}
    >
      {LINKS.map((link) => (
        <Link
          key={link.to}
          to={link.to}
          aria-current={current(link.to) ? 'page' : undefined}
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            minHeight: 44,
            whiteSpace: 'nowrap',
            color: current(link.to) ? '#0958d9' : 'rgba(0, 0, 0, 0.88)',
            fontWeight: current(link.to) ? 600 : 400,
          }}
        >
          {link.label[lang]}
        </Link>
      ))}
      {loggedOut && pathname !== '/' ? (
        <Link
          to="/"
          style={{
            display: 'inline-flex',
            alignItems: 'center',
            minHeight: 44,
            whiteSpace: 'nowrap',
          }}
        >
          {W.signIn[lang]}
        </Link>
      ) : null}
    </nav>
  );
}
