import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Rules = components['schemas']['SatisfactionRules'];

const DEFAULTS: Rules = { configured: false, lowScoreMax: 2, lowNpsMax: 6, linkValidHours: 72, slaHours: { high: 24, medium: 48, low: 72 }, updatedAt: null, version: 0 };

function adminApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
    .on('GET', '/api/v1/satisfaction/rules', json(DEFAULTS, 200, { ETag: '"0"' }));
}

describe('Satisfaction rules', () => {
  it('shows the defaults and saves the chain’s first rules with If-Match "0"', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('PUT', '/api/v1/satisfaction/rules', json({ ...DEFAULTS, configured: true, lowScoreMax: 3, version: 1 }, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/settings/satisfaction-rules' });
    expect(await screen.findByTestId('nav-satisfactionRules')).toHaveTextContent('满意度规则');
    await user.clear(await screen.findByTestId('satisfaction-low-score'));
    await fill(user, screen.getByTestId('satisfaction-low-score'), '3');
    await user.clear(screen.getByTestId('satisfaction-sla-high'));
    await fill(user, screen.getByTestId('satisfaction-sla-high'), '12');
    await user.click(screen.getByTestId('satisfaction-rules-save'));
    await waitFor(() => expect(api.calls('PUT', '/api/v1/satisfaction/rules')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/satisfaction/rules');
    expect(put.headers.get('If-Match')).toBe('"0"');
    expect(put.body).toEqual({ lowScoreMax: 3, lowNpsMax: 6, linkValidHours: 72, slaHours: { high: 12, medium: 48, low: 72 } });
  });

  it('explains a stale write (412)', async () => {
    const user = userEvent.setup();
    const api = adminApi().on('PUT', '/api/v1/satisfaction/rules', problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' }));
    renderApp(api, { path: '/settings/satisfaction-rules' });
    await user.click(await screen.findByTestId('satisfaction-rules-save'));
    expect(await screen.findByTestId('satisfaction-rules-save-error')).toHaveTextContent('其他人已修改了这条记录');
  });
});
