import { InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Grid,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  List,
  Progress,
  Radio,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  api,
  ApiError,
  type AuditReport,
  type Deductions,
  type CaseDetail,
  type Finding,
  type Merchant,
  type StatementUpload,
} from '../api.js';
import { categoryName, useLang, useT } from '../i18n.js';
import {
  ColumnMapping,
  MappingNote,
  unsureLayoutOf,
  type MappingSource,
  type UnsureLayout,
} from './mapping/ColumnMapping.js';
import { DepartureNote, DepartureSummary, useDepartures } from './feeschedules/departures.js';
import { UseScheduleOption } from './feeschedules/ScheduleLinks.js';
import { ContractFields, contractFromForm } from './facts/ContractFields.js';
import { MarkButtons } from './facts/MarkButtons.js';

const DeductionChart = lazy(() => import('./DeductionChart.js'));

/** Solid tags dark enough for white text (WCAG AA). */
const VERDICT_COLORS = {
  unauthorized: '#a8071a',
  needs_review: '#ad4e00',
  authorized: '#237804',
} as const;

export default function ShopPage() {
  const [merchants, setMerchants] = useState<Merchant[] | null>(null);
  const load = () => {
    void api<{ items: Merchant[] }>('GET', '/api/merchants').then((r) => {
      setMerchants(r.items);
    });
  };
  useEffect(load, []);
  if (merchants === null) return null;
  const merchant = merchants[0];
  return merchant ? <Statements merchant={merchant} /> : <Onboarding onDone={load} />;
}

function Onboarding({ onDone }: { onDone: () => void }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [unknown, setUnknown] = useState(false);
  // Providers with an account on FeeGuard; any other name can be typed.
  const [providers, setProviders] = useState<string[]>([]);
  useEffect(() => {
    void api<{ items: string[] }>('GET', '/api/providers').then((r) => {
      setProviders(r.items);
    });
  }, []);
  const submit = async (v: Record<string, unknown>) => {
    const contract = contractFromForm(v);
    const scheduleId = typeof v['feeScheduleId'] === 'string' ? v['feeScheduleId'] : null;
    try {
      const created = await api<Merchant>('POST', '/api/merchants', {
        name: v['name'],
        providerName: v['providerName'],
        providerType: v['providerType'],
        complainantType: v['complainantType'],
        ...(v['businessName'] ? { businessName: v['businessName'] } : {}),
        ...(v['merchantNo'] ? { merchantNo: v['merchantNo'] } : {}),
        ...(v['province'] || v['city']
          ? {
              details: {
                ...(v['province'] ? { province: v['province'] } : {}),
                ...(v['city'] ? { city: v['city'] } : {}),
              },
            }
          : {}),
        ...(!unknown && !scheduleId && contract ? { contract } : {}),
      });
      // the shop exists now: a failed pick is shown, never a second shop on retry
      if (scheduleId)
        await api('PUT', `/api/merchants/${created.id}/contract-from-schedule`, {
          scheduleId,
        }).catch((e: unknown) => {
          void message.error(e instanceof ApiError ? e.body.message[lang] : String(e));
        });
      onDone();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.body.message[lang] : String(e));
    }
  };
  return (
    <Card title={t('onboardingTitle')} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Form
        layout="vertical"
        onFinish={(v: Record<string, unknown>) => void submit(v)}
        initialValues={{
          providerType: 'payment_institution',
          complainantType: 'individual_merchant',
        }}
      >
        <Form.Item name="name" label={t('yourName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="businessName" label={t('businessName')}>
          <Input />
        </Form.Item>
        <Form.Item name="providerName" label={t('providerName')} rules={[{ required: true }]}>
          <AutoComplete
            options={providers.map((p) => ({ value: p }))}
            showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }}
            placeholder="鑫联支付有限公司"
          />
        </Form.Item>
        <Form.Item name="providerType" label={t('providerType')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'payment_institution', label: t('paymentInstitution') },
              { value: 'bank', label: t('bank') },
            ]}
          />
        </Form.Item>
        <Form.Item name="complainantType" label={t('complainantType')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'individual_merchant', label: t('individualMerchant') },
              { value: 'company', label: t('company') },
              { value: 'individual_consumer', label: t('individualConsumer') },
            ]}
          />
        </Form.Item>
        <Form.Item name="merchantNo" label={t('merchantNo')}>
          <Input inputMode="numeric" />
        </Form.Item>
        <UseScheduleOption />
        <Form.Item name="province" label={t('shopProvince')} rules={[{ max: 30 }]}>
          <Input autoComplete="address-level1" placeholder="广东省" />
        </Form.Item>
        <Form.Item name="city" label={t('shopCity')} rules={[{ max: 30 }]}>
          <Input autoComplete="address-level2" placeholder="深圳市" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('contractHelp')}</Typography.Paragraph>
        <Checkbox
          checked={unknown}
          onChange={(e) => {
            setUnknown(e.target.checked);
          }}
          style={{ marginBottom: 12, minHeight: 44, alignItems: 'center' }}
        >
          {t('dontKnowContract')}
        </Checkbox>
        {unknown ? null : <ContractFields />}
        <Button type="primary" htmlType="submit" block data-testid="merchant-save">
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}

