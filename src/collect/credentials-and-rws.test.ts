import { execFileSync } from 'node:child_process';
import { type createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCollectorsOnce } from './index.js';
import { expectedRows, graphEntry, spreadTraces, startHarness, storedRows, type Harness, type HarnessOptions } from './testing/index.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'mailsift-collect-'));

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function setup(rows = spreadTraces(120, 3, T0), options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const h = await startHarness(rows, { now: T0, ...options });
  harnesses.push(h);
  return h;
}

/** A self-signed certificate and its key in one PEM file (as `openssl pkcs12 -nodes` writes), or undefined without openssl. */
function makeCertificate(): { path: string; thumbprint: string; publicKey: ReturnType<typeof createPublicKey> } | undefined {
  const key = join(dir, 'app.key');
  const cert = join(dir, 'app.crt');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=mailsift-test'],
      { stdio: 'ignore' },
    );
  } catch {
    return undefined;
  }
  const path = join(dir, 'app.pem');
  const certPem = readFileSync(cert, 'utf8');
  writeFileSync(path, readFileSync(key, 'utf8') + certPem);
  const x509 = new X509Certificate(certPem);
  return { path, thumbprint: x509.fingerprint.replace(/:/g, ''), publicKey: x509.publicKey };
}

describe('certificate credentials', () => {
  const cert = makeCertificate();

  it.skipIf(!cert)('signs in with a client assertion (RS256, x5t) the identity endpoint verifies', async () => {
    const h = await setup(undefined, {
      app: { clientSecret: undefined, certificate: { publicKey: cert!.publicKey, thumbprint: cert!.thumbprint } },
    });
    const report = await h.run({
      clientSecret: undefined,
      certificatePath: cert!.path,
      certificateThumbprint: cert!.thumbprint.replace(/(..)(?!$)/g, '$1:').toLowerCase(),
    });
    expect(report.error).toBeUndefined();
    expect(await storedRows(h.store)).toEqual(
      expectedRows(h.dataset.visible(h.clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))),
    );
  });

  it.skipIf(!cert)('refuses a certificate whose thumbprint is not the configured one', async () => {
    const h = await setup();
    const wrong = 'AB'.repeat(20);
    await expect(
      runCollectorsOnce({
        collectors: [graphEntry(h.fake, { clientSecret: undefined, certificatePath: cert!.path, certificateThumbprint: wrong })],
        store: h.store,
        enrich: h.enrich,
        clock: h.clock,
      }),
    ).rejects.toThrow(/has thumbprint [0-9A-F]{40}, not the configured certificateThumbprint/);
  });

  it('a key the app registration does not know is refused by the identity endpoint with AADSTS700027', async () => {
    const registered = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const path = join(dir, 'other.pem');
    writeFileSync(path, other.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const thumbprint = 'C0FFEE'.padEnd(40, '0');
    const h = await setup(undefined, { app: { certificate: { publicKey: registered.publicKey, thumbprint } } });
    const report = await h.run({ clientSecret: undefined, certificatePath: path, certificateThumbprint: thumbprint });
    expect(report.error).toMatchObject({ code: 'COLLECTOR_AUTH', message: expect.stringMatching(/AADSTS700027/) });
  });

  it('names an unreadable or keyless certificate file', async () => {
    const h = await setup();
    const run = (certificatePath: string) =>
      runCollectorsOnce({
        collectors: [graphEntry(h.fake, { clientSecret: undefined, certificatePath, certificateThumbprint: 'A'.repeat(40) })],
        store: h.store,
        enrich: h.enrich,
        clock: h.clock,
      });
    await expect(run(join(dir, 'missing.pem'))).rejects.toThrow(/cannot read the certificate file/);
    writeFileSync(join(dir, 'empty.pem'), 'nothing here');
    await expect(run(join(dir, 'empty.pem'))).rejects.toThrow(/no unencrypted private key in PEM form/);
  });
});

describe('Reporting Web Service collector (legacy)', () => {
  it('pages with $skiptoken offsets of 2,000 rows until a page is empty, and stores every row once', async () => {
    const h = await setup(spreadTraces(4500, 2, T0));
    const report = await h.runRws();
    expect(report.error).toBeUndefined();
    const rws = h.fake.log.filter((r) => r.kind === 'rws');
    const stored = await storedRows(h.store);
    expect(stored.length).toBeGreaterThan(4000);
    expect(rws.map((r) => new URL(r.path, h.fake.url).searchParams.get('$skiptoken'))).toEqual([
      null,
      '2000',
      '4000',
      String(stored.length),
    ]);
    expect(new URL(rws[0]!.path, h.fake.url).searchParams.get('$filter')).toMatch(
      /^StartDate eq datetime'2026-02-22T00:00:00Z' and EndDate eq datetime'2026-02-28T23:45:00Z'$/,
    );
    expect(stored).toEqual(expectedRows(h.dataset.visible(h.clock.now(), T0 - 7 * DAY, Date.parse(report.completeUpTo!))));
    const org = await h.store.query('SELECT DISTINCT "Organization", "Source" FROM "MessageTrace"');
    expect(org.rows).toEqual([['contoso.onmicrosoft.com', 'rws']]);
  });

  it('401 arrives as an IIS HTML page: signs in once more, then says what to check', async () => {
    const h = await setup();
    h.fake.inject('rws', { kind: 'expire-token' }, 3);
    const report = await h.runRws();
    expect(report.error).toMatchObject({
      code: 'COLLECTOR_AUTH',
      message: expect.stringMatching(/refused a freshly issued token \(401\).*ReportingWebService\.Read\.All/),
    });
    expect(h.fake.identity.tokenRequests).toBe(2);
  });

  it("403 with the service's JSON message, and a hint to move to Graph", async () => {
    const h = await setup(undefined, { app: { rwsPermission: false } });
    const report = await h.runRws();
    expect(report.error).toMatchObject({
      code: 'COLLECTOR_PERMISSION',
      message: expect.stringMatching(/denied access \(403\).*type: graph: No permission to access the report for the organization \./),
    });
  });

  it('keeps its first run within the 10 days the service keeps', async () => {
    const h = await setup(spreadTraces(300, 15, T0));
    const report = await h.runRws({ initialLookback: '10d' });
    expect(report.error).toBeUndefined();
    expect(Date.parse(report.windows[0]!.start)).toBeGreaterThanOrEqual(T0 - 10 * DAY);
  });
});
