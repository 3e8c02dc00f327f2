import { describe, expect, it } from 'vitest';
import { betweenServers } from './connection.js';

describe('betweenServers', () => {
  it('knows the network errors between servers, as 18.16 and current releases report them', () => {
    expect(betweenServers(new Error('Code: 210, e.displayText() = DB::NetException: Connection refused (127.0.0.1:9001)'))).toBe(true);
    expect(betweenServers(new Error('Code: 32, e.displayText() = DB::Exception: Attempt to read after eof'))).toBe(true);
    expect(betweenServers(Object.assign(new Error('Connection reset by peer'), { code: '209' }))).toBe(true);
  });

  it('leaves the other errors final', () => {
    expect(betweenServers(new Error('Code: 62, e.displayText() = DB::Exception: Syntax error'))).toBe(false);
    expect(betweenServers(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(betweenServers(undefined)).toBe(false);
  });
});
