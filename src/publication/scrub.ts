/**
 * Removes personal data from free text before it is published. Two passes: first everything
 * FeeGuard already knows about the complainant (names, numbers, addresses from the merchant's
 * profile) is replaced wherever it appears, however it is spaced or written; then patterns catch
 * what the merchant typed that the profile does not hold (a salesperson's name, a card number,
 * a street address). Pure: text and known values in, scrubbed text and what was found out.
 */

export interface KnownPersonalData {
  readonly names: readonly string[];
  readonly businessNames: readonly string[];
  readonly phones: readonly string[];
  readonly idNumbers: readonly string[];
  readonly merchantNumbers: readonly string[];
  readonly terminalIds: readonly string[];
  readonly addresses: readonly string[];
  readonly emails: readonly string[];
  readonly cardNumbers: readonly string[];
}

export const NO_KNOWN_DATA: KnownPersonalData = {
  names: [],
  businessNames: [],
  phones: [],
  idNumbers: [],
  merchantNumbers: [],
  terminalIds: [],
  addresses: [],
  emails: [],
  cardNumbers: [],
};

export type PersonalDataKind =
  | 'name'
  | 'business'
  | 'phone'
  | 'id_number'
  | 'merchant_number'
  | 'terminal_id'
  | 'card_number'
  | 'address'
  | 'email'
  | 'account'
  | 'number';

/** What stands in the published text where personal data was. */
export const PLACEHOLDERS: Readonly<Record<PersonalDataKind, string>> = {
  name: '[姓名]',
  business: '[店名]',
  phone: '[电话]',
  id_number: '[身份证号]',
  merchant_number: '[商户号]',
  terminal_id: '[终端号]',
  card_number: '[卡号]',
  address: '[地址]',
  email: '[邮箱]',
  account: '[账号]',
  number: '[号码]',
};

export interface ScrubResult {
  readonly text: string;
  /** How many of each kind were replaced. */
  readonly found: Partial<Record<PersonalDataKind, number>>;
}

// Full-width digits, letters and @ + - become ASCII, so １３８ and 138 are scrubbed alike;
// Chinese punctuation stays as the merchant wrote it.
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (c) =>
      /[０-９Ａ-Ｚａ-ｚ＠＋－．＿]/u.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c,
    )
    .replace(/\u3000/gu, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A known value as a pattern that also matches it with spaces, dashes or dots between characters. */
function looseLiteral(value: string): RegExp | null {
  const chars = Array.from(normalize(value).replace(/[\s.·-]/gu, ''));
  if (chars.length < 2) return null;
  return new RegExp(chars.map(escapeRegExp).join('[\\s.·-]*'), 'giu');
}

/**
 * Digits that must be kept: money (with a decimal point or 元), dates, times and percentages.
 * They are swapped for markers before the number patterns run and put back afterwards.
 */
const KEEP =
  /(?<!\d)(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}年\d{1,2}月|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}(?::\d{2})?|(?:[¥￥]\s*)?\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|(?:[¥￥]\s*)?\d{1,7}\.\d{1,2}|\d{1,6}(?:\.\d+)?\s*(?:%|‰|元|块|角|分钱|天|日|个月|月|年|笔|次|台|张|个|小时|分钟|万))(?!\d)/gu;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const SURNAME_CLASS = `[${SURNAMES}]`;
const COMPOUND_SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|独孤';
const GIVEN = '[\\u4e00-\\u9fa5]{1,2}';
const TITLES =
  '先生|女士|小姐|经理|总监|主管|主任|师傅|老板|老师|专员|业务员|客户经理|销售|律师|警官|同志|科长|处长|局长|阿姨|大哥|大姐|姐|哥';
// Words that introduce a person: what follows them up to the next pause is a name.
const NAME_CUES =
  '我叫|我是|本人|本人是|姓名|名字叫|名叫|联系人|法人|法定代表人|负责人|经办人|业务员|客服|客户经理|推销员|销售员|代理商|店主|老板|收件人|户名|持卡人|签字人|投诉人|申请人|工号\\s*\\d*\\s*的';

