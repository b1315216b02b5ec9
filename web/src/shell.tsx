import { theme } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { Lang } from './i18n.js';

/**
 * The parts of the page frame that keep the first page light and the keyboard oriented: the
 * English locale pack and Ant Design's App (message, modal and notification holders, which only
 * the signed-in pages use) load on demand; a skip link and focus moved to the page's content
 * after each navigation.
 */

const SignedInApp = lazy(() => import('./pages/SignedInApp.js'));

/** The signed-in pages, inside Ant Design's App (its message holders load with the first of them). */
export function SignedIn({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <Suspense fallback={<Loading lang={lang} />}>
      <SignedInApp>
        <Suspense fallback={<Loading lang={lang} />}>{children}</Suspense>
      </SignedInApp>
    </Suspense>
  );
}

/**
 * Rules inline styles cannot say: links as 44 px tap targets, and on a phone the menu on its own
 * row under the name and the buttons; a card's title and its link, and a row of segments, wrap
 * instead of pushing the page sideways (English words are longer than Chinese ones).
 */
const FRAME_CSS = `
body { margin: 0; }
.fg-tap { display: inline-flex; align-items: center; justify-content: center;
  min-height: 44px; min-width: 44px; padding: 0 6px; white-space: nowrap; }
@media (max-width: 575px) { .fg-nav { order: 3; flex-basis: 100% !important; } }
.fg-drop:focus-within { outline: 2px solid #0958d9; outline-offset: 2px; }
.ant-card .ant-card-head .ant-card-head-title { white-space: normal; overflow: visible; padding: 8px 0; }
.ant-card .ant-card-head .ant-card-head-wrapper { flex-wrap: wrap; column-gap: 8px; }
.ant-card .ant-card-head .ant-card-extra { margin-inline-start: auto; }
.ant-segmented .ant-segmented-group { flex-wrap: wrap; }
`;

/** The theme's text style for the whole page (what Ant Design's App gave before it moved inside). */
export function PageFrame({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      <style>{FRAME_CSS}</style>
      {children}
    </div>
  );
}

/** zh-CN is in the first chunk; the English pack is fetched the first time English is chosen. */
export function useAntdLocale(lang: Lang): Locale {
  const [en, setEn] = useState<Locale | null>(null);
  useEffect(() => {
    if (lang !== 'en' || en) return;
    void import('antd/locale/en_US').then((m) => {
      setEn(m.default);
    });
  }, [lang, en]);
  return lang === 'en' && en ? en : zhCN;
}

export const MAIN_ID = 'main';

/**
 * The page drawn before the script arrived (web/index.html, web/public/shell.js) goes away once
 * the app has drawn its own; what was typed into its form moves over (see shellValues).
 */
export function dismissShell(): void {
  document.getElementById('shell')?.remove();
}

/**
 * The static page shows real content — /public's figures or the merchant's claim — which stays
 * until the page that replaces it has its own (StatsPage, ShopPage call dismissShell).
 */
export function shellHoldsContent(): boolean {
  return ['shell-public', 'shell-claim'].some(
    (id) => document.getElementById(id)?.hidden === false,
  );
}

/** What the visitor typed into the static sign-up form, and which of its fields had the focus. */
export function shellValues(): { values: Record<string, string>; focused: string | null } {
  const values: Record<string, string> = {};
  let focused: string | null = null;
  for (const name of ['name', 'email', 'password']) {
    const input = document.getElementById(`shell-${name}`);
    if (!(input instanceof HTMLInputElement)) continue;
    if (input.value) values[name] = input.value;
    if (document.activeElement === input) focused = name;
  }
  return { values, focused };
}

/** Remembered so the static page opens on "opening…" rather than a sign-up form. */
export function rememberSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem('feeguard-signed-in', '1');
  else localStorage.removeItem('feeguard-signed-in');
}

/** Moves keyboard focus to the page content: the first Tab after it reaches the content. */
function focusMain(): void {
  const main = document.getElementById(MAIN_ID);
  main?.focus({ preventScroll: false });
}

/** Hidden until focused: the first Tab on every page offers to jump over the header. */
export function SkipLink({ lang }: { lang: Lang }) {
  const [visible, setVisible] = useState(false);
  return (
    <a
      href={`#${MAIN_ID}`}
      onFocus={() => {
        setVisible(true);
      }}
      onBlur={() => {
        setVisible(false);
      }}
      onClick={(e) => {
        e.preventDefault();
        focusMain();
      }}
      style={
        visible
          ? {
              position: 'fixed',
              top: 8,
              left: 8,
              zIndex: 1000,
              display: 'inline-flex',
              alignItems: 'center',
              minHeight: 44,
              padding: '0 16px',
              background: '#fff',
              color: '#0958d9',
              border: '2px solid #0958d9',
              borderRadius: 8,
              outline: '3px solid #91caff',
            }
          : {
              position: 'absolute',
              width: 1,
              height: 1,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
              whiteSpace: 'nowrap',
            }
      }
    >
      {lang === 'zh' ? '跳到正文' : 'Skip to content'}
    </a>
  );
}

/**
 * After a client-side navigation the old page's focused button is gone and focus falls back to
 * the document: move it to the new page's content instead (not on the first load).
 */
export function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusMain();
  }, [pathname]);
  return null;
}

/** A loading line without Ant Design's Spin, so the first page does not wait for it. */
export function Loading({ lang }: { lang: Lang }) {
  return (
    <div role="status" style={{ padding: 24, textAlign: 'center', color: 'rgba(0, 0, 0, 0.68)' }}>
      {lang === 'zh' ? '加载中…' : 'Loading…'}
    </div>
  );
}
