import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { affectsSession, isApiProblem } from './api/problem';
import { keys } from './api/queries';

/**
 * Server state. Retries only what may succeed on retry (network errors, 5xx). A 401, or a 403 from
 * any call, query or write, re-reads /me: the session may have expired, the chain may have been
 * suspended, the account disabled, or a role taken away. /me then shows the full-page message, or
 * the menus and buttons of the roles the caller still has.
 */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const recheckMe = (error: unknown) => {
    if (affectsSession(error)) void client.invalidateQueries({ queryKey: keys.me });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== keys.me[0]) recheckMe(error);
      },
    }),
    mutationCache: new MutationCache({ onError: recheckMe }),
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
