import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, setCsrf, type Me } from '../api.js';
import { useLang, useT } from '../i18n.js';

export function AuthPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const submit = (path: string) => async (values: Record<string, string>) => {
    setError(null);
    try {
      const me = await api<Me>('POST', path, values);
      setCsrf(me.csrfToken);
      onLoggedIn();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? `${e.body.message[lang]}${e.body.detail ? `：${e.body.detail}` : ''}`
          : String(e),
      );
    }
  };
  const fields = (withName: boolean) => (
    <>
      {withName ? (
        <Form.Item name="name" label={t('yourName')} rules={[{ required: true }]}>
          <Input autoComplete="name" />
        </Form.Item>
      ) : null}
      <Form.Item name="email" label={t('email')} rules={[{ required: true, type: 'email' }]}>
        <Input autoComplete="email" inputMode="email" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('password')}
        rules={[{ required: true, min: withName ? 8 : 1 }]}
      >
        <Input.Password autoComplete={withName ? 'new-password' : 'current-password'} />
      </Form.Item>
    </>
  );
  return (
    <Card style={{ maxWidth: 440, margin: '24px auto' }}>
      <Typography.Title level={3}>{t('appName')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('tagline')}</Typography.Paragraph>
      {error ? <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} /> : null}
      <Tabs
        items={[
          {
            key: 'register',
            label: t('register'),
            children: (
              <Form
                layout="vertical"
                onFinish={(v: Record<string, string>) => void submit('/api/auth/register')(v)}
                name="register"
              >
                {fields(true)}
                <Button type="primary" htmlType="submit" block data-testid="register-submit">
                  {t('register')}
                </Button>
              </Form>
            ),
          },
          {
            key: 'login',
            label: t('login'),
            children: (
              <Form
                layout="vertical"
                onFinish={(v: Record<string, string>) => void submit('/api/auth/login')(v)}
                name="login"
              >
                {fields(false)}
                <Button type="primary" htmlType="submit" block data-testid="login-submit">
                  {t('login')}
                </Button>
              </Form>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {lang === 'zh' ? '不登录也可以看：' : 'Open to everyone: '}
        <Link to="/public">{lang === 'zh' ? '公开统计' : 'statistics'}</Link>
        {' · '}
        <Link to="/public/complaints">{lang === 'zh' ? '投诉公示' : 'complaints'}</Link>
        {' · '}
        <Link to="/guides">{lang === 'zh' ? '维权指南' : 'guides'}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
