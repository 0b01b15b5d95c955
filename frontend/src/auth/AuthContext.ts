import { createContext, useContext } from 'react';

export type AuthStatus = 'loading' | 'signedOut' | 'signedIn';

export interface AuthState {
  status: AuthStatus;
  /** Preferred user name from the ID token, shown until /me has loaded. */
  userName?: string;
  /** Starts the authorization-code + PKCE redirect; `returnTo` is where to land afterwards. */
  signIn: (returnTo?: string) => Promise<void>;
  /** Completes the redirect on /callback; resolves to the path to continue at. */
  completeSignIn: () => Promise<string>;
  /** Ends the Keycloak session and returns to the landing page. */
  signOut: () => Promise<void>;
  /** The current access token (renewed silently with the refresh token). */
  getAccessToken: () => Promise<string | undefined>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside an auth provider');
  return value;
}
