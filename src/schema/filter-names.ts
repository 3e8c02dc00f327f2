/**
 * The filter chips of dashboards and the Explorer (`?sender=...` in the URL, `filters` in the API): the one list
 * of their names, shared by the server and the web app. No imports, so the web app can use it as it is.
 */
export const FILTER_NAMES = ['status', 'sender', 'recipient', 'domain', 'direction', 'country', 'fromCountry', 'toCountry'] as const;

export type FilterName = (typeof FILTER_NAMES)[number];

/** Active filters: each name may hold several values (OR within a name, AND across names). */
export type Filters = Partial<Record<FilterName, string[]>>;

/** The MessageTrace columns each filter tests; a row passes when any of them matches. */
export const FILTER_COLUMNS: Readonly<Record<FilterName, readonly string[]>> = {
  status: ['Status'],
  sender: ['SenderAddress'],
  recipient: ['RecipientAddress'],
  domain: ['SenderDomain', 'RecipientDomain'],
  direction: ['Direction'],
  country: ['FromCountry', 'ToCountry'],
  fromCountry: ['FromCountry'],
  toCountry: ['ToCountry'],
};
