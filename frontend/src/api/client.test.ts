import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../test/fakeApi';
import { createApiClient, dataOf, ifMatch, unwrap } from './client';
import { ApiProblem, blockedKind, NO_TENANT, STAFF_DISABLED, TENANT_SUSPENDED } from './problem';

function client(api: FakeApi, token: string | null = 'tok-123') {
  return createApiClient({ baseUrl: 'http://localhost', fetch: api.fetch, getAccessToken: () => token });
}

describe('API client middleware', () => {
  it('sends the bearer token and returns data with the ETag', async () => {
    const api = new FakeApi().on('GET', '/api/v1/clinics/{id}', json({ id: 'c1', version: 3 }, 200, { ETag: '"3"' }));
    const result = await unwrap(client(api).GET('/api/v1/clinics/{clinicId}', { params: { path: { clinicId: 'c1' } } }));
    expect(result.etag).toBe('"3"');
    expect(result.data).toMatchObject({ id: 'c1' });
    expect(api.requests[0].headers.get('Authorization')).toBe('Bearer tok-123');
  });

  it('sends no Authorization header without a token', async () => {
    const api = new FakeApi().on('GET', '/api/v1/me', json({}));
    await client(api, null).GET('/api/v1/me');
    expect(api.requests[0].headers.has('Authorization')).toBe(false);
  });

  it('turns application/problem+json into a typed ApiProblem with field errors', async () => {
    const api = new FakeApi().on(
      'POST',
      '/api/v1/clinics',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        detail: '2 fields are invalid',
        errors: [
          { field: 'name', message: 'must not be blank' },
          { field: 'code', message: 'size must be between 1 and 20' },
        ],
      }),
    );
    const error = await dataOf(client(api).POST('/api/v1/clinics', { body: { code: '', name: '' } })).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({
      status: 400,
      title: 'Invalid request',
      detail: '2 fields are invalid',
      type: 'https://meike.app/problems/validation',
    });
    expect((error as ApiProblem).errors).toEqual([
      { field: 'name', message: 'must not be blank' },
      { field: 'code', message: 'size must be between 1 and 20' },
    ]);
  });

  it('turns a non-problem error (HTML from a proxy) into a generic ApiProblem', async () => {
    const api = new FakeApi().on(
      'GET',
      '/api/v1/me',
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await client(api).GET('/api/v1/me').catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 502, title: 'Bad Gateway', errors: [] });
  });

  it('turns a network failure into an ApiProblem flagged as network error', async () => {
    const failing = createApiClient({
      baseUrl: 'http://localhost',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await failing.GET('/api/v1/me').catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).isNetworkError).toBe(true);
    expect((error as ApiProblem).status).toBe(0);
  });

  it('recognises suspended chains, disabled accounts and chain-less logins by problem type suffix', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', problem(403, { type: 'https://meike.app/problems/tenant-suspended', title: 'Tenant suspended' }))
      .on('GET', '/api/v1/clinics', problem(403, { type: 'https://meike.app/problems/staff-disabled', title: 'Disabled' }))
      .on('GET', '/api/v1/staff', problem(403, { type: 'https://meike.app/problems/forbidden', title: 'Forbidden' }))
      .on('GET', '/api/v1/tenants', problem(403, { type: 'https://meike.app/problems/no-tenant', title: 'No clinic chain' }));
    const c = client(api);
    expect(blockedKind(await c.GET('/api/v1/me').catch((e) => e))).toBe(TENANT_SUSPENDED);
    expect(blockedKind(await c.GET('/api/v1/clinics').catch((e) => e))).toBe(STAFF_DISABLED);
    expect(blockedKind(await c.GET('/api/v1/tenants').catch((e) => e))).toBe(NO_TENANT);
    expect(blockedKind(await c.GET('/api/v1/staff').catch((e) => e))).toBeNull();
  });

  it('If-Match is the ETag of the read, else the version in ETag form', () => {
    expect(ifMatch({ version: 3 }, '"3"')).toBe('"3"');
    expect(ifMatch({ version: 7 }, null)).toBe('"7"');
    expect(ifMatch({ version: 7 })).toBe('"7"');
  });
});
