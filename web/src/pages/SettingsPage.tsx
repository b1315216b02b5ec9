import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Me } from '../api.js';
import { useLang, type Lang } from '../i18n.js';
import { errorMessage } from '../errors.js';

/**
 * How the merchant hears about deadlines and answers: the private calendar feed, e-mail (on
 * when the server can send it) and a webhook, whose signing secret is shown once, when it is set.
 */
const WORDS = {
  title: { zh: '通知设置', en: 'Notification settings' },
  calendar: { zh: '答复期限日历', en: 'Deadline calendar' },
  calendarLabel: { zh: '私人日历订阅地址', en: 'Private calendar address' },
  calendarHelp: {
    zh: '把这个地址添加到手机日历（iPhone：设置 → 日历 → 账户 → 添加订阅日历；安卓日历或 Outlook：“从网址添加”），每个答复期限都会出现在日历里。地址是私人的，不要分享。',
    en: 'Add this address to your phone calendar (iPhone: Settings → Calendar → Accounts → Add Subscribed Calendar; Android or Outlook: "add from URL"): every answer deadline shows up there. The address is private; do not share it.',
  },
  subscribe: { zh: '打开日历订阅', en: 'Open the calendar feed' },
  email: { zh: '邮件提醒', en: 'E-mail reminders' },
  emailOn: {
    zh: '已开启：期限临近、逾期和收到答复时，会发邮件到',
    en: 'On: when a deadline is close, overdue or answered, an e-mail goes to',
  },
  emailOff: {
    zh: '目前不发送提醒邮件；提醒会显示在应用里和上面的日历中。',
    en: 'No reminder e-mails are sent for now; reminders appear in the app and in the calendar above.',
  },
  advanced: {
    zh: '高级设置：推送到自己的系统（给技术人员）',
    en: 'Advanced: push to your own system (for technical staff)',
  },
  webhook: { zh: 'Webhook（推送到您的系统）', en: 'Webhook (push to your own system)' },
  webhookHelp: {
    zh: '每条提醒都会以 JSON 用 POST 发到这个地址，并带有签名头 x-feeguard-signature。',
    en: 'Every reminder is POSTed to this address as JSON with an x-feeguard-signature header.',
  },
  current: { zh: '当前地址：', en: 'Current address: ' },
  none: { zh: '还没有设置 Webhook。', en: 'No webhook is set.' },
  url: { zh: '接收地址（https://…）', en: 'Receiving address (https://…)' },
  badUrl: {
    zh: '请填写以 http:// 或 https:// 开头的完整网址',
    en: 'Enter a full address starting with http:// or https://',
  },
  save: { zh: '保存地址', en: 'Save the address' },
  replaceNote: {
    zh: '保存会生成新的签名密钥，旧密钥随即失效。',
    en: 'Saving makes a new signing secret; the old one stops working.',
  },
  secretTitle: {
    zh: '签名密钥只显示这一次：现在复制保存。',
    en: 'The signing secret is shown only this once: copy it now.',
  },
  secretLabel: { zh: '签名密钥', en: 'Signing secret' },
  verifyTitle: { zh: '如何核对签名', en: 'How to verify the signature' },
  verifyHelp: {
    zh: '签名头的格式是 t=<Unix 秒>,v1=<十六进制 HMAC-SHA256>，签名的内容是“t 的值 + 英文句点 + 原始请求体”。计算后与 v1 比较（可能有多个 v1），并拒绝 5 分钟以前的推送。',
    en: 'The header reads t=<unix seconds>,v1=<hex HMAC-SHA256>, computed over "the t value, a full stop, the raw request body". Compare it with v1 (there may be several) and reject deliveries older than 5 minutes.',
  },
  test: { zh: '发送测试推送', en: 'Send a test' },
  testOk: {
    zh: '测试推送已送达，对方返回 HTTP',
    en: 'The test arrived; the receiver answered HTTP',
  },
  testFailed: { zh: '测试推送没有成功：', en: 'The test did not arrive: ' },
  clear: { zh: '停用 Webhook', en: 'Remove the webhook' },
  cleared: { zh: '已停用 Webhook', en: 'Webhook removed' },
  saved: { zh: '已保存', en: 'Saved' },
} as const satisfies Record<string, Record<Lang, string>>;

interface Settings {
  email: { address: string; enabled: boolean };
  webhook: { url: string; createdAt: string } | null;
}

