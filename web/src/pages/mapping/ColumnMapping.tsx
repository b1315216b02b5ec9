import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.js';
import { isYearless } from '../../errors.js';
import { useLang, type Lang } from '../../i18n.js';

/**
 * When the reader is not sure which column is which, the merchant is shown the first rows and
 * picks each column's meaning; the upload is sent again with that mapping (docs/layout-mappings.md).
 */

/** What the server answers with an unsure layout (422 FG_ERR_UNSURE_LAYOUT). */
export interface UnsureLayout {
  fingerprint: string;
  columns: number;
  hasHeader: boolean;
  rows: string[][];
  guess: Record<string, number>;
}

export type MappingSource = 'given' | 'own' | 'approved';

/** The roles the merchant can pick, in the order the selector shows them. */
export const ROLES = ['date', 'amount', 'fee', 'net', 'description', 'cardType'] as const;
type Role = (typeof ROLES)[number];

const W = {
  title: { zh: '请告诉我们每一列是什么', en: 'Tell us what each column is' },
  intro: {
    zh: '我们没能确定这份对账单各列的含义。下面是文件的前几行：请在每列上方选择它的含义，至少选出日期和金额。',
    en: 'We could not tell for sure what the columns of this statement mean. Here are its first rows: pick the meaning of each column above it — at least the date and the amount.',
  },
  headerRow: { zh: '第一行是表头', en: 'The first row is the header' },
  column: { zh: '第 {n} 列', en: 'Column {n}' },
  needed: {
    zh: '还需要选出日期列和金额列。',
    en: 'Please pick the date column and the amount column.',
  },
  submit: { zh: '按这个格式读取', en: 'Read it this way' },
  cancel: { zh: '取消', en: 'Cancel' },
  unused: { zh: '不用', en: 'Not used' },
  date: { zh: '日期', en: 'Date' },
  amount: { zh: '金额', en: 'Amount' },
  fee: { zh: '手续费', en: 'Fee' },
  net: { zh: '结算金额', en: 'Settled amount' },
  description: { zh: '摘要', en: 'Description' },
  cardType: { zh: '卡类型', en: 'Card type' },
  given: { zh: '按您选择的格式读取', en: 'Read the way you chose' },
  own: { zh: '按您上次确认的格式读取', en: 'Read the way you confirmed last time' },
  approved: { zh: '按已确认的格式读取', en: 'Read in a confirmed layout' },
} as const;

/**
 * The unsure layout an upload error carries; null for any other error, and for dates without a
 * year: mapping the columns cannot give a date its year (errorMessage says what to do instead).
 */
export function unsureLayoutOf(error: unknown): UnsureLayout | null {
  if (!(error instanceof ApiError) || error.body.code !== 'FG_ERR_UNSURE_LAYOUT') return null;
  if (isYearless(error)) return null;
  const layout = (error.body as { layout?: UnsureLayout }).layout;
  return layout && Array.isArray(layout.rows) ? layout : null;
}

/** The reader's best guess as one role per column (1-based), limited to the roles offered. */
export function initialRoles(layout: UnsureLayout): Record<number, Role | ''> {
  const roles: Record<number, Role | ''> = {};
  for (let n = 1; n <= layout.columns; n++) roles[n] = '';
  for (const role of ROLES) {
    const column = layout.guess[role];
    if (column !== undefined && column >= 1 && column <= layout.columns && roles[column] === '')
      roles[column] = role;
  }
  return roles;
}

/** The mapping to send: role → 1-based column. */
export function mappingOf(roles: Record<number, Role | ''>): Partial<Record<Role, number>> {
  const mapping: Partial<Record<Role, number>> = {};
  for (const [n, role] of Object.entries(roles)) if (role) mapping[role] = Number(n);
  return mapping;
}

export function MappingNote({ source }: { source: MappingSource }) {
  const lang = useLang();
  return (
    <Alert
      type="info"
      showIcon
      title={W[source][lang]}
      data-testid="layout-mapping-note"
      style={{ marginTop: 12 }}
    />
  );
}

function label(key: keyof typeof W, lang: Lang): string {
  return W[key][lang];
}

export function ColumnMapping({
  layout,
  busy,
  onSubmit,
  onCancel,
}: {
  layout: UnsureLayout;
  busy: boolean;
  onSubmit: (mapping: Partial<Record<Role, number>>) => void;
  onCancel: () => void;
}) {
  const lang = useLang();
  const [roles, setRoles] = useState(() => initialRoles(layout));
  const mapping = mappingOf(roles);
  const ready = mapping.date !== undefined && mapping.amount !== undefined;
  const columns = Array.from({ length: layout.columns }, (_, i) => i + 1);
  const choose = (n: number, role: Role | '') => {
    setRoles((current) => {
      const next = { ...current };
      // a meaning belongs to one column: picking it here clears it elsewhere
      if (role)
        for (const key of Object.keys(next)) if (next[Number(key)] === role) next[Number(key)] = '';
      next[n] = role;
      return next;
    });
  };
  return (
    <Card title={label('title', lang)} data-testid="column-mapping">
      <Typography.Paragraph>{label('intro', lang)}</Typography.Paragraph>
      <div style={{ overflowX: 'auto', maxWidth: '100%' }} data-testid="mapping-table">
        <table style={{ borderCollapse: 'collapse', fontSize: 14, whiteSpace: 'nowrap' }}>
          <thead>
            <tr>
              {columns.map((n) => (
                <th key={n} style={{ padding: 4, textAlign: 'left', verticalAlign: 'bottom' }}>
                  <label style={{ display: 'block', fontWeight: 'normal', color: '#666' }}>
                    {label('column', lang).replace('{n}', String(n))}
                    <select
                      data-testid={`column-role-${String(n)}`}
                      value={roles[n] ?? ''}
                      onChange={(e) => {
                        choose(n, e.target.value as Role | '');
                      }}
                      style={{ display: 'block', minHeight: 44, minWidth: 96, fontSize: 16 }}
                    >
                      <option value="">{label('unused', lang)}</option>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {label(role, lang)}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row, r) => (
              <tr
                key={r}
                style={{
                  background: layout.hasHeader && r === 0 ? '#fafafa' : undefined,
                  fontWeight: layout.hasHeader && r === 0 ? 600 : undefined,
                }}
              >
                {columns.map((n) => (
                  <td
                    key={n}
                    style={{
                      padding: '4px 8px',
                      borderTop: '1px solid #eee',
                      background: roles[n] ? '#e6f4ff' : undefined,
                    }}
                  >
                    {row[n - 1] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {layout.hasHeader ? (
        <Typography.Text type="secondary">{label('headerRow', lang)}</Typography.Text>
      ) : null}
      {!ready ? (
        <Alert type="warning" title={label('needed', lang)} style={{ marginTop: 12 }} />
      ) : null}
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          type="primary"
          disabled={!ready || busy}
          loading={busy}
          data-testid="mapping-submit"
          style={{ minHeight: 44 }}
          onClick={() => {
            onSubmit(mapping);
          }}
        >
          {label('submit', lang)}
        </Button>
        <Button style={{ minHeight: 44 }} onClick={onCancel} disabled={busy}>
          {label('cancel', lang)}
        </Button>
      </Space>
    </Card>
  );
}
