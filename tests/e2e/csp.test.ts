/**
 * The Content-Security-Policy is in force on the built pages, and the one
 * page that needs more than plain files (search: Pagefind's WebAssembly,
 * fetched index chunks) still works under it.
 */
import { describe, expect, test } from 'vitest';
import { useSite } from './use-site';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp';

const { siteUrl, records, watchedPage } = useSite();

describe('Content-Security-Policy', () => {
  test('search works under the policy: results appear, and nothing is refused', async () => {
    const { page, problems } = await watchedPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    // A word from a project's name: the page must find that project.
    const project = records.find((r) => /[\u4e00-\u9fff]{4}/.test(r.name))!;
    const query = project.name.match(/[\u4e00-\u9fff]{4}/)![0];
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).resolves.toBe(CONTENT_SECURITY_POLICY);
    await page.locator('#search-results li').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('#search-results').textContent()).resolves.toContain(project.name);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('an inline script slipped into a page does not run', async () => {
    const { page, close } = await watchedPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    await page.goto(`${siteUrl}projects/${records[0].id}/`);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.src = 'https://evil.example/leak.png';
      document.body.append(img);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
    await close();
  });
});