const VERIFY_SAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// body: the raw request body (a string); header: x-feeguard-signature
function verify(body, header, secret) {
  const t = /(?:^|,)t=(\\d+)/.exec(header)?.[1];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(\`\${t}.\${body}\`).digest('hex'));
  return [...header.matchAll(/(?:^|,)v1=([0-9a-f]+)/g)].some(
    ([, v]) => v.length === expected.length && timingSafeEqual(Buffer.from(v), expected),
  );
}`;

export default function SettingsPage() {
  const lang = useLang();
  const w = (key: keyof typeof WORDS) => WORDS[key][lang];
  const { message } = App.useApp();
  const [form] = Form.useForm<{ url: string }>();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [calendar, setCalendar] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [test, setTest] = useState<{ ok: boolean; status: number | null; error?: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    void api<Settings>('GET', '/api/me/notification-settings').then(setSettings);
  }, []);
  useEffect(() => {
    load();
    void api<Me>('GET', '/api/me').then((me) => {
      setCalendar(me.calendarUrl ?? null);
    });
  }, [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      void message.error(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const save = (values: { url: string }) =>
    run(async () => {
      const result = await api<{ url: string; secret: string }>('PUT', '/api/me/webhook', {
        url: values.url.trim(),
      });
      setSecret(result.secret);
      setTest(null);
      form.resetFields();
      load();
      void message.success(w('saved'));
    });
  const sendTest = () =>
    run(async () => {
      setTest(
        await api<{ ok: boolean; status: number | null; error?: string }>(
          'POST',
          '/api/me/webhook/test',
        ),
      );
    });
  const clear = () =>
    run(async () => {
      await api('DELETE', '/api/me/webhook');
      setSecret(null);
      setTest(null);
      load();
      void message.success(w('cleared'));
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {w('title')}
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{w('calendar')}</h2>}>
        <Typography.Paragraph>{w('calendarHelp')}</Typography.Paragraph>
        {calendar ? (
          <>
            <label htmlFor="calendar-url" style={{ display: 'block', marginBottom: 6 }}>
              {w('calendarLabel')}
            </label>
            <Input
              id="calendar-url"
              data-testid="calendar-url"
              readOnly
              value={calendar}
              onFocus={(e) => {
                e.target.select();
              }}
            />
            <Button href={calendar} style={{ marginTop: 8 }}>
              {w('subscribe')}
            </Button>
          </>
        ) : null}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{w('email')}</h2>}>
        {settings ? (
          <Typography.Paragraph data-testid="email-state" style={{ margin: 0 }}>
            {settings.email.enabled ? (
              <>
                {w('emailOn')} <strong>{settings.email.address}</strong>
              </>
            ) : (
              w('emailOff')
            )}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {/* For organizations and technical staff; a merchant does not need to see it. */}
      <details data-testid="advanced-settings">
        <summary
          className="fg-tap"
          style={{ justifyContent: 'flex-start', cursor: 'pointer', whiteSpace: 'normal' }}
        >
          {w('advanced')}
        </summary>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{w('webhook')}</h2>}>
          <Typography.Paragraph>{w('webhookHelp')}</Typography.Paragraph>
          {settings ? (
            <Typography.Paragraph data-testid="webhook-current">
              {settings.webhook ? (
                <>
                  {w('current')}
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {settings.webhook.url}
                  </Typography.Text>
                </>
              ) : (
                w('none')
              )}
            </Typography.Paragraph>
          ) : null}
          <Form
            form={form}
            layout="vertical"
            name="webhook"
            onFinish={(v: { url: string }) => void save(v)}
          >
            <Form.Item
              name="url"
              label={w('url')}
              extra={settings?.webhook ? w('replaceNote') : undefined}
              rules={[
                { required: true, message: w('badUrl') },
                { pattern: /^https?:\/\/\S+$/u, message: w('badUrl') },
              ]}
            >
              <Input
                data-testid="webhook-url"
                inputMode="url"
                autoComplete="url"
                placeholder="https://example.com/feeguard-hook"
              />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="webhook-save">
                {w('save')}
              </Button>
              {settings?.webhook ? (
                <>
                  <Button
                    disabled={busy}
                    onClick={() => void sendTest()}
                    data-testid="webhook-test"
                  >
                    {w('test')}
                  </Button>
                  <Button
                    danger
                    disabled={busy}
                    onClick={() => void clear()}
                    data-testid="webhook-clear"
                  >
                    {w('clear')}
                  </Button>
                </>
              ) : null}
            </Space>
          </Form>
          {secret ? (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={w('secretTitle')}
              description={
                <>
                  <label htmlFor="webhook-secret" style={{ display: 'block', margin: '8px 0 6px' }}>
                    {w('secretLabel')}
                  </label>
                  <Input
                    id="webhook-secret"
                    data-testid="webhook-secret"
                    readOnly
                    value={secret}
                    onFocus={(e) => {
                      e.target.select();
                    }}
                  />
                </>
              }
            />
          ) : null}
          {test ? (
            <Alert
              role="status"
              style={{ marginTop: 12 }}
              type={test.ok ? 'success' : 'error'}
              showIcon
              data-testid="webhook-test-result"
              title={
                test.ok
                  ? `${w('testOk')} ${String(test.status)}`
                  : `${w('testFailed')}${test.error ?? String(test.status)}`
              }
            />
          ) : null}
          <h3 style={{ fontSize: 15, margin: '16px 0 8px' }}>{w('verifyTitle')}</h3>
          <Typography.Paragraph>{w('verifyHelp')}</Typography.Paragraph>
          <pre
            tabIndex={0}
            aria-label={w('verifyTitle')}
            style={{
              background: '#fafafa',
              padding: 12,
              overflow: 'auto',
              fontSize: 13,
              whiteSpace: 'pre',
              maxWidth: '100%',
            }}
          >
            {VERIFY_SAMPLE}
          </pre>
        </Card>
      </details>
    </Space>
  );
}
