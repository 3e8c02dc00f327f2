import { describe, expect, it } from 'vitest';
import { compileKql } from '../index.js';

const compile = (kql: string, dialect: 'duckdb' | 'clickhouse' = 'duckdb') => compileKql(kql, { dialect, now: Date.UTC(2026, 10, 2) });

describe('datetime_utc_to_local / datetime_local_to_utc', () => {
  it('takes a constant IANA zone, spelt as the runtime spells it', () => {
    expect(compile("print d = datetime_utc_to_local(now(), 'asia/tokyo')").sql).toContain("timezone('Asia/Tokyo'");
    expect(compile("print d = datetime_local_to_utc(now(), 'Europe/Berlin')", 'clickhouse').sql).toContain("'Europe/Berlin'");
  });

  it('refuses a zone that is none, one that is not constant, and a zone that tries to leave its string', () => {
    expect(() => compile("print d = datetime_utc_to_local(now(), 'Mars/Olympus')")).toThrow(/IANA time zone/);
    expect(() => compile('MessageTrace | project datetime_utc_to_local(Received, Subject)')).toThrow(/constant string/);
    expect(() => compile('print d = datetime_utc_to_local(now(), "UTC\') --")', 'clickhouse')).toThrow(/IANA time zone/);
    expect(() => compile('print d = datetime_utc_to_local("x", "UTC")')).toThrow(/must be datetime/);
  });
});