function Statements({ merchant }: { merchant: Merchant }) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [sms, setSms] = useState('');
  const [report, setReport] = useState<AuditReport | null>(null);
  const [deductions, setDeductions] = useState<Deductions | null>(null);
  const loadDeductions = useCallback(() => {
    void api<Deductions>('GET', `/api/merchants/${merchant.id}/deductions`).then((d) => {
      setDeductions(d.items.length > 0 ? d : null);
    });
  }, [merchant.id]);
  useEffect(loadDeductions, [loadDeductions]);
  const departures = useDepartures(merchant.id, deductions);
  const [error, setError] = useState<string | null>(null);

  // The reader was not sure of the columns: the merchant maps them and the upload goes again.
  const [unsure, setUnsure] = useState<{ layout: UnsureLayout; form: FormData } | null>(null);
  const [mappingNote, setMappingNote] = useState<MappingSource | null>(null);

  const audit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    setMappingNote(null);
    try {
      const stored = await api<StatementUpload & { layoutMapping?: { source: MappingSource } }>(
        'POST',
        `/api/merchants/${merchant.id}/statements`,
        form,
      );
      setUnsure(null);
      setMappingNote(stored.layoutMapping?.source ?? null);
      setReport(await api<AuditReport>('GET', `/api/statements/${stored.id}/report`));
      loadDeductions();
    } catch (e) {
      const layout = unsureLayoutOf(e);
      if (layout) {
        setUnsure({ layout, form });
        return;
      }
      setError(
        e instanceof ApiError
          ? `${e.body.message[lang]}：${e.body.detail ?? ''} ${e.body.hint ?? ''}`
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const startCase = async () => {
    try {
      const c = await api<CaseDetail>('POST', '/api/cases', { merchantId: merchant.id });
      void navigate(`/cases/${c.id}`);
    } catch (e) {
      void message.error(
        e instanceof ApiError ? `${e.body.message[lang]}：${e.body.detail ?? ''}` : String(e),
      );
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={`${t('uploadTitle')} · ${merchant.businessName ?? merchant.name}`}>
        <Upload.Dragger
          accept=".csv,.txt,.xlsx,.xls,.htm,.html,.xml,.pdf"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          customRequest={({ file }) => {
            const form = new FormData();
            form.set('file', file as Blob);
            void audit(form);
          }}
          data-testid="statement-dropzone"
        >
          <p style={{ fontSize: 32, margin: 0 }}>
            <InboxOutlined />
          </p>
          <p>{t('uploadHint')}</p>
        </Upload.Dragger>
        <input
          type="file"
          accept=".csv,.txt,.xlsx,.xls,.htm,.html,.xml,.pdf"
          data-testid="statement-upload"
          aria-label={t('uploadHint')}
          style={{ marginTop: 8, maxWidth: '100%', minHeight: 44 }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            // cleared, so that choosing the same file again (after mapping or cancelling) uploads it
            e.target.value = '';
            const form = new FormData();
            form.set('file', file);
            void audit(form);
          }}
        />
        <Input.TextArea
          data-testid="sms-paste"
          aria-label={t('smsPlaceholder')}
          placeholder={t('smsPlaceholder')}
          rows={3}
          value={sms}
          onChange={(e) => {
            setSms(e.target.value);
          }}
          style={{ marginTop: 12 }}
        />
        <Button
          style={{ marginTop: 8 }}
          disabled={!sms.trim() || busy}
          onClick={() => {
            const form = new FormData();
            form.set('text', sms);
            void audit(form);
          }}
        >
          {t('auditSms')}
        </Button>
        {busy ? (
          <div data-testid="audit-progress" style={{ marginTop: 12 }}>
            <Typography.Text>{t('auditing')}</Typography.Text>
            <Progress percent={99} status="active" showInfo={false} />
          </div>
        ) : null}
        {error ? <Alert type="error" title={error} showIcon style={{ marginTop: 12 }} /> : null}
        {mappingNote ? <MappingNote source={mappingNote} /> : null}
      </Card>
      {unsure ? (
        <ColumnMapping
          key={unsure.layout.fingerprint}
          layout={unsure.layout}
          busy={busy}
          onCancel={() => {
            setUnsure(null);
          }}
          onSubmit={(mapping) => {
            const form = new FormData();
            for (const [key, value] of unsure.form.entries())
              if (key !== 'mapping') form.append(key, value);
            form.set('mapping', JSON.stringify(mapping));
            void audit(form);
          }}
        />
      ) : null}
      {deductions ? (
        <Findings
          deductions={deductions}
          recurring={report?.recurring ?? []}
          onChange={loadDeductions}
          onCreateCase={() => void startCase()}
          departures={departures}
        />
      ) : null}
      {deductions ? <DepartureSummary departures={departures} /> : null}
    </Space>
  );
}

function Findings({
  deductions,
  recurring,
  onChange,
  onCreateCase,
  departures,
}: {
  deductions: Deductions;
  recurring: AuditReport['recurring'];
  onChange: () => void;
  onCreateCase: () => void;
  departures: ReturnType<typeof useDepartures>;
}) {
  const screens = Grid.useBreakpoint();
  const t = useT();
  const lang = useLang();
  const fees = deductions.items;
  const canClaim = deductions.claim !== '0.00';
  // Every deduction: the merchant says whether they agreed, and the claim follows.
  const settleButtons = (f: Finding) => <MarkButtons finding={f} onChange={onChange} />;
  return (
    <>
      <Card>
        <Row gutter={16} align="middle">
          <Col xs={24} sm={12}>
            <Statistic
              title={t('claimTotal')}
              value={deductions.claim}
              suffix={t('yuan')}
              styles={{ content: { color: '#cf1322', fontSize: 36 } }}
              data-testid="claim-total"
            />
          </Col>
          <Col xs={24} sm={12}>
            <Space wrap>
              {Object.entries(deductions.byCategory).map(([category, amount]) => (
                <Tag key={category} color="#a8071a">
                  {categoryName(category, lang)} {amount}
                </Tag>
              ))}
            </Space>
            {canClaim ? (
              <Button
                type="primary"
                size="large"
                block
                style={{ marginTop: 12 }}
                onClick={onCreateCase}
                data-testid="create-case"
              >
                {t('createCase')}
              </Button>
            ) : null}
          </Col>
        </Row>
        {deductions.counts.needs_review > 0 ? (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('needsReviewHelp')} />
        ) : null}
      </Card>
      <Card title={t('findings')}>
        {screens.md ? (
          <Table<Finding>
            data-testid="findings-table"
            rowKey={(f) => `${f.file}:${String(f.row)}`}
            dataSource={fees}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            size="small"
            onRow={() => ({ 'data-testid': 'finding-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              {
                title: t('category'),
                dataIndex: 'category',
                render: (c: string) => categoryName(c, lang),
              },
              { title: t('amount'), dataIndex: 'amount', align: 'right' },
              {
                title: t('verdict'),
                dataIndex: 'verdict',
                render: (v: Finding['verdict'], f: Finding) => (
                  <>
                    <Tag color={VERDICT_COLORS[v]}>{t(v)}</Tag>
                    <DepartureNote departures={departures} deductionId={f.id} />
                  </>
                ),
              },
              {
                title: t('reason'),
                render: (_: unknown, f: Finding) =>
                  lang === 'zh' ? f.reason : (f.reasonEn ?? f.reason),
              },
              { title: '', render: (_: unknown, f: Finding) => settleButtons(f) },
            ]}
          />
        ) : (
          // On a phone each deduction is a card: nothing to scroll sideways.
          <List<Finding>
            data-testid="findings-table"
            dataSource={fees}
            pagination={fees.length > 20 ? { pageSize: 20, size: 'small' } : false}
            renderItem={(f) => (
              <List.Item data-testid="finding-row" style={{ display: 'block' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>
                    {f.date} · {categoryName(f.category, lang)}
                  </span>
                  <strong>{f.amount}</strong>
                </Space>
                <div>
                  <Tag color={VERDICT_COLORS[f.verdict]}>{t(f.verdict)}</Tag>
                  {lang === 'zh' ? f.reason : (f.reasonEn ?? f.reason)}
                  <DepartureNote departures={departures} deductionId={f.id} />
                  <div style={{ marginTop: 6 }}>{settleButtons(f)}</div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={t('chart')}>
        <Suspense fallback={null}>
          <DeductionChart findings={fees} />
        </Suspense>
      </Card>
      {recurring.length > 0 ? (
        <Card title={t('recurring')}>
          <List
            dataSource={recurring}
            renderItem={(r) => (
              <List.Item>
                {categoryName(r.category, lang)} · {r.amount} {t('yuan')} · {t('nextExpected')}{' '}
                {r.next}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
