import { Button, ConfigProvider, Layout } from 'antd';
import { lazy, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { api, setCsrf, type Me } from './api.js';
import { LangContext, type Lang } from './i18n.js';
import { AuthPage } from './pages/AuthPage.js';
import { PublicNav, PublicPages } from './pages/public/routes.js';
import {
  dismissShell,
  FocusOnNavigate,
  Loading,
  MAIN_ID,
  PageFrame,
  rememberSignedIn,
  shellHoldsContent,
  SignedIn,
  SkipLink,
  useAntdLocale,
} from './shell.js';
import { useOverseer } from './pages/alerts/overseer.js';

// The merchant flow loads first; cases, the inbox and the chart come when they are opened.
const ShopPage = lazy(() => import('./pages/ShopPage.js'));
const CasesPage = lazy(() => import('./pages/CasesPage.js'));
const CasePage = lazy(() => import('./pages/CasePage.js'));
const InboxPage = lazy(() => import('./pages/InboxPage.js'));
const AdminPage = lazy(() => import('./pages/AdminPage.js'));
const GroupPage = lazy(() => import('./pages/GroupPage.js'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.js'));
const FeeSchedulePage = lazy(() => import('./pages/FeeSchedulePage.js'));
const AlertsReviewPage = lazy(() => import('./pages/AlertsReviewPage.js'));

const WORDS = {
  shop: { zh: '我的店铺', en: 'My shop' },
  cases: { zh: '我的投诉', en: 'My cases' },
  inbox: { zh: '待处理投诉', en: 'Inbox' },
  admin: { zh: '管理', en: 'Admin' },
  settings: { zh: '设置', en: 'Settings' },
  alerts: { zh: '消费提示审核', en: 'Alerts review' },
  logout: { zh: '退出', en: 'Log out' },
  switchTo: { zh: 'English', en: '中文' },
};

function initialLang(): Lang {
  const saved = localStorage.getItem('feeguard-lang');
  return saved === 'en' ? 'en' : 'zh';
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const locale = useAntdLocale(lang);
  const loadMe = useCallback(() => {
    api<Me>('GET', '/api/me')
      .then((user) => {
        setCsrf(user.csrfToken);
        setMe(user);
      })
      .catch(() => {
        setMe(null);
      });
  }, []);
  useEffect(loadMe, [loadMe]);
  // Signed in from the static form while this script was still on its way.
  useEffect(() => {
    window.addEventListener('feeguard:signed-in', loadMe);
    return () => {
      window.removeEventListener('feeguard:signed-in', loadMe);
    };
  }, [loadMe]);
  // Once the app knows who is here it draws the page itself; the static figures or claim stay
  // until the page's own have arrived (StatsPage, ShopPage).
  useLayoutEffect(() => {
    if (me === undefined) return;
    rememberSignedIn(me !== null);
    if (!shellHoldsContent()) dismissShell();
  }, [me]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem('feeguard-lang', lang);
  }, [lang]);

  return (
    <LangContext.Provider value={lang}>
      <ConfigProvider
        button={{ autoInsertSpace: false }}
        locale={locale}
        theme={{
          // Darker than Ant Design's defaults so text and buttons meet WCAG AA contrast.
          token: {
            controlHeight: 44,
            fontSize: 15,
            colorPrimary: '#0958d9',
            colorLink: '#0958d9',
            colorPrimaryHover: '#003eb3',
            colorLinkHover: '#003eb3',
            colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
            colorTextDescription: 'rgba(0, 0, 0, 0.68)',
            colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
            colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
            // A focused field's ring strong enough to see (the default is 10% blue).
            controlOutline: 'rgba(9, 88, 217, 0.4)',
          },
        }}
      >
        <PageFrame>
          <BrowserRouter>
            <FocusOnNavigate />
            <Layout style={{ minHeight: '100vh' }}>
              <SkipLink lang={lang} />
              <Layout.Header
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  alignItems: 'center',
                  gap: '0 12px',
                  height: 'auto',
                  minHeight: 64,
                  lineHeight: 'normal',
                  padding: '0 12px',
                  background: '#fff',
                  borderBottom: '1px solid #eee',
                }}
              >
                <Link to="/" className="fg-tap" style={{ fontWeight: 700, fontSize: 18 }}>
                  {lang === 'zh' ? '扣费卫士' : 'FeeGuard'}
                </Link>
                <div className="fg-nav" style={{ flex: 1, minWidth: 0 }}>
                  {me ? <NavMenu me={me} lang={lang} /> : null}
                </div>
                <div style={{ display: 'flex', gap: 8, marginLeft: 'auto', padding: '10px 0' }}>
                  <Button
                    data-testid="lang-switch"
                    onClick={() => {
                      setLang(lang === 'zh' ? 'en' : 'zh');
                    }}
                  >
                    {WORDS.switchTo[lang]}
                  </Button>
                  {me ? (
                    <Button
                      onClick={() => {
                        void api('POST', '/api/auth/logout').finally(() => {
                          rememberSignedIn(false);
                          setMe(null);
                        });
                      }}
                    >
                      {WORDS.logout[lang]}
                    </Button>
                  ) : null}
                </div>
              </Layout.Header>
              <PublicNav lang={lang} loggedOut={me === null} />
              <Layout.Content
                id={MAIN_ID}
                tabIndex={-1}
                style={{
                  padding: 12,
                  maxWidth: 1080,
                  width: '100%',
                  margin: '0 auto',
                  outline: 'none',
                }}
              >
                <PublicPages>
                  {me === undefined ? (
                    <Loading lang={lang} />
                  ) : me === null ? (
                    <AuthPage onLoggedIn={loadMe} />
                  ) : (
                    <SignedIn lang={lang}>
                      <Routes>
                        <Route
                          path="/"
                          element={
                            me.organizationIds.length > 0 && !me.isAdmin ? (
                              <Navigate to="/inbox" />
                            ) : (
                              <ShopPage />
                            )
                          }
                        />
                        <Route path="/cases" element={<CasesPage />} />
                        <Route path="/cases/:id" element={<CasePage />} />
                        <Route path="/inbox" element={<InboxPage />} />
                        <Route path="/groups/:id" element={<GroupPage />} />
                        <Route path="/settings" element={<SettingsPage />} />
                        <Route path="/fee-schedules" element={<FeeSchedulePage />} />
                        <Route path="/alerts/review" element={<AlertsReviewPage />} />
                        <Route
                          path="/admin"
                          element={me.isAdmin ? <AdminPage /> : <Navigate to="/" />}
                        />
                        <Route path="*" element={<Navigate to="/" />} />
                      </Routes>
                    </SignedIn>
                  )}
                </PublicPages>
              </Layout.Content>
              <Layout.Footer style={{ textAlign: 'center' }}>
                <span style={{ color: 'rgba(0, 0, 0, 0.68)' }}>
                  {lang === 'zh'
                    ? '扣费卫士 — 帮小商户追回被悄悄扣走的钱'
                    : 'FeeGuard — win back what was quietly taken'}
                </span>
              </Layout.Footer>
            </Layout>
          </BrowserRouter>
        </PageFrame>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function NavMenu({ me, lang }: { me: Me; lang: Lang }) {
  const location = useLocation();
  const overseer = useOverseer(me);
  // A provider's or agency's member answers complaints; the shop and cases are a merchant's.
  const merchantSide = me.organizationIds.length === 0 || me.isAdmin;
  const items = [
    ...(merchantSide
      ? [
          { to: '/', label: WORDS.shop[lang] },
          { to: '/cases', label: WORDS.cases[lang] },
        ]
      : []),
    ...(me.organizationIds.length > 0 ? [{ to: '/inbox', label: WORDS.inbox[lang] }] : []),
    ...(overseer ? [{ to: '/alerts/review', label: WORDS.alerts[lang] }] : []),
    ...(me.isAdmin ? [{ to: '/admin', label: WORDS.admin[lang] }] : []),
    { to: '/settings', label: WORDS.settings[lang] },
  ];
  const current = location.pathname.startsWith('/cases') ? '/cases' : location.pathname;
  // Plain links that wrap on a phone: no hidden overflow menu to trap the keyboard.
  return (
    <nav
      aria-label={lang === 'zh' ? '主菜单' : 'Main menu'}
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px' }}
    >
      {items.map((item) => (
        <Link
          key={item.to}
          to={item.to}
          aria-current={current === item.to ? 'page' : undefined}
          className="fg-tap"
          style={{
            color: current === item.to ? '#0958d9' : 'rgba(0, 0, 0, 0.88)',
            fontWeight: current === item.to ? 600 : 400,
          }}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
