/** ClickHouse spellings of the text forms (a timespan is an Int64 of microseconds). */
import type { TextFunctions } from '../text-functions.js';
import { timespanText } from './output.js';

export const textFunctions: TextFunctions = {
  // 18.16 has no lpad: the digits of 10^width + x, when x has fewer digits than width.
  padLeft: (x, width) => `if(${x} < ${10 ** width}, substring(toString(toInt64(${10 ** width}) + ${x}), 2, ${width}), toString(${x}))`,
  timespanText: (x) => `if(isNull(${x}), NULL, ${timespanText(`assumeNotNull(${x})`)})`,
};
