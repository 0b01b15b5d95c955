import { render } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createApiClient } from '../api/client';
import { AppRoutes, Providers } from '../App';
import { AuthContext, type AuthState, type AuthStatus } from '../auth/AuthContext';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/messages';
import { createQueryClient } from '../queryClient';
import type { FakeApi } from './fakeApi';

/**
 * Renders the whole app (routes, shell, /me gate) at `path`, signed in (or in `status`), talking to `api` through
 * the real openapi-fetch client and middleware.
 */
export function renderApp(
  api: FakeApi,
  { path = '/', locale, status = 'signedIn' }: { path?: string; locale?: Locale; status?: AuthStatus } = {},
) {
  const auth: AuthState = {
    status,
    signIn: vi.fn(async () => {}),
    completeSignIn: vi.fn(async () => '/'),
    signOut: vi.fn(async () => {}),
    getAccessToken: vi.fn(async () => 'test-access-token'),
  };
  const client = createApiClient({ baseUrl: 'http://localhost', fetch: api.fetch, getAccessToken: auth.getAccessToken });
  const queryClient = createQueryClient({ retry: false });
  const result = render(
    <I18nProvider initialLocale={locale}>
      {/* No animations in tests: faster, and no half-open modals. */}
      <ConfigProvider theme={{ token: { motion: false } }}>
      <AuthContext.Provider value={auth}>
        <Providers queryClient={queryClient} api={client}>
          <MemoryRouter initialEntries={[path]}>
            <AppRoutes />
          </MemoryRouter>
        </Providers>
      </AuthContext.Provider>
      </ConfigProvider>
    </I18nProvider>,
  );
  return { ...result, auth, queryClient };
}
