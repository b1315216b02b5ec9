import { Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { useLang } from '../../i18n.js';
import { W } from './words.js';

/**
 * "我同意过" / "我没同意" on one deduction. Whatever the audit found, the merchant says what they
 * agreed to; the claim of every case holding it, its letter and the statistics follow.
 */
export function MarkButtons({
  finding,
  onChange,
}: {
  finding: { id?: string; verdict: string; reviewed?: boolean; basis?: string };
  onChange: () => void;
}) {
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const marked = finding.reviewed ?? finding.basis?.startsWith('merchant:') ?? false;
  const mark = (decision: 'agreed' | 'not_agreed') => {
    setBusy(true);
    void api('PATCH', `/api/deductions/${finding.id ?? ''}`, { decision })
      .then(onChange)
      .finally(() => {
        setBusy(false);
      });
  };
  const notAgreed = marked && finding.verdict === 'unauthorized';
  const agreed = marked && finding.verdict === 'authorized';
  return (
    <Space size={4} wrap>
      <Button
        disabled={busy}
        onClick={() => {
          mark('not_agreed');
        }}
        data-testid="review-not-agreed"
        type={notAgreed ? 'primary' : 'default'}
        aria-pressed={notAgreed}
      >
        {W.markNotAgreed[lang]}
      </Button>
      <Button
        disabled={busy}
        onClick={() => {
          mark('agreed');
        }}
        data-testid="review-agreed"
        type={agreed ? 'primary' : 'default'}
        aria-pressed={agreed}
      >
        {W.markAgreed[lang]}
      </Button>
    </Space>
  );
}
