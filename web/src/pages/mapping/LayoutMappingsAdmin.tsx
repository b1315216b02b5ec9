import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api.js';
import { useLang } from '../../i18n.js';
import { ROLES } from './ColumnMapping.js';

/** Administrators approve or reject the column mappings merchants confirmed. */
interface Proposed {
  id: string;
  provider: string | null;
  mapping: Record<string, number>;
  rows: string[][];
  createdAt: string;
}

const W = {
  title: { zh: '待审核的对账单格式', en: 'Statement layouts to review' },
  none: { zh: '没有待审核的格式', en: 'Nothing to review' },
  provider: { zh: '收单机构', en: 'Acquirer' },
  unknownProvider: { zh: '未填写', en: 'not given' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '不批准', en: 'Reject' },
  explain: {
    zh: '批准后，同一格式的对账单会自动按此读取，不再询问商户。',
    en: 'Once approved, statements in the same layout are read this way without asking the merchant.',
  },
  column: { zh: '第 {n} 列', en: 'column {n}' },
  date: { zh: '日期', en: 'Date' },
  amount: { zh: '金额', en: 'Amount' },
  fee: { zh: '手续费', en: 'Fee' },
  net: { zh: '结算金额', en: 'Settled amount' },
  description: { zh: '摘要', en: 'Description' },
  cardType: { zh: '卡类型', en: 'Card type' },
} as const;

export default function LayoutMappingsAdmin() {
  const lang = useLang();
  const [items, setItems] = useState<Proposed[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void api<{ items: Proposed[] }>('GET', '/api/layout-mappings?status=proposed').then((r) => {
      setItems(r.items);
    });
  }, []);
  useEffect(load, [load]);
  const decide = async (id: string, decision: 'approve' | 'reject') => {
    try {
      await api('POST', `/api/layout-mappings/${id}/decision`, { decision });
      load();
    } catch (e) {
      setError(
        e instanceof ApiError ? `${e.body.message[lang]}：${e.body.detail ?? ''}` : String(e),
      );
    }
  };
  return (
    <Card title={W.title[lang]} data-testid="layout-mappings-admin">
      <Typography.Paragraph type="secondary">{W.explain[lang]}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {items.length === 0 ? (
        <Typography.Text data-testid="layout-mappings-none">{W.none[lang]}</Typography.Text>
      ) : null}
      <List<Proposed>
        dataSource={items}
        style={{ display: items.length === 0 ? 'none' : undefined }}
        renderItem={(item) => (
          <List.Item data-testid="layout-mapping-row" style={{ display: 'block' }}>
            <Typography.Text>
              {W.provider[lang]}：{item.provider ?? W.unknownProvider[lang]}
            </Typography.Text>
            <div>
              {ROLES.filter((role) => item.mapping[role] !== undefined)
                .map(
                  (role) =>
                    `${W[role][lang]} = ${W.column[lang].replace('{n}', String(item.mapping[role]))}`,
                )
                .join('；')}
            </div>
            <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
              <table style={{ fontSize: 12, whiteSpace: 'nowrap', borderCollapse: 'collapse' }}>
                <tbody>
                  {item.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c} style={{ padding: '2px 6px', borderTop: '1px solid #eee' }}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Space style={{ marginTop: 8 }}>
              <Button
                type="primary"
                data-testid="layout-mapping-approve"
                onClick={() => void decide(item.id, 'approve')}
              >
                {W.approve[lang]}
              </Button>
              <Button onClick={() => void decide(item.id, 'reject')}>{W.reject[lang]}</Button>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
