import { z } from 'zod';
import { FeeGuardError } from '../errors.js';
import data from './places.json' with { type: 'json' };

/**
 * What the public statistics may name. A merchant types the provider and the place as free text;
 * only names from fixed lists reach the public figures: a provider that has an organization or a
 * published fee schedule on FeeGuard (otherwise the complaint counts under 其他服务商), and a
 * province and prefecture-level city from the national list in places.json (otherwise the place
 * is left blank). Whatever a merchant writes there — a phone number, a person's name — stays
 * out. Pure: names in, public names out.
 */
export const OTHER_PROVIDER = '其他服务商';

const placesSchema = z.object({
  source: z.string().min(20),
  verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  provinces: z
    .array(z.object({ name: z.string().min(2), cities: z.array(z.string().min(2)).min(1) }))
    .min(31),
});

export type Places = z.infer<typeof placesSchema>;

export function parsePlaces(raw: unknown): Places {
  const parsed = placesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FeeGuardError('FG_ERR_BAD_KNOWLEDGE_BASE', `places.json: ${parsed.error.message}`, {
      hint: 'fix src/stats/places.json so it matches src/stats/public-dimensions.ts',
    });
  }
  return parsed.data;
}

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;

interface PlaceIndex {
  readonly provinces: Map<string, string>;
  /** province → (written form → city). */
  readonly cities: Map<string, Map<string, string>>;
}

const bundled = { index: null as PlaceIndex | null };

function placeIndex(): PlaceIndex {
  if (bundled.index) return bundled.index;
  const provinces = new Map<string, string>();
  const cities = new Map<string, Map<string, string>>();
  for (const p of parsePlaces(data).provinces) {
    provinces.set(p.name, p.name);
    provinces.set(p.name.replace(PROVINCE_SUFFIX, ''), p.name);
    const own = new Map<string, string>();
    for (const c of p.cities) {
      own.set(c, c);
      if (c.endsWith('市')) own.set(c.slice(0, -1), c);
    }
    cities.set(p.name, own);
  }
  bundled.index = { provinces, cities };
  return bundled.index;
}

function compact(text: string | undefined): string {
  return (text ?? '').replace(/\s+/gu, '');
}

/** The province and city as the national list names them; '' for what is not on it. */
export function publicPlace(
  province: string | undefined,
  city: string | undefined,
): { province: string; city: string } {
  const { provinces, cities } = placeIndex();
  const p = provinces.get(compact(province)) ?? '';
  const c = p ? (cities.get(p)?.get(compact(city)) ?? '') : '';
  return { province: p, city: c };
}

function providerKey(name: string): string {
  return compact(name).replace(/[()（）]/gu, '');
}

/** The provider as the known list names it, or 其他服务商. */
export function publicProvider(name: string, known: readonly string[]): string {
  const key = providerKey(name);
  if (!key) return OTHER_PROVIDER;
  return known.find((k) => providerKey(k) === key) ?? OTHER_PROVIDER;
}
