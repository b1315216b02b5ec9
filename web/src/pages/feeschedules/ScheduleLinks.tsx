import { Button, Checkbox, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.js';
import { useLang } from '../../i18n.js';

const W = {
  publish: { zh: '发布收费标准', en: 'Publish the fee schedule' },
  use: {
    zh: '使用服务商公布的收费标准作为合同约定',
    en: 'Use the provider’s published fee schedule as my contract terms',
  },
  useHelp: {
    zh: '版本 {v}（{d} 起生效）。以后上传对账单时，也会对照收费标准检查每一笔扣费。',
    en: 'Version {v} (in effect from {d}). Uploads are also checked against the published schedule.',
  },
} as const;

/** For members of a provider organization: the way to the page where they publish versions. */
export function PublishScheduleLink() {
  const lang = useLang();
  const navigate = useNavigate();
  const [provider, setProvider] = useState(false);
  useEffect(() => {
    void api<{ items: { kind: string }[] }>('GET', '/api/organizations').then((r) => {
      setProvider(r.items.some((o) => o.kind === 'provider'));
    });
  }, []);
  if (!provider) return null;
  return (
    <Button
      style={{ display: 'block', marginBottom: 12 }}
      data-testid="fee-schedules-link"
      onClick={() => {
        void navigate('/fee-schedules');
      }}
    >
      {W.publish[lang]}
    </Button>
  );
}

interface Published {
  id: string;
  version: string;
  effectiveFrom: string;
  status: string;
}

/**
 * In the onboarding form: when the picked provider has published a schedule, the merchant can
 * take its version in effect as the contract (form field `feeScheduleId`). Inside the form.
 */
export function UseScheduleOption() {
  const lang = useLang();
  const form = Form.useFormInstance();
  const provider: unknown = Form.useWatch('providerName', form);
  const [current, setCurrent] = useState<Published | null>(null);
  useEffect(() => {
    // another provider: a schedule picked for the previous one no longer applies
    form.setFieldValue('feeScheduleId', undefined);
    if (typeof provider !== 'string' || provider.trim() === '') {
      setCurrent(null);
      return;
    }
    const timer = setTimeout(() => {
      void api<{ items: Published[] }>(
        'GET',
        `/api/public/fee-schedules?provider=${encodeURIComponent(provider.trim())}`,
      ).then((r) => {
        setCurrent(r.items.find((s) => s.status === 'in_effect') ?? null);
      });
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [provider, form]);
  if (!current) return null;
  return (
    <Form.Item
      name="feeScheduleId"
      preserve={false}
      valuePropName="checked"
      getValueFromEvent={(e: { target: { checked: boolean } }) =>
        e.target.checked ? current.id : undefined
      }
      getValueProps={(value: unknown) => ({ checked: value === current.id })}
      extra={
        <Typography.Text type="secondary">
          {W.useHelp[lang].replace('{v}', current.version).replace('{d}', current.effectiveFrom)}
        </Typography.Text>
      }
    >
      <Checkbox data-testid="use-fee-schedule">{W.use[lang]}</Checkbox>
    </Form.Item>
  );
}
