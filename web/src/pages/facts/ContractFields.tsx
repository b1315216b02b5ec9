import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { categoryName, useLang, useT } from '../../i18n.js';
import { W } from './words.js';

/** The charges a contract can name (the audit's fee categories). */
const CHARGE_CATEGORIES = [
  'deposit',
  'service_fee',
  'traffic_fee',
  'instant_settlement_fee',
  'other_deduction',
] as const;
const PERIODS = ['once', 'month', 'quarter', 'year'] as const;

export interface ContractFormValues {
  debitRate?: number | null;
  debitCap?: number | null;
  creditRate?: number | null;
  creditCap?: number | null;
  anyRate?: number | null;
  anyCap?: number | null;
  perTransactionFee?: number | null;
  agreedCharges?: ({
    category?: string;
    amount?: number | null;
    every?: string;
    startsAfter?: string;
  } | null)[];
}

/** The contract as the API takes it (the audit spec's contract), or null when nothing was entered. */
export function contractFromForm(v: ContractFormValues): Record<string, unknown> | null {
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const rates = [
    ...(num(v.debitRate)
      ? [
          {
            cardType: 'debit',
            percent: v.debitRate,
            ...(num(v.debitCap) ? { capYuan: v.debitCap } : {}),
          },
        ]
      : []),
    ...(num(v.creditRate)
      ? [
          {
            cardType: 'credit',
            percent: v.creditRate,
            ...(num(v.creditCap) ? { capYuan: v.creditCap } : {}),
          },
        ]
      : []),
    ...(num(v.anyRate)
      ? [
          {
            cardType: 'any',
            percent: v.anyRate,
            ...(num(v.anyCap) ? { capYuan: v.anyCap } : {}),
          },
        ]
      : []),
  ];
  const agreedCharges = (v.agreedCharges ?? []).flatMap((c) =>
    c && c.category && num(c.amount) && c.every
      ? [
          {
            category: c.category,
            amountYuan: c.amount,
            every: c.every,
            ...(c.startsAfter ? { startsAfter: c.startsAfter } : {}),
          },
        ]
      : [],
  );
  const perTransaction = num(v.perTransactionFee) ? v.perTransactionFee : 0;
  if (rates.length === 0 && agreedCharges.length === 0 && perTransaction === 0) return null;
  return { rates, perTransactionFeeYuan: perTransaction, agreedCharges };
}

/**
 * The whole contract inside a form: card rates and caps, the fixed fee per transaction, and
 * every agreed charge with its amount, period and start date. Dates are typed as calendar dates
 * (YYYY-MM-DD), never converted through the browser's time zone.
 */
export function ContractFields() {
  const t = useT();
  const lang = useLang();
  return (
    <fieldset
      data-testid="contract-fields"
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
    >
      <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>
        {W.contractTitle[lang]}
      </legend>
      {/* Inputs side by side line up even when one label wraps to more lines on a phone. */}
      <Row gutter={12} align="bottom">
        <Col xs={12} sm={6}>
          <Form.Item name="debitRate" label={t('debitRate')}>
            <InputNumber min={0} max={10} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="debitCap" label={t('debitCap')}>
            <InputNumber min={0} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="creditRate" label={t('creditRate')}>
            <InputNumber min={0} max={10} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="creditCap" label={W.creditCap[lang]}>
            <InputNumber min={0} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12} align="bottom">
        <Col xs={12} sm={12}>
          <Form.Item name="anyRate" label={W.anyRate[lang]}>
            <InputNumber min={0} max={10} step={0.01} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="anyCap" label={W.anyCap[lang]}>
            <InputNumber min={0} step={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="perTransactionFee" label={W.perTransactionFee[lang]}>
        <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {W.agreedCharges[lang]}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{W.agreedChargesHelp[lang]}</Typography.Paragraph>
      <Form.List name="agreedCharges">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div
                key={field.key}
                data-testid="agreed-charge"
                style={{
                  border: '1px solid #d9d9d9',
                  borderRadius: 8,
                  padding: '12px 12px 0',
                  marginBottom: 12,
                }}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'category']}
                      label={`${W.chargeCategory[lang]} ${String(i + 1)}`}
                      rules={[{ required: true }]}
                    >
                      <Select
                        options={CHARGE_CATEGORIES.map((c) => ({
                          value: c,
                          label: categoryName(c, lang),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'amount']}
                      label={W.chargeAmount[lang]}
                      rules={[{ required: true }]}
                    >
                      <InputNumber min={0} step={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name={[field.name, 'every']}
                      label={W.chargeEvery[lang]}
                      rules={[{ required: true }]}
                    >
                      <Select options={PERIODS.map((p) => ({ value: p, label: W[p][lang] }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'startsAfter']} label={W.chargeStarts[lang]}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                </Row>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => {
                    remove(field.name);
                  }}
                  style={{ minHeight: 44, marginBottom: 8 }}
                >
                  {W.removeCharge[lang]}
                </Button>
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => {
                add({ every: 'once' });
              }}
              data-testid="add-agreed-charge"
              style={{ minHeight: 44, marginBottom: 16 }}
            >
              {W.addCharge[lang]}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** A stored contract (docs/contract.md) as the form's values: the way back of contractFromForm. */
export function formFromContract(contract: unknown): ContractFormValues {
  const c = (contract ?? {}) as {
    rates?: { cardType?: string; percent?: unknown; capYuan?: unknown }[];
    perTransactionFeeYuan?: unknown;
    agreedCharges?: {
      category?: string;
      amountYuan?: unknown;
      every?: string;
      startsAfter?: string;
    }[];
  };
  const num = (x: unknown): number | null => {
    const n = typeof x === 'number' ? x : typeof x === 'string' ? Number(x) : NaN;
    return Number.isFinite(n) ? n : null;
  };
  const rate = (card: string) => (c.rates ?? []).find((r) => r.cardType === card);
  const fee = num(c.perTransactionFeeYuan);
  return {
    debitRate: num(rate('debit')?.percent),
    debitCap: num(rate('debit')?.capYuan),
    creditRate: num(rate('credit')?.percent),
    creditCap: num(rate('credit')?.capYuan),
    anyRate: num(rate('any')?.percent),
    anyCap: num(rate('any')?.capYuan),
    perTransactionFee: fee === 0 ? null : fee,
    agreedCharges: (c.agreedCharges ?? []).map((a) => ({
      ...(a.category ? { category: a.category } : {}),
      amount: num(a.amountYuan),
      ...(a.every ? { every: a.every } : {}),
      ...(a.startsAfter ? { startsAfter: a.startsAfter } : {}),
    })),
  };
}
