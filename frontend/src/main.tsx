import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AppRoutes, Providers } from './App';
import { OidcAuthProvider } from './auth/OidcAuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { createQueryClient } from './queryClient';
import './styles.css';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <OidcAuthProvider>
        <Providers queryClient={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Providers>
      </OidcAuthProvider>
    </I18nProvider>
  </StrictMode>,
);
