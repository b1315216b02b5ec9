import { App, Button, Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.js';
import { categoryName, useLang, useT } from '../../i18n.js';
import { fill, GROUP_WORDS as W, type Group, type GroupOffer } from './group-words.js';
import { errorMessage } from '../../errors.js';

/** On the case page: the groups this case is offered, consent and joining, and the group it is in. */
export default function GroupCard({ caseId }: { caseId: string }) {
  const lang = useLang();
  const [offers, setOffers] = useState<GroupOffer[] | null>(null);
  const load = useCallback(() => {
    void api<{ items: GroupOffer[] }>('GET', `/api/cases/${caseId}/group-offers`)
      .then((r) => {
        setOffers(r.items);
      })
      .catch(() => {
        setOffers([]);
      });
  }, [caseId]);
  useEffect(load, [load]);
  if (!offers || offers.length === 0) return null;
  return (
    <Card title={W.title[lang]} data-testid="group-card">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {offers.map((offer) => (
          <OfferItem key={offer.category} caseId={caseId} offer={offer} onChange={load} />
        ))}
      </Space>
    </Card>
  );
}

function OfferItem({
  caseId,
  offer,
  onChange,
}: {
  caseId: string;
  offer: GroupOffer;
  onChange: () => void;
}) {
  const lang = useLang();
  const t = useT();
  const { message } = App.useApp();
  const [consent, setConsent] = useState(false);
  const [shareName, setShareName] = useState(false);
  const [group, setGroup] = useState<Group | null>(null);
  const navigate = useNavigate();
  const groupId = offer.membership?.groupId;
  useEffect(() => {
    if (!groupId) {
      // Consent is given for each join: after leaving it must be given again.
      setGroup(null);
      setConsent(false);
      return;
    }
    void api<Group>('GET', `/api/groups/${groupId}`).then(setGroup);
  }, [groupId]);
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      onChange();
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };
  const category = categoryName(offer.category, lang);
  return (
    <div data-testid="group-offer">
      <Typography.Paragraph>
        {fill(W.offer[lang], {
          n: String(offer.otherMerchants),
          provider: offer.provider,
          category,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {W.yourClaim[lang]}: {offer.claim} {t('yuan')}
        {offer.openGroup && !group ? (
          <Tag style={{ marginLeft: 8 }}>{W.openGroupExists[lang]}</Tag>
        ) : null}
      </Typography.Paragraph>
      {group ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={group.status === 'open' ? '#0958d9' : '#237804'}>
              {group.status === 'open' ? W.open[lang] : W.filed[lang]}
            </Tag>
            <span>
              {W.members[lang]}: {group.memberCount} · {W.total[lang]}: {group.total} {t('yuan')}
            </span>
          </Space>
          <List
            size="small"
            dataSource={group.members}
            renderItem={(m) => (
              <List.Item>
                <span style={{ wordBreak: 'break-word' }}>
                  {m.name ?? fill(W.merchantN[lang], { n: String(m.number) })}
                  {m.you ? W.you[lang] : ''}
                  {m.city ? ` · ${m.city}` : ''}
                </span>
                <span>
                  {m.claim} {t('yuan')}
                </span>
              </List.Item>
            )}
          />
          <Space wrap>
            <Button
              type="primary"
              onClick={() => {
                void navigate(`/groups/${group.id}`);
              }}
            >
              {W.openPage[lang]}
            </Button>
            {group.status === 'open' ? (
              <Button
                // Ant Design's danger red is too light for WCAG AA on white.
                style={{ color: '#a8071a', borderColor: '#a8071a' }}
                data-testid="group-leave"
                onClick={() =>
                  void act(() => api('DELETE', `/api/groups/${group.id}/members/${caseId}`))
                }
              >
                {W.leave[lang]}
              </Button>
            ) : null}
          </Space>
          {group.status === 'open' ? (
            <Typography.Text type="secondary">{W.leaveHelp[lang]}</Typography.Text>
          ) : null}
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Checkbox
            checked={consent}
            onChange={(e) => {
              setConsent(e.target.checked);
            }}
            data-testid="group-consent"
          >
            {W.consent[lang]}
          </Checkbox>
          <Checkbox
            checked={shareName}
            onChange={(e) => {
              setShareName(e.target.checked);
            }}
          >
            {W.shareName[lang]}
          </Checkbox>
          <Button
            type="primary"
            disabled={!consent}
            data-testid="group-join"
            onClick={() =>
              void act(() =>
                api('POST', '/api/groups/join', {
                  caseId,
                  category: offer.category,
                  consent: true,
                  shareName,
                }),
              )
            }
          >
            {W.join[lang]}
          </Button>
        </Space>
      )}
    </div>
  );
}
