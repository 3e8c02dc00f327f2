/** Hand-built MessageTrace rows for rule tests, loaded into a real store. */
import { createDirectionOf } from '../../enrich/index.js';
import { domainOf, type Status, type TraceRow } from '../../schema/index.js';
import type { Store } from '../../store/index.js';

export const ORG = {
  name: 'Contoso',
  acceptedDomains: ['contoso.com'],
  homeCountries: ['JP'],
  embargoedCountries: ['KP', 'IR', 'SY', 'CU'],
};

const directionOf = createDirectionOf(ORG.acceptedDomains);
let seq = 0;

/** A row with defaults; `at` is an ISO time or ms. */
export function row(at: number | string, fields: Partial<TraceRow> & { SenderAddress: string; RecipientAddress: string }): TraceRow {
  const t = typeof at === 'number' ? at : Date.parse(at);
  const sd = domainOf(fields.SenderAddress);
  const rd = domainOf(fields.RecipientAddress);
  const id = ++seq;
  return {
    Received: t,
    Subject: '',
    Status: 'Delivered' as Status,
    FromIP: '',
    ToIP: '',
    Size: 20_000,
    MessageId: `<m${id}@test>`,
    MessageTraceId: `00000000-0000-0000-0000-${String(id).padStart(12, '0')}`,
    Organization: 'contoso.onmicrosoft.com',
    Source: 'test',
    SenderDomain: sd,
    RecipientDomain: rd,
    Direction: directionOf(sd, rd),
    FromCountry: '',
    ToCountry: '',
    FromAsn: 0,
    ToAsn: 0,
    FromAsOrg: '',
    ToAsOrg: '',
    ...fields,
  };
}

/** Upsert rows into the store in one batch. */
export async function load(store: Store, rows: readonly TraceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50_000) await store.upsertTraces(rows.slice(i, i + 50_000));
}

/** The configuration the rule tests use (shared settings plus overrides). */
export function testConfig(detections: Record<string, unknown> = {}) {
  return { organization: ORG, detections };
}
