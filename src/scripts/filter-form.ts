/**
 * The browser side of a filter form (FilterSelect.astro selects; hidden
 * without JavaScript): the chosen values, kept in the URL query.
 * No imports: page scripts bundle this file for the browser.
 */

/** The chosen [name, value] pairs in the order of `keys`, leaving out the selects set to 全部 (""). */
export function chosenFilters(form: HTMLFormElement, keys: readonly string[]): [string, string][] {
  const data = new FormData(form);
  return keys.map((k): [string, string] => [k, String(data.get(k) ?? '')]).filter(([, v]) => v);
}

/** Writes the chosen filters to the URL query (replacing the history entry); returns the query without "?". */
export function replaceQuery(chosen: [string, string][]): string {
  const query = new URLSearchParams(chosen).toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  return query;
}

/**
 * Sets the selects from the URL query (values that are not an option are
 * ignored), shows the form, and calls `apply` now, on every change and after a reset.
 */
export function initFilterForm(form: HTMLFormElement, keys: readonly string[], apply: () => void): void {
  const params = new URLSearchParams(location.search);
  for (const k of keys) {
    const select = form.elements.namedItem(k) as HTMLSelectElement | null;
    const value = params.get(k);
    if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (e) => e.preventDefault());
  apply();
}
