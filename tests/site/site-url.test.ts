import { describe, expect, test } from 'vitest';
import { robotsTxt, siteAddress, sitePath } from '../../src/lib/site-url';
import { publicUrl } from '../../src/lib/paths';

describe('SITE_URL and BASE_PATH', () => {
  test('without SITE_URL there is no public address and the base comes from BASE_PATH', () => {
    expect(siteAddress({})).toEqual({ site: undefined, base: '/' });
    expect(siteAddress({ BASE_PATH: 'budget' })).toEqual({ site: undefined, base: '/budget/' });
  });

  test('SITE_URL gives the base path when BASE_PATH is unset; both agree when both are set', () => {
    expect(siteAddress({ SITE_URL: 'https://budget.example.org/sub' })).toEqual({ site: 'https://budget.example.org/sub/', base: '/sub/' });
    expect(siteAddress({ SITE_URL: 'https://budget.example.org/sub/', BASE_PATH: '/sub/' })).toEqual({ site: 'https://budget.example.org/sub/', base: '/sub/' });
    expect(siteAddress({ SITE_URL: 'https://budget.example.org' })).toEqual({ site: 'https://budget.example.org/', base: '/' });
  });

  test('a SITE_URL that is not an absolute http(s) address, or whose path contradicts BASE_PATH, stops the build', () => {
    expect(() => siteAddress({ SITE_URL: 'budget.example.org/sub/' })).toThrow(/not an absolute URL/);
    expect(() => siteAddress({ SITE_URL: 'ftp://budget.example.org/' })).toThrow(/https:\/\//);
    expect(() => siteAddress({ SITE_URL: 'https://budget.example.org/?x=1' })).toThrow(/query/);
    expect(() => siteAddress({ SITE_URL: 'https://budget.example.org/sub/', BASE_PATH: '/budget/' })).toThrow(/differ/);
  });

  test('robots.txt names the sitemap index by its absolute address', () => {
    expect(robotsTxt('https://budget.example.org/sub/')).toContain('Sitemap: https://budget.example.org/sub/sitemap-index.xml');
  });
});

describe('public addresses of pages', () => {
  test('absolute with a site, the path itself (and marked relative) without', () => {
    expect(publicUrl('/sub/projects/x/', new URL('https://budget.example.org/sub/'))).toEqual({ url: 'https://budget.example.org/sub/projects/x/', absolute: true });
    expect(publicUrl('/sub/projects/x/', undefined)).toEqual({ url: '/sub/projects/x/', absolute: false });
  });
});

describe('sitePath (the dev server middleware)', () => {
  test('a path under the base, or one the dev server has already stripped, is read relative to the site', () => {
    expect(sitePath('/budget/data/projects.csv?download', '/budget/')).toBe('/data/projects.csv');
    expect(sitePath('/data/projects.csv', '/budget/')).toBe('/data/projects.csv');
    expect(sitePath('/data/projects.csv', '/')).toBe('/data/projects.csv');
  });
});
