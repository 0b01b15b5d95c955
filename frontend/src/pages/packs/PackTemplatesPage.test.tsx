import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, me } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { comboTemplate, PHOTO, SLIMMING, WATER_LIGHT } from '../../test/packFixtures';
import { renderApp } from '../../test/renderApp';

type User = ReturnType<typeof userEvent.setup>;

const COMBO = comboTemplate();

function adminApi(templates: () => unknown[] = () => []) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [WATER_LIGHT, PHOTO, SLIMMING], nextCursor: null })
    .on('GET', '/api/v1/session-packs/templates', () => json({ items: templates(), nextCursor: null }));
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

describe('Pack templates', () => {
  it('sends the items with their sessions and intervals, the price in fen, and shows the server’s split of the price', async () => {
    const user = userEvent.setup();
    let saved: unknown[] = [];
    const api = adminApi(() => saved).on('POST', '/api/v1/session-packs/templates', () => {
      saved = [COMBO];
      return json(COMBO, 201, { ETag: '"0"' });
    });
    renderApp(api, { path: '/settings/pack-templates' });

    await user.click(await screen.findByTestId('add-template-button'));
    await fill(user, await screen.findByTestId('template-form-code'), 'COMBO-GLOW');
    await fill(user, screen.getByTestId('template-form-name'), '水光焕肤疗程');
    await pick(user, 'template-item-id-0', '水光针');
    await user.type(screen.getByTestId('template-item-sessions-0'), '{Backspace}2');
    await fill(user, screen.getByTestId('template-item-interval-0'), '28');
    await user.click(screen.getByTestId('template-add-item'));
    await pick(user, 'template-item-id-1', '光子嫩肤');
    await user.type(screen.getByTestId('template-item-sessions-1'), '{Backspace}2');
    await fill(user, screen.getByTestId('template-item-interval-1'), '21');
    await user.click(screen.getByTestId('template-add-item'));
    await pick(user, 'template-item-id-2', '瘦脸针');
    await fill(user, screen.getByTestId('template-form-price'), '6800');
    await user.click(screen.getByTestId('template-form-submit'));

    expect(await screen.findByText('疗程卡模板「水光焕肤疗程」已添加')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/session-packs/templates')[0].body).toEqual({
      code: 'COMBO-GLOW',
      name: '水光焕肤疗程',
      description: null,
      items: [
        { itemId: WATER_LIGHT.id, sessions: 2, minIntervalDays: 28 },
        { itemId: PHOTO.id, sessions: 2, minIntervalDays: 21 },
        { itemId: SLIMMING.id, sessions: 1, minIntervalDays: null },
      ],
      price: { amount: 680000, currency: 'CNY' },
      validityDays: 365,
      allClinics: true,
      clinicIds: [],
    });
    // The new template opens on the split the server made: each item's part of ¥6,800, adding up to it.
    const split = await screen.findByTestId('allocation-COMBO-GLOW');
    expect(within(split).getByTestId(`allocated-${WATER_LIGHT.id}`)).toHaveTextContent('¥2,567.19');
    expect(within(split).getByTestId(`allocated-${PHOTO.id}`)).toHaveTextContent('¥1,955.96');
    expect(within(split).getByTestId(`allocated-${SLIMMING.id}`)).toHaveTextContent('¥2,276.85');
    expect(within(split).getByText('¥3,360.00')).toBeInTheDocument();
    expect(within(split).getByTestId('standalone-total-COMBO-GLOW')).toHaveTextContent('¥8,900.00');
    expect(within(split).getByTestId('price-total-COMBO-GLOW')).toHaveTextContent('¥6,800.00');
  });

  it('will not send an item twice, and shows the server’s field errors on the item they name', async () => {
    const user = userEvent.setup();
    const api = adminApi().on(
      'POST',
      '/api/v1/session-packs/templates',
      problem(400, { title: 'Bad Request', errors: [{ field: 'items[1].sessions', message: 'must be at most 100' }] }),
    );
    renderApp(api, { path: '/settings/pack-templates' });
    await user.click(await screen.findByTestId('add-template-button'));
    await fill(user, await screen.findByTestId('template-form-code'), 'DUP');
    await fill(user, screen.getByTestId('template-form-name'), '重复');
    await pick(user, 'template-item-id-0', '水光针');
    await user.click(screen.getByTestId('template-add-item'));
    await pick(user, 'template-item-id-1', '水光针');
    await fill(user, screen.getByTestId('template-form-price'), '100');
    await user.click(screen.getByTestId('template-form-submit'));
    expect(await screen.findAllByText('同一项目只能添加一次，请合并次数')).not.toHaveLength(0);
    expect(api.calls('POST', '/api/v1/session-packs/templates')).toHaveLength(0);

    await pick(user, 'template-item-id-1', '光子嫩肤');
    await user.click(screen.getByTestId('template-form-submit'));
    expect(await within(screen.getByTestId('template-item-1')).findByText('must be at most 100')).toBeInTheDocument();
  });

  it('edits with If-Match from the read the dialog made, showing the split as saved', async () => {
    const user = userEvent.setup();
    const api = adminApi(() => [COMBO])
      .on('GET', '/api/v1/session-packs/templates/{id}', json(COMBO, 200, { ETag: '"4"' }))
      .on('PATCH', '/api/v1/session-packs/templates/{id}', json({ ...COMBO, version: 5 }, 200, { ETag: '"5"' }));
    renderApp(api, { path: '/settings/pack-templates' });
    await user.click(await screen.findByTestId('edit-template-COMBO-GLOW'));
    const dialog = await screen.findByTestId('template-form');
    expect(await within(dialog).findByTestId('allocation-COMBO-GLOW')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('template-form-price')).toHaveValue('6800.00'));
    await user.clear(screen.getByTestId('template-form-price'));
    await fill(user, screen.getByTestId('template-form-price'), '6600');
    await user.click(screen.getByTestId('template-form-submit'));
    await waitFor(() => expect(api.calls('PATCH', `/api/v1/session-packs/templates/${COMBO.id}`)).toHaveLength(1));
    const [patch] = api.calls('PATCH', `/api/v1/session-packs/templates/${COMBO.id}`);
    expect(patch.headers.get('If-Match')).toBe('"4"');
    expect(patch.body).toMatchObject({ price: { amount: 660000, currency: 'CNY' }, items: [{ itemId: WATER_LIGHT.id, sessions: 2, minIntervalDays: 28 }, {}, {}] });
  });

  it('is for chain admins only', async () => {
    const api = new FakeApi().on('GET', '/api/v1/me', me(['manager'])).on('GET', '/api/v1/clinics', { items: [], nextCursor: null });
    renderApp(api, { path: '/settings/pack-templates' });
    expect(await screen.findByText('您没有权限访问此页面')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-packTemplates')).not.toBeInTheDocument();
    expect(api.requests.some((r) => r.path.startsWith('/api/v1/session-packs'))).toBe(false);
  });
});
