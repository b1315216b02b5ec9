import { Card, Empty, Grid, List, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type CaseSummary, type Me } from '../api.js';
import { beijingDate } from '../dates.js';
import { stateName, useLang, useT } from '../i18n.js';

export default function CasesPage() {
  const t = useT();
  const lang = useLang();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [calendar, setCalendar] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();
  const respondent = lang === 'zh' ? '被投诉机构' : 'Provider';
  // Several cases against one provider look alike by name; the day each was started and the
  // step it is on tell them apart.
  const opened = lang === 'zh' ? '发起于' : 'Started';
  const next = lang === 'zh' ? '下一步' : 'Next step';
  useEffect(() => {
    void api<Me>('GET', '/api/me').then((me) => {
      setCalendar(me.calendarUrl ?? null);
    });
    void api<{ items: CaseSummary[] }>('GET', '/api/cases').then((r) => {
      setCases(r.items);
    });
  }, []);
  return (
    <Card
      title={t('myCases')}
      extra={
        calendar ? (
          <a href={calendar} className="fg-tap">
            {lang === 'zh' ? '订阅答复期限日历' : 'Deadline calendar'}
          </a>
        ) : null
      }
    >
      {cases && cases.length === 0 ? (
        <Empty description={t('noCases')} />
      ) : !screens.md ? (
        // On a phone each case is a card with every figure on it: nothing cut off at the edge.
        <List<CaseSummary>
          loading={cases === null}
          dataSource={cases ?? []}
          renderItem={(c) => (
            <List.Item data-testid="case-row" style={{ display: 'block' }}>
              <Link to={`/cases/${c.id}`} className="fg-tap" style={{ padding: 0 }}>
                {c.respondentName}
              </Link>{' '}
              <Tag>{stateName(c.status, lang)}</Tag>
              <div>
                {t('claimed')} {c.claim} {t('yuan')}
                {c.questioned !== '0.00'
                  ? ` · ${t('questioned')} ${c.questioned} ${t('yuan')}`
                  : ''}
                {' · '}
                {t('recovered')} {c.recovered} {t('yuan')}
              </div>
              <div>
                {opened} {beijingDate(c.createdAt)}
                {c.nextStep
                  ? ` · ${next}${lang === 'zh' ? '：' : ': '}${c.nextStep.name[lang]}`
                  : ''}
              </div>
              {c.nextDeadline ? (
                <div>
                  {t('dueBy')} {c.nextDeadline}
                </div>
              ) : null}
            </List.Item>
          )}
        />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          loading={cases === null}
          dataSource={cases ?? []}
          size="small"
          scroll={{ x: 'max-content' }}
          pagination={false}
          columns={[
            {
              title: respondent,
              dataIndex: 'respondentName',
              render: (name: string, c) => (
                <Link to={`/cases/${c.id}`} className="fg-tap">
                  {name}
                </Link>
              ),
            },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: string) => <Tag>{stateName(s, lang)}</Tag>,
            },
            {
              title: opened,
              dataIndex: 'createdAt',
              render: (d: string) => beijingDate(d),
            },
            {
              title: next,
              dataIndex: 'nextStep',
              render: (step: CaseSummary['nextStep']) => step?.name[lang] ?? '—',
            },
            {
              title: t('dueBy'),
              dataIndex: 'nextDeadline',
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('claimed'),
              dataIndex: 'claim',
              align: 'right',
              render: (claim: string, c: CaseSummary) =>
                c.questioned !== '0.00' ? (
                  <>
                    {claim}
                    <div style={{ fontSize: 12, color: '#595959' }}>
                      {t('questioned')} {c.questioned}
                    </div>
                  </>
                ) : (
                  claim
                ),
            },
            { title: t('recovered'), dataIndex: 'recovered', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
