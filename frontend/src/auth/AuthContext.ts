import { createContext, useCallback, useContext, useState } from 'react';

/** `expired`: the session ended without the user signing out (renewal refused, e.g. after idling). */
export type AuthStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired';

export interface AuthState {
  status: AuthStatus;
  /** Starts the authorization-code + PKCE redirect; `returnTo` is where to land afterwards. */
  signIn: (returnTo?: string) => Promise<void>;
  /** Completes the redirect on /callback; resolves to the path to continue at. */
  completeSignIn: () => Promise<string>;
  /** Ends the Keycloak session and returns to the landing page. */
  signOut: () => Promise<void>;
  /** The current access token, renewed with the refresh token when it has expired (one renewal at a time). */
  getAccessToken: () => Promise<string | undefined>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside an auth provider');
  return value;
}

/** Starts sign-in from a button: `pending` while the browser is leaving for Keycloak. */
export function useSignIn(): { pending: boolean; signIn: () => Promise<void> } {
  const auth = useAuth();
  const [pending, setPending] = useState(false);
  const signIn = useCallback(async () => {
    setPending(true);
    try {
      await auth.signIn();
    } catch {
      setPending(false);
    }
  }, [auth]);
  return { pending, signIn };
}
