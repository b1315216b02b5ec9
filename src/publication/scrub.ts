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

const HAN = '\\u4e00-\\u9fa5';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
// 和, 向 and 于 are surnames but far more often words ("和销售说", "向客服反映"): never taken alone.
const SURNAME = `[${SURNAMES.replace(/[和向于]/gu, '')}]`;
const COMPOUND_SURNAME =
  '(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|独孤|西门|南宫)';
/**
 * Characters that follow a name rather than belong to it (说, 在, 的, the first character of a
 * title): a given name never takes one, so "业务员王强说" loses 王强 and keeps 说.
 */
const STOP =
  '说讲称告让给跟和与对在的了是就也都还又把被向从叫要会来去打承答回表不没很已等以于后前将这那他她它们您你我当时上下里再每才所为能可电手微邮身先女老经主师总专律警同科处局阿姐哥叔婶店家并及或但整提签确办负申填写介接收拿交送，';
const GIVEN_CHAR = `(?:(?![${STOP}])[${HAN}])`;
const GIVEN = `${GIVEN_CHAR}(?:${GIVEN_CHAR})?`;

/** What may follow a surname to name a person: 王经理, 李女士, 曹总. */
const TITLES =
  '先生|女士|小姐|经理|总监|总(?![额计共数价量部公和体结是之的])|董事长|主管|主任|师傅|老板娘|老板|老师|专员|律师|警官|同志|科长|处长|局长|行长|店长|站长|所长|组长|部长|会计|阿姨|大哥|大姐|姐|哥|叔|婶';
/** A full name; never the start of a title (师傅 is no 师 given 傅). */
const FULL_NAME = `(?!${TITLES})(?:${COMPOUND_SURNAME}|${SURNAME})${GIVEN}`;
/** Words made of a surname and a character that come before a title but are no name. */
const NOT_NAMES =
  '项目|安装|司机|商务|高级|常务|资深|首席|金牌|明天|明日|安全|华南|华东|华北|华中|上级|单位|全国|车间|成本|温馨|贴心|和蔼|万能|路过|应该|方便';
/** Words that introduce a person: what follows them is a name. */
const NAME_CUES =
  '我叫|本人|姓名|名字叫|名叫|名字是|联系人|法人代表|法人|法定代表人|负责人|经办人|经营者|业务员|客服专员|客服|客户经理|推销员|推广员|地推人员|地推|对接人|工作人员|技术员|安装员|销售员|销售|代理商|店主|店长|户主|收件人|收款人|户名|开户名|账户名|持卡人|签字人|签收人|投诉人|申请人|委托人|代理人|介绍人|推荐人|中间人|渠道经理|区域经理|销售经理|业务经理|装机师傅|安装师傅|上门师傅|代理商的人|对接的是|找的是|老公叫|老婆叫|丈夫叫|妻子叫|爱人叫|儿子叫|女儿叫|工号\\s*\\d*\\s*的';
/** Cues that are often followed by something else (我是宁波的): the name must end at a pause. */
const WEAK_NAME_CUES = '我是|我就是|她是|他是|对方是|名片上写着';

/** Province and city: the public may see them, so they are kept in front of an address. */
/** A character of a place name: not one of the words an address follows (我家住, 店开在, 寄到). */
const PLACE = `(?:(?![的了是在到去从我你他她们和与及把被给向往于住就也还又说让叫要请寄至])[${HAN}A-Za-z])`;
/** Province and city: the public may see them, so they are kept in front of an address. */
const PROVINCE = `(?:${PLACE}{2,3}?(?:省|自治区)|北京市|上海市|天津市|重庆市|内蒙古|新疆|西藏|宁夏|广西)`;
const CITY = `(?:${PLACE}{2,4}?(?:市|自治州|盟|地区))`;
const ROOM = `(?:[A-Za-z]?\\d+[A-Za-z]?\\s*(?:号楼|号院|号铺|号房|栋|幢|座|单元|层|楼|室|号|铺|档|房|户)|[A-Za-z]\\s*(?:座|栋|区))`;
const ESTATE_SUFFIX =
  '小区|花园|公寓|大厦|广场|商城|商场|新村|家园|名苑|花苑|雅苑|华庭|华府|嘉园|科学园|软件园|产业园|工业园|写字楼|市场|中心';
