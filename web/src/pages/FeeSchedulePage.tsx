import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { FEE_CATEGORIES } from '../../../src/audit/model.js';
import { PERIOD_NAMES } from '../../../src/audit/words.js';
import { api } from '../api.js';
import { categoryName, useLang, type Lang } from '../i18n.js';
import { errorMessage } from '../errors.js';

interface Organization {
  id: string;
  name: string;
  kind: string;
  providerName: string | null;
}

interface Published {
  id: string;
  version: string;
  effectiveFrom: string;
  publishedAt: string;
  status: 'upcoming' | 'in_effect' | 'superseded';
  supersededOn?: string;
  schedule: {
    rates: { cardType: 'debit' | 'credit' | 'any'; percent: string; capYuan?: string }[];
    perTransactionFeeYuan: string;
    charges: {
      name: string;
      category: string;
      amountYuan: string;
      every: keyof typeof PERIOD_NAMES;
      conditions?: string;
      startsAfterDays?: number;
    }[];
  };
}

interface ChargeForm {
  name?: string;
  category?: string;
  amountYuan?: string;
  every?: string;
  conditions?: string;
  startsAfterDays?: number;
}

interface ScheduleForm {
  version?: string;
  effectiveFrom?: string;
  source?: string;
  debitPercent?: string;
  debitCap?: string;
  creditPercent?: string;
  creditCap?: string;
  anyPercent?: string;
  anyCap?: string;
  perTransactionFeeYuan?: string;
  charges?: ChargeForm[];
}

const W = {
  title: { zh: '发布收费标准', en: 'Publish the fee schedule' },
  help: {
    zh: '公布的每个版本都不能再修改；新的收费标准请作为新版本发布，生效日期须晚于已发布的版本。商户可以把它作为合同约定，审计会对照它检查每一笔扣费。',
    en: 'A published version never changes: publish new terms as a new version taking effect later. Merchants can take it as their contract terms, and audits check every deduction against it.',
  },
  notProvider: {
    zh: '只有服务商（支付机构或银行）的成员可以发布收费标准。',
    en: 'Only members of a provider organization publish fee schedules.',
  },
  organization: { zh: '服务商', en: 'Provider' },
  version: { zh: '版本号（如 2025版）', en: 'Version label (e.g. 2025版)' },
  effectiveFrom: { zh: '生效日期', en: 'Effective from' },
  source: {
    zh: '公示出处（网址或文号，选填）',
    en: 'Where it is published (URL or document number, optional)',
  },
  rates: { zh: '交易手续费率', en: 'Transaction fee rates' },
  debitPercent: { zh: '借记卡费率（%）', en: 'Debit rate (%)' },
  creditPercent: { zh: '贷记卡费率（%）', en: 'Credit rate (%)' },
  anyPercent: { zh: '其他卡费率（%）', en: 'Any other card (%)' },
  cap: { zh: '封顶（元，选填）', en: 'Cap (yuan, optional)' },
  perTransaction: { zh: '每笔固定费用（元）', en: 'Fixed fee per transaction (yuan)' },
  charges: { zh: '各项收费', en: 'Named charges' },
  chargeName: { zh: '收费名称（与对账单一致）', en: 'Name (as on statements)' },
  category: { zh: '类别', en: 'Category' },
  amount: { zh: '金额（元）', en: 'Amount (yuan)' },
  every: { zh: '周期', en: 'Period' },
  conditions: { zh: '收费条件（选填）', en: 'Conditions (optional)' },
  startsAfterDays: { zh: '激活后免收天数（选填）', en: 'Free days after activation (optional)' },
  addCharge: { zh: '添加一项收费', en: 'Add a charge' },
  remove: { zh: '删除此项', en: 'Remove' },
  publish: { zh: '发布此版本', en: 'Publish this version' },
  published: { zh: '已发布的版本', en: 'Published versions' },
  none: { zh: '还没有发布过收费标准。', en: 'No version published yet.' },
  done: { zh: '已发布', en: 'Published' },
  upcoming: { zh: '待生效', en: 'Upcoming' },
  in_effect: { zh: '现行', en: 'In effect' },
  superseded: { zh: '已被取代', en: 'Superseded' },
  from: { zh: '起', en: 'from' },
  until: { zh: '止于', en: 'until' },
  debit: { zh: '借记卡', en: 'debit' },
  credit: { zh: '贷记卡', en: 'credit' },
  any: { zh: '其他卡', en: 'any card' },
  capShort: { zh: '封顶', en: 'cap' },
  yuan: { zh: '元', en: 'yuan' },
} as const;

