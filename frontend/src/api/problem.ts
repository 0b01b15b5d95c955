import type { components } from './schema';

export type FieldError = components['schemas']['FieldError'];
export type ProblemBody = components['schemas']['Problem'];

/** Problem `type` (suffix) sent when the caller's chain is suspended. */
export const TENANT_SUSPENDED = 'tenant-suspended';
/** Problem `type` (suffix) sent when the caller's staff account is disabled. */
export const STAFF_DISABLED = 'staff-disabled';
/** Problem `type` (suffix) sent when the caller's token names no (known) clinic chain. */
export const NO_TENANT = 'no-tenant';
/** Problem `type` (suffix) sent when the caller's role may not do something. */
export const FORBIDDEN = 'forbidden';
/** Problem `type` (suffix) of a 503: Keycloak could not be reached, nothing was changed. */
export const IDENTITY_UNAVAILABLE = 'identity-provider-unavailable';
/** Problem `type` of a request that never reached the server. */
export const NETWORK_ERROR = 'about:network-error';

/**
 * An RFC 9457 problem as a typed error: what every failed API call throws, so the UI can show
 * title/detail and map `errors[]` onto form fields.
 */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors: FieldError[];

  constructor(body: ProblemBody) {
    super(body.detail ? `${body.title}: ${body.detail}` : body.title);
    this.name = 'ApiProblem';
    this.type = body.type || 'about:blank';
    this.title = body.title;
    this.status = body.status;
    this.detail = body.detail;
    this.instance = body.instance;
    this.requestId = body.requestId;
    this.errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
  }

  /** True when the problem `type` is (or ends with) the given kind, e.g. `tenant-suspended`. */
  is(kind: string): boolean {
    return this.type === kind || this.type.endsWith(`/${kind}`) || this.type.endsWith(`:${kind}`);
  }

  get isNetworkError(): boolean {
    return this.type === NETWORK_ERROR;
  }

  /** Reads a failed response: a problem document when there is one, a generic problem otherwise. */
  static async fromResponse(response: Response): Promise<ApiProblem> {
    const contentType = response.headers.get('Content-Type') ?? '';
    let body: unknown;
    if (/json/i.test(contentType)) {
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
    }
    if (isProblemLike(body)) {
      return new ApiProblem({
        ...body,
        type: typeof body.type === 'string' ? body.type : 'about:blank',
        title: typeof body.title === 'string' && body.title ? body.title : statusTitle(response),
        status: typeof body.status === 'number' ? body.status : response.status,
        requestId: body.requestId ?? response.headers.get('X-Request-Id') ?? undefined,
      });
    }
    return new ApiProblem({
      type: 'about:blank',
      title: statusTitle(response),
      status: response.status,
      requestId: response.headers.get('X-Request-Id') ?? undefined,
    });
  }

  /** A request that failed before any response (server down, proxy error, offline). */
  static network(cause: unknown): ApiProblem {
    return new ApiProblem({
      type: NETWORK_ERROR,
      title: 'Network error',
      status: 0,
      detail: cause instanceof Error ? cause.message : undefined,
    });
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export type BlockedKind = typeof TENANT_SUSPENDED | typeof STAFF_DISABLED | typeof NO_TENANT;

/** `tenant-suspended`, `staff-disabled` or `no-tenant` when the error locks the user out, else null. */
export function blockedKind(error: unknown): BlockedKind | null {
  if (!isApiProblem(error) || error.status !== 403) return null;
  if (error.is(TENANT_SUSPENDED)) return TENANT_SUSPENDED;
  if (error.is(STAFF_DISABLED)) return STAFF_DISABLED;
  if (error.is(NO_TENANT)) return NO_TENANT;
  return null;
}

/** True for a 401, or a 403 that may mean the caller's access changed: /me should be read again. */
export function affectsSession(error: unknown): boolean {
  return isApiProblem(error) && (error.status === 401 || error.status === 403);
}

function statusTitle(response: Response): string {
  return response.statusText || `HTTP ${response.status}`;
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

function isProblemLike(value: unknown): value is Partial<ProblemBody> & Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ('title' in value || 'type' in value || 'detail' in value)
  );
}
