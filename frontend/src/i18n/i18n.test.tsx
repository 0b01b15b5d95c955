import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthContext, type AuthState } from '../auth/AuthContext';
import { LandingPage } from '../pages/LandingPage';
import { FakeApi } from '../test/fakeApi';
import { me } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { I18nProvider, LOCALE_STORAGE_KEY } from './I18nProvider';
import { messages } from './messages';

describe('i18n', () => {
  it('has an English text for every Chinese one', () => {
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
    for (const [key, value] of Object.entries(messages['en-US'])) expect(value, key).not.toBe('');
  });

  it('defaults to zh-CN, switches to en-US and remembers it', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    renderApp(api, { path: '/clinics' });
    expect(await screen.findByTestId('nav-clinics')).toHaveTextContent('门店');
    await user.click(screen.getByText('EN'));
    await waitFor(() => expect(screen.getByTestId('nav-clinics')).toHaveTextContent('Clinics'));
    expect(await screen.findByText('No clinics yet. Clinics are added by the chain admin.')).toBeInTheDocument();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('the signed-out landing page offers sign-in', async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const auth: AuthState = {
      status: 'signedOut',
      signIn: async () => {
        signedIn = true;
      },
      completeSignIn: async () => '/',
      signOut: async () => {},
      getAccessToken: async () => undefined,
    };
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en-US');
    render(
      <I18nProvider>
        <AuthContext.Provider value={auth}>
          <LandingPage />
        </AuthContext.Provider>
      </I18nProvider>,
    );
    expect(screen.getByText('Welcome to MeiKe')).toBeInTheDocument();
    await user.click(screen.getByTestId('sign-in-button'));
    expect(screen.getByTestId('sign-in-button')).toHaveTextContent('登录 / Sign in');
    expect(signedIn).toBe(true);
  });
});
