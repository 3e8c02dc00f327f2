/** The URL of a web-hook style destination: http or https only. */
import { z } from 'zod';
import { schemaIssue } from '../../config/index.js';

/** An absolute http(s) URL. */
export const httpUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, schemaIssue('http-url'));
