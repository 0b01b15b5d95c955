import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { comboPack, HER, packEntry, WATER_LIGHT } from '../../test/packFixtures';
import { renderApp } from '../../test/renderApp';

type Visit = components['schemas']['Visit'];
type SessionPack = components['schemas']['SessionPack'];
type Role = Parameters<typeof me>[0][number];

const CLINIC = clinic(1);
const NURSE = staff(8, { displayName: '周医生', roles: ['clinician'], clinicIds: [CLINIC.id] });
const DESK = staff(9, { displayName: '赵前台', roles: ['front-desk'], clinicIds: [CLINIC.id] });
const VISIT: Visit = {
  id: '01900000-0000-7000-8000-0000000ee001',
  customerId: HER.id,
  customerName: HER.name,
  clinicId: CLINIC.id,
  purpose: 'TREATMENT',
  checkedInAt: '2026-03-10T10:00:00+08:00',
  checkedOutAt: null,
  walkIn: false,
  appointmentId: null,
  staffIds: [NURSE.id],
  note: null,
  checkedInBy: 'kc-user-1',
  createdAt: '2026-03-10T10:00:00+08:00',
  updatedAt: '2026-03-10T10:00:00+08:00',
  version: 0,
};
const PACK = comboPack();
const ONE_DONE = comboPack([{ remaining: 1, lastRedeemedAt: '2026-03-10T10:30:00+08:00', nextDueAt: '2099-04-07T10:30:00+08:00' }]);
const TOO_SOON = comboPack([{ remaining: 1, lastRedeemedAt: '2099-03-01T10:00:00+08:00', nextDueAt: '2099-03-29T10:00:00+08:00' }]);
const EXPIRED = comboPack([], { status: 'EXPIRED', expiresAt: '2026-03-01T10:00:00+08:00' });
const item = `${PACK.id}-${WATER_LIGHT.id}`;
const redemptions = `/api/v1/session-packs/${PACK.id}/redemptions`;

/** The visit and her packs; `packs` answers each read of the list (the pack as it is then). */
function apiFor(roles: Role[], packs: () => SessionPack[] = () => [PACK], staffId = DESK.id) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, { staffId, allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(NURSE), colleague(DESK)], nextCursor: null })
    .on('GET', '/api/v1/visits/{id}', json(VISIT, 200, { ETag: '"0"' }))
    .on('GET', '/api/v1/visits', { items: [VISIT], nextCursor: null })
    .on('GET', '/api/v1/appointments', { items: [], nextCursor: null })
    .on('GET', '/api/v1/consultations', { items: [], nextCursor: null })
    .on('GET', '/api/v1/session-packs', () => json({ items: packs(), nextCursor: null }));
}

/** Click 1: 核销 on the item; click 2: confirm, once the visit's clinician (周医生) is chosen for her. */
async function redeemTwoClicks(user: ReturnType<typeof userEvent.setup>, button: string) {
  await user.click(await screen.findByTestId(button));
  await waitFor(() => expect(screen.getByTestId('redeem-clinician')).toHaveTextContent('周医生'));
  await user.click(screen.getByTestId('redeem-form-submit'));
}

const moved = (pack: SessionPack) => json({ entry: packEntry({ id: '01900000-0000-7000-8000-0000000b0e05', kind: 'REDEEM' }), pack }, 201);
const tooSoon = () => problem(422, { title: 'Unprocessable', detail: 'The next session of 水光针 is due from 2099-03-29T02:00:00Z' });

