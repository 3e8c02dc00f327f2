/** The sample alert `mailsift alerts test NAME` sends: a realistic status-spike finding with documentation addresses. */
import { randomUUID } from 'node:crypto';
import { statusLabel } from '../schema/index.js';
import type { Language } from '../config/index.js';
import { findingTitle } from '../detect/index.js';
import type { Alert } from './alert.js';
import { severityLabel, wordings } from './alert.js';
import { alertText } from './alert-text.js';

/** A sample alert fired at `now`, linking under `linkBase`, written in `language`. */
export function sampleAlert(now: number, linkBase: string, timeZone?: string, language?: Language): Alert {
  const to = new Date(now).toISOString();
  const from = new Date(now - 3_600_000).toISOString();
  const id = 'test-alert';
  const t = alertText(language);
  const finding = {
    id,
    rule: 'status-spike' as const,
    severity: 'medium' as const,
    title: 'FilteredAsSpam 9.8x above its usual level',
    from,
    to,
    count: 1234,
    entities: { sender: '', senderDomain: '', recipient: '', ip: '', country: '', status: 'FilteredAsSpam', subject: '' },
    query: "MessageTrace | where Status == 'FilteredAsSpam'",
    details: { test: true, titles: { ja: `${statusLabel('FilteredAsSpam', 'ja')} が通常の 9.8 倍に増加` } },
  };
  const texts = wordings((l) => ({
    title: alertText(l).headline(severityLabel('medium', l), alertText(l).testRule),
    sentence: alertText(l).testSentence(findingTitle(finding, l)),
  }));
  return {
    id: randomUUID(),
    rule: t.testRule,
    severity: 'medium',
    title: texts[language ?? 'en']!.title,
    sentence: texts[language ?? 'en']!.sentence,
    texts,
    link: `${linkBase}/findings/${id}`,
    firedAt: to,
    timeZone,
    ...(language ? { language } : {}),
    finding,
    query: "MessageTrace | where Status == 'FilteredAsSpam'",
    key: id,
    evidence: {
      columns: [
        { name: 'Received', type: 'datetime' },
        { name: 'SenderAddress', type: 'string' },
        { name: 'RecipientAddress', type: 'string' },
        { name: 'Subject', type: 'string' },
        { name: 'Status', type: 'string' },
        { name: 'FromIP', type: 'string' },
      ],
      rows: [
        [to, 'billing@fabrikam.example', 'kenji.sato@contoso.com', 'Invoice 4711 overdue', 'FilteredAsSpam', '203.0.113.7'],
        [to, 'billing@fabrikam.example', 'aiko.tanaka@contoso.com', 'Invoice 4712 overdue', 'FilteredAsSpam', '203.0.113.7'],
      ],
    },
  };
}
