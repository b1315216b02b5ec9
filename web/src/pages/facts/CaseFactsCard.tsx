import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { api, ApiError, type CaseDetail, type Finding } from '../../api.js';
import { categoryName, useLang } from '../../i18n.js';
import { MarkButtons } from './MarkButtons.js';
import { W } from './words.js';

type Answer = 'yes' | 'no' | 'unsure';

/** What the merchant affirmed (the case's `affirmations`, docs/case-file.md). */
export interface Affirmations {
  signedAgreement?: Answer;
  agreementTerms: { category: string; provides: Answer; words?: string }[];
  toldOfChange?: Answer;
  confirmedChange?: Answer;
  rememberNoticed?: Answer;
  contactedAnyone?: Answer;
  contacts: { whom: string; date?: string }[];
}

export type CaseWithFacts = CaseDetail & {
  affirmations: Affirmations;
  details: { noticedAt?: string; narrative?: string };
  findings: (Finding & { basis?: string })[];
};

interface FormValues {
  signedAgreement?: Answer;
  terms?: Record<string, { provides?: Answer; words?: string } | undefined>;
  toldOfChange?: Answer;
  confirmedChange?: Answer;
  rememberNoticed?: Answer;
  noticedAt?: string;
  contactedAnyone?: Answer;
  contacts?: ({ whom?: string; date?: string } | null)[];
}

/** The categories the agreement question is asked for: those in the case's claim. */
function feeCategories(findings: readonly Finding[]): string[] {
  const fees = [
    'deposit',
    'service_fee',
    'traffic_fee',
    'instant_settlement_fee',
    'other_deduction',
  ];
  return fees.filter((c) => findings.some((f) => f.category === c));
}

function AnswerField({
  name,
  label,
  testId,
}: {
  name: string | string[];
  label: string;
  testId: string;
}) {
  const lang = useLang();
  return (
    <Form.Item name={name} label={label}>
      <Radio.Group
        data-testid={testId}
        options={(['yes', 'no', 'unsure'] as const).map((a) => ({
          value: a,
          label: W[a][lang],
          // a finger-sized target on a phone
          style: { minHeight: 44, minWidth: 44, alignItems: 'center' },
        }))}
      />
    </Form.Item>
  );
}

/**
 * The facts questions on the case page — each answered yes, no or "记不清" — and the case's
 * deductions with "我同意过" / "我没同意". Letters and call scripts assert only what is answered
 * here; the claim follows the marks.
 */
