import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.js';
import { useLang } from '../i18n.js';
import { errorMessage } from '../errors.js';
import LayoutMappingsAdmin from './mapping/LayoutMappingsAdmin.js';

interface Organization {
  id: string;
  name: string;
  kind: string;
  channelId: string | null;
  providerName: string | null;
  members: number;
  pendingInvitations: number;
}

interface Channel {
  id: string;
  name: { zh: string; en: string };
}

const KINDS = [
  { value: 'provider', zh: '支付机构 / 银行', en: 'Provider or bank' },
  { value: 'regulator', zh: '监管部门', en: 'Regulator' },
  { value: 'consumer_association', zh: '消费者协会', en: 'Consumer association' },
  { value: 'industry_association', zh: '行业协会', en: 'Industry association' },
  { value: 'mediation', zh: '调解组织', en: 'Mediation body' },
  { value: 'media', zh: '媒体', en: 'Media' },
];

const W = {
  orgs: { zh: '组织', en: 'Organizations' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  channel: { zh: '处理的渠道', en: 'Channel it answers' },
  providerName: { zh: '机构名称（与商户填写一致）', en: 'Provider name (as merchants write it)' },
  members: { zh: '成员', en: 'Members' },
  create: { zh: '新建组织', en: 'Create organization' },
  invite: { zh: '邀请成员（邮箱）', en: 'Invite a member (e-mail)' },
  send: { zh: '邀请', en: 'Invite' },
  kb: { zh: '渠道知识库', en: 'Channel knowledge base' },
  kbHelp: {
    zh: '每条事实都要有出处（source）、条文（where）、可靠性（confidence）和核实日期（verifiedAt）。保存前会按数据格式校验。',
    en: 'Every fact needs its source, where, confidence and verifiedAt. The entry is validated before it is saved.',
  },
  save: { zh: '保存渠道', en: 'Save channel' },
  saved: { zh: '已保存', en: 'Saved' },
} as const;

/** Admins: organizations and their members, and the channel knowledge base with its sources. */
export default function AdminPage() {
  const lang = useLang();
  const { message } = App.useApp();
  const [orgs, setOrgs] = useState<Organization[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [json, setJson] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void api<{ items: Organization[] }>('GET', '/api/organizations').then((r) => {
      setOrgs(r.items);
    });
    void api<{ channels: Channel[] }>('GET', '/api/channels').then((r) => {
      setChannels(r.channels);
    });
  }, []);
  useEffect(load, [load]);
  const fail = (e: unknown) => {
    setError(errorMessage(e, lang));
  };
  const pick = (id: string) => {
    setChannelId(id);
    void api<{ channels: Channel[] }>('GET', '/api/channels').then((r) => {
      setJson(
        JSON.stringify(
          r.channels.find((c) => c.id === id),
          null,
          2,
        ),
      );
    });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          closable={{
            onClose: () => {
              setError(null);
            },
          }}
        />
      ) : null}
      <LayoutMappingsAdmin />
      <Card title={W.orgs[lang]}>
        <Table<Organization>
          rowKey="id"
          dataSource={orgs}
          size="small"
          pagination={false}
          // On a phone the invitation field keeps a usable width; the table scrolls, not the page.
          scroll={{ x: 560 }}
          columns={[
            { title: W.name[lang], dataIndex: 'name' },
            {
              title: W.kind[lang],
              dataIndex: 'kind',
              render: (k: string) => KINDS.find((x) => x.value === k)?.[lang] ?? k,
            },
            {
              title: W.members[lang],
              render: (_: unknown, o) => `${String(o.members)} (+${String(o.pendingInvitations)})`,
            },
            {
              title: W.invite[lang],
              render: (_: unknown, o) => (
                <Form
                  style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
                  onFinish={(v: { email: string }) => {
                    api('POST', `/api/organizations/${o.id}/members`, v).then(load).catch(fail);
                  }}
                >
                  <Form.Item
                    name="email"
                    rules={[{ required: true, type: 'email' }]}
                    style={{ flex: '1 1 120px', minWidth: 0, marginBottom: 0 }}
                  >
                    <Input aria-label={W.invite[lang]} placeholder="name@example.com" />
                  </Form.Item>
                  <Button htmlType="submit">{W.send[lang]}</Button>
                </Form>
              ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {W.create[lang]}
        </Typography.Title>
        <Form
          layout="vertical"
          initialValues={{ kind: 'provider' }}
          onFinish={(v: {
            name: string;
            kind: string;
            channelId?: string;
            providerName?: string;
          }) => {
            api('POST', '/api/organizations', v).then(load).catch(fail);
          }}
        >
          <Form.Item name="name" label={W.name[lang]} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={W.kind[lang]}>
            <Select options={KINDS.map((k) => ({ value: k.value, label: k[lang] }))} />
          </Form.Item>
          <Form.Item name="providerName" label={W.providerName[lang]}>
            <Input />
          </Form.Item>
          <Form.Item name="channelId" label={W.channel[lang]}>
            <Select
              allowClear
              options={channels.map((c) => ({ value: c.id, label: c.name[lang] }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {W.create[lang]}
          </Button>
        </Form>
      </Card>
      <Card title={W.kb[lang]}>
        <Typography.Paragraph type="secondary">{W.kbHelp[lang]}</Typography.Paragraph>
        <Select
          style={{ width: '100%', marginBottom: 12 }}
          aria-label={W.kb[lang]}
          value={channelId}
          onChange={pick}
          options={channels.map((c) => ({ value: c.id, label: `${c.name[lang]} (${c.id})` }))}
        />
        {channelId ? (
          <>
            <Input.TextArea
              aria-label={channelId}
              value={json}
              onChange={(e) => {
                setJson(e.target.value);
              }}
              rows={18}
              style={{ fontFamily: 'monospace', fontSize: 13 }}
            />
            <Button
              type="primary"
              style={{ marginTop: 8 }}
              onClick={() => {
                let body: unknown;
                try {
                  body = JSON.parse(json);
                } catch (e) {
                  fail(e);
                  return;
                }
                api('PUT', `/api/channels/${channelId}`, body)
                  .then(() => {
                    void message.success(W.saved[lang]);
                    load();
                  })
                  .catch(fail);
              }}
            >
              {W.save[lang]}
            </Button>
          </>
        ) : null}
      </Card>
    </Space>
  );
}
