/** Loads mailsift.yaml with `${env:NAME}` secrets and the precedence flags > environment > file > defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { configSchema, type Config } from './schema.js';

/** A configuration mistake: the message names the file and the key, never a secret's value. */
export class ConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** --config */
  configPath?: string;
  /** --store */
  store?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The default store when nothing else names one. */
export const DEFAULT_STORE = 'duckdb:./mailsift-data/mailsift.duckdb';

/** Read and validate the configuration. */
export function loadConfig(options: LoadConfigOptions = {}): Config & { store: string; configPath: string | null } {
  const env = options.env ?? process.env;
  const explicit = options.configPath ?? env.MAILSIFT_CONFIG;
  const path = explicit ?? (existsSync('mailsift.yaml') ? 'mailsift.yaml' : undefined);
  let raw: unknown = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new ConfigError(`cannot read the configuration file ${path}`, { cause });
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (cause) {
      const e = cause as { linePos?: { line: number; col: number }[]; message?: string };
      const pos = e.linePos?.[0];
      throw new ConfigError(
        `${path}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML (${String(e.message ?? cause).split('\n')[0]})`,
        { cause },
      );
    }
  }
  const substituted = substituteEnv(raw, env, path ?? 'configuration', []);
  const parsed = configSchema.safeParse(substituted);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${path ?? 'configuration'}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const store = options.store ?? env.MAILSIFT_STORE ?? parsed.data.store ?? DEFAULT_STORE;
  return { ...parsed.data, store, configPath: path ?? null };
}

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, file: string, at: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) throw new ConfigError(`${file}: ${at.join('.')}: environment variable ${name} is not set`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, file, [...at, String(i)]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, file, [...at, k])]));
  }
  return value;
}
