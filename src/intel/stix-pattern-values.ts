/** Reduces a parsed STIX pattern to the single values mailsift can match (emails, domains, IPs, CIDRs). */
import type { IndicatorType } from './normalize.js';
import type { ComparisonNode, ObservationNode, PatternValue } from './stix-pattern.js';

/** One value to match, with the type its object path implies (ip paths may also carry CIDRs). */
export interface PatternMatchValue {
  type: IndicatorType;
  value: string;
}

/** What a pattern yields: values to match, and the parts that cannot be evaluated, with why. */
export interface PatternValues {
  values: PatternMatchValue[];
  /** Reasons for alternatives of an OR that were left out. */
  partial: string[];
  /** Set when nothing of the pattern can be used. */
  unsupported?: string;
}

/** Object paths whose value is one address. */
const PATH_TYPES: Readonly<Record<string, IndicatorType>> = {
  'email-addr:value': 'email',
  'email-message:from_ref.value': 'email',
  'email-message:sender_ref.value': 'email',
  'domain-name:value': 'domain',
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'network-traffic:src_ref.value': 'ip',
  'network-traffic:dst_ref.value': 'ip',
};

function pathType(path: string): IndicatorType | undefined {
  if (PATH_TYPES[path]) return PATH_TYPES[path];
  // Recipient lists: email-message:to_refs[*].value, cc_refs[0].value, ...
  if (/^email-message:(to|cc|bcc)_refs\[(\*|\d+)\]\.value$/.test(path)) return 'email';
  return undefined;
}

function strings(v: PatternValue | null): string[] | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return [v.value];
  if (v.kind === 'set' && v.values.every((x) => x.kind === 'string')) return v.values.map((x) => (x as { value: string }).value);
  return undefined;
}

type Outcome = { values: PatternMatchValue[]; partial: string[] } | { unsupported: string };

function comparison(node: ComparisonNode): Outcome {
  if (node.kind !== 'cmp') {
    if (node.kind === 'and') return { unsupported: 'AND-ed comparisons cannot be matched on a single value' };
    return either(comparison(node.left), comparison(node.right));
  }
  const type = pathType(node.path);
  if (!type) return { unsupported: `object path ${node.path} is not matched by mailsift` };
  if (node.negated) return { unsupported: `NOT ${node.op} cannot be matched` };
  const isIp = type === 'ip';
  const ok = node.op === '=' || node.op === 'IN' || (isIp && node.op === 'ISSUBSET');
  if (!ok) return { unsupported: `operator ${node.op} on ${node.path} cannot be matched` };
  const values =
    node.op === 'IN'
      ? node.value?.kind === 'set'
        ? strings(node.value)
        : undefined
      : node.value?.kind === 'string'
        ? strings(node.value)
        : undefined;
  if (!values) return { unsupported: `operator ${node.op} on ${node.path} needs ${node.op === 'IN' ? 'a set of strings' : 'a string'}` };
  return { values: values.map((value) => ({ type, value })), partial: [] };
}

/** OR: whatever either side gives; an unusable side is noted, not fatal. */
function either(a: Outcome, b: Outcome): Outcome {
  if ('unsupported' in a && 'unsupported' in b)
    return a.unsupported === b.unsupported ? a : { unsupported: `${a.unsupported}; ${b.unsupported}` };
  if ('unsupported' in a)
    return { values: (b as { values: PatternMatchValue[] }).values, partial: [...(b as { partial: string[] }).partial, a.unsupported] };
  if ('unsupported' in b) return { values: a.values, partial: [...a.partial, b.unsupported] };
  return { values: [...a.values, ...b.values], partial: [...a.partial, ...b.partial] };
}

function observation(node: ObservationNode): Outcome {
  if (node.qualifiers.length) return { unsupported: `qualifier ${node.qualifiers.join(' ')} cannot be matched on stored mail` };
  if (node.kind === 'observation') return comparison(node.expr);
  if (node.kind === 'obs-or') return either(observation(node.left), observation(node.right));
  return { unsupported: `${node.kind === 'obs-and' ? 'AND' : 'FOLLOWEDBY'} of observations cannot be matched on a single value` };
}

/** The matchable values of a pattern tree. */
export function patternValues(tree: ObservationNode): PatternValues {
  const r = observation(tree);
  if ('unsupported' in r) return { values: [], partial: [], unsupported: r.unsupported };
  return { values: r.values, partial: r.partial };
}
