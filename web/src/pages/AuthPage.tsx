import { Button } from 'antd';
// The two inputs on their own: `Input` from 'antd' carries TextArea, Search and OTP with it.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, setCsrf, type Me } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { MAIN_ID, shellValues } from '../shell.js';
import { errorMessage } from '../errors.js';

/**
 * The first page a new visitor sees, so it is built from the lightest parts: native form and
 * tab semantics (role="tablist", arrow keys) with Ant Design's Input and Button, and no Form,
 * Tabs, Card or Typography, whose code the signed-in pages load later.
 */
type Mode = 'register' | 'login';

const WORDS = {
  required: { zh: '请填写', en: 'Please enter ' },
  badEmail: {
    zh: '邮箱格式不对，例如 name@example.com',
    en: 'Not an e-mail address; for example name@example.com',
  },
  shortPassword: { zh: '密码至少 8 位', en: 'The password needs 8 characters or more' },
  choose: { zh: '注册或登录', en: 'Sign up or log in' },
  checkMail: { zh: '请查收验证邮件', en: 'Check your e-mail' },
  sentTo: {
    zh: '我们已向这个邮箱发送了一封邮件：',
    en: 'We have sent an e-mail to ',
  },
  followLink: {
    zh: '请在 24 小时内点击邮件中的链接完成验证，验证后即可登录。没有收到的话，请看看垃圾邮件，或重新注册一次。',
    en: 'Follow the link in it within 24 hours to verify the address and sign in. Nothing there? Look in the spam folder or register again.',
  },
  verifying: { zh: '正在验证邮箱…', en: 'Verifying your e-mail…' },
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function AuthPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const lang = useLang();
  const [mode, setMode] = useState<Mode>('register');
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  // The link in the verification e-mail: /verify?token=…
  useEffect(() => {
    const token =
      window.location.pathname === '/verify'
        ? new URLSearchParams(window.location.search).get('token')
        : null;
    if (!token) return;
    setVerifying(true);
    api<Me>('POST', '/api/auth/verify', { token })
      .then((me) => {
        setCsrf(me.csrfToken);
        window.history.replaceState(null, '', '/');
        onLoggedIn();
      })
      .catch((e: unknown) => {
        setVerifying(false);
        setError(errorMessage(e, lang, 'verify'));
      });
    // Once, on arrival.
  }, []);
  const tabs = useRef<Record<Mode, HTMLButtonElement | null>>({ register: null, login: null });
  const choose = (next: Mode) => {
    setMode(next);
    setError(null);
    tabs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      choose(e.key === 'Home' ? 'register' : e.key === 'End' ? 'login' : other(mode));
    }
  };
  const submit = async (values: Record<string, string>) => {
    setError(null);
    try {
      if (mode === 'register') {
        // The same answer for a new and a registered address: the e-mail says which.
        const sent = await api<{ email: string }>('POST', '/api/auth/register', values);
        setSentTo(sent.email);
        return;
      }
      const me = await api<Me>('POST', '/api/auth/login', values);
      setCsrf(me.csrfToken);
      // This form goes away: the keyboard continues from the top of the page's content.
      document.getElementById(MAIN_ID)?.focus();
      onLoggedIn();
    } catch (e) {
      setError(errorMessage(e, lang, mode === 'register' ? 'register' : 'login'));
    }
  };
  const tab = (key: Mode) => (
    <button
      key={key}
      ref={(el) => {
        tabs.current[key] = el;
      }}
      type="button"
      role="tab"
      id={`auth-tab-${key}`}
      aria-selected={mode === key}
      aria-controls={`auth-panel-${key}`}
      tabIndex={mode === key ? 0 : -1}
      onClick={() => {
        choose(key);
      }}
      onKeyDown={onTabKey}
      style={{
        minHeight: 44,
        minWidth: 88,
        padding: '0 16px',
        border: 0,
        borderBottom: `2px solid ${mode === key ? '#0958d9' : 'transparent'}`,
        background: 'none',
        color: mode === key ? '#0958d9' : 'rgba(0, 0, 0, 0.88)',
        fontSize: 15,
        fontWeight: mode === key ? 600 : 400,
        cursor: 'pointer',
      }}
    >
      {t(key)}
    </button>
  );
  return (
    <section
      style={{
        maxWidth: 440,
        margin: '24px auto',
        padding: 24,
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
      }}
    >
      <h1 style={{ fontSize: 24, margin: '0 0 8px' }}>{t('appName')}</h1>
      <p style={{ color: 'rgba(0, 0, 0, 0.68)', margin: '0 0 16px' }}>{t('tagline')}</p>
      {error ? (
        <div
          role="alert"
          style={{
            marginBottom: 12,
            padding: '8px 12px',
            background: '#fff2f0',
            border: '1px solid #ffccc7',
            borderRadius: 8,
          }}
        >
          {error}
        </div>
      ) : null}
      {verifying ? (
        <p role="status" data-testid="verifying">
          {WORDS.verifying[lang]}
        </p>
      ) : null}
      {sentTo ? (
        <div
          role="status"
          data-testid="verify-sent"
          style={{
            marginBottom: 12,
            padding: '8px 12px',
            background: '#f6ffed',
            border: '1px solid #b7eb8f',
            borderRadius: 8,
          }}
        >
          <strong>{WORDS.checkMail[lang]}</strong>
          <p style={{ margin: '4px 0 0' }}>
            {WORDS.sentTo[lang]}
            {sentTo}
            {lang === 'zh' ? '。' : '. '}
            {WORDS.followLink[lang]}
          </p>
        </div>
      ) : null}
      <div
        role="tablist"
        aria-label={WORDS.choose[lang]}
        style={{ display: 'flex', gap: 8, borderBottom: '1px solid #f0f0f0', marginBottom: 16 }}
      >
        {tab('register')}
        {tab('login')}
      </div>
      <div role="tabpanel" id={`auth-panel-${mode}`} aria-labelledby={`auth-tab-${mode}`}>
        <AuthForm key={mode} mode={mode} onSubmit={(v) => void submit(v)} />
      </div>
      <p style={{ color: 'rgba(0, 0, 0, 0.68)', margin: '16px 0 0' }}>
        {lang === 'zh' ? '不登录也可以看：' : 'Open to everyone: '}
        {/* Each link keeps its separator: a line never starts with a lone dot. */}
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link className="fg-tap" to="/public">
            {lang === 'zh' ? '公开统计' : 'statistics'}
          </Link>
          {' · '}
        </span>
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link className="fg-tap" to="/public/complaints">
            {lang === 'zh' ? '投诉公示' : 'complaints'}
          </Link>
          {' · '}
        </span>
        <Link className="fg-tap" to="/guides">
          {lang === 'zh' ? '维权指南' : 'guides'}
        </Link>
      </p>
    </section>
  );
}

