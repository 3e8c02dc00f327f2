/** Inputs and file-mode helpers for the store-file attacks. */
import { statSync, writeFileSync } from 'node:fs';

/** Permission bits of a file or folder, as octal text ('600'). */
export function modeOf(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

/** Write a Microsoft Graph messageTraces page of `n` records (parsed row by row, staged in batches of 100,000). */
export function writeGraphPage(path: string, n: number): void {
  const value = Array.from({ length: n }, (_, i) => ({
    id: `a0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    messageId: `<m${i}@fabrikam.com>`,
    senderAddress: `sender${i % 50}@fabrikam.com`,
    recipientAddress: `user${i % 500}@contoso.com`,
    receivedDateTime: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
    subject: `Confidential payroll ${i}`,
    size: 1000 + i,
    fromIP: '203.0.113.10',
    toIP: '',
    status: 'delivered',
  }));
  writeFileSync(
    path,
    JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#admin/exchange/tracing/messageTraces', value }),
  );
}
