import { describe, expect, it } from 'vitest';
import { alertTextLines, evidencePairs } from './alert.js';
import { emailContent } from './destinations/smtp.js';
import { slackMessage } from './destinations/slack.js';
import { webhookPayload } from './destinations/webhook.js';
import { sampleAlert } from './sample-alert.js';

const NOW = Date.parse('2026-11-26T00:00:00Z');

describe('times in alert messages', () => {
  it("show the organisation's local time with the offset", () => {
    const alert = sampleAlert(NOW, 'https://mailsift.example', 'Asia/Tokyo');
    const text = alertTextLines(alert).join('\n');
    expect(text).toContain('Fired: 2026-11-26T09:00:00+09:00');
    expect(text).toContain('Period: 2026-11-26T08:00:00+09:00 – 2026-11-26T09:00:00+09:00');
    expect(evidencePairs(alert.evidence, alert.timeZone)[0]![0]).toEqual({ name: 'Received', value: '2026-11-26T09:00:00+09:00' });
    expect(emailContent(alert, '[mailsift]').html).toContain('Fired: 2026-11-26T09:00:00+09:00');
    expect(JSON.stringify(slackMessage(alert))).toContain('2026-11-26T09:00:00+09:00');
    const payload = webhookPayload(alert, NOW);
    expect(payload).toMatchObject({
      firedAt: '2026-11-26T00:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      firedAtLocal: '2026-11-26T09:00:00+09:00',
    });
  });

  it('stay as stored (UTC) without a zone', () => {
    const alert = sampleAlert(NOW, 'https://mailsift.example');
    expect(alertTextLines(alert).join('\n')).toContain('Fired: 2026-11-26T00:00:00.000Z');
  });
});
