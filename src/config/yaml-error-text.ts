/**
 * A syntax error of mailsift.yaml in the reader's language: the `yaml` library's error code (its ErrorCode) and the
 * few values its English message names (a quote or bracket, an escape, a token) worded in English or Japanese, with
 * the line and column it points at.
 */
import type { ErrorCode } from 'yaml';
import type { Language } from './schema.js';

type P = Readonly<Record<string, string>>;

/** The yaml library's codes, and an alias that names no anchor (a ReferenceError without a code). */
export type YamlErrorCode = ErrorCode | 'UNRESOLVED_ALIAS';

type Texts = Record<YamlErrorCode, (p: P) => string>;

const en: Texts = {
  ALIAS_PROPS: () => 'an alias cannot have an anchor or a tag',
  BAD_ALIAS: () => 'the alias (*name) is not valid',
  BAD_DIRECTIVE: () => 'the directive (a line starting with %) is not valid',
  BAD_DQ_ESCAPE: (p) => `the escape sequence ${p.sequence ?? ''} is not valid in a double-quoted string`,
  BAD_INDENT: (p) =>
    p.close
      ? `a ${p.open} ... ${p.close} spanning lines must be indented more than its key and closed with ${p.close}`
      : 'the indentation is wrong: the items of one mapping or list must start at the same column',
  BAD_PROP_ORDER: () => 'anchors and tags must come before the value',
  BAD_SCALAR_START: (p) => `a value without quotes cannot start with ${p.char ?? 'this character'}; put it in quotes`,
  BLOCK_AS_IMPLICIT_KEY: () => 'a mapping cannot start on the line of its key; put a value holding ": " in quotes',
  BLOCK_IN_FLOW: () => 'a block list or mapping cannot be inside [ ... ] or { ... }',
  DUPLICATE_KEY: () => 'the same key appears twice in one mapping',
  IMPOSSIBLE: () => 'the YAML reader met an internal error',
  KEY_OVER_1024_CHARS: () => 'a key is longer than 1024 characters',
  MISSING_CHAR: (p) => `the closing ${p.char ?? 'character'} is missing`,
  MULTILINE_IMPLICIT_KEY: () => 'a key must be on one line',
  MULTIPLE_ANCHORS: () => 'a value can have only one anchor',
  MULTIPLE_DOCS: () => 'the file holds more than one YAML document (---); the configuration is one document',
  MULTIPLE_TAGS: () => 'a value can have only one tag',
  NON_STRING_KEY: () => 'a key must be text',
  RESOURCE_EXHAUSTION: () => 'aliases expand to too much data',
  TAB_AS_INDENT: () => 'tabs cannot indent YAML; use spaces',
  TAG_RESOLVE_FAILED: () => 'the tag (!!name) is not known',
  UNEXPECTED_TOKEN: (p) => (p.token ? `unexpected ${p.token}` : 'something unexpected is here'),
  BAD_COLLECTION_TYPE: () => 'the collection is not of the kind its tag names',
  UNRESOLVED_ALIAS: (p) => `the alias *${p.name} names no anchor &${p.name} set before it`,
};

