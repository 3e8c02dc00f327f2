/** ClickHouse spellings of the text forms (a timespan is an Int64 of microseconds). */
import type { TextFunctions } from '../text-functions.js';
import { timespanText } from './output.js';

export const textFunctions: TextFunctions = {
  timespanText: (x) => `if(isNull(${x}), NULL, ${timespanText(`assumeNotNull(${x})`)})`,
};
