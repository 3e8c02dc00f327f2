import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateTenant } from './index.js';

// The heap is measured after a full collection: heapUsed alone counts garbage that has not been
// collected yet, which varies with the collector's timing and says nothing about what is kept.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

describe('demo generation at benchmark scale', () => {
  it('streams ~1M rows with flat memory and reports its speed', () => {
    const tenant = generateTenant({ seed: 9, start: Date.UTC(2026, 5, 1), messagesPerDay: 40_000 });
    let rows = 0;
    let events = 0;
    let batches = 0;
    let baseline = 0;
    let peak = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (const batch of tenant.batches()) {
      rows += batch.traces.length;
      events += batch.events.length;
      batches++;
      if (batches === 10) baseline = liveHeap();
      if (batches > 10 && batches % 10 === 0) peak = Math.max(peak, liveHeap());
    }
    const secs = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    const growth = (peak - baseline) / 2 ** 20;
    console.log(
      `demo: ${rows.toLocaleString('en-US')} rows, ${events.toLocaleString('en-US')} events in ${secs.toFixed(2)} s wall ` +
        `(${Math.round(rows / secs).toLocaleString('en-US')} rows/s; ${Math.round(rows / cpuSecs).toLocaleString('en-US')} rows per CPU-second; ${batches} batches); ` +
        `live heap growth after 100k rows: ${growth.toFixed(1)} MiB`,
    );
    expect(Math.abs(rows / tenant.expectedRows - 1)).toBeLessThan(0.03);
    // Keeping the rows would take several hundred MiB; a streaming generator stays within a few batches.
    expect(batches).toBeGreaterThan(20);
    expect(growth).toBeLessThan(32);
    // A floor, not the goal (the machine is shared): see the log line for the figure.
    expect(rows / secs).toBeGreaterThan(50_000);
  });
});
