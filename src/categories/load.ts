/** Reading data/categories.overrides.json from disk (kept apart so src/categories/index.ts stays free of fs). */
import { readFileSync } from 'node:fs';
import { parseOverrides, type Overrides } from './index';

export const DEFAULT_OVERRIDES_PATH = 'data/categories.overrides.json';

export function loadOverrides(path: string = DEFAULT_OVERRIDES_PATH): Overrides {
  return parseOverrides(JSON.parse(readFileSync(path, 'utf8')));
}
