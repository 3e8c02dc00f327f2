import { describe, expect, it } from 'vitest';
import { moved } from './layout-editor';
import { chartAxes, visualisationsFor, withVisualisation } from './visualisation';

const cols = (...c: [string, string][]) => c.map(([name, type]) => ({ name, type }));

describe('choosing how a panel is drawn', () => {
  const panel = { id: 'p1', kind: 'table', kql: 'MessageTrace', width: 6, title: { en: 'T', ja: 'ト' }, description: '' };

  it('takes the axes of a chart from the answer: time or first column as x, last number as y, a text column as series', () => {
    const c = cols(['Received', 'datetime'], ['Status', 'string'], ['Count', 'long']);
    expect(chartAxes(c, 'line')).toEqual({ x: 'Received', y: 'Count', series: 'Status' });
    expect(chartAxes(c, 'pie')).toEqual({ x: 'Received', y: 'Count' });
    expect(chartAxes(cols(['SenderAddress', 'string']), 'bar')).toBeNull();
  });

  it('offers charts only when the answer has a number to draw', () => {
    expect(visualisationsFor(undefined)).toEqual(['table', 'stat']);
    expect(visualisationsFor(cols(['a', 'string'], ['n', 'long']))).toContain('stacked-column');
  });

  it('keeps the id, texts, width and query, and drops what the old kind had', () => {
    const chart = withVisualisation(panel, 'bar', cols(['SenderAddress', 'string'], ['Count', 'long']));
    expect(chart).toEqual({
      id: 'p1',
      title: { en: 'T', ja: 'ト' },
      description: '',
      width: 6,
      kql: 'MessageTrace',
      kind: 'chart',
      chart: 'bar',
      x: 'SenderAddress',
      y: 'Count',
      format: 'count',
      filterLinks: {},
    });
    expect(withVisualisation(chart!, 'table', undefined)).toMatchObject({ kind: 'table', rank: false, bytes: [] });
    expect(withVisualisation(chart!, 'table', undefined)).not.toHaveProperty('chart');
    expect(withVisualisation(panel, 'line', undefined)).toBeNull();
  });

  it('moves an item in a list', () => {
    expect(moved(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
  });
});
