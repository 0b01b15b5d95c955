import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, json } from '../test/fakeApi';
import { clinic, me, staff, TENANT_A } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('Overview', () => {
  it('shows the chain and real counts, reading every page', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', (req) =>
        new URL(req.url).searchParams.get('cursor') === 'next'
          ? json({ items: [clinic(3, { active: false })], nextCursor: null })
          : json({ items: [clinic(1), clinic(2)], nextCursor: 'next' }),
      )
      .on('GET', '/api/v1/staff', { items: [staff(1), staff(2), staff(3, { active: false })], nextCursor: null });
    renderApp(api);
    expect(await screen.findByTestId('tenant-info')).toHaveTextContent(TENANT_A.slug);
    await waitFor(() => expect(screen.getByTestId('count-clinics')).toHaveTextContent('3'));
    expect(screen.getByTestId('count-active-clinics')).toHaveTextContent('2');
    await waitFor(() => expect(screen.getByTestId('count-staff')).toHaveTextContent('3'));
    expect(screen.getByTestId('count-active-staff')).toHaveTextContent('2');
  });

  it('does not ask for staff counts for roles that may not list staff', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['front-desk']))
      .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null });
    // The front desk starts at the check-in desk; the overview is one click away.
    renderApp(api, { path: '/overview' });
    await waitFor(() => expect(screen.getByTestId('count-clinics')).toHaveTextContent('1'));
    expect(screen.queryByTestId('count-staff')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/staff')).toHaveLength(0);
  });
});
