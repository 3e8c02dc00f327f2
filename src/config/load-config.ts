/** Loads mailsift.yaml with `${env:NAME}` secrets and the precedence flags > environment > file > defaults. */
import { existsSync, readFileSync } from 'node:fs';
import { parseDocument, type YAMLWarning } from 'yaml';
import { CONFIG_MESSAGES, firstIssue, languageOf, parseInLanguage } from './config-messages.js';
import { configSchema, type Config, type Language } from './schema.js';
import { yamlErrorOf, yamlErrorText } from './yaml-error-text.js';

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
  /**
   * The language of mistakes (--lang or the environment); unset: the file's organization.language when it names
   * one (read before the rest is validated), else English.
   */
  language?: Language;
  /** Told each warning of the YAML reader (an unknown tag...), in the language of mistakes; unset: not shown. */
  warn?: (text: string) => void;
}

/** The default store when nothing else names one. */
export const DEFAULT_STORE = 'duckdb:./mailsift-data/mailsift.duckdb';

/** Read and validate the configuration. */
export function loadConfig(options: LoadConfigOptions = {}): Config & { store: string; configPath: string | null } {
  const env = options.env ?? process.env;
  const explicit = options.configPath ?? env.MAILSIFT_CONFIG;
  const path = explicit ?? (existsSync('mailsift.yaml') ? 'mailsift.yaml' : undefined);
  let raw: unknown = {};
  let warnings: YAMLWarning[] = [];
  let language = options.language ?? 'en';
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new ConfigError(CONFIG_MESSAGES[language].cannotRead(path), { cause });
    }
    try {
      // As yaml's parse(), but its warnings are ours to word (the library would print them in English on stderr).
      const doc = parseDocument(text, { logLevel: 'error' });
      if (doc.errors.length > 0) throw doc.errors[0];
      warnings = doc.warnings;
      raw = doc.toJS() ?? {};
    } catch (cause) {
      // Unparsed, the file cannot give organization.language: a `language: ja` in its text (the organization's or a
      // destination's) is taken as the reader's, unless the caller named one.
      if (!options.language && /(^|[\s{,])language:\s*['"]?ja\b/m.test(text)) language = 'ja';
      const known = yamlErrorOf(cause);
      const pos = known?.position;
      const where = `${path}${pos ? `:${pos.line}:${pos.col}` : ''}`;
      const detail = known ? yamlErrorText(known, language) : (String((cause as Error)?.message ?? cause).split('\n')[0] ?? '');
      throw new ConfigError(CONFIG_MESSAGES[language].notYaml(where, detail), { cause });
    }
    // The file may name the language of its own mistakes.
    language = options.language ?? languageOf((raw as { organization?: { language?: unknown } } | null)?.organization?.language) ?? 'en';
    for (const w of warnings) options.warn?.(yamlWarningText(w, path, language));
  }
  const where = path ?? CONFIG_MESSAGES[language].configuration;
  const substituted = substituteEnv(raw, env, where, [], language);
  const parsed = configSchema.safeParse(substituted, parseInLanguage(language));
  if (!parsed.success) throw new ConfigError(`${where}: ${firstIssue(parsed.error, [], language)}`);
  const store = options.store ?? env.MAILSIFT_STORE ?? parsed.data.store ?? DEFAULT_STORE;
  return { ...parsed.data, store, configPath: path ?? null };
}

/** A warning of the YAML reader as `file:line:col: warning: text`, in `language`. */
function yamlWarningText(warning: YAMLWarning, path: string, language: Language): string {
  const known = yamlErrorOf(warning);
  // The text names the line and column itself.
  const detail = known ? yamlErrorText(known, language) : (warning.message.split('\n')[0] ?? '');
  return CONFIG_MESSAGES[language].yamlWarning(path, detail);
}

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

function substituteEnv(value: unknown, env: NodeJS.ProcessEnv, file: string, at: string[], language: Language): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) throw new ConfigError(CONFIG_MESSAGES[language].envNotSet(`${file}: ${at.join('.')}`, name));
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substituteEnv(v, env, file, [...at, String(i)], language));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v, env, file, [...at, k], language)]));
  }
  return value;
}
