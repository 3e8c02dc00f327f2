import { describe, expect, it } from 'vitest';
import { browserLanguage } from './i18n';

describe('the language from the browser', () => {
  it('takes the first of navigator.languages the app speaks, else English', () => {
    expect(browserLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(browserLanguage(['fr-FR', 'ja', 'en'])).toBe('ja');
    expect(browserLanguage(['en-GB', 'ja-JP'])).toBe('en');
    expect(browserLanguage(['de-DE'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