const ESTATE = `${PLACE}{1,8}?(?:${ESTATE_SUFFIX}|园(?=\\s*(?:小区|\\d|[A-Za-z]\\s*座)))(?:小区)?`;
const STREET = `(?:${PLACE}{1,6}?(?:新区|区|县|镇|乡|街道))?${PLACE}{1,8}?(?:大道|大街|路|街|巷|弄|胡同|道)(?:[一二三四五六七八九十\\d]+段)?\\s*\\d+(?:-\\d+)?\\s*(?:号院|号|弄)`;
const REST = `(?:\\s*(?:${PLACE}{0,10}?${ROOM}|${ESTATE}))*(?:-?\\d{2,5}(?![\\d.]))?`;
/** Digits as said aloud: 幺 for 1 and 洞 for 0 as on the telephone, 两 for 2. */
const CN_DIGIT = '〇零洞一幺二两三四五六七八九';
const ADDRESS_CUES =
  '地址|住址|住在|家住|店址|店铺地址|门店地址|经营地址|营业地址|注册地址|收货地址|联系地址|寄到|寄至|寄回|送到';

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
      /((?:微信号?|微信ID|WeChat(?:\s*ID)?|QQ号?|支付宝(?:账号)?|账号|用户名|抖音号?)\s*[:：是为]?\s*)([\w@.-]{4,}\w)/giu,
    group: 2,
  },
  {
    kind: 'merchant_number',
    pattern:
      /((?:商户(?:编号|编码|号码|号)|商编|MID|merchant\s*(?:number|no\.?|ID)|统一社会信用代码|信用代码|营业执照(?:号|注册号)?)\s*(?:is\s+|[:：是为]\s*)?)((?=[A-Za-z0-9-]{5})[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?:\s+\d[\d-]*)*)/giu,
    group: 2,
  },
  {
    kind: 'terminal_id',
    pattern:
      /((?:终端(?:编号|号码|号|ID)?|机身(?:号|编号)|设备(?:编号|号|SN)|序列号|SN码?|TID|机器编号|POS机?编号|terminal(?:\s*(?:ID|SN|no\.?))?)\s*(?:is\s+|[:：是为]\s*)?)((?=[A-Za-z0-9-]{4})[A-Za-z0-9-]*\d[A-Za-z0-9-]*)/giu,
    group: 2,
  },
  {
    kind: 'id_number',
    pattern:
      /(?<![\dA-Za-z])\d{6}[\s-]?(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[\s-]?\d{3}[\dXx](?![\dA-Za-z])/gu,
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
  // A name written just before a mobile number: 钱小明 186 0000 2222.
  {
    kind: 'name',
    pattern: new RegExp(
      `${FULL_NAME}(?=\\s*[,，:：(（]?\\s*(?:电话|手机|Tel)?\\s*[:：]?\\s*[(（]?(?:\\+?86[)）]?[\\s-]*)?1[3-9]\\d(?:[\\s-]*\\d){8}(?!\\d))`,
      'gu',
    ),
  },
  {
    kind: 'phone',
    pattern: /(?<![\d+][\s-]*)(?:(?:\+|00)?86[\s-]*)?1[3-9]\d(?:[\s-]*\d){8}(?![\s-]?\d)/gu,
  },
  // A mobile number in Chinese numerals (一三八…, 幺 for 1, 洞/〇/零 for 0, 两 for 2).
  {
    kind: 'phone',
    pattern: new RegExp(
      `(?<![${CN_DIGIT}])[一幺][三四五六七八九](?:[\\s-]*[${CN_DIGIT}]){9}(?![${CN_DIGIT}])`,
      'gu',
    ),
  },
  // Any other run of seven or more digits written in Chinese numerals.
  {
    kind: 'number',
    pattern: new RegExp(`(?<![${CN_DIGIT}])(?:[${CN_DIGIT}][\\s-]*){6,}[${CN_DIGIT}]`, 'gu'),
  },
  {
    kind: 'phone',
    pattern:
      /(?<!\d[\s-]*)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]*[2-9]\d{2,3}[\s-]?\d{4}(?:[\s-]*(?:转|ext\.?)\s*\d{1,5})?(?!\d)/giu,
  },
  { kind: 'card_number', pattern: /(?<!\d)(?:\d[\s-]*){12,18}\d(?!\d)/gu },
  {
    kind: 'number',
    pattern:
      /(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*\d{4})[A-Za-z]{1,6}-?[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?![A-Za-z0-9])/gu,
  },
  // Whatever other long number is left (a contract number, an account) is not for the public.
  { kind: 'number', pattern: /(?<!\d)(?:\d[\s-]*){6,}\d(?!\d)/gu },
  // Addresses: province and city stay, the street, estate, building and room go.
  {
    kind: 'address',
    pattern: new RegExp(`(${PROVINCE}?${CITY}?)(${STREET}${REST})`, 'gu'),
    group: 2,
  },
  {
    kind: 'address',
    pattern: new RegExp(`(${PROVINCE}?${CITY}?)(${ESTATE}${REST})`, 'gu'),
    group: 2,
  },
  // A village address: 红旗村3组12号, after its town.
  {
    kind: 'address',
    pattern: new RegExp(
      `(${PROVINCE}?${CITY}?)((?:${PLACE}{1,6}?(?:镇|乡))?${PLACE}{1,6}?村\\s*\\d+\\s*(?:组|队|社)(?:\\s*\\d+\\s*号)?)`,
      'gu',
    ),
    group: 2,
  },
  {
    kind: 'address',
    pattern: new RegExp(`(?<![\\dA-Za-z])(?:\\d+\\s*(?:号楼|栋|幢)|\\d{3,5}\\s*室)${REST}`, 'gu'),
  },
  {
    kind: 'address',
    pattern: new RegExp(
      `((?:${ADDRESS_CUES})\\s*[:：是为在]?\\s*${PROVINCE}?${CITY}?)([^，,。；;！!？?\\n\uE000]{2,60})(?=[，,。；;！!？?\\n]|$)`,
      'gu',
    ),
    group: 2,
  },
  {
    kind: 'name',
    pattern: new RegExp(`((?:${NAME_CUES})\\s*[:：是为]?\\s*)(${FULL_NAME})`, 'gu'),
    group: 2,
  },
  {
    kind: 'name',
    pattern: new RegExp(
      `((?:${WEAK_NAME_CUES})\\s*[:：]?\\s*)(${FULL_NAME})(?=[，,。；;：:！!？?\\s(（]|$|本人)`,
      'gu',
    ),
    group: 2,
  },
  {
    kind: 'name',
    pattern: new RegExp(
      `(?!${NOT_NAMES})(?:${COMPOUND_SURNAME}|${SURNAME})(?:${GIVEN})?(?=${TITLES})`,
      'gu',
    ),
  },
  // 我姓王, 他姓欧阳.
  {
    kind: 'name',
    pattern: new RegExp(`(姓\\s*)(${COMPOUND_SURNAME}|${SURNAME})(?![${HAN}])`, 'gu'),
    group: 2,
  },
  // 小王, 老李; not 小时, 老师, 小于, 小商户, 老顾客 (words whose second character is a surname).
  {
    kind: 'name',
    pattern: new RegExp(
      `(?:小|老|阿)(?![时师米于和全应单常商顾程方白金路项包关成明])${SURNAME}`,
      'gu',
    ),
  },
  {
    kind: 'name',
    pattern:
      /((?:Mr|Mrs|Ms|Miss|Dr)\.?\s+|(?:my name is|I am|I'm|contact|sales rep|salesman|saleswoman|agent|manager|named|called)\s*,?\s+)(?!(?:Mr|Mrs|Ms|Miss|Dr)\b)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/gu,
    group: 2,
  },
];

/** A known address without its province and city, which the public may see. */
function withoutRegion(address: string): string {
  return address.replace(new RegExp(`^\\s*${PROVINCE}?${CITY}?`, 'u'), '');
}

// Set-aside values are replaced by markers made of private-use characters, so that no rule,
// which all look for ASCII digits and Chinese text, can match inside one.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK_PATTERN = /\uE000([\uE010-\uE019]+)\uE001/gu;
const marker = (index: number) =>
  MARK_OPEN +
  Array.from(String(index), (d) => String.fromCharCode(0xe010 + Number(d))).join('') +
  MARK_CLOSE;

/** Known values shorter than this (once spaces go) are left to the patterns: "12" is no id. */
const MIN_KNOWN_NUMBER = 5;

/** Scrubs `text`; `known` holds what FeeGuard knows about the complainant. */
export function scrubText(text: string, known: KnownPersonalData = NO_KNOWN_DATA): ScrubResult {
  const found: Partial<Record<PersonalDataKind, number>> = {};
  const count = (kind: PersonalDataKind) => {
    found[kind] = (found[kind] ?? 0) + 1;
  };
  let out = normalize(text).replace(/[\uE000-\uE0FF]/gu, '');

  const knownValues: [PersonalDataKind, readonly string[]][] = [
    ['email', known.emails],
    ['id_number', known.idNumbers],
    ['card_number', known.cardNumbers],
    ['merchant_number', known.merchantNumbers],
    ['terminal_id', known.terminalIds],
    ['phone', known.phones],
    ['address', known.addresses.map(withoutRegion)],
    ['business', known.businessNames],
    ['name', known.names],
  ];
  // Longest first, so a shop name that contains the owner's name goes whole.
  const literals = knownValues
    .flatMap(([kind, values]) => values.map((value) => ({ kind, value: normalize(value).trim() })))
    .filter(({ value }) => {
      const bare = value.replace(/[\s.·-]/gu, '');
      return /\d/u.test(bare) ? bare.length >= MIN_KNOWN_NUMBER : bare.length >= 2;
    })
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
    return marker(kept.length - 1);
  };
  const placeholderPattern = new RegExp(
    Object.values(PLACEHOLDERS).map(escapeRegExp).join('|'),
    'gu',
  );
  out = out.replace(placeholderPattern, setAside);
  out = out.replace(KEEP, setAside);

  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = String(args[0]);
      if (match.includes(MARK_OPEN) && rule.group === undefined) {
        // A kept value inside the match (a date beside a number): scrub only if what is around
        // it is itself a long number.
        const around = match.replace(MARK_PATTERN, ' ');
        if (!/\d{4}/u.test(around)) return match;
      }
      count(rule.kind);
      const replacement = setAside(PLACEHOLDERS[rule.kind]);
      if (rule.group === undefined) return replacement;
      return `${String(args[1])}${replacement}`;
    });
  }

  out = out.replace(MARK_PATTERN, (_, digits: string) => {
    const index = Number(Array.from(digits, (c) => String(c.charCodeAt(0) - 0xe010)).join(''));
    return kept[index] ?? '';
  });
  // Adjacent placeholders of one kind read as one.
  out = out.replace(/(\[[^\]]+\])(?:\s*\1)+/gu, '$1');
  return { text: out, found };
}
