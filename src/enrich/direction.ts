/** Mail direction from the organisation's accepted domains. */
import type { TraceEnrichment } from '../schema/index.js';

/** Direction of a message given its sender and recipient domains. */
export type DirectionOf = (senderDomain: string, recipientDomain: string) => TraceEnrichment['Direction'];

function normalizeDomain(d: string): string {
  return d.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/**
 * Direction resolver: a domain is internal when it or a parent is accepted (subdomains included).
 * With no accepted domains nothing can be inferred and the direction is ''.
 */
export function createDirectionOf(acceptedDomains: readonly string[]): DirectionOf {
  const accepted = new Set(acceptedDomains.map(normalizeDomain).filter(Boolean));
  if (accepted.size === 0) return () => '';
  const isInternal = (domain: string): boolean => {
    if (domain === '') return false;
    let d = domain;
    for (;;) {
      if (accepted.has(d)) return true;
      const dot = d.indexOf('.');
      if (dot < 0) return false;
      d = d.slice(dot + 1);
    }
  };
  return (sender, recipient) => {
    const s = isInternal(sender);
    const r = isInternal(recipient);
    if (s) return r ? 'Internal' : 'Outbound';
    return r ? 'Inbound' : 'External';
  };
}
