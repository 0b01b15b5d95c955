import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Appointment = components['schemas']['Appointment'];
type Visit = components['schemas']['Visit'];
type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const DOCTOR = staff(5, { displayName: '周医生', roles: ['clinician'] });
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const SUNLI = customer(6, { name: '孙丽' });
const ZHOUTING = customer(7, { name: '周婷' });
const HEYUTONG = customer(9, { name: '何雨桐', phone: '13800001009' });

function appointment(n: number, who: typeof SUNLI, startsAt: dayjs.Dayjs, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: `01900000-0000-7000-8000-0000000dd${String(n).padStart(3, '0')}`,
    customerId: who.id,
    customerName: who.name,
    clinicId: CLINIC.id,
    itemId: null,
    itemName: null,
    staffId: DOCTOR.id,
    staffName: '周医生',
    startsAt: startsAt.format(),
    endsAt: startsAt.add(30, 'minute').format(),
    status: 'BOOKED',
    note: null,
    cancelReason: null,
    statusChangedAt: null,
    statusChangedBy: null,
    visitId: null,
    bookedBy: 'kc-user-1',
    createdAt: '2026-01-01T10:00:00+08:00',
    updatedAt: '2026-01-01T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

function visit(n: number, who: typeof SUNLI, overrides: Partial<Visit> = {}): Visit {
  return {
    id: `01900000-0000-7000-8000-0000000ee${String(n).padStart(3, '0')}`,
    customerId: who.id,
    customerName: who.name,
    clinicId: CLINIC.id,
    purpose: 'CONSULTATION',
    checkedInAt: dayjs().subtract(5, 'minute').format(),
    checkedOutAt: null,
    walkIn: true,
    appointmentId: null,
    staffIds: [],
    note: null,
    checkedInBy: 'kc-user-1',
    createdAt: '2026-01-01T10:00:00+08:00',
    updatedAt: '2026-01-01T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

/** One booking that started an hour ago (she is late), one later today. */
const LATE = appointment(1, SUNLI, dayjs().subtract(1, 'hour'));
const LATER = appointment(2, ZHOUTING, dayjs().add(2, 'hour'), { status: 'CONFIRMED' });

/** A desk whose lists change as the fake server is told to, like the real one. */
function deskApi(roles: Parameters<typeof me>[0], state: { books: Appointment[]; here: Visit[] }) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, { allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [DOCTOR, CONSULTANT].map(colleague), nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [], nextCursor: null })
    .on('GET', '/api/v1/appointments', () => json({ items: state.books, nextCursor: null }))
    .on('GET', '/api/v1/visits', () => json({ items: state.here, nextCursor: null }))
    .on('GET', '/api/v1/customers', (req) =>
      json({ items: new URL(req.url).searchParams.get('q') === 'hyt' ? [HEYUTONG] : [], nextCursor: null }),
    );
}

const itemOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

async function openWalkIn(user: User, mode: '已登记客户' | '新客户（散客）') {
  await user.click(await screen.findByTestId('walk-in-button'));
  await user.click(within(await screen.findByTestId('check-in-form-mode')).getByText(mode));
}

describe('Check-in desk', () => {
  it("lists today's appointments with their status, and checks a customer in after asking", async () => {
    const user = userEvent.setup();
    const state = { books: [LATE, LATER], here: [] as Visit[] };
    const arrived = visit(1, SUNLI, { walkIn: false, appointmentId: LATE.id, staffIds: [DOCTOR.id] });
    const api = deskApi(['front-desk'], state).on('POST', '/api/v1/appointments/{id}/arrive', () => {
      state.books = [{ ...LATE, status: 'ARRIVED', visitId: arrived.id }, LATER];
      state.here = [arrived];
      return json(arrived, 201);
    });
    renderApp(api, { path: '/desk' });

    const list = await screen.findByTestId('desk-appointments');
    expect(await within(list).findByTestId(`desk-customer-${LATE.id}`)).toHaveTextContent('孙丽');
    expect(within(list).getByTestId(`desk-status-${LATE.id}`)).toHaveTextContent('已预约');
    expect(within(list).getByTestId(`desk-status-${LATER.id}`)).toHaveTextContent('已确认');
    // Only a booking that has started can be a no-show; only a booked one still needs confirming.
    expect(within(list).getByTestId(`no-show-${LATE.id}`)).toBeInTheDocument();
    expect(within(list).queryByTestId(`no-show-${LATER.id}`)).not.toBeInTheDocument();
    expect(within(list).queryByTestId(`confirm-${LATER.id}`)).not.toBeInTheDocument();
    expect(screen.getByTestId('desk-stat-expected')).toHaveTextContent('2');
    expect(screen.getByTestId('desk-here')).toHaveTextContent('目前没有在店的客户');

    await user.click(within(list).getByTestId(`arrive-${LATE.id}`));
    expect(await screen.findByText('为「孙丽」办理到店？')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/appointments/${LATE.id}/arrive`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: '确 定' }));

    expect(await screen.findByText('「孙丽」已到店')).toBeInTheDocument();
    const here = screen.getByTestId('desk-here');
    expect(await within(here).findByTestId(`here-customer-${arrived.id}`)).toHaveTextContent('孙丽');
    expect(here).toHaveTextContent('周医生');
    expect(await within(list).findByTestId(`desk-visit-${LATE.id}`)).toHaveAttribute('href', `/visits/${arrived.id}`);
    expect(screen.getByTestId('desk-stat-arrived')).toHaveTextContent('1');
    // The front desk does not record consultations.
    expect(within(here).queryByTestId(`record-consultation-${arrived.id}`)).not.toBeInTheDocument();
  });

  it('says so when she cannot be checked in (still checked in elsewhere, 409)', async () => {
    const user = userEvent.setup();
    const api = deskApi(['front-desk'], { books: [LATE], here: [] }).on(
      'POST',
      '/api/v1/appointments/{id}/arrive',
      problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'This customer is still checked in since …' }),
    );
    renderApp(api, { path: '/desk' });
    await user.click(await screen.findByTestId(`arrive-${LATE.id}`));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByText('未能为「孙丽」办理到店：她仍有一次到访未离店，或预约刚被同事处理过。列表已刷新。')).toBeInTheDocument();
  });

  it('checks a new walk-in in by name and phone, and says whether she was registered or matched', async () => {
    const user = userEvent.setup();
    const state = { books: [] as Appointment[], here: [] as Visit[] };
    let registered = true;
    const api = deskApi(['front-desk'], state).on('POST', '/api/v1/visits', () => {
      const v = visit(2, { ...SUNLI, name: '李四' } as typeof SUNLI);
      state.here = [v];
      return json({ visit: v, customerRegistered: registered }, 201);
    });
    renderApp(api, { path: '/desk' });
    await openWalkIn(user, '新客户（散客）');
    await fill(user, screen.getByTestId('check-in-form-name'), ' 李四 ');
    await fill(user, screen.getByTestId('check-in-form-phone'), '139 0013 9000');
    await user.click(screen.getByTestId('check-in-form-submit'));
    expect(await screen.findByTestId('desk-last-check-in')).toHaveTextContent('「李四」已到店。 按手机号未找到已登记的客户，已为她新建客户档案。');
    expect(api.calls('POST', '/api/v1/visits')[0].body).toEqual({
      newCustomer: { name: '李四', phone: '139 0013 9000', source: 'WALK_IN' },
      clinicId: CLINIC.id,
      purpose: 'CONSULTATION',
      staffIds: [],
    });

    registered = false;
    await openWalkIn(user, '新客户（散客）');
    await fill(user, screen.getByTestId('check-in-form-name'), '李四');
    await fill(user, screen.getByTestId('check-in-form-phone'), '13900139000');
    await user.click(screen.getByTestId('check-in-form-submit'));
    await waitFor(() => expect(screen.getByTestId('desk-last-check-in')).toHaveTextContent('按手机号匹配到已登记的客户，未新建档案。'));
  });

  it("puts the server's errors on a walk-in's fields: her phone, or a customer still checked in", async () => {
    const user = userEvent.setup();
    const api = deskApi(['front-desk'], { books: [], here: [] }).on(
      'POST',
      '/api/v1/visits',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        errors: [{ field: 'newCustomer.phone', message: 'is not a valid phone number' }],
      }),
    );
    renderApp(api, { path: '/desk' });
    await openWalkIn(user, '新客户（散客）');
    await fill(user, screen.getByTestId('check-in-form-name'), '李四');
    await fill(user, screen.getByTestId('check-in-form-phone'), '13900139000');
    await user.click(screen.getByTestId('check-in-form-submit'));
    expect(
      await within(itemOf('check-in-form-phone')).findByText('请输入有效的号码：大陆手机或座机（如 13800138000），或以 + 开头的国际号码'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('check-in-form-error')).not.toBeInTheDocument();

    api.on('POST', '/api/v1/visits', problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'still checked in' }));
    await user.click(within(screen.getByTestId('check-in-form-mode')).getByText('已登记客户'));
    await user.type(within(screen.getByTestId('check-in-form-customer')).getByRole('combobox'), 'hyt');
    await user.click(await screen.findByTitle('何雨桐 · 13800001009'));
    await user.click(screen.getByTestId('check-in-form-submit'));
    expect(
      await within(itemOf('check-in-form-customer')).findByText('这位客户还有一次到访未离店，请先为那次到访办理离店'),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/visits').at(-1)!.body).toMatchObject({ customerId: HEYUTONG.id, clinicId: CLINIC.id });
  });

  it('checks out who is here after asking; a consultant can record her consultation from here', async () => {
    const user = userEvent.setup();
    const here = visit(3, ZHOUTING, { checkedInAt: dayjs().subtract(2, 'day').format() });
    const state = { books: [] as Appointment[], here: [here] };
    const api = deskApi(['consultant'], state).on('POST', '/api/v1/visits/{id}/check-out', () => {
      state.here = [];
      return json({ ...here, checkedOutAt: dayjs().format() });
    });
    renderApp(api, { path: '/desk' });
    const row = await screen.findByTestId(`here-customer-${here.id}`);
    expect(row).toHaveTextContent('周婷');
    // Checked in two days ago and never out: the date says so.
    expect(screen.getByTestId('desk-here')).toHaveTextContent(dayjs(here.checkedInAt).tz('Asia/Shanghai').format('YYYY-MM-DD'));
    expect(screen.getByTestId(`record-consultation-${here.id}`)).toBeInTheDocument();

    await user.click(screen.getByTestId(`check-out-${here.id}`));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByText('「周婷」已离店')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/visits/${here.id}/check-out`)).toHaveLength(1);
    expect(await within(screen.getByTestId('desk-here')).findByText('目前没有在店的客户')).toBeInTheDocument();
  });
});
