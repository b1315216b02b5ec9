import { Alert, Card, Col, Grid, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
// The guides' shape is the builder's own (src/guides), so page and data never drift apart.
import type { Guide, GuideFact, GuideSection } from '../../../../src/guides/guides.js';
import { api } from '../../api.js';
import { useLang, useT, type Lang } from '../../i18n.js';
import { errorText } from './publicApi.js';
import { W } from './words.js';

/** 维权指南: the list at /guides, one guide at /guides/:slug (no login). */
export default function GuidesPage() {
  const { slug } = useParams();
  return slug ? <OneGuide slug={slug} /> : <GuideList />;
}

function GuideList() {
  const lang = useLang();
  const [guides, setGuides] = useState<Guide[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ items: Guide[] }>('GET', '/api/public/guides')
      .then((r) => {
        setGuides(r.items);
      })
      .catch((e: unknown) => {
        setError(e);
      });
  }, []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="guide-page">
      <div>
        <Typography.Title level={2} style={{ marginTop: 8 }}>
          {W.guides[lang]}
        </Typography.Title>
        <Typography.Paragraph>{W.guidesIntro[lang]}</Typography.Paragraph>
      </div>
      {error !== null ? (
        <Alert type="error" showIcon title={`${W.loadFailed[lang]}：${errorText(error, lang)}`} />
      ) : null}
      {guides === null && error === null ? <Spin /> : null}
      <Row gutter={[12, 12]}>
        {(guides ?? []).map((g) => (
          <Col key={g.slug} xs={24} md={8}>
            <Card size="small" style={{ height: '100%' }}>
              <Typography.Title level={3} style={{ marginTop: 0, fontSize: 18 }}>
                <Link to={`/guides/${g.slug}`}>{g.title[lang]}</Link>
              </Typography.Title>
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                {g.summary[lang]}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function OneGuide({ slug }: { slug: string }) {
  const lang = useLang();
  const [guide, setGuide] = useState<Guide | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setGuide(null);
    api<Guide>('GET', `/api/public/guides/${encodeURIComponent(slug)}`)
      .then((g) => {
        setGuide(g);
        setError(null);
      })
      .catch((e: unknown) => {
        setError(e);
      });
  }, [slug]);
  if (error !== null)
    return (
      <Alert type="error" showIcon title={`${W.loadFailed[lang]}：${errorText(error, lang)}`} />
    );
  if (!guide) return <Spin />;
  return (
    <article data-testid="guide-page">
      <Link to="/guides" style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>
        ← {W.backToGuides[lang]}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {guide.title[lang]}
      </Typography.Title>
      <Typography.Paragraph>{guide.summary[lang]}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {W.dataChecked[lang]} {guide.verifiedAt}
      </Typography.Paragraph>
      <nav aria-label={W.contents[lang]}>
        <Typography.Text strong>{W.contents[lang]}</Typography.Text>
        <ul style={{ paddingLeft: 20, marginTop: 4, columns: '16rem' }}>
          {guide.sections.map((s) => (
            // An entry never splits across columns, so its bullet stays on its line.
            <li key={s.id} style={{ breakInside: 'avoid', lineHeight: '32px', minHeight: 32 }}>
              <a href={`#${s.id}`}>{s.heading[lang]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {guide.sections.map((s) => (
          <SectionCard key={s.id} section={s} />
        ))}
      </Space>
    </article>
  );
}

function SectionCard({ section }: { section: GuideSection }) {
  const lang = useLang();
  const t = useT();
  // On a phone the details (contacts, deadlines, sources) fold under the summary, so a guide
  // is a few screens of headings and summaries rather than twenty of facts.
  const wide = Grid.useBreakpoint().md ?? false;
  return (
    <Card size="small" id={section.id} data-testid="guide-section">
      <Typography.Title level={3} style={{ marginTop: 0, fontSize: 18 }}>
        {section.heading[lang]} {section.verify ? <Tag color="#ad4e00">{t('verify')}</Tag> : null}
      </Typography.Title>
      {section.paragraphs.map((p, i) => (
        <Typography.Paragraph key={i}>{p[lang]}</Typography.Paragraph>
      ))}
      {section.facts.length > 0 ? (
        <details open={wide} data-testid="guide-details">
          <summary className="fg-tap" style={{ justifyContent: 'flex-start', cursor: 'pointer' }}>
            {W.details[lang]}
          </summary>
          <dl style={{ margin: 0 }}>
            {groups(section.facts, lang).map(([label, facts]) => (
              <div key={label} style={{ marginBottom: 10 }}>
                <dt style={{ fontWeight: 600 }}>{label}</dt>
                {facts.map((f, i) => (
                  <dd key={i} style={{ margin: '2px 0 6px 0', overflowWrap: 'anywhere' }}>
                    {f.value[lang]}
                    {f.source && !sameSource(f, facts[i - 1]) ? <SourceLine fact={f} /> : null}
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </Card>
  );
}

/** Facts under the same label together ("What to bring": every item), in their order. */
function groups(facts: readonly GuideFact[], lang: Lang): [string, GuideFact[]][] {
  const out = new Map<string, GuideFact[]>();
  for (const f of facts) out.set(f.label[lang], [...(out.get(f.label[lang]) ?? []), f]);
  return [...out];
}

/** A source is named once for a run of facts from the same place (the parties, the extensions). */
function sameSource(fact: GuideFact, previous: GuideFact | undefined): boolean {
  return (
    previous?.source !== undefined &&
    previous.source !== null &&
    JSON.stringify(previous.source) === JSON.stringify(fact.source)
  );
}

function SourceLine({ fact }: { fact: GuideFact }) {
  const lang = useLang();
  const t = useT();
  const s = fact.source;
  if (!s) return null;
  return (
    <div style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.68)' }}>
      {W.source[lang]}：{s.title[lang]}
      {s.where ? ` ${s.where[lang]}` : ''} · {s.verify ? W.toVerify[lang] : W.verified[lang]} ·{' '}
      {W.checked[lang]} {s.verifiedAt}
      {s.verify ? (
        <Tag color="#ad4e00" style={{ marginLeft: 6 }}>
          {t('verify')}
        </Tag>
      ) : null}
      {s.note ? <div>{s.note[lang]}</div> : null}
    </div>
  );
}
