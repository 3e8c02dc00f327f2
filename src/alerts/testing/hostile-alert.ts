/** An alert full of attacker-controlled text, for checking that every destination makes it harmless. */
import type { Alert } from '../alert.js';

/** Hostile strings as they may arrive in subjects and addresses. */
export const HOSTILE = {
  html: '<img src=x onerror=alert(1)>',
  mention: '<!channel>',
  bold: '*bold*',
  link: '[link](javascript:alert(1))',
  rtl: 'invoice\u202Efdp.exe',
  newline: 'line1\nline2\r\nline3',
  cefBreak: 'a|b=c\\d',
};

export const HOSTILE_SUBJECT = `${HOSTILE.html} ${HOSTILE.mention} ${HOSTILE.bold} ${HOSTILE.link} ${HOSTILE.rtl} ${HOSTILE.newline} ${HOSTILE.cefBreak}`;

/** A high-severity alert whose sentence, finding and evidence carry the hostile subject. */
export function hostileAlert(now = Date.parse('2026-03-03T00:00:00Z')): Alert {
  const iso = new Date(now).toISOString();
  return {
    id: '6f1c2a9e-0000-4000-8000-000000000001',
    rule: 'campaign watch',
    severity: 'high',
    title: 'High: campaign watch',
    sentence: `Subject campaign "${HOSTILE_SUBJECT}" reached 40 recipients`,
    link: 'https://mailsift.contoso.com/findings/f-123',
    firedAt: iso,
    finding: {
      id: 'f-123',
      rule: 'subject-campaign',
      severity: 'high',
      title: `Subject campaign "${HOSTILE_SUBJECT}" reached 40 recipients`,
      from: iso,
      to: iso,
      count: 40,
      entities: {
        sender: 'evil@fabrikam.example',
        senderDomain: 'fabrikam.example',
        recipient: '',
        ip: '203.0.113.9',
        country: 'KP',
        status: '',
        subject: HOSTILE_SUBJECT,
      },
      query: "MessageTrace | where Subject == 'x'",
      details: {},
    },
    query: "MessageTrace | where Subject == 'x'",
    key: 'f-123',
    evidence: {
      columns: [
        { name: 'Received', type: 'datetime' },
        { name: 'SenderAddress', type: 'string' },
        { name: 'Subject', type: 'string' },
      ],
      rows: [[iso, 'evil@fabrikam.example', HOSTILE_SUBJECT]],
    },
  };
}
