import { describe, expect, it } from 'vitest';
import { laterPages, pageCount, pageSlice, pagerWindow } from '../../src/lib/paginate';

describe('pagination', () => {
  it('cuts a list into pages that cover every item exactly once, in order', () => {
    for (const n of [0, 1, 9, 10, 11, 95]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const pages = pageCount(n, 10);
      expect(laterPages(n, 10)).toEqual(Array.from({ length: pages - 1 }, (_, i) => i + 2));
      const joined = Array.from({ length: pages }, (_, i) => pageSlice(items, i + 1, 10).items).flat();
      expect(joined).toEqual(items);
    }
    expect(() => pageSlice([1, 2], 2, 10)).toThrow();
  });

  it('the pager shows the first, the last and two either side, with gaps of more than one page as …', () => {
    for (const pages of [1, 2, 7, 30]) {
      for (let page = 1; page <= pages; page++) {
        const w = pagerWindow(page, pages);
        const numbers = w.filter((n): n is number => n !== null);
        expect(numbers).toContain(1);
        expect(numbers).toContain(pages);
        expect(numbers).toContain(page);
        expect(w.length).toBeLessThanOrEqual(9);
        // Between two shown numbers there is a gap marker exactly when pages are skipped.
        for (let i = 1; i < w.length; i++) if (w[i] !== null && w[i - 1] !== null) expect((w[i] as number) - (w[i - 1] as number)).toBe(1);
        for (let i = 1; i < w.length - 1; i++) if (w[i] === null) expect((w[i + 1] as number) - (w[i - 1] as number)).toBeGreaterThan(2);
      }
    }
  });
});
