// Errors the server passes on from alerting, detections, collectors and its own request validation carry a reason
// and the values its text names, so the web app words them in the viewer's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFixture, type Browser, type ServerFixture } from './server-fixture.js';

describe('reasons of the errors wrapped into API answers', () => {
  let f: ServerFixture;
  let admin: Browser;

  beforeAll(async () => {
    f = await serverFixture({
      config: {
        alerts: {
          destinations: [{ name: 'file-slack', type: 'slack', url: 'https://hooks.slack.example/services/T0/B0/filesecret' }],
          rules: [{ name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-slack'] }],
        },
      },
    });
    admin = await f.login('admin');
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const error = async (method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: unknown) => {
    const res = await f.as(admin, method, url, body);
    return {
      status: res.statusCode,
      ...(res.json() as { error: { code: string; reason?: string; params?: Record<string, unknown> } }).error,
    };
  };

  it('alert rules and destinations: conflicts, unknown names, bad keys', async () => {
    expect(
      await error('POST', '/api/alerts/rules', {
        definition: { name: 'file rule', detection: '*', schedule: '5m', destinations: ['file-slack'] },
      }),
    ).toMatchObject({ status: 409, code: 'CONFLICT', reason: 'alert-rule-in-file', params: { name: 'file rule' } });
    expect(
      await error('PUT', '/api/alerts/rules/ghost', { definition: { name: 'ghost', detection: '*', destinations: ['file-slack'] } }),
    ).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      reason: 'no-alert-rule',
      params: { name: 'ghost' },
    });
    expect(await error('DELETE', '/api/alerts/destinations/file-slack')).toMatchObject({
      status: 409,
      reason: 'alert-destination-file-remove',
      params: { name: 'file-slack' },
    });
    expect(
      await error('POST', '/api/alerts/rules', { definition: { name: 'r', detection: '*', schedule: '5m', destinations: ['nowhere'] } }),
    ).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      reason: 'alert-unknown-destination',
      params: { key: 'destinations[0]', name: 'nowhere' },
    });
    expect(await error('POST', '/api/alerts/destinations', { definition: { name: 'd', type: 'pager' } })).toMatchObject({
      status: 400,
      reason: 'alert-destination-type',
      params: { key: 'type', type: 'pager' },
    });
    // zod's issues as the key at fault and what it expected.
    const typed = await error('POST', '/api/alerts/rules', {
      definition: { name: 'r', detection: '*', schedule: '5m', enabled: 'yes', destinations: ['file-slack'] },
    });
    expect(typed).toMatchObject({ status: 400, reason: 'value-type', params: { key: 'enabled', expected: 'boolean' } });
    // A schema's own text (schedule, severity, condition) as its code and values, for the web app to word.
    const rule = (over: object) => ({
      definition: { name: 'r', query: 'MessageTrace', schedule: '5m', destinations: ['file-slack'], ...over },
    });
    expect(await error('POST', '/api/alerts/rules', rule({ schedule: 'often' }))).toMatchObject({
      status: 400,
      reason: 'value-schema',
      params: { key: 'schedule', schemaText: 'schedule-invalid', value: 'often' },
    });
    expect(await error('POST', '/api/alerts/rules', rule({ schedule: '61 * * * *' }))).toMatchObject({
      reason: 'value-schema',
      params: { key: 'schedule', schemaText: 'cron-value-range', field: 'minute', value: '61', min: 0, max: 59 },
    });
    expect(await error('POST', '/api/alerts/rules', rule({ condition: { rows: 'many' } }))).toMatchObject({
      reason: 'value-schema',
      params: { key: 'condition', schemaText: 'condition-rows', value: 'many' },
    });
    expect(await error('POST', '/api/alerts/rules', rule({ detection: '*' }))).toMatchObject({
      reason: 'value-schema',
      params: { key: 'detection', schemaText: 'detection-or-query' },
    });
    // An enum's choices are zod's own issue, worded by the web app from the values.
    expect(await error('POST', '/api/alerts/rules', rule({ severity: 'urgent' }))).toMatchObject({
      reason: 'value-choice',
      params: { key: 'severity', values: 'low, medium, high, critical' },
    });
    expect(await error('POST', '/api/alerts/rules/ghost/test')).toMatchObject({
      status: 404,
      reason: 'no-rule-named',
      params: { name: 'ghost' },
    });
    expect(await error('POST', '/api/alerts/destinations/ghost/test')).toMatchObject({
      status: 404,
      reason: 'no-destination-named',
      params: { name: 'ghost', configured: 'file-slack' },
    });
  });

  it('collectors and finding triage', async () => {
    expect(await error('POST', '/api/collectors/nope/test')).toMatchObject({
      status: 404,
      reason: 'no-collector',
      params: { name: 'nope' },
    });
    expect(await error('POST', '/api/findings/f-1/notes', { text: '   ' })).toMatchObject({ status: 400, reason: 'triage-note-empty' });
    expect(await error('PATCH', '/api/findings/f-1', { assignee: 'a\u0001b' })).toMatchObject({
      status: 400,
      reason: 'triage-assignee',
      params: { max: expect.any(Number) },
    });
  });

  it("a dashboard's schema issues name the key and what it expected", async () => {
    const bad = await error('POST', '/api/dashboards', { title: 't', panels: [{ id: 'p', width: 'wide' }] });
    expect(bad).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: expect.stringMatching(/^value-/) });
    expect(String(bad.params!.key)).toMatch(/^dashboard\.panels\.0\./);
  });

  it("Fastify's request validation names the field and what it expected", async () => {
    expect(await error('POST', '/api/alerts/rules', {})).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      reason: 'request-required',
      params: { field: 'body.definition' },
    });
    expect(await error('PATCH', '/api/findings/f-1', { state: 'gone' })).toMatchObject({
      reason: 'request-enum',
      params: { field: 'body.state', values: expect.stringContaining('acknowledged') },
    });
    expect(await error('POST', '/api/alerts/rules', { definition: 'text' })).toMatchObject({
      reason: 'request-type',
      params: { field: 'body.definition', type: 'object' },
    });
    expect(await error('POST', '/api/findings/f-1/notes', { text: '' })).toMatchObject({
      reason: 'request-too-short',
      params: { field: 'body.text', limit: 1 },
    });
  });
});
