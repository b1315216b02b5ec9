import { Typography } from 'antd';
import { useLang } from '../../i18n.js';

/**
 * Where a merchant who has no statement yet usually finds one, in plain words, under the upload
 * control. Generic on purpose: the menu names differ by provider and change with each app
 * version, so none is promised here.
 */
const W = {
  title: {
    zh: '还没有对账单？通常可以从这几处拿到：',
    en: 'No statement yet? You can usually get one from:',
  },
  places: [
    {
      zh: '服务商的商户 App（签购单上印的收单机构）：打开“交易明细”或“结算明细”，选好月份，点“导出”或“下载”。',
      en: 'The provider’s merchant app (the acquirer printed on your receipt): open the transaction or settlement details, pick the months, tap Export or Download.',
    },
    {
      zh: '服务商的网页商户后台：登录后在“对账单”或“结算查询”里下载。',
      en: 'The provider’s web back office: sign in and download from the statements or settlement pages.',
    },
    {
      zh: '收款银行卡的银行：在手机银行导出这张卡的交易流水。',
      en: 'The bank of the card your takings are paid into: export that account’s statement in its app.',
    },
    {
      zh: '扣费短信：复制收到的扣费短信，粘贴到下面的框里。',
      en: 'Deduction SMS: copy the messages you received and paste them into the box below.',
    },
  ],
  formats: {
    zh: '可以上传 Excel（.xlsx、.xls、.xlsb）、WPS 表格（.ods）、CSV 或文本文件、网页表格、带文字的 PDF（拍照或扫描的 PDF 读不了）。',
    en: 'Accepted: Excel (.xlsx, .xls, .xlsb), OpenDocument spreadsheets (.ods), CSV or text files, web-page tables, and PDFs that carry text (a photo or scan cannot be read).',
  },
} as const;

export function WhereToGetOne() {
  const lang = useLang();
  return (
    <div data-testid="where-to-get-statement" style={{ marginTop: 12 }}>
      <Typography.Text strong>{W.title[lang]}</Typography.Text>
      <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
        {W.places.map((place) => (
          <li key={place.zh}>{place[lang]}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">{W.formats[lang]}</Typography.Text>
    </div>
  );
}
