import { describe, expect, it } from 'vitest';
import { FeedFetchError, FeedFormatError } from './errors.js';
import { feedFailure, feedFailureText } from './feed-failure.js';
import { FAILURES_EN } from './feed-failures-en.js';
import { FAILURES_JA } from './feed-failures-ja.js';
import { feedFailureOf } from './feed-status.js';

// Sample parameters that every text may read.
const P = {
  url: 'https://feeds.example/x',
  detail: 'boom',
  status: 500,
  seconds: 90,
  retries: 3,
  body: 'oops',
  what: 'openphish',
  feed: 'soc',
  path: '/x.json',
  type: 'rss',
  types: 'stix, taxii',
  other: 'url',
  scheme: 'file:',
  max: 5,
  origin: 'https://other.example',
  cloud: 'mars-1',
  clouds: 'us-1, eu-1',
  collection: 'c-1',
  names: 'Intel (c-2)',
};

describe('feed failures', () => {
  it('has a Japanese text for every code, in Japanese', () => {
    expect(Object.keys(FAILURES_JA).sort()).toEqual(Object.keys(FAILURES_EN).sort());
    for (const code of Object.keys(FAILURES_EN)) {
      const ja = feedFailureText({ code, params: P }, 'ja');
      expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja, code).not.toMatch(/undefined|\[object Object\]/);
      expect(feedFailureText({ code, params: P }, 'en'), code).not.toMatch(/undefined|\[object Object\]/);
    }
  });

  it('writes the English message of the error from its code, and Japanese from the same code', () => {
    const f = feedFailure('http-status', { url: 'https://feeds.example/x', status: 503, body: '' });
    expect(feedFailureText(f, 'en')).toBe('https://feeds.example/x answered HTTP 503');
    expect(feedFailureText(f, 'ja')).toBe('https://feeds.example/x が HTTP 503 を返しました');
  });

  it('shows an unknown code as its English fallback, else the code', () => {
    expect(feedFailureText({ code: 'from-a-later-version' }, 'ja', 'later text')).toBe('later text');
    expect(feedFailureText({ code: 'from-a-later-version' }, 'ja')).toBe('from-a-later-version');
  });

  it('takes the failure of an error, redacted, else its kind with the message as detail', () => {
    const config = { url: 'https://feeds.example/x?key=SECRETKEY', headers: { 'X-Api-Key': 'HEADERSECRET' } };
    const own = new FeedFetchError('x', { failure: feedFailure('http-status', { url: 'u', status: 500, body: 'bad HEADERSECRET\nmore' }) });
    expect(feedFailureOf(own, config)).toEqual({ code: 'http-status', params: { url: 'u', status: 500, body: 'bad ***' } });
    expect(feedFailureOf(new FeedFormatError('odd key=SECRETKEY'), config)).toEqual({ code: 'format', params: { detail: 'odd ***' } });
    expect(feedFailureOf(new Error('plain'), config)).toEqual({ code: 'other', params: { detail: 'plain' } });
    expect(feedFailureText(feedFailureOf(new FeedFormatError('odd'), config), 'ja')).toBe(
      'フィードの内容が想定した形式ではありません: odd',
    );
  });
});
