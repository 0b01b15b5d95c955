import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { me, pointsRules } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

const RULES = pointsRules();

function rulesApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/points/rules', json(RULES, 200, { ETag: '"2"' }));
}

describe('Points rules', () => {
  it('saves the whole rules with If-Match, the expiry in months when chosen', async () => {
    const user = userEvent.setup();
    const api = rulesApi().on('PUT', '/api/v1/points/rules', (req) =>
      req.json().then((body) => json({ ...body, updatedAt: '2026-11-23T10:00:00Z', version: 3 }, 200, { ETag: '"3"' })),
    );
    renderApp(api, { path: '/settings/points' });
    await user.click(within(await screen.findByTestId('points-rules-policy')).getByText('获得后 N 个月过期'));
    await fill(user, await screen.findByTestId('points-rules-months'), '18');
    await user.click(screen.getByTestId('points-rules-tender'));
    await user.click(screen.getByTestId('points-rules-save'));

    await waitFor(() => expect(api.calls('PUT', '/api/v1/points/rules')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/points/rules');
    expect(put.headers.get('If-Match')).toBe('"2"');
    expect(put.body).toEqual({
      earnRate: 1,
      redeemPoints: 100,
      redeemAmount: { amount: 100, currency: 'CNY' },
      allowTender: false,
      expiry: { policy: 'AFTER_MONTHS', months: 18 },
      reminderDays: 30,
    });
  });

  it('after a 412 offers to read the rules again', async () => {
    const user = userEvent.setup();
    const api = rulesApi().on('PUT', '/api/v1/points/rules', problem(412, { title: 'Precondition Failed' }));
    renderApp(api, { path: '/settings/points' });
    await user.click(await screen.findByTestId('points-rules-save'));
    const alert = await screen.findByTestId('points-rules-save-error');
    await user.click(within(alert).getByTestId('points-rules-save-error-retry'));
    await waitFor(() => expect(api.calls('GET', '/api/v1/points/rules')).toHaveLength(2));
  });
});
