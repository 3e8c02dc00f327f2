// Text from strangers as React text (never HTML): invisible characters shown, long values cut with the whole in a tooltip.
import { hasInvisible, tooltipText, visibleText } from '../visible-text';

/** One line of untrusted text, truncated by CSS with the full value on hover. */
export function SafeText({ text, className, maxChars = 500 }: { text: string; className?: string; maxChars?: number }) {
  const visible = visibleText(text);
  const shown = visible.length > maxChars ? visible.slice(0, maxChars) + '…' : visible;
  const marked = hasInvisible(text);
  return (
    <span className={`safe-text${marked ? ' has-invisible' : ''}${className ? ` ${className}` : ''}`} title={tooltipText(text)} dir="ltr">
      {shown}
    </span>
  );
}
