import { QueryCache, QueryClient } from '@tanstack/react-query';
import { blockedKind, isApiProblem } from './api/problem';
import { keys } from './api/queries';

/**
 * Server state. Retries only what may succeed on retry (network errors, 5xx); a 403
 * `tenant-suspended`/`staff-disabled` or a 401 from any call re-checks /me, which then shows the
 * full-page message.
 */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] === keys.me[0]) return;
        if (blockedKind(error) || (isApiProblem(error) && error.status === 401)) {
          void client.invalidateQueries({ queryKey: keys.me });
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry:
          options.retry === false
            ? false
            : (count, error) => count < 2 && isApiProblem(error) && (error.isNetworkError || error.status >= 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
