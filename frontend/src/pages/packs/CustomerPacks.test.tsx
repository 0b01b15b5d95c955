import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { clinic, colleague, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { comboPack, HER, packEntry, PHOTO, WATER_LIGHT } from '../../test/packFixtures';
import { renderApp } from '../../test/renderApp';

type SessionPack = components['schemas']['SessionPack'];

const NURSE = staff(8, { displayName: '周医生', roles: ['clinician'] });
/** One 水光针 done: its unused value is ¥2,567.19 less the used session's ¥1,283.59. */
const LISTED = comboPack([{ remaining: 1, unusedValue: { amount: 128360, currency: 'CNY' }, lastRedeemedAt: '2026-02-01T10:00:00+08:00' }]);
/** Read again when refunding: a second 水光针 was done meanwhile, so less is left. */
const NOW = comboPack([{ remaining: 0, unusedValue: { amount: 0, currency: 'CNY' } }]);
const REDEEMED = packEntry({
  id: '01900000-0000-7000-8000-0000000b0e02',
  kind: 'REDEEM',
  sessions: -1,
  remainingAfter: 4,
  value: { amount: -128359, currency: 'CNY' },
  items: [{ itemId: WATER_LIGHT.id, sessions: -1, value: { amount: -128359, currency: 'CNY' } }],
  clinicianId: NURSE.id,
  visitId: '01900000-0000-7000-8000-0000000ee001',
  occurredAt: '2026-02-01T10:00:00+08:00',
});
const ISSUED = packEntry({ id: '01900000-0000-7000-8000-0000000b0e01', kind: 'ISSUE', sessions: 5, remainingAfter: 5, value: { amount: 680000, currency: 'CNY' } });

function apiFor(roles: Parameters<typeof me>[0], fresh: SessionPack = NOW) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [NURSE], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(NURSE)], nextCursor: null })
    .on('GET', '/api/v1/customers/{id}', json(HER, 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/session-packs', { items: [LISTED], nextCursor: null })
    .on('GET', '/api/v1/session-packs/{id}', json(fresh))
    .on('GET', '/api/v1/session-packs/{id}/entries', { items: [REDEEMED, ISSUED], nextCursor: null });
}

const packPath = `/customers/${HER.id}?tab=packs&pack=${LISTED.id}`;

describe('Her packs', () => {
  it('shows each pack’s sessions left, next due date, expiry and ledger, opened from an order’s link', async () => {
    renderApp(apiFor(['clinician']), { path: packPath });
    expect(await screen.findByTestId(`pack-remaining-${LISTED.id}`)).toHaveTextContent('4 / 5');
    expect(screen.getByTestId(`pack-status-${LISTED.id}`)).toHaveTextContent('可使用');
    const detail = await screen.findByTestId(`pack-detail-${LISTED.id}`);
    expect(within(detail).getByTestId(`pack-item-remaining-${LISTED.id}-${WATER_LIGHT.id}`)).toHaveTextContent('1 / 2');
    expect(within(detail).getByTestId(`pack-item-remaining-${LISTED.id}-${PHOTO.id}`)).toHaveTextContent('2 / 2');
    const ledger = await within(detail).findByTestId(`pack-ledger-${LISTED.id}-table`);
    expect(await within(ledger).findByText('操作人员：周医生')).toBeInTheDocument();
    expect(within(ledger).getByText('水光针 -1')).toBeInTheDocument();
    // Clinicians read packs; refunds, freezes, extensions and reversals are for managers.
    expect(screen.queryByTestId(`pack-refund-${LISTED.id}`)).not.toBeInTheDocument();
    expect(screen.queryByTestId(`reverse-${REDEEMED.id}`)).not.toBeInTheDocument();
  });

  it('refunds with the figures of the pack read again, an Idempotency-Key and a reason, and says what went back', async () => {
    const user = userEvent.setup();
    const refunded: SessionPack = { ...NOW, status: 'REFUNDED', remaining: 0, unusedValue: { amount: 0, currency: 'CNY' }, refundedValue: NOW.unusedValue };
    const api = apiFor(['manager']).on(
      'POST',
      '/api/v1/session-packs/{id}/refund',
      json({ entry: packEntry({ id: '01900000-0000-7000-8000-0000000b0e09', kind: 'REFUND' }), pack: refunded }),
    );
    renderApp(api, { path: packPath });
    await user.click(await screen.findByTestId(`pack-refund-${LISTED.id}`));
    const figures = await screen.findByTestId('pack-refund-figures');
    // The server's figures of now: 水光针 is used up, so only 光子嫩肤 and 瘦脸针 come back.
    expect(within(figures).getByTestId(`unused-${LISTED.id}-${WATER_LIGHT.id}`)).toHaveTextContent('¥0.00');
    expect(within(figures).getByTestId(`unused-${LISTED.id}-${PHOTO.id}`)).toHaveTextContent('¥1,955.96');
    expect(within(figures).getByTestId('refund-paid-total')).toHaveTextContent('¥6,800.00');
    expect(within(figures).getByTestId('refund-total')).toHaveTextContent('¥4,232.81');
    expect(screen.getByTestId('pack-refund-form-submit')).toHaveTextContent('确认退款 ¥4,232.81');

    await user.click(screen.getByTestId('pack-refund-form-submit'));
    expect(await screen.findByText('请填写原因')).toBeInTheDocument();
    await fill(user, screen.getByTestId('pack-refund-reason'), '客户搬家，剩余次数退款');
    await user.click(screen.getByTestId('pack-refund-form-submit'));
    expect(await screen.findByText('已退款 ¥4,232.81')).toBeInTheDocument();
    const [request] = api.calls('POST', `/api/v1/session-packs/${LISTED.id}/refund`);
    expect(request.body).toEqual({ reason: '客户搬家，剩余次数退款' });
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('freezes a pack with a reason; a frozen one offers unfreezing instead', async () => {
    const user = userEvent.setup();
    let listed = LISTED;
    const frozen: SessionPack = { ...LISTED, status: 'FROZEN', frozenAt: '2026-03-01T10:00:00+08:00' };
    const api = apiFor(['manager'])
      .on('GET', '/api/v1/session-packs', () => json({ items: [listed], nextCursor: null }))
      .on('POST', '/api/v1/session-packs/{id}/freeze', () => {
        listed = frozen;
        return json({ entry: packEntry({ id: '01900000-0000-7000-8000-0000000b0e06', kind: 'FREEZE' }), pack: frozen });
      });
    renderApp(api, { path: packPath });
    await user.click(await screen.findByTestId(`pack-freeze-${LISTED.id}`));
    await fill(user, await screen.findByTestId('pack-freeze-reason'), '客户怀孕，暂停疗程');
    await user.click(screen.getByTestId('pack-freeze-form-submit'));
    expect(await screen.findByText('已冻结；解冻时冻结的天数会加回有效期')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/session-packs/${LISTED.id}/freeze`)[0].body).toEqual({ reason: '客户怀孕，暂停疗程' });
    expect(await screen.findByTestId(`pack-unfreeze-${LISTED.id}`)).toBeInTheDocument();
    expect(screen.getByTestId(`pack-status-${LISTED.id}`)).toHaveTextContent('已冻结');
    expect(screen.queryByTestId(`pack-freeze-${LISTED.id}`)).not.toBeInTheDocument();
  });

  it('reverses a redemption with a reason and extends by days, each with its own key', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin'])
      .on('POST', '/api/v1/session-packs/{id}/redemptions/{rid}/reversal', json({ entry: packEntry({ id: '01900000-0000-7000-8000-0000000b0e03', kind: 'REVERSAL' }), pack: LISTED }, 201))
      .on('POST', '/api/v1/session-packs/{id}/extend', json({ entry: packEntry({ id: '01900000-0000-7000-8000-0000000b0e04', kind: 'EXTEND' }), pack: { ...LISTED, expiresAt: '2099-04-10T10:00:00+08:00' } }));
    renderApp(api, { path: packPath });
    await user.click(await screen.findByTestId(`reverse-${REDEEMED.id}`));
    await fill(user, await screen.findByTestId('pack-reverse-reason'), '误扣');
    await user.click(screen.getByTestId('pack-reverse-form-submit'));
    expect(await screen.findByText('已撤销核销，次数已退回')).toBeInTheDocument();
    const [reversal] = api.calls('POST', `/api/v1/session-packs/${LISTED.id}/redemptions/${REDEEMED.id}/reversal`);
    expect(reversal.body).toEqual({ reason: '误扣' });

    await user.click(screen.getByTestId(`pack-extend-${LISTED.id}`));
    await user.clear(await screen.findByTestId('pack-extend-days'));
    await fill(user, screen.getByTestId('pack-extend-days'), '90');
    await fill(user, screen.getByTestId('pack-extend-reason'), '疫情闭店补偿');
    await user.click(screen.getByTestId('pack-extend-form-submit'));
    expect(await screen.findByText(/已延期，新的到期时间 2099-04-10/)).toBeInTheDocument();
    const [extension] = api.calls('POST', `/api/v1/session-packs/${LISTED.id}/extend`);
    expect(extension.body).toEqual({ days: 90, reason: '疫情闭店补偿' });
    expect(extension.headers.get('Idempotency-Key')).not.toBe(reversal.headers.get('Idempotency-Key'));
    await waitFor(() => expect(api.calls('GET', '/api/v1/session-packs').length).toBeGreaterThan(1));
  });
});
