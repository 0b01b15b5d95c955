import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { clinic, me, pointsRules } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type ExpiringCustomer = components['schemas']['PointsExpiringCustomer'];

function expiring(n: number): ExpiringCustomer {
  return {
    customerId: `01900000-0000-7000-8000-0000000c0${String(n).padStart(3, '0')}`,
    customerName: `客户${n}`,
    homeClinicId: clinic(1).id,
    points: 100 * n,
    earliestExpiry: '2026-12-31T23:59:59+08:00',
  };
}

function api(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/points/rules', json(pointsRules({ reminderDays: 45 }), 200, { ETag: '"2"' }))
    .on('GET', '/api/v1/points/expiring', (req) => {
      const q = new URL(req.url).searchParams;
      if (q.get('clinicId') === clinic(2).id) return json({ items: [expiring(9)], nextCursor: null });
      return json(q.get('cursor') === 'p2' ? { items: [expiring(3)], nextCursor: null } : { items: [expiring(1), expiring(2)], nextCursor: 'p2' });
    });
}

/** The days box (antd may put the test id on the input itself or on its wrapper). */
function daysBox(): HTMLElement {
  const el = screen.getByTestId('expiring-days');
  return el.tagName === 'INPUT' ? el : within(el).getByRole('spinbutton');
}

describe('Points expiring soon', () => {
  it('lists customers page by page with the rules’ reminder days, links each to her page, and filters by clinic and days', async () => {
    const user = userEvent.setup();
    const fake = api(['front-desk']);
    renderApp(fake, { path: '/overview' });
    await user.click(await screen.findByTestId('nav-expiringPoints'));
    const list = await screen.findByTestId('expiring-list-table');
    const first = await within(list).findByTestId(`expiring-customer-${expiring(1).customerId}`);
    expect(first).toHaveTextContent('客户1');
    expect(first).toHaveAttribute('href', `/customers/${expiring(1).customerId}`);
    expect(list).toHaveTextContent('2026-12-31');
    // Left out, the server applies the rules' reminder days; the box shows them.
    expect(fake.calls('GET', '/api/v1/points/expiring')[0].query.get('withinDays')).toBeNull();
    await waitFor(() => expect(daysBox()).toHaveValue('45'));

    await user.click(screen.getByTestId('expiring-list-load-more'));
    expect(await within(list).findByText('客户3')).toBeInTheDocument();
    expect(fake.calls('GET', '/api/v1/points/expiring').at(-1)!.query.get('cursor')).toBe('p2');

    await user.click(within(screen.getByTestId('expiring-clinic')).getByRole('combobox'));
    await user.click(await screen.findByTitle(clinic(2).name));
    expect(await within(list).findByText('客户9')).toBeInTheDocument();
    expect(fake.calls('GET', '/api/v1/points/expiring').at(-1)!.query.get('clinicId')).toBe(clinic(2).id);

    const days = daysBox();
    await user.clear(days);
    await user.type(days, '7');
    await waitFor(() => expect(fake.calls('GET', '/api/v1/points/expiring').at(-1)!.query.get('withinDays')).toBe('7'));
  });

  it('is not in the clinician’s menu', async () => {
    renderApp(api(['clinician']), { path: '/overview' });
    await screen.findByTestId('nav-overview');
    expect(screen.queryByTestId('nav-expiringPoints')).not.toBeInTheDocument();
  });
});
