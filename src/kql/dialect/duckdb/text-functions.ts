/** DuckDB spellings of the text forms. */
import type { TextFunctions } from '../text-functions.js';

const pad = (x: string, width: number) => `lpad(CAST(${x} AS VARCHAR), ${width}, '0')`;

export const textFunctions: TextFunctions = {
  padLeft: (x, width) => `lpad(CAST(${x} AS VARCHAR), CAST(greatest(${width}, length(CAST(${x} AS VARCHAR))) AS INTEGER), '0')`,
  timespanText: (x) => {
    const us = `epoch_us(${x})`;
    const a = `abs(${us})`;
    const days = `(${a} // 86400000000)`;
    const frac = `(${a} % 1000000)`;
    return (
      `CASE WHEN ${x} IS NULL THEN NULL ELSE concat(CASE WHEN ${us} < 0 THEN '-' ELSE '' END, ` +
      `CASE WHEN ${days} > 0 THEN concat(CAST(${days} AS VARCHAR), '.') ELSE '' END, ` +
      `${pad(`${a} % 86400000000 // 3600000000`, 2)}, ':', ${pad(`${a} % 3600000000 // 60000000`, 2)}, ':', ${pad(`${a} % 60000000 // 1000000`, 2)}, ` +
      `CASE WHEN ${frac} = 0 THEN '' ELSE concat('.', ${pad(`${frac} * 10`, 7)}) END) END`
    );
  },
};
