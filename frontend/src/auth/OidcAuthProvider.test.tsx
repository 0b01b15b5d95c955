import { act, render, screen, waitFor } from '@testing-library/react';
import { ErrorResponse, InMemoryWebStorage, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { useAuth } from './AuthContext';
import { OidcAuthProvider } from './OidcAuthProvider';

const now = () => Math.floor(Date.now() / 1000);

function user(expiresIn: number, accessToken = 'at-1') {
  return new User({
    access_token: accessToken,
    token_type: 'Bearer',
    refresh_token: 'rt-1',
    expires_at: now() + expiresIn,
    profile: { sub: 'u-1', iss: 'http://kc/realms/meike', aud: 'meike-spa', exp: now() + 600, iat: now(), name: '陈管理' },
  });
}

/** A real UserManager with an in-memory store; nothing talks to Keycloak unless a test says so. */
async function managerWith(stored: User | null) {
  const manager = new UserManager({
    authority: 'http://kc/realms/meike',
    client_id: 'meike-spa',
    redirect_uri: 'http://localhost/callback',
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  });
  if (stored) await manager.storeUser(stored);
  return manager;
}

let auth: ReturnType<typeof useAuth>;
function Probe() {
  auth = useAuth();
  return <div data-testid="status">{auth.status}</div>;
}

/** Renders the provider around a probe of its state, and waits until it has found the stored session. */
async function renderSignedIn(manager: UserManager) {
  render(
    <OidcAuthProvider userManager={manager}>
      <Probe />
    </OidcAuthProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedIn'));
}

describe('OIDC session', () => {
  it('a session Keycloak ends (renewal refused) is "expired", not "signed out"', async () => {
    const manager = await managerWith(user(600));
    await renderSignedIn(manager);
    // What the silent-renew handler does when Keycloak answers invalid_grant.
    await act(() => manager.removeUser());
    expect(screen.getByTestId('status')).toHaveTextContent('expired');
  });

  it('signing out is "signed out"', async () => {
    const manager = await managerWith(user(600));
    manager.signoutRedirect = vi.fn(() => manager.removeUser());
    await renderSignedIn(manager);
    await act(() => auth.signOut());
    expect(manager.signoutRedirect).toHaveBeenCalled();
    expect(screen.getByTestId('status')).toHaveTextContent('signedOut');
  });

  it('renews an expired access token once, however many calls need it at the same time', async () => {
    const manager = await managerWith(user(600));
    await renderSignedIn(manager);
    await manager.storeUser(user(-30, 'at-old'));
    let finish: (u: User) => void = () => {};
    manager.signinSilent = vi.fn(() => new Promise<User>((resolve) => (finish = resolve)));
    const tokens = Promise.all([auth.getAccessToken(), auth.getAccessToken(), auth.getAccessToken()]);
    await waitFor(() => expect(manager.signinSilent).toHaveBeenCalledTimes(1));
    finish(user(600, 'at-new'));
    expect(await tokens).toEqual(['at-new', 'at-new', 'at-new']);
  });

  it('a refused renewal on demand ends the session', async () => {
    const manager = await managerWith(user(600));
    await renderSignedIn(manager);
    await manager.storeUser(user(-30, 'at-old'));
    manager.signinSilent = vi.fn(async () => {
      throw new ErrorResponse({ error: 'invalid_grant', error_description: 'Session not active' });
    });
    await act(async () => expect(await auth.getAccessToken()).toBeUndefined());
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('expired'));
  });
});
