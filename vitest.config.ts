import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The files that start ClickHouse servers (a cluster is five processes) run one after another: started together on a
 * loaded machine, their servers starved each other past the setup timeout.
 */
const CLUSTER_FILES = [
  'src/kql/clickhouse-cases.test.ts',
  'src/kql/corpus/clickhouse-corpus.test.ts',
  'src/kql/dialect/clickhouse/network-functions.test.ts',
  'src/kql/dialect/clickhouse/xxhash64.test.ts',
  'src/store/clickhouse/clickhouse-store.test.ts',
  'test/e2e/clickhouse.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...CLUSTER_FILES],
        },
      },
      { extends: true, test: { name: 'clickhouse', include: CLUSTER_FILES, fileParallelism: false } },
    ],
  },
});
