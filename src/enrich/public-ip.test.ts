import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { parsePublicIp } from './public-ip.js';

describe('parsePublicIp', () => {
  it('agrees with ipaddr.js range() === "unicast" on IPv4 (fast path)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
    const samples = ['0.0.0.0', '255.255.255.255', '100.63.255.255', '100.64.0.0', '192.0.0.255', '198.17.255.255', '198.18.0.0'];
    for (let i = 0; i < 50_000; i++) {
      const n = next();
      samples.push(`${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);
    }
    for (const s of samples) expect([s, parsePublicIp(s) !== undefined]).toEqual([s, ipaddr.parse(s).range() === 'unicast']);
  });

  it('normalises text and gives numeric forms', () => {
    expect(parsePublicIp('008.008.008.008')).toMatchObject({ text: '8.8.8.8', version: 4, v4: 0x08080808 });
    expect(parsePublicIp('::FFFF:8.8.4.4')).toMatchObject({ text: '8.8.4.4', version: 4, v4: 0x08080404 });
    expect(parsePublicIp('[2001:4860:4860:0:0:0:0:8888]')).toMatchObject({
      text: '2001:4860:4860::8888',
      version: 6,
      hi: 0x2001486048600000n,
      lo: 0x8888n,
    });
  });
});