export function CaseFactsCard({
  detail,
  onChange,
}: {
  detail: CaseWithFacts;
  onChange: () => void;
}) {
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const a = detail.affirmations;
  const categories = feeCategories(detail.findings);
  const signed = Form.useWatch('signedAgreement', form);
  const remember = Form.useWatch('rememberNoticed', form);
  const contacted = Form.useWatch('contactedAnyone', form);
  const initial: FormValues = {
    ...(a.signedAgreement ? { signedAgreement: a.signedAgreement } : {}),
    terms: Object.fromEntries(
      a.agreementTerms.map((t) => [
        t.category,
        { provides: t.provides, ...(t.words ? { words: t.words } : {}) },
      ]),
    ),
    ...(a.toldOfChange ? { toldOfChange: a.toldOfChange } : {}),
    ...(a.confirmedChange ? { confirmedChange: a.confirmedChange } : {}),
    ...(a.rememberNoticed
      ? { rememberNoticed: a.rememberNoticed }
      : detail.details.noticedAt
        ? { rememberNoticed: 'yes' }
        : {}),
    ...(detail.details.noticedAt ? { noticedAt: detail.details.noticedAt } : {}),
    ...(a.contactedAnyone ? { contactedAnyone: a.contactedAnyone } : {}),
    contacts: a.contacts,
  };
  const save = async (v: FormValues) => {
    const noticed = v.rememberNoticed === 'yes' && v.noticedAt ? v.noticedAt : null;
    const affirmations: Affirmations = {
      ...(v.signedAgreement ? { signedAgreement: v.signedAgreement } : {}),
      agreementTerms:
        v.signedAgreement === 'no'
          ? []
          : categories.flatMap((category) => {
              const term = v.terms?.[category];
              return term?.provides
                ? [
                    {
                      category,
                      provides: term.provides,
                      ...(term.words?.trim() ? { words: term.words.trim() } : {}),
                    },
                  ]
                : [];
            }),
      ...(v.toldOfChange ? { toldOfChange: v.toldOfChange } : {}),
      ...(v.confirmedChange ? { confirmedChange: v.confirmedChange } : {}),
      ...(v.rememberNoticed ? { rememberNoticed: v.rememberNoticed } : {}),
      ...(v.contactedAnyone ? { contactedAnyone: v.contactedAnyone } : {}),
      contacts:
        v.contactedAnyone === 'yes'
          ? (v.contacts ?? []).flatMap((c) =>
              c?.whom?.trim() ? [{ whom: c.whom.trim(), ...(c.date ? { date: c.date } : {}) }] : [],
            )
          : [],
    };
    try {
      await api('PATCH', `/api/cases/${detail.id}/facts`, { affirmations, noticedAt: noticed });
      void message.success(W.saved[lang]);
      onChange();
    } catch (e) {
      void message.error(
        e instanceof ApiError ? `${e.body.message[lang]}：${e.body.detail ?? ''}` : String(e),
      );
    }
  };
  return (
    <>
      <Card title={W.factsTitle[lang]} data-testid="case-facts">
        <Typography.Paragraph type="secondary">{W.factsHelp[lang]}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
          <AnswerField
            name="signedAgreement"
            label={W.signedAgreement[lang]}
            testId="fact-signed"
          />
          {signed === 'no'
            ? null
            : categories.map((category) => (
                <div key={category}>
                  <AnswerField
                    name={['terms', category, 'provides']}
                    label={W.agreementProvides[lang].replace('{fee}', categoryName(category, lang))}
                    testId={`fact-term-${category}`}
                  />
                  <Form.Item name={['terms', category, 'words']} label={W.agreementWords[lang]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </div>
              ))}
          <AnswerField name="toldOfChange" label={W.toldOfChange[lang]} testId="fact-told" />
          <AnswerField
            name="confirmedChange"
            label={W.confirmedChange[lang]}
            testId="fact-confirmed"
          />
          <AnswerField
            name="rememberNoticed"
            label={W.rememberNoticed[lang]}
            testId="fact-noticed"
          />
          {remember === 'yes' ? (
            <Form.Item name="noticedAt" label={W.noticedAt[lang]} rules={[{ required: true }]}>
              <Input type="date" data-testid="fact-noticed-at" />
            </Form.Item>
          ) : null}
          <AnswerField
            name="contactedAnyone"
            label={W.contactedAnyone[lang]}
            testId="fact-contacted"
          />
          {contacted === 'yes' ? (
            <Form.List name="contacts">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item
                        name={[field.name, 'whom']}
                        label={W.contactWhom[lang]}
                        rules={[{ required: true, max: 100 }]}
                      >
                        <Input data-testid="fact-contact-whom" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'date']} label={W.contactDate[lang]}>
                        <Input type="date" />
                      </Form.Item>
                      <Button
                        type="text"
                        aria-label={W.removeCharge[lang]}
                        icon={<MinusCircleOutlined />}
                        onClick={() => {
                          remove(field.name);
                        }}
                        style={{ marginTop: 30, minHeight: 44, minWidth: 44 }}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      add({});
                    }}
                    data-testid="fact-add-contact"
                    style={{ minHeight: 44, marginBottom: 16 }}
                  >
                    {W.addContact[lang]}
                  </Button>
                </>
              )}
            </Form.List>
          ) : null}
          <Button type="primary" htmlType="submit" block data-testid="facts-save">
            {W.saveFacts[lang]}
          </Button>
        </Form>
      </Card>
      <Card title={W.caseFindings[lang]} data-testid="case-findings">
        <Typography.Paragraph type="secondary">{W.caseFindingsHelp[lang]}</Typography.Paragraph>
        <List
          dataSource={detail.findings}
          renderItem={(f) => (
            <List.Item data-testid="case-finding" style={{ display: 'block' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
                <span>
                  {f.date} · {categoryName(f.category, lang)} · {f.amount}
                </span>
                <Tag color={f.verdict === 'unauthorized' ? '#a8071a' : '#237804'}>
                  {f.overcharge}
                </Tag>
              </Space>
              <div style={{ marginTop: 6 }}>
                <MarkButtons finding={f} onChange={onChange} />
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
