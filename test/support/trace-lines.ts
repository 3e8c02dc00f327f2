/** Message-trace files for end-to-end tests: PowerShell Get-MessageTrace rows as JSON lines. */
import { writeFileSync } from 'node:fs';

/**
 * Write `count` rows with ids from `first` to `path`, received at `received(i)` (default: one a second from
 * 2026-11-02 09:00 UTC), then `bad` lines the parser rejects.
 */
export function writeTraceLines(
  path: string,
  first: number,
  count: number,
  options: { bad?: number; received?: (i: number) => number } = {},
): string {
  const received = options.received ?? ((i: number) => Date.UTC(2026, 10, 2, 9) + i * 1000);
  const lines: string[] = [];
  for (let i = first; i < first + count; i++) {
    lines.push(
      JSON.stringify({
        Organization: 'contoso.onmicrosoft.com',
        MessageId: `<m${i}@fabrikam.com>`,
        Received: new Date(received(i)).toISOString(),
        SenderAddress: 'alice@fabrikam.com',
        RecipientAddress: `user${i}@contoso.com`,
        Subject: `Order ${i}`,
        Status: 'Delivered',
        ToIP: null,
        FromIP: '203.0.113.10',
        Size: 1000 + i,
        MessageTraceId: `a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }),
    );
  }
  for (let i = 0; i < (options.bad ?? 0); i++) lines.push(JSON.stringify({ MessageTraceId: 'x', Received: 'not a time' }));
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
