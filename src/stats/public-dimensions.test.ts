import { describe, expect, it } from 'vitest';
import data from './places.json' with { type: 'json' };
import { OTHER_PROVIDER, parsePlaces, publicPlace, publicProvider } from './public-dimensions.js';

describe('public dimensions', () => {
  it('keeps known providers and folds everything else into 其他服务商', () => {
    const known = ['鑫联支付有限公司', '银盛支付服务股份有限公司'];
    expect(publicProvider(' 鑫联支付有限公司 ', known)).toBe('鑫联支付有限公司');
    expect(publicProvider('赵六13912345678身份证110101199003071234', known)).toBe(OTHER_PROVIDER);
    expect(publicProvider('', known)).toBe(OTHER_PROVIDER);
  });

  it('names provinces and prefecture-level cities from the national list only', () => {
    expect(publicPlace('广东省', '深圳市')).toEqual({ province: '广东省', city: '深圳市' });
    expect(publicPlace('广东', '深圳')).toEqual({ province: '广东省', city: '深圳市' });
    expect(publicPlace('上海市', '上海市')).toEqual({ province: '上海市', city: '上海市' });
    expect(publicPlace('广东省', '杭州市')).toEqual({ province: '广东省', city: '' });
    expect(publicPlace('李四家13800138000', '朝阳路5号')).toEqual({ province: '', city: '' });
    expect(publicPlace(undefined, undefined)).toEqual({ province: '', city: '' });
  });

  it('has a valid list with its source', () => {
    const places = parsePlaces(data);
    expect(places.provinces).toHaveLength(34);
    expect(places.source).toContain('统计用区划代码');
  });
});
