import { describe, expect, it } from 'vitest';
import { whyNotAnExport as why } from './sniff.js';

const whyNotAnExport = (head: string) => why(head)?.text;

describe('whyNotAnExport', () => {
  it('names what a file plainly is', () => {
    expect(whyNotAnExport('')).toBe('empty file');
    expect(whyNotAnExport('\r\n  \n')).toBe('empty file (only blank lines)');
    expect(whyNotAnExport('<!DOCTYPE html>\n<html><head><title>Sign in to your account</title>')).toBe(
      'an HTML page, not an export ("Sign in to your account"): a sign-in or error page saved instead of the data?',
    );
    expect(whyNotAnExport('{"name":"x","version":"1.0.0","dependencies":{}}')).toBe(
      'JSON of an unknown shape: top-level keys name, version, dependencies',
    );
    expect(whyNotAnExport('[{"a":1,"b":2}]')).toBe('JSON of an unknown shape: an array of objects with keys a, b');
    expect(whyNotAnExport('{"a":1}\n{"a":2}\n')).toBe('JSON of an unknown shape: top-level keys a');
    expect(whyNotAnExport('{\n  "cut": "at 64 KB", "more": [')).toBe('JSON of an unknown shape: top-level keys cut');
    expect(whyNotAnExport('<?xml version="1.0"?><x/>')).toBe('XML or markup, not an export');
    expect(whyNotAnExport('{"error":{"code":"Forbidden","message":"Insufficient privileges"}}')).toBe(
      'error response instead of records: Forbidden: Insufficient privileges',
    );
  });
  it('gives each reason a stable code', () => {
    expect(why('')?.code).toBe('empty-file');
    expect(why('<html><title>x</title>')?.toJSON()).toEqual({ code: 'html-page', params: { title: 'x' } });
  });
  it('leaves other text to the caller', () => {
    expect(whyNotAnExport('just some notes\n')).toBeUndefined();
  });
});