function other(mode: Mode): Mode {
  return mode === 'register' ? 'login' : 'register';
}

function AuthForm({
  mode,
  onSubmit,
}: {
  mode: Mode;
  onSubmit: (values: Record<string, string>) => void;
}) {
  const t = useT();
  const lang = useLang();
  // Whatever was typed into the static form before this script arrived carries over.
  const [carried] = useState(shellValues);
  const [values, setValues] = useState<Record<string, string>>(carried.values);
  useEffect(() => {
    if (carried.focused) document.getElementById(`${mode}_${carried.focused}`)?.focus();
  }, [carried, mode]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fields = [
    ...(mode === 'register'
      ? [{ name: 'name', label: t('yourName'), autoComplete: 'name', type: 'text' }]
      : []),
    { name: 'email', label: t('email'), autoComplete: 'email', type: 'email' },
    {
      name: 'password',
      label: t('password'),
      autoComplete: mode === 'register' ? 'new-password' : 'current-password',
      type: 'password',
    },
  ];
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const field of fields) {
      const value = (values[field.name] ?? '').trim();
      if (!value) found[field.name] = `${WORDS.required[lang]}${field.label}`;
      else if (field.name === 'email' && !EMAIL.test(value))
        found[field.name] = WORDS.badEmail[lang];
      else if (field.name === 'password' && mode === 'register' && value.length < 8) {
        found[field.name] = WORDS.shortPassword[lang];
      }
    }
    return found;
  };
  const submit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = check();
    setProblems(found);
    const firstBad = fields.find((f) => found[f.name]);
    if (firstBad) {
      document.getElementById(`${mode}_${firstBad.name}`)?.focus();
      return;
    }
    onSubmit(
      Object.fromEntries(
        fields.map((f) => [
          f.name,
          f.name === 'password' ? (values[f.name] ?? '') : (values[f.name] ?? '').trim(),
        ]),
      ),
    );
  };
  return (
    <form name={mode} noValidate onSubmit={submit}>
      {fields.map((field) => {
        const id = `${mode}_${field.name}`;
        const problem = problems[field.name];
        const common = {
          id,
          name: field.name,
          autoComplete: field.autoComplete,
          value: values[field.name] ?? '',
          status: problem ? ('error' as const) : undefined,
          'aria-required': true,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': problem ? `${id}_help` : undefined,
          onChange: (e: { target: { value: string } }) => {
            setValues((v) => ({ ...v, [field.name]: e.target.value }));
          },
        };
        return (
          <div key={field.name} style={{ marginBottom: 16 }}>
            <label htmlFor={id} style={{ display: 'block', marginBottom: 6 }}>
              <span aria-hidden="true" style={{ color: '#cf1322', marginInlineEnd: 4 }}>
                *
              </span>
              {field.label}
            </label>
            {field.type === 'password' ? (
              <Password {...common} />
            ) : (
              <Input
                {...common}
                type={field.type}
                inputMode={field.type === 'email' ? 'email' : undefined}
              />
            )}
            {problem ? (
              <div id={`${id}_help`} style={{ color: '#cf1322', marginTop: 4 }}>
                {problem}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button
        type="primary"
        htmlType="submit"
        block
        data-testid={mode === 'register' ? 'signup-submit' : 'login-submit'}
      >
        {t(mode)}
      </Button>
    </form>
  );
}
