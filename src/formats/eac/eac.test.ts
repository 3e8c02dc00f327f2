import { runGoldenTests } from '../golden.case.js';
import { eacFormat } from './index.js';

runGoldenTests(eacFormat, new URL('./testdata/', import.meta.url));
