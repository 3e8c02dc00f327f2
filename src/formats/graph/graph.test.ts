import { runGoldenTests } from '../golden.case.js';
import { graphFormat } from './index.js';

runGoldenTests(graphFormat, new URL('./testdata/', import.meta.url));
