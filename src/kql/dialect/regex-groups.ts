/** Counting the capture groups of a regular expression (extract_all gives one array per match when it has several). */

/** Capture groups of a regular expression (not counting (?:...) and escaped parentheses). */
export function countGroups(re: string): number {
  let n = 0;
  for (let i = 0; i < re.length; i++) {
    if (re[i] === '\\') i++;
    else if (re[i] === '(' && re[i + 1] !== '?') n++;
    else if (re[i] === '(' && re[i + 2] === '<' && re[i + 3] !== '=' && re[i + 3] !== '!') n++;
  }
  return n;
}
