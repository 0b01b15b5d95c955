import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem } from './problem';
import type { paths } from './schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;
export type AccessTokenSource = () => string | undefined | null | Promise<string | undefined | null>;

/** Adds `Authorization: Bearer <token>` when a token is available. */
export function bearerAuth(getAccessToken: AccessTokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/**
 * Turns every non-2xx answer into a thrown {@link ApiProblem} (parsed from
 * `application/problem+json` when present), and network failures into one too.
 */
export const problemDetails: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ApiProblem.fromResponse(response);
    return undefined;
  },
  onError({ error }) {
    return error instanceof ApiProblem ? error : ApiProblem.network(error);
  },
};

export interface ApiClientOptions {
  /** Defaults to the page's origin: the API is same-origin (proxied by Vite in development). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  getAccessToken?: AccessTokenSource;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? window.location.origin,
    // Late-bound so tests and polyfills replacing globalThis.fetch are honoured.
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
    headers: { Accept: 'application/json, application/problem+json' },
  });
  if (options.getAccessToken) client.use(bearerAuth(options.getAccessToken));
  client.use(problemDetails);
  return client;
}

/**
 * Unwraps an openapi-fetch result. The problem middleware already threw for failures, so here the
 * data is present; the ETag (if any) comes along for later `If-Match` writes.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; etag: string | null }> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw await ApiProblem.fromResponse(response);
  return { data: data as T, etag: response.headers.get('ETag') };
}

/**
 * The `If-Match` value for changing a resource: the ETag of the read it came from when there is one,
 * else its `version` in the server's ETag form (`"3"`). Either way a change made by someone else since
 * that read answers 412 instead of being overwritten.
 */
export function ifMatch(resource: { version: number }, etag?: string | null): string {
  return etag ?? `"${resource.version}"`;
}

/** Like {@link unwrap}, just the data. */
export async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  return (await unwrap(call)).data;
}