const STATUS_COLORS = { in_effect: '#237804', upcoming: '#0958d9', superseded: '#595959' } as const;

/** Members of a provider organization publish versions of its fee schedule and see them listed. */
export default function FeeSchedulePage() {
  const lang = useLang();
  const [orgs, setOrgs] = useState<Organization[] | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  useEffect(() => {
    void api<{ items: Organization[] }>('GET', '/api/organizations').then((r) => {
      const providers = r.items.filter((o) => o.kind === 'provider' && o.providerName);
      setOrgs(providers);
      setOrgId(providers[0]?.id ?? null);
    });
  }, []);
  if (orgs === null) return null;
  const org = orgs.find((o) => o.id === orgId);
  if (!org) return <Alert type="info" showIcon title={W.notProvider[lang]} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {orgs.length > 1 ? (
        <Select
          aria-label={W.organization[lang]}
          value={org.id}
          onChange={setOrgId}
          options={orgs.map((o) => ({ value: o.id, label: o.providerName ?? o.name }))}
          style={{ width: '100%' }}
        />
      ) : null}
      <ScheduleEditor key={org.id} org={org} />
    </Space>
  );
}

function ScheduleEditor({ org }: { org: Organization }) {
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleForm>();
  const [versions, setVersions] = useState<Published[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const provider = org.providerName ?? '';
  const load = useCallback(() => {
    void api<{ items: Published[] }>(
      'GET',
      `/api/public/fee-schedules?provider=${encodeURIComponent(provider)}`,
    ).then((r) => {
      setVersions(r.items);
    });
  }, [provider]);
  useEffect(load, [load]);

  const publish = async (v: ScheduleForm) => {
    setBusy(true);
    setError(null);
    const rate = (cardType: 'debit' | 'credit' | 'any', percent?: string, cap?: string) =>
      // stringMode numbers: "0" is a rate, an emptied field is null or ''
      percent ? [{ cardType, percent, ...(cap ? { capYuan: cap } : {}) }] : [];
    try {
      await api('POST', `/api/organizations/${org.id}/fee-schedules`, {
        version: v.version,
        effectiveFrom: v.effectiveFrom,
        ...(v.source ? { source: v.source } : {}),
        rates: [
          ...rate('debit', v.debitPercent, v.debitCap),
          ...rate('credit', v.creditPercent, v.creditCap),
          ...rate('any', v.anyPercent, v.anyCap),
        ],
        perTransactionFeeYuan: v.perTransactionFeeYuan ? v.perTransactionFeeYuan : '0',
        charges: (v.charges ?? []).map((c) => ({
          name: c.name,
          category: c.category,
          amountYuan: c.amountYuan,
          every: c.every,
          ...(c.conditions ? { conditions: c.conditions } : {}),
          ...(typeof c.startsAfterDays === 'number' ? { startsAfterDays: c.startsAfterDays } : {}),
        })),
      });
      void message.success(W.done[lang]);
      form.resetFields();
      load();
    } catch (e) {
      setError(errorMessage(e, lang, 'schedule'));
    } finally {
      setBusy(false);
    }
  };

  const money = (label: string, testId?: string) => (
    <InputNumber<string>
      stringMode
      min="0"
      step="0.01"
      aria-label={label}
      style={{ width: '100%' }}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  );

  return (
    <>
      <Card title={`${W.title[lang]} · ${provider}`}>
        <Typography.Paragraph type="secondary">{W.help[lang]}</Typography.Paragraph>
        <Form<ScheduleForm>
          form={form}
          layout="vertical"
          onFinish={(v) => void publish(v)}
          initialValues={{ perTransactionFeeYuan: '0', charges: [{ every: 'year' }] }}
          data-testid="fee-schedule-form"
        >
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="version" label={W.version[lang]} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="effectiveFrom"
                label={W.effectiveFrom[lang]}
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
              >
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="source" label={W.source[lang]}>
            <Input maxLength={500} />
          </Form.Item>
          <Typography.Title level={5}>{W.rates[lang]}</Typography.Title>
          <Row gutter={12}>
            {(['debit', 'credit', 'any'] as const).map((card) => (
              <Col xs={24} sm={8} key={card}>
                <Form.Item name={`${card}Percent`} label={W[`${card}Percent`][lang]}>
                  <InputNumber<string>
                    stringMode
                    min="0"
                    max="10"
                    step="0.01"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name={`${card}Cap`} label={`${W[card][lang]} ${W.cap[lang]}`}>
                  {money(`${W[card][lang]} ${W.cap[lang]}`)}
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Form.Item name="perTransactionFeeYuan" label={W.perTransaction[lang]}>
            {money(W.perTransaction[lang])}
          </Form.Item>
          <Typography.Title level={5}>{W.charges[lang]}</Typography.Title>
          <Form.List name="charges">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={`${W.charges[lang]} ${String(i + 1)}`}
                    extra={
                      <Button
                        onClick={() => {
                          remove(field.name);
                        }}
                      >
                        {W.remove[lang]}
                      </Button>
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={W.chargeName[lang]}
                          rules={[{ required: true }]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'category']}
                          label={W.category[lang]}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={FEE_CATEGORIES.map((c) => ({
                              value: c,
                              label: categoryName(c, lang),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={6}>
                        <Form.Item
                          name={[field.name, 'amountYuan']}
                          label={W.amount[lang]}
                          rules={[{ required: true }]}
                        >
                          {money(W.amount[lang])}
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={6}>
                        <Form.Item
                          name={[field.name, 'every']}
                          label={W.every[lang]}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={(['once', 'month', 'quarter', 'year'] as const).map((p) => ({
                              value: p,
                              label: periodName(p, lang),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={24} sm={12}>
                        <Form.Item
                          name={[field.name, 'startsAfterDays']}
                          label={W.startsAfterDays[lang]}
                        >
                          <InputNumber min={0} max={3660} step={1} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24}>
                        <Form.Item name={[field.name, 'conditions']} label={W.conditions[lang]}>
                          <Input.TextArea rows={2} maxLength={500} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  block
                  onClick={() => {
                    add({ every: 'year' });
                  }}
                  style={{ marginBottom: 12 }}
                >
                  {W.addCharge[lang]}
                </Button>
              </>
            )}
          </Form.List>
          {error ? (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={busy}
            data-testid="fee-schedule-publish"
          >
            {W.publish[lang]}
          </Button>
        </Form>
      </Card>
      <Card title={W.published[lang]}>
        <List<Published>
          data-testid="fee-schedule-versions"
          loading={versions === null}
          dataSource={versions ?? []}
          locale={{ emptyText: W.none[lang] }}
          renderItem={(s) => (
            <List.Item style={{ display: 'block' }}>
              <Space wrap>
                <strong>{s.version}</strong>
                <Tag color={STATUS_COLORS[s.status]}>{W[s.status][lang]}</Tag>
                <span>
                  {lang === 'zh'
                    ? `${s.effectiveFrom} ${W.from[lang]}`
                    : `${W.from[lang]} ${s.effectiveFrom}`}
                  {s.supersededOn ? ` · ${W.until[lang]} ${s.supersededOn}` : ''}
                </span>
              </Space>
              <div>
                {s.schedule.rates
                  .map(
                    (r) =>
                      `${W[r.cardType][lang]} ${r.percent}%${r.capYuan ? `（${W.capShort[lang]} ${r.capYuan}）` : ''}`,
                  )
                  .join('、')}
              </div>
              {s.schedule.charges.map((c, i) => (
                <div key={i}>
                  {c.name}（{categoryName(c.category, lang)}）{c.amountYuan} {W.yuan[lang]} ·{' '}
                  {periodName(c.every, lang)}
                  {c.conditions ? ` · ${c.conditions}` : ''}
                </div>
              ))}
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

function periodName(p: keyof typeof PERIOD_NAMES, lang: Lang): string {
  return p === 'once' ? (lang === 'zh' ? '一次性' : 'once') : PERIOD_NAMES[p][lang];
}