const ja: Texts = {
  ALIAS_PROPS: () => 'エイリアスにはアンカーやタグを付けられません',
  BAD_ALIAS: () => 'エイリアス（*名前）が正しくありません',
  BAD_DIRECTIVE: () => 'ディレクティブ（% で始まる行）が正しくありません',
  BAD_DQ_ESCAPE: (p) => `ダブルクォートの文字列でエスケープ ${p.sequence ?? ''} は使えません`,
  BAD_INDENT: (p) =>
    p.close
      ? `複数行にわたる ${p.open} … ${p.close} はキーより深く字下げし、${p.close} で閉じてください`
      : 'インデントが正しくありません。同じマッピングやリストの項目は同じ列から始めてください',
  BAD_PROP_ORDER: () => 'アンカーとタグは値の前に置いてください',
  BAD_SCALAR_START: (p) => `引用符のない値は ${p.char ?? 'この文字'} で始められません。引用符で囲んでください`,
  BLOCK_AS_IMPLICIT_KEY: () => 'キーと同じ行でマッピングは始められません。「: 」を含む値は引用符で囲んでください',
  BLOCK_IN_FLOW: () => '[ … ] や { … } の中にブロック形式のリストやマッピングは書けません',
  DUPLICATE_KEY: () => '同じマッピングに同じキーが 2 回あります',
  IMPOSSIBLE: () => 'YAML の読み込みで内部エラーが起きました',
  KEY_OVER_1024_CHARS: () => 'キーが 1024 文字を超えています',
  MISSING_CHAR: (p) => `閉じる ${p.char ?? '文字'} がありません`,
  MULTILINE_IMPLICIT_KEY: () => 'キーは 1 行に書いてください',
  MULTIPLE_ANCHORS: () => '1 つの値に付けられるアンカーは 1 つだけです',
  MULTIPLE_DOCS: () => 'ファイルに複数の YAML ドキュメント（---）があります。設定は 1 つのドキュメントにしてください',
  MULTIPLE_TAGS: () => '1 つの値に付けられるタグは 1 つだけです',
  NON_STRING_KEY: () => 'キーは文字列にしてください',
  RESOURCE_EXHAUSTION: () => 'エイリアスを展開するとデータが大きくなりすぎます',
  TAB_AS_INDENT: () => 'YAML の字下げにタブは使えません。スペースを使ってください',
  TAG_RESOLVE_FAILED: () => 'タグ（!!名前）が不明です',
  UNEXPECTED_TOKEN: (p) => (p.token ? `予期しない ${p.token} があります` : '予期しない記述があります'),
  BAD_COLLECTION_TYPE: () => 'タグが示す種類のコレクションではありません',
  UNRESOLVED_ALIAS: (p) => `エイリアス *${p.name} に対応するアンカー &${p.name} が、それより前にありません`,
};

/** Every language's texts, for the test that checks each code has them. */
export const YAML_ERROR_TEXTS: Record<Language, Texts> = { en, ja };

/** Where in the file a syntax error is, when the library says. */
export interface YamlErrorPosition {
  line: number;
  col: number;
}

/** The code, values and position of an error `parse` of the yaml library threw. */
export function yamlErrorOf(error: unknown): { code: YamlErrorCode; params: P; position?: YamlErrorPosition } | undefined {
  const e = error as { code?: unknown; message?: unknown; linePos?: YamlErrorPosition[] } | null;
  const message = String(e?.message ?? '');
  const alias = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(message);
  if (alias) return { code: 'UNRESOLVED_ALIAS', params: { name: alias[1]! } };
  if (typeof e?.code !== 'string' || !Object.hasOwn(en, e.code)) return undefined;
  const code = e.code as YamlErrorCode;
  // The values the library's English names (yaml's errors.ts and the composer's messages).
  const params: Record<string, string> = {};
  const close = /end with an? ([\]}])/.exec(message)?.[1];
  if (close) Object.assign(params, { close, open: close === ']' ? '[' : '{' });
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const missing = quote ?? /Expected (?:a )?(?:flow (?:sequence|map) to end with )?([\]}])/.exec(message)?.[1];
  if (missing) params.char = missing;
  const sequence = /Invalid escape sequence (\S+)/.exec(message)?.[1];
  if (sequence) params.sequence = sequence;
  const reserved = /reserved character (\S)/.exec(message)?.[1];
  if (reserved) params.char = reserved;
  const token = /token in YAML stream: (".*?")/.exec(message)?.[1];
  if (token) params.token = token;
  const pos = e.linePos?.[0];
  return { code, params, ...(pos ? { position: { line: pos.line, col: pos.col } } : {}) };
}

/** The text of a syntax error in `language`, naming its line and column when known. */
export function yamlErrorText(error: { code: YamlErrorCode; params: P; position?: YamlErrorPosition }, language: Language): string {
  const text = YAML_ERROR_TEXTS[language][error.code](error.params);
  const at = error.position;
  if (!at) return text;
  return language === 'ja' ? `${at.line} 行目 ${at.col} 列目: ${text}` : `line ${at.line}, column ${at.col}: ${text}`;
}
