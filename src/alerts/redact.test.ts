import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('redact', () => {
  const pass = 'Sm7p-secret-Pass!';

  it('hides a secret as it is, URL-encoded, and the path of a secret URL', () => {
    expect(redact(`login failed for ${pass}`, [pass])).toBe('login failed for ***');
    expect(redact(`q=${encodeURIComponent(pass)}`, [pass])).toBe('q=***');
    expect(redact('POST https://hooks.example/T000/B000/XXXX failed', ['https://hooks.example/T000/B000/XXXX'])).not.toContain('T000');
  });

  it('hides SMTP credentials in their base64 forms, wherever they sit in the encoded text', () => {
    for (const user of ['a', 'ab', 'abc', 'alerts@contoso.com']) {
      const plain = b64(`\u0000${user}\u0000${pass}`);
      const withAuthz = b64(`${user}\u0000${user}\u0000${pass}`);
      for (const echoed of [`535 5.7.8 AUTH PLAIN ${plain} refused`, `535 AUTH PLAIN ${withAuthz}`, `334 ${b64(pass)}`]) {
        const out = redact(echoed, [pass]);
        expect(out, echoed).toContain('***');
        for (const piece of [b64(pass).slice(0, 8), plain.slice(-10), withAuthz.slice(-10)]) expect(out).not.toContain(piece);
      }
    }
    // HTTP Basic, URL-safe alphabet.
    expect(redact(`Authorization: Basic ${Buffer.from(`u:${pass}`).toString('base64url')}`, [pass])).toBe('Authorization: Basic ***');
  });

  it('leaves text without the secret alone', () => {
    expect(redact('535 5.7.8 Authentication credentials invalid', [pass])).toBe('535 5.7.8 Authentication credentials invalid');
    expect(redact(`AUTH PLAIN ${b64('\u0000user\u0000other-password')}`, [pass])).toContain(b64('\u0000user\u0000other-password'));
  });
});
