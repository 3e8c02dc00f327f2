/** `mailsift alerts run [--once]` and `mailsift alerts test NAME`: alert rules on demand or on their schedules. */
import type { Command } from 'commander';
import type { AlertRunReport, DeliveryFailureJson, DeliveryOutcome, RuleReport } from '../../alerts/index.js';
import { CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { currentLanguage, msg } from '../messages.js';
import { errorText } from '../report-error.js';

/** deliveryFailureText of the alerts module (loaded when a command runs, not at start). */
type FailureText = (f: DeliveryFailureJson, language: 'en' | 'ja', fallback?: string) => string;

type Run = (fn: () => Promise<number>) => Promise<void>;

export function registerAlerts(program: Command, run: Run): void {
  const alerts = program.command('alerts').description('alert rules and their destinations (webhook, slack, teams, smtp, syslog)');
  alerts
    .command('run')
    .description('run the alert rules on their schedules until stopped (Ctrl-C), or each rule once with --once')
    .option('--once', 'evaluate every enabled rule now, deliver, print what happened and exit')
    .option('--rule <name...>', 'only these rules (with --once)')
    .option('--json', 'print each run as JSON')
    .action((opts: { once?: boolean; rule?: string[]; json?: boolean }, cmd: Command) =>
      run(async () => {
        if (opts.rule && !opts.once) throw new UsageError(msg().alerts.ruleNeedsOnce);
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { runAlertsOnce, startAlerting, UnknownAlertNameError, deliveryFailureText } = await import('../../alerts/index.js');
        const print = (report: AlertRunReport) =>
          process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatRun(report, deliveryFailureText));
        try {
          const store = await ctx.store();
          if (opts.once) {
            let report: AlertRunReport;
            try {
              // The report printed below already shows every failure; no log lines on top.
              report = await runAlertsOnce({ store, config: ctx.config, ...(opts.rule ? { rules: opts.rule } : {}) });
            } catch (error) {
              if (error instanceof UnknownAlertNameError) throw new UsageError(error.message, error.why);
              throw error;
            }
            print(report);
            return runFailed(report) ? EXIT.failed : EXIT.ok;
          }
          // Each run's report, printed in the CLI's language, already shows every delivery: no log lines on top.
          const onError = (what: 'rules-unreadable' | 'run-failed', error: unknown) =>
            process.stderr.write(`mailsift: ${msg().alerts[what === 'run-failed' ? 'runFailed' : 'rulesUnreadable'](errorText(error))}\n`);
          const handle = startAlerting({ store, config: ctx.config, onRun: print, onError });
          const stop = () => void handle.stop();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          if (!opts.json) process.stderr.write(`mailsift: ${msg().alerts.started(String(ctx.config.alerts.rules.length))}\n`);
          await handle.done;
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          return EXIT.ok;
        } finally {
          await ctx.close();
        }
      }),
    );
  alerts
    .command('test')
    .description('send a sample alert to the destination NAME')
    .argument('<name>', 'a destination name from alerts.destinations')
    .option('--json', 'print the outcome as JSON')
    .action((name: string, opts: { json?: boolean }, cmd: Command) =>
      run(async () => {
        const ctx = new CommandContext(cmd.optsWithGlobals<GlobalOptions>());
        const { sendTestAlert, UnknownAlertNameError, deliveryFailureText } = await import('../../alerts/index.js');
        try {
          const store = await ctx.store();
          let outcome: DeliveryOutcome;
          try {
            outcome = await sendTestAlert({ store, config: ctx.config }, name);
          } catch (error) {
            if (error instanceof UnknownAlertNameError) throw new UsageError(error.message, error.why);
            throw error;
          }
          process.stdout.write(opts.json ? JSON.stringify(outcome, null, 2) + '\n' : `${formatDelivery(outcome, deliveryFailureText)}\n`);
          return outcome.status === 'delivered' ? EXIT.ok : EXIT.failed;
        } finally {
          await ctx.close();
        }
      }),
    );
}

function runFailed(report: AlertRunReport): boolean {
  return report.rules.some((r) => r.status === 'error' || r.alerts.some((a) => a.deliveries.some((d) => d.status === 'failed')));
}

function formatDelivery(
  d: { destination: string; type: string; status: string; attempts: number; detail: string; failure?: DeliveryFailureJson },
  failureText: FailureText,
): string {
  const dest = `${d.destination} (${d.type})`;
  if (d.status === 'delivered') return `${msg().alerts.delivered(dest, String(d.attempts))} (${d.detail})`;
  // Why, from its code in the CLI's language (the English detail for a failure without one).
  const why = d.failure ? failureText(d.failure, currentLanguage(), d.detail) : d.detail;
  if (d.status === 'skipped') return msg().alerts.skipped(dest, why);
  return msg().alerts.failed(dest, String(d.attempts), why);
}

function formatRule(r: RuleReport, failureText: FailureText): string[] {
  const t = msg().alerts;
  const extra = [r.suppressed > 0 ? t.suppressed(String(r.suppressed)) : '', r.deferred > 0 ? t.deferred(String(r.deferred)) : '']
    .filter(Boolean)
    .join(', ');
  const head =
    r.status === 'error'
      ? t.ruleError(r.rule, r.error ?? '')
      : r.status === 'fired'
        ? t.ruleFired(r.rule, String(r.fired), extra)
        : r.status === 'suppressed'
          ? t.ruleSuppressed(r.rule, extra)
          : t.ruleQuiet(r.rule);
  const lines = [head];
  for (const a of r.alerts) {
    lines.push(`  [${a.severity}] ${a.sentence}`);
    for (const d of a.deliveries) lines.push(`    -> ${formatDelivery(d, failureText)}`);
  }
  return lines;
}

/** A run as text: per rule fired / suppressed / quiet / error, per destination delivered / failed with the reason. */
export function formatRun(report: AlertRunReport, failureText: FailureText): string {
  if (report.rules.length === 0) return `${msg().alerts.noRules(report.at)}\n`;
  return [`${report.at}:`, ...report.rules.flatMap((r) => formatRule(r, failureText))].join('\n') + '\n';
}
