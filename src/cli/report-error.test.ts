import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { reason } from '../formats/index.js';
import { InputPathError } from '../ingest/index.js';
import { EXIT } from './exit-codes.js';
import { useLanguage } from './messages.js';
import { reportError } from './report-error.js';

function reported(error: unknown): { code: number; text: string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  const code = reportError(error, out);
  return { code, text };
}

afterEach(() => useLanguage('en'));

describe('reportError', () => {
  it('writes an error that carries a reject reason in the CLI language', () => {
    const error = new InputPathError(
      reason('path-unreadable', { path: '/in/x', cause: reason('permission-denied', { what: 'path' }).toJSON() }),
    );
    expect(reported(error)).toEqual({ code: EXIT.failed, text: 'mailsift: /in/x: permission denied: this user may not read the path\n' });
    useLanguage('ja');
    expect(reported(error).text).toBe(
      'mailsift: /in/x: アクセスが拒否されました: このユーザーはこのファイルまたはフォルダーを読めません\n',
    );
  });

  it('keeps the message of an error whose reason is not its whole text', () => {
    useLanguage('ja');
    const error = Object.assign(new Error('context: empty file'), { code: 'SOME_ERROR', reason: reason('empty-file') });
    expect(reported(error).text).toBe('mailsift: context: empty file\n');
  });
});

describe('reportError of a configuration mistake', () => {
  it("words the alerts section's reason in Japanese and keeps the English message for English", async () => {
    const { AlertConfigError } = await import('../alerts/index.js');
    const error = new AlertConfigError('alerts.destinations[0] ("soc").attempts: Too small: expected number to be >=1', {
      reason: 'value-too-small',
      params: { key: 'alerts.destinations[0] ("soc").attempts', limit: '>= 1' },
    });
    expect(reported(error).text).toBe('mailsift: alerts.destinations[0] ("soc").attempts: Too small: expected number to be >=1\n');
    useLanguage('ja');
    expect(reported(error).text).toBe(
      'mailsift: alerts.destinations[0] ("soc").attempts: >= 1 にしてください（文字列と一覧は文字数・要素数）\n',
    );
  });
});