interface Rule {
  readonly kind: PersonalDataKind;
  readonly pattern: RegExp;
  /** The group that holds the personal data; the rest of the match (a cue) is kept. */
  readonly group?: number;
}

const RULES: readonly Rule[] = [
  { kind: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu },
  {
    kind: 'account',
    pattern:
      /((?:微信号?|微信ID|WeChat|QQ号?|支付宝(?:账号)?|账号|用户名)\s*[:：是为]?\s*)([\w@.-]{5,})/giu,
    group: 2,
  },
  {
    kind: 'merchant_number',
    pattern:
      /((?:商户(?:编号|编码|号码|号)|商编|MID|统一社会信用代码|信用代码|营业执照(?:号|注册号)?)\s*[:：是为]?\s*)([A-Za-z0-9\s-]{6,30}[A-Za-z0-9])/giu,
    group: 2,
  },
  {
    kind: 'terminal_id',
    pattern:
      /((?:终端(?:编号|号码|号|ID)?|机身(?:号|编号)|设备(?:编号|号|SN)|序列号|SN码?|TID|机器编号|POS机?编号)\s*[:：是为]?\s*)([A-Za-z0-9-]{4,30})/giu,
    group: 2,
  },
  {
    kind: 'id_number',
    pattern:
      /(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/gu,
  },
  {
    kind: 'id_number',
    pattern:
      /(?<![\dA-Za-z])\d{6}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![\dA-Za-z])/gu,
  },
  // A card number written in part (6222 **** **** 1234) still identifies the card.
  {
    kind: 'card_number',
    pattern: /(?<!\d)\d{4,6}[\s-]*(?:[*＊xX×]{2,}[\s-]*){1,4}\d{3,4}(?!\d)/gu,
  },
  {
    kind: 'phone',
    pattern: /(?:(?:\+|00)?86[\s-]*)?(?<!\d)1[3-9]\d(?:[\s-]*\d){8}(?!\d)/gu,
  },
  { kind: 'card_number', pattern: /(?<!\d)(?:\d[\s-]*){12,18}\d(?!\d)/gu },
  {
    kind: 'phone',
    pattern:
      /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]*[2-9]\d{2,3}[\s-]?\d{4}(?:[\s-]*(?:转|ext\.?)\s*\d{1,5})?(?!\d)/giu,
  },
  {
    kind: 'number',
    pattern:
      /(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*\d{4})[A-Za-z]{1,6}-?[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?![A-Za-z0-9])/gu,
  },
  // Whatever other long number is left (a contract number, an account) is not for the public.
  { kind: 'number', pattern: /(?<!\d)(?:\d[\s-]*){6,}\d(?!\d)/gu },
  {
    kind: 'address',
    pattern:
      /((?:地址|住址|住在|家住|店址|店铺地址|门店地址|经营地址|位于|地点)\s*[:：是为在]?\s*)([^，,。；;！!？?\n]{2,60})/gu,
    group: 2,
  },
  {
    kind: 'address',
    pattern:
      /[\u4e00-\u9fa5A-Za-z0-9]{0,12}?(?:[\u4e00-\u9fa5]{1,8}(?:大道|路|街|巷|弄|胡同|里|道))(?:\s*[\dA-Za-z-]+\s*(?:号|弄)?)(?:[\u4e00-\u9fa5A-Za-z0-9-]{0,12}?(?:\d+\s*(?:号楼|栋|幢|座|单元|层|楼|室|号|铺|档)))*/gu,
  },
  {
    kind: 'address',
    pattern:
      /[\u4e00-\u9fa5]{2,10}(?:小区|花园|公寓|大厦|广场|市场|商城|村|社区|新村|家园|苑)(?:[\s\dA-Za-z-]*(?:号楼|栋|幢|座|单元|层|楼|室|号|铺|档|区|期))*/gu,
  },
  { kind: 'address', pattern: /(?<!\d)\d+\s*(?:号楼|栋|幢)(?:\s*\d+\s*(?:单元|层|楼|室|号))*/gu },
  {
    kind: 'name',
    pattern: new RegExp(
      `((?:${NAME_CUES})\\s*[:：是为]?\\s*)((?:${COMPOUND_SURNAMES}|${SURNAME_CLASS})${GIVEN})`,
      'gu',
    ),
    group: 2,
  },
  {
    kind: 'name',
    // 向, 和 and 于 are surnames but far more often words: alone before a title they are kept.
    pattern: new RegExp(
      `(?:${COMPOUND_SURNAMES}|${SURNAME_CLASS}${GIVEN}|(?![向和于])${SURNAME_CLASS})(?=${TITLES})`,
      'gu',
    ),
  },
  // 小王, 老李; not 小时, 老师, 小于 (words whose second character is also a surname).
  {
    kind: 'name',
    pattern: new RegExp(`(?:小|老|阿)(?![时师米于和全应单常])${SURNAME_CLASS}`, 'gu'),
  },
  {
    kind: 'name',
    pattern:
      /((?:Mr|Mrs|Ms|Miss|Dr)\.?\s+|(?:my name is|I am|I'm|contact)\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/gu,
    group: 2,
  },
];

const MARK = '\u0000';

/** Scrubs `text`; `known` holds what FeeGuard knows about the complainant. */
export function scrubText(text: string, known: KnownPersonalData = NO_KNOWN_DATA): ScrubResult {
  const found: Partial<Record<PersonalDataKind, number>> = {};
  const count = (kind: PersonalDataKind) => {
    found[kind] = (found[kind] ?? 0) + 1;
  };
  let out = normalize(text).replaceAll(MARK, '');

  const knownValues: [PersonalDataKind, readonly string[]][] = [
    ['email', known.emails],
    ['id_number', known.idNumbers],
    ['card_number', known.cardNumbers],
    ['merchant_number', known.merchantNumbers],
    ['terminal_id', known.terminalIds],
    ['phone', known.phones],
    ['address', known.addresses],
    ['business', known.businessNames],
    ['name', known.names],
  ];
  // Longest first, so a shop name that contains the owner's name goes whole.
  const literals = knownValues
    .flatMap(([kind, values]) => values.map((value) => ({ kind, value: normalize(value).trim() })))
    .filter((v) => v.value.length >= 2)
    .sort((a, b) => b.value.length - a.value.length);
  for (const { kind, value } of literals) {
    const pattern = looseLiteral(value);
    if (!pattern) continue;
    out = out.replace(pattern, () => {
      count(kind);
      return PLACEHOLDERS[kind];
    });
  }

  // Placeholders and the numbers worth keeping are set aside so no later rule touches them.
  const kept: string[] = [];
  const setAside = (s: string) => {
    kept.push(s);
    return `${MARK}${String(kept.length - 1)}${MARK}`;
  };
  const placeholderPattern = new RegExp(
    Object.values(PLACEHOLDERS).map(escapeRegExp).join('|'),
    'gu',
  );
  out = out.replace(placeholderPattern, setAside);
  out = out.replace(KEEP, setAside);

  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      if (match.includes(MARK) && rule.group === undefined) {
        // A kept value inside the match (a date beside a number): scrub only the pieces around it.
        const pieces = match.split(new RegExp(`(${MARK}\\d+${MARK})`, 'u'));
        if (pieces.every((p) => p.startsWith(MARK) || !/\d{4}/u.test(p))) return match;
      }
      count(rule.kind);
      const replacement = setAside(PLACEHOLDERS[rule.kind]);
      if (rule.group === undefined) return replacement;
      const cue = args[1] as string;
      return `${cue}${replacement}`;
    });
  }

  out = out.replace(
    new RegExp(`${MARK}(\\d+)${MARK}`, 'gu'),
    (_, i: string) => kept[Number(i)] ?? '',
  );
  // Adjacent placeholders of one kind read as one.
  out = out.replace(/(\[[^\]]+\])(?:\s*\1)+/gu, '$1');
  return { text: out, found };
}
