import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
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

function nameOf(user: User | null): string | undefined {
  const profile = user?.profile;
  return (profile?.name as string | undefined) ?? profile?.preferred_username ?? undefined;
}

/** Keycloak login (authorization code + PKCE) through oidc-client-ts. */
export function OidcAuthProvider({ children, userManager }: { children: ReactNode; userManager?: UserManager }) {
  const manager = useMemo(() => userManager ?? createUserManager(), [userManager]);
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const callback = useRef<Promise<string> | null>(null);

  useEffect(() => {
    let cancelled = false;
    const onLoaded = (u: User) => {
      setUser(u);
      setStatus('signedIn');
    };
    const onUnloaded = () => {
      setUser(null);
      setStatus('signedOut');
    };
    const onRenewError = async () => {
      // Refresh token expired or revoked: the session is over.
      await manager.removeUser();
    };
    manager.events.addUserLoaded(onLoaded);
    manager.events.addUserUnloaded(onUnloaded);
    manager.events.addSilentRenewError(onRenewError);

    if (window.location.pathname !== '/callback') {
      (async () => {
        let current = await manager.getUser();
        if (current?.expired && current.refresh_token) {
          current = await manager.signinSilent().catch(() => null);
        }
        if (current?.expired) {
          await manager.removeUser();
          current = null;
        }
        if (cancelled) return;
        setUser(current);
        setStatus(current ? 'signedIn' : 'signedOut');
      })();
    }
    return () => {
      cancelled = true;
      manager.events.removeUserLoaded(onLoaded);
      manager.events.removeUserUnloaded(onUnloaded);
      manager.events.removeSilentRenewError(onRenewError);
    };
  }, [manager]);

  const value = useMemo<AuthState>(
    () => ({
      status,
      userName: nameOf(user),
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
        try {
          await manager.signoutRedirect();
        } catch {
          // Identity provider unreachable: forget the session locally at least.
          await manager.removeUser();
          window.location.assign('/');
        }
      },
      getAccessToken: async () => {
        const current = await manager.getUser();
        if (current && current.expired && current.refresh_token) {
          const renewed = await manager.signinSilent().catch(() => null);
          return renewed?.access_token;
        }
        return current?.access_token;
      },
    }),
    [manager, status, user],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
