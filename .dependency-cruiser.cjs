/** Import rules of DESIGN.md: schema <- formats, kql, store, enrich, intel <- detect, alerts, collect <- server, cli. */
const LOW = '(formats|kql|store|enrich|intel|config|demo|export|control)';
const MID = '(detect|alerts|collect|ingest)';
const TOP = '(server|cli)';

module.exports = {
  forbidden: [
    {
      name: 'schema-imports-nothing',
      comment: 'src/schema is the event model: it imports nothing internal.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: '^src/(?!schema/)' },
    },
    {
      name: 'kql-is-pure',
      comment: 'src/kql compiles text to SQL: it reads only the schema (its tests run the SQL on a real store).',
      severity: 'error',
      from: { path: '^src/kql/', pathNot: '(\\.(test|case)\\.ts$|^src/kql/test/)' },
      to: { path: '^src/(?!kql/|schema/)' },
    },
    {
      name: 'low-does-not-import-up',
      severity: 'error',
      from: { path: `^src/${LOW}/` },
      to: { path: `^src/(${MID.slice(1, -1)}|${TOP.slice(1, -1)})/` },
    },
    {
      name: 'mid-does-not-import-top',
      severity: 'error',
      from: { path: `^src/${MID}/` },
      to: { path: `^src/${TOP}/` },
    },
    {
      name: 'nothing-imports-cli',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'server-only-from-cli',
      severity: 'error',
      from: { path: '^src/(?!server/|cli/)' },
      to: { path: '^src/server/' },
    },
    {
      name: 'through-index-only',
      comment: "A module is entered through its index.ts, never by reaching into another module's files.",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: '\\.(test|case)\\.ts$' },
      to: { path: '^src/([^/]+)/(?!index\\.ts$).+', pathNot: '^src/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(testdata|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
