/** What every command needs: the configuration, and the store and enricher opened on demand. */
import { loadConfig, type Config } from '../config/index.js';
import type { Enricher } from '../enrich/index.js';
import type { Store } from '../store/index.js';
import { hosted, io } from './io.js';
import { cliLanguage, namedLanguage, useLanguage } from './messages.js';

/** Global flags of every command. */
export interface GlobalOptions {
  config?: string;
  store?: string;
  /** --tz: zone of printed times. */
  tz?: string;
  /** --lang: language of messages. */
  lang?: string;
}

export type LoadedConfig = Config & { store: string; configPath: string | null };

/** A command's view of the world; close() releases what was opened. */
export class CommandContext {
  readonly config: LoadedConfig;
  private storePromise: Promise<Store> | undefined;
  private enricherPromise: Promise<Enricher> | undefined;

  private readonly shared = hosted();

  constructor(global: GlobalOptions) {
    // Inside `serve`, the server's configuration, store and enricher are the ones to use.
    // Mistakes in the file in the language --lang or the environment names, else in the one the file names.
    this.config =
      this.shared?.config ??
      loadConfig({
        configPath: global.config,
        store: global.store,
        language: namedLanguage(global.lang),
        warn: (text) => io().stderr.write(`mailsift: ${text}\n`),
      });
    // organization.language speaks when neither --lang nor the environment names a language.
    useLanguage(cliLanguage(global.lang, process.env, this.config.organization.language));
    if (this.shared) {
      this.storePromise = Promise.resolve(this.shared.store);
      this.enricherPromise = this.shared.enricher();
    }
  }

  /** The configured store, opened (and migrated) once. */
  store(): Promise<Store> {
    // Loaded on demand: a command that needs no store starts without loading the engine.
    this.storePromise ??= import('../store/index.js').then((m) => m.openStore(this.config.store));
    return this.storePromise;
  }

  /** The enricher for this organization and GeoIP data. */
  enricher(): Promise<Enricher> {
    this.enricherPromise ??= import('../enrich/index.js').then((m) =>
      m.createEnricher({ organization: this.config.organization, geoip: this.config.geoip }),
    );
    return this.enricherPromise;
  }

  /** Close the store if it was opened. */
  async close(): Promise<void> {
    if (this.storePromise && !this.shared) await (await this.storePromise).close();
  }
}