describe('Redeeming a pack session at a visit', () => {
  it('takes two clicks: 核销 on the item, then confirm, with the visit’s clinician already chosen', async () => {
    const user = userEvent.setup();
    let current = PACK;
    const api = apiFor(['front-desk'], () => [current]).on('POST', redemptions, () => {
      current = ONE_DONE;
      return moved(ONE_DONE);
    });
    renderApp(api, { path: `/visits/${VISIT.id}` });
    expect(await screen.findByTestId(`remaining-${item}`)).toHaveTextContent('2 / 2');

    await user.click(screen.getByTestId(`redeem-${item}`));
    const dialog = await screen.findByTestId('redeem-form');
    expect(within(dialog).getByTestId('redeem-item')).toHaveTextContent('水光针');
    expect(within(dialog).getByTestId('redeem-remaining')).toHaveTextContent('2 次，核销后剩 1 / 2 次');
    await waitFor(() => expect(within(dialog).getByTestId('redeem-clinician')).toHaveTextContent('周医生'));
    await user.click(screen.getByTestId('redeem-form-submit'));

    expect(await screen.findByText('已核销 水光针，还剩 1 次')).toBeInTheDocument();
    const [request] = api.calls('POST', redemptions);
    expect(request.body).toEqual({ itemId: WATER_LIGHT.id, visitId: VISIT.id, clinicianId: NURSE.id });
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    // The list is read again: the session is gone.
    await waitFor(() => expect(screen.getByTestId(`remaining-${item}`)).toHaveTextContent('1 / 2'));
  });

  it('preselects the signed-in clinician when the visit names none, and lets another be chosen', async () => {
    const user = userEvent.setup();
    const api = apiFor(['clinician'], () => [PACK], NURSE.id)
      .on('GET', '/api/v1/visits/{id}', json({ ...VISIT, staffIds: [] }, 200, { ETag: '"0"' }))
      .on('POST', redemptions, moved(ONE_DONE));
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await user.click(await screen.findByTestId(`redeem-${item}`));
    await waitFor(() => expect(within(screen.getByTestId('redeem-clinician')).getByText(/周医生/)).toBeInTheDocument());
    await user.click(within(screen.getByTestId('redeem-clinician')).getByRole('combobox'));
    const options = await screen.findAllByTitle(/赵前台/);
    await user.click(options[options.length - 1]);
    await user.click(screen.getByTestId('redeem-form-submit'));
    await waitFor(() => expect(api.calls('POST', redemptions)).toHaveLength(1));
    expect(api.calls('POST', redemptions)[0].body).toMatchObject({ clinicianId: DESK.id });
  });

  it('shows an interval refusal, and to a clinician no way around it', async () => {
    const user = userEvent.setup();
    let current = PACK;
    const api = apiFor(['clinician'], () => [current], NURSE.id).on('POST', redemptions, () => {
      // Another desk redeemed one meanwhile: the server knows the interval runs.
      current = TOO_SOON;
      return tooSoon();
    });
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await redeemTwoClicks(user, `redeem-${item}`);

    const refusal = await screen.findByTestId('redeem-refusal');
    expect(refusal).toHaveAttribute('data-refusal', 'interval');
    expect(refusal).toHaveTextContent('未到最短间隔：水光针 下次可做时间为 2099-03-29');
    expect(refusal).toHaveTextContent('请店长或管理员核销');
    expect(screen.getByTestId('redeem-form-error')).toHaveTextContent('The next session of 水光针 is due from');
    expect(screen.queryByTestId('redeem-override-reason')).not.toBeInTheDocument();
  });

  it('lets a manager redeem sooner with a reason, reusing the key only while a retry is of the same submission', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    let current = PACK;
    const api = apiFor(['manager'], () => [current]).on('POST', redemptions, (req) => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      if (attempts === 2) {
        current = TOO_SOON;
        return tooSoon();
      }
      return req.clone().json().then((body: { intervalOverrideReason?: string }) => (body.intervalOverrideReason ? moved(ONE_DONE) : tooSoon()));
    });
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await redeemTwoClicks(user, `redeem-${item}`);
    expect(await screen.findByTestId('redeem-form-error')).toHaveTextContent('网络');

    await user.click(screen.getByTestId('redeem-form-submit'));
    expect(await screen.findByTestId('redeem-refusal')).toHaveTextContent('请填写提前核销原因后再次确认');
    await fill(user, await screen.findByTestId('redeem-override-reason'), '客户下月出国，提前做');
    expect(screen.getByTestId('redeem-form-submit')).toHaveTextContent('提前核销');
    await user.click(screen.getByTestId('redeem-form-submit'));
    expect(await screen.findByText('已核销 水光针，还剩 1 次')).toBeInTheDocument();

    const [lost, retried, early] = api.calls('POST', redemptions);
    expect(retried.headers.get('Idempotency-Key')).toBe(lost.headers.get('Idempotency-Key'));
    expect(early.body).toEqual({ itemId: WATER_LIGHT.id, visitId: VISIT.id, clinicianId: NURSE.id, intervalOverrideReason: '客户下月出国，提前做' });
    expect(early.headers.get('Idempotency-Key')).not.toBe(lost.headers.get('Idempotency-Key'));
  });

  it('says when the pack expired meanwhile', async () => {
    const user = userEvent.setup();
    let current = PACK;
    const api = apiFor(['front-desk'], () => [current]).on('POST', redemptions, () => {
      current = EXPIRED;
      return problem(422, { title: 'Unprocessable', detail: 'This pack expired at 2026-03-01T02:00:00Z; extend it to redeem its sessions' });
    });
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await redeemTwoClicks(user, `redeem-${item}`);
    const refusal = await screen.findByTestId('redeem-refusal');
    expect(refusal).toHaveAttribute('data-refusal', 'expired');
    expect(refusal).toHaveTextContent('此卡已于 2026-03-01');
    // Expired: no longer among what can be redeemed here.
    await waitFor(() => expect(screen.queryByTestId(`remaining-${item}`)).not.toBeInTheDocument());
  });

  it('redeems from the desk where she is checked in, in two clicks', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on('POST', redemptions, moved(ONE_DONE));
    renderApp(api, { path: '/desk' });
    await redeemTwoClicks(user, `desk-redeem-${VISIT.id}-${item}`);
    expect(await screen.findByText('已核销 水光针，还剩 1 次')).toBeInTheDocument();
    expect(api.calls('POST', redemptions)[0].body).toEqual({ itemId: WATER_LIGHT.id, visitId: VISIT.id, clinicianId: NURSE.id });
  });

  it('shows consultants her sessions without redeeming them', async () => {
    renderApp(apiFor(['consultant']), { path: `/visits/${VISIT.id}` });
    expect(await screen.findByTestId(`remaining-${item}`)).toHaveTextContent('2 / 2');
    expect(screen.queryByTestId(`redeem-${item}`)).not.toBeInTheDocument();
  });
});
