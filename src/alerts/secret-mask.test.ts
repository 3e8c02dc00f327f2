import { describe, expect, it } from 'vitest';
import { holdsMask, maskSecrets, restoreSecrets, SECRET_MASK } from './secret-mask.js';

describe('secret masks', () => {
  const stored = {
    name: 'soc',
    type: 'webhook',
    url: 'https://hooks.example.com/services/T0/B0/s3cr3t-t0ken',
    secret: 'a-signing-key-of-16+',
    headers: { 'X-Tenant': 'contoso', Authorization: 'Bearer abc.def' },
    to: ['soc@contoso.com'],
  };
  const secrets = [stored.url, stored.secret, 'Bearer abc.def'];

  it('masks every string holding a secret; a URL keeps only its origin', () => {
    const m = maskSecrets(stored, secrets);
    expect(m).toEqual({
      ...stored,
      url: `https://hooks.example.com/${SECRET_MASK}`,
      secret: SECRET_MASK,
      headers: { 'X-Tenant': 'contoso', Authorization: SECRET_MASK },
    });
    expect(JSON.stringify(m)).not.toMatch(/s3cr3t|signing-key|abc\.def/);
    expect(maskSecrets({ url: 'https://user:pa55word@smtp.example/x' }, ['pa55word'])).toEqual({
      url: `https://smtp.example/${SECRET_MASK}`,
    });
  });

  it('keeps stored secrets sent back masked, and takes new values as they are', () => {
    const back = {
      ...maskSecrets(stored, secrets),
      headers: { 'X-Tenant': 'fabrikam', Authorization: SECRET_MASK },
      secret: 'a-new-signing-key-16',
    };
    expect(restoreSecrets(back, stored, secrets)).toEqual({
      ...stored,
      headers: { 'X-Tenant': 'fabrikam', Authorization: 'Bearer abc.def' },
      secret: 'a-new-signing-key-16',
    });
    // A mask where nothing was stored stays a mask, and is found.
    const odd = restoreSecrets({ ...back, extra: SECRET_MASK }, stored, secrets);
    expect(holdsMask(odd)).toBe(true);
    expect(holdsMask(restoreSecrets(maskSecrets(stored, secrets), stored, secrets))).toBe(false);
  });
});
