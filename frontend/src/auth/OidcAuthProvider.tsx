import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { oidcSettings } from '../config';
import { AuthContext, type AuthState, type AuthStatus } from './AuthContext';

interface SignInState {
  returnTo?: string;
}

export function createUserManager(origin = window.location.origin): UserManager {
  return new UserManager({
    authority: oidcSettings.authority,
    client_id: oidcSettings.clientId,
    redirect_uri: `${origin}/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code', // authorization code; oidc-client-ts always adds PKCE (S256)
    scope: 'openid profile email',
    // Renew shortly before expiry; with a refresh token this is a plain token request, no iframe.
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
  });
}

/**
 * Keycloak login (authorization code + PKCE) through oidc-client-ts. Tokens are renewed with the
 * refresh token before they expire, and on demand when a call finds the access token expired (after
 * the laptop slept, say). When Keycloak refuses the renewal the session is over: the status becomes
 * `expired` (not `signedOut`), so the app can say so and sign in again where the user was.
 */
export function OidcAuthProvider({ children, userManager }: { children: ReactNode; userManager?: UserManager }) {
  const manager = useMemo(() => userManager ?? createUserManager(), [userManager]);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const callback = useRef<Promise<string> | null>(null);
  const signingOut = useRef(false);
  const renewal = useRef<Promise<User | null> | null>(null);

  /** One refresh-token request at a time, however many calls need a token. */
  const renew = useMemo(
    () => () =>
      (renewal.current ??= manager
        .signinSilent()
        .catch(async (e: unknown) => {
          // Keycloak answered no (refresh token expired or revoked): the session is over. Anything
          // else (Keycloak unreachable) may pass; the call then fails and can be retried.
          if (e instanceof ErrorResponse) await manager.removeUser();
          return null;
        })
        .finally(() => {
          renewal.current = null;
        })),
    [manager],
  );

  useEffect(() => {
    let cancelled = false;
    const onLoaded = () => setStatus('signedIn');
    const onUnloaded = () => {
      setStatus((previous) => (previous === 'signedIn' && !signingOut.current ? 'expired' : 'signedOut'));
    };
    const onRenewError = async (e: Error) => {
      if (e instanceof ErrorResponse) await manager.removeUser();
    };
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserUnloaded(onUnloaded);
    manager.events.addSilentRenewError(onRenewError);

    if (window.location.pathname !== '/callback') {
      (async () => {
        let current = await manager.getUser();
        if (current?.expired && current.refresh_token) current = await renew();
        if (current?.expired) {
          await manager.removeUser();
          current = null;
        }
        if (cancelled) return;
        setStatus(current ? 'signedIn' : 'signedOut');
      })();
    }
    return () => {
      cancelled = true;
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserUnloaded(onUnloaded);
      manager.events.removeSilentRenewError(onRenewError);
    };
  }, [manager, renew]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      signIn: async (returnTo) => {
        const state: SignInState = { returnTo: returnTo ?? window.location.pathname + window.location.search };
        await manager.signinRedirect({ state });
      },
      completeSignIn: () => {
        // Guarded: the authorization code can be exchanged only once (StrictMode runs effects twice).
        callback.current ??= manager.signinRedirectCallback().then((u) => {
          const returnTo = (u.state as SignInState | undefined)?.returnTo;
          return returnTo && returnTo.startsWith('/') && !returnTo.startsWith('/callback') ? returnTo : '/';
        });
        return callback.current;
      },
      signOut: async () => {
        signingOut.current = true;
        try {
          // Ends the Keycloak session too; Keycloak sends the browser back to the landing page.
          await manager.signoutRedirect();
        } catch {
          // Identity provider unreachable: forget the session locally at least.
          await manager.removeUser();
          window.location.assign('/');
        }
      },
      getAccessToken: async () => {
        const current = await manager.getUser();
        if (current?.expired && current.refresh_token) return (await renew())?.access_token;
        return current?.access_token;
      },
    }),
    [manager, renew, status],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
