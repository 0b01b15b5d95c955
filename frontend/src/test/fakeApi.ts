/**
 * A fake `fetch` for openapi-fetch: routes by method and path to handlers, and records every
 * request so tests can assert on what the UI sent. No modules of the app are mocked.
 */
export type Handler = (request: Request, match: RegExpMatchArray) => Response | Promise<Response>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  body: { type?: string; title: string; detail?: string; requestId?: string; errors?: { field: string; message: string }[] },
): Response {
  return new Response(JSON.stringify({ type: body.type ?? 'https://meike.app/problems/error', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

export class FakeApi {
  private routes: Route[] = [];
  readonly requests: RecordedRequest[] = [];

  on(method: string, path: string | RegExp, handler: Handler | Response | object): this {
    const pattern =
      typeof path === 'string' ? new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`) : path;
    const h: Handler =
      typeof handler === 'function'
        ? (handler as Handler)
        : handler instanceof Response
          ? () => (handler as Response).clone()
          : () => json(handler);
    // Later registrations win, so a test can override a default.
    this.routes.unshift({ method: method.toUpperCase(), pattern, handler: h });
    return this;
  }

  /** Answers the next matching request only, then falls back to earlier routes. */
  once(method: string, path: string, handler: Handler | Response | object): this {
    let used = false;
    return this.on(method, path, (req: Request, m: RegExpMatchArray) => {
      if (used) throw new PassThrough();
      used = true;
      return typeof handler === 'function'
        ? (handler as Handler)(req, m)
        : handler instanceof Response
          ? handler.clone()
          : json(handler);
    });
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.body ? await request.clone().text() : '';
    this.requests.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      // JSON bodies parsed; others (a CSV upload) as the text sent.
      body: text ? (/json/i.test(request.headers.get('Content-Type') ?? '') ? JSON.parse(text) : text) : undefined,
    });
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const match = url.pathname.match(route.pattern);
      if (!match) continue;
      try {
        return await route.handler(request, match);
      } catch (e) {
        if (e instanceof PassThrough) continue;
        throw e;
      }
    }
    return new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  };

  calls(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path);
  }
}

class PassThrough extends Error {}
