// The KQL editor (CodeMirror 6): highlighting, completion, Ctrl+Enter to run, errors underlined at their line and column.
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { strings } from '../strings';
import { kqlCompletionSource, kqlLanguage, kqlServerCompletionSource, type CompleteAt, type KqlCompletions } from './kql-language';

/** An error to underline (1-based line and column). */
export interface EditorError {
  line: number;
  column: number;
  message: string;
}

export function KqlEditor({
  value,
  onChange,
  onRun,
  completions,
  completeAt,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  onRun: () => void;
  completions: KqlCompletions | null;
  /** Suggestions at the cursor from the server; the static lists answer when it cannot. */
  completeAt?: CompleteAt;
  error: EditorError | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const completeAtRef = useRef(completeAt);
  completeAtRef.current = completeAt;

  useEffect(() => {
    const tables = new Set(completions?.tables.map((t) => t.name) ?? []);
    const operators = new Set(completions?.operators ?? []);
    const state = EditorState.create({
      doc: view.current?.state.doc.toString() ?? value,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        kqlLanguage({ tables, operators }),
        syntaxHighlighting(defaultHighlightStyle),
        autocompletion({
          override: [
            kqlServerCompletionSource(
              (text, offset) => (completeAtRef.current ? completeAtRef.current(text, offset) : Promise.reject(new Error('no server'))),
              completions ? kqlCompletionSource(completions) : undefined,
            ),
          ],
        }),
        placeholder(strings.explorer.placeholder),
        keymap.of([{ key: 'Mod-Enter', run: () => (onRunRef.current(), true) }, ...defaultKeymap, ...historyKeymap]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChangeRef.current(u.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': strings.explorer.editorLabel }),
        EditorView.lineWrapping,
      ],
    });
    if (view.current) view.current.setState(state);
    else view.current = new EditorView({ state, parent: host.current! });
    // Rebuilt when the completion lists arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [completions]);

  useEffect(() => () => view.current?.destroy(), []);

  // Outside changes (a panel's "open in Explorer") replace the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    if (!error) {
      v.dispatch(setDiagnostics(v.state, []));
      return;
    }
    const doc = v.state.doc;
    const line = doc.line(Math.min(Math.max(1, error.line), doc.lines));
    const from = Math.min(line.from + Math.max(0, error.column - 1), line.to);
    const wordEnd = /^[\w.]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 1;
    v.dispatch(
      setDiagnostics(v.state, [{ from, to: Math.min(line.to, from + Math.max(1, wordEnd)), severity: 'error', message: error.message }]),
    );
  }, [error]);

  return <div ref={host} className="kql-editor" data-testid="kql-editor" />;
}
