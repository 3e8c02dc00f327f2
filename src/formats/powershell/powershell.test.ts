import { runGoldenTests } from '../golden.case.js';
import { powershellFormat } from './index.js';

runGoldenTests(powershellFormat, new URL('./testdata/', import.meta.url));
