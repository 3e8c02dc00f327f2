// The lexer: KQL's literal forms (strings, verbatim strings, timespans, datetime/dynamic) and operator words.
import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.js';

const kinds = (text: string): string[] => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('reads strings with escapes and verbatim strings', () => {
    const t = tokenize(String.raw`"a\"b\\c\n" 'it''s' @"C:\dir\""x" h'secret' "\u0041"`);
    expect(t.slice(0, 5).map((x) => x.text)).toEqual(['a"b\\c\n', 'it', 's', 'C:\\dir\\"x', 'secret']);
  });

  it('reads timespans in microseconds and numbers', () => {
    const t = tokenize('30m 1.5h 100ms 7d 2 2.5 1e3 10tick');
    expect(t.slice(0, 8).map((x) => [x.kind, x.value])).toEqual([
      ['timespan', 1_800_000_000],
      ['timespan', 5_400_000_000],
      ['timespan', 100_000],
      ['timespan', 604_800_000_000],
      ['number', 2],
      ['number', 2.5],
      ['number', 1000],
      ['timespan', 1],
    ]);
  });

  it('gives a timespan in microseconds, and the ticks of one that is no whole microsecond', () => {
    const t = tokenize('15ticks 4.35s time(0.00:00:01.0000019) time(-00:00:00.000001) 10000000ticks');
    expect(t.slice(0, 5).map((x) => x.value)).toEqual([1, 4_350_000, 1_000_001, -1, 1_000_000]);
    expect(
      tokenize('1tick 15ticks 20ticks time(-00:00:00.0000001)')
        .slice(0, 4)
        .map((x) => [x.value, x.ticks]),
    ).toEqual([
      [0, 1],
      [1, 15],
      [2, undefined],
      [0, -1],
    ]);
  });

  it('keeps datetime(...) and dynamic(...) raw', () => {
    expect(kinds('datetime(2026-11-01 10:00) dynamic(["a", ")"])').slice(0, 2)).toEqual([
      'datetime:2026-11-01 10:00',
      'dynamic:["a", ")"]',
    ]);
  });

  it('joins hyphenated operators, negated and ~ operators', () => {
    expect(kinds('project-away mv-expand !has !in~ in~ !contains_cs a-b')).toEqual([
      'ident:project-away',
      'ident:mv-expand',
      'ident:!has',
      'ident:!in~',
      'ident:in~',
      'ident:!contains_cs',
      'ident:a',
      'punct:-',
      'ident:b',
      'eof:',
    ]);
  });

  it('skips comments and reads bracketed names', () => {
    expect(kinds("T // note\n| project ['my col']")).toEqual(['ident:T', 'punct:|', 'ident:project', 'bracketed:my col', 'eof:']);
  });
});
