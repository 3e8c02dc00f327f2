// "Did you mean": typos, swapped letters and case slips find the intended name; unrelated names find nothing.
import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.js';

describe('suggest', () => {
  it('measures edits, with a swap of neighbours as one', () => {
    expect(editDistance('cuont', 'count')).toBe(1);
    expect(editDistance('SenderAdress', 'SenderAddress')).toBe(1);
    expect(editDistance('status', 'Status')).toBe(0);
  });

  it('suggests close names only', () => {
    const names = ['SenderAddress', 'RecipientAddress', 'Status', 'Size'];
    expect(suggest('SenderAdress', names)).toBe('SenderAddress');
    expect(suggest('status', names)).toBe('Status');
    expect(suggest('Foo', names)).toBeUndefined();
  });
});
