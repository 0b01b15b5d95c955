import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { dayIn } from '../../components/zonedTime';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Appointment = components['schemas']['Appointment'];
type User = ReturnType<typeof userEvent.setup>;

const ZONE = 'Asia/Shanghai';
const CLINIC = clinic(1);
const DOCTOR = staff(5, { displayName: '周医生', roles: ['clinician'] });
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const DESK = staff(4, { displayName: '赵前台', roles: ['front-desk'] });
const PHOTO = catalogItem(1, { name: '光子嫩肤', durationMinutes: 45 });
const LIJING = customer(1, { name: '李静', phone: '13800001001' });
const WANGFANG = customer(2, { name: '王芳', phone: '13800001002' });
/** Tomorrow on the clinic's clock: every slot of it is bookable whenever the tests run. */
const DAY = dayIn(ZONE, dayjs().add(1, 'day'));
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;

function appointment(n: number, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: `01900000-0000-7000-8000-0000000dd${String(n).padStart(3, '0')}`,
    customerId: LIJING.id,
    customerName: '李静',
    clinicId: CLINIC.id,
    itemId: PHOTO.id,
    itemName: '光子嫩肤',
    staffId: DOCTOR.id,
    staffName: '周医生',
    startsAt: at('10:00'),
    endsAt: at('10:45'),
    status: 'BOOKED',
    note: null,
    cancelReason: null,
    statusChangedAt: null,
    statusChangedBy: null,
    visitId: null,
    bookedBy: 'kc-user-1',
    createdAt: '2026-01-01T10:00:00+08:00',
    updatedAt: '2026-01-01T10:00:00+08:00',
    version: 2,
    ...overrides,
  };
}

const BOOKED = appointment(1);

function apiFor(roles: Parameters<typeof me>[0], books: Appointment[] = [BOOKED]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, { allClinics: false, clinicIds: [CLINIC.id], staffId: DESK.id, displayName: '赵前台' }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [DOCTOR, CONSULTANT, DESK].map(colleague), nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [PHOTO], nextCursor: null })
    .on('GET', '/api/v1/customers', (req) =>
      json({ items: new URL(req.url).searchParams.get('q') === 'wf' ? [WANGFANG] : [], nextCursor: null }),
    )
    .on('GET', '/api/v1/appointments', { items: books, nextCursor: null })
    .on('GET', '/api/v1/appointments/{id}', (_req, m) => {
      const found = books.find((a) => a.id === m[1]);
      return found ? json(found, 200, { ETag: `"${found.version}"` }) : problem(404, { title: 'Not Found' });
    });
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

const itemOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

describe('Appointment calendar', () => {
  it('shows the day with a column per staff member, and books from a free slot on the clinic clock', async () => {
    const user = userEvent.setup();
    const created = appointment(9, { customerId: WANGFANG.id, customerName: '王芳', startsAt: at('14:00'), endsAt: at('14:45') });
    const api = apiFor(['front-desk']).on('POST', '/api/v1/appointments', json(created, 201, { ETag: '"0"' }));
    renderApp(api, { path: `/calendar?date=${DAY}` });

    const doctor = await screen.findByTestId(`calendar-column-${DOCTOR.id}`);
    expect(doctor).toHaveTextContent('周医生');
    expect(doctor).toHaveTextContent('医生');
    expect(screen.getByTestId('calendar-column-unassigned')).toHaveTextContent('未指定人员');
    expect(screen.getByTestId(`calendar-column-${CONSULTANT.id}`)).toHaveTextContent('王咨询');
    // The front desk serves nobody: no column of hers.
    expect(screen.queryByTestId(`calendar-column-${DESK.id}`)).not.toBeInTheDocument();
    const booked = await screen.findByTestId(`appointment-${BOOKED.id}`);
    expect(booked).toHaveTextContent('10:00 李静');
    expect(booked).toHaveTextContent('已预约 · 光子嫩肤');
    expect(api.calls('GET', '/api/v1/appointments')[0].query.get('from')).toBe(`${DAY}T00:00:00+08:00`);

    await user.click(screen.getByTestId(`slot-${DOCTOR.id}-1400`));
    const form = await screen.findByTestId('booking-form');
    expect(within(form).getByTestId('booking-form-starts-at')).toHaveValue(`${DAY} 14:00`);
    expect(within(itemOf('booking-form-staff')).getByTitle('周医生（医生）')).toBeInTheDocument();
    await user.type(within(screen.getByTestId('booking-form-customer')).getByRole('combobox'), 'wf');
    await user.click(await screen.findByTitle('王芳 · 13800001002'));
    await pick(user, 'booking-form-item', '光子嫩肤');
    // The length defaults to the item's.
    expect(screen.getByTestId('booking-form-duration')).toHaveAttribute('placeholder', '默认 45 分钟');
    await user.click(screen.getByTestId('booking-form-submit'));

    await waitFor(() => expect(api.calls('POST', '/api/v1/appointments')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/appointments')[0].body).toEqual({
      customerId: WANGFANG.id,
      clinicId: CLINIC.id,
      startsAt: `${DAY}T14:00:00+08:00`,
      itemId: PHOTO.id,
      staffId: DOCTOR.id,
    });
    expect(await screen.findByText(`已为「王芳」预约 ${DAY} 14:00`)).toBeInTheDocument();
  });

  it('names the clash of a double booking (409) under the staff member, in the UI language', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on(
      'POST',
      '/api/v1/appointments',
      problem(409, {
        type: 'https://meike.app/problems/conflict',
        title: 'Conflict',
        detail: `This staff member is already booked from ${BOOKED.startsAt} to ${BOOKED.endsAt} (appointment ${BOOKED.id})`,
      }),
    );
    renderApp(api, { path: `/calendar?date=${DAY}` });
    await user.click(await screen.findByTestId(`slot-${DOCTOR.id}-1030`));
    await screen.findByTestId('booking-form');
    await user.type(within(screen.getByTestId('booking-form-customer')).getByRole('combobox'), 'wf');
    await user.click(await screen.findByTitle('王芳 · 13800001002'));
    await user.click(screen.getByTestId('booking-form-submit'));

    const clash = await within(itemOf('booking-form-staff')).findByText('该员工此时段已有预约：10:00–10:45「李静」。请换一个时间或人员。');
    expect(clash).toBeInTheDocument();
    expect(screen.queryByTestId('booking-form-error')).not.toBeInTheDocument();
    // The clash was looked up for that staff member around the slot.
    const lookup = api.calls('GET', '/api/v1/appointments').find((r) => r.query.get('staffId') === DOCTOR.id);
    expect(lookup?.query.get('to')).toBe(dayjs(`${DAY}T11:00:00+08:00`).format());
  });

  it('reschedules with If-Match; after a 412 it reloads and saves with the new version', async () => {
    const user = userEvent.setup();
    let current = BOOKED;
    const api = apiFor(['front-desk'])
      .on('GET', '/api/v1/appointments/{id}', () => json(current, 200, { ETag: `"${current.version}"` }))
      .on('PATCH', '/api/v1/appointments/{id}', (req) => {
        if (req.headers.get('If-Match') !== `"${current.version}"`) {
          return problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' });
        }
        current = { ...current, endsAt: at('11:00'), version: current.version + 1 };
        return json(current, 200, { ETag: `"${current.version}"` });
      });
    renderApp(api, { path: `/calendar?date=${DAY}&appointment=${BOOKED.id}` });
    const drawer = await screen.findByTestId('appointment-drawer');
    expect(await within(drawer).findByTestId('appointment-time')).toHaveTextContent(`${DAY} 10:00–10:45`);
    await user.click(within(drawer).getByTestId('appointment-reschedule'));
    const duration = await screen.findByTestId('booking-form-duration');
    await waitFor(() => expect(duration).toHaveValue('45'));
    // Meanwhile a colleague changes the note.
    current = { ...current, note: '客户要求女医生', version: 3 };
    await user.clear(duration);
    await fill(user, duration, '60');
    await user.click(screen.getByTestId('booking-form-submit'));

    const alert = await screen.findByTestId('booking-form-error');
    expect(alert).toHaveTextContent('数据已被他人修改');
    await user.click(within(alert).getByTestId('booking-form-error-retry'));
    await waitFor(() => expect(screen.getByTestId('booking-form-note')).toHaveValue('客户要求女医生'));
    await user.clear(screen.getByTestId('booking-form-duration'));
    await fill(user, screen.getByTestId('booking-form-duration'), '60');
    await user.click(screen.getByTestId('booking-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('reschedule-form')).not.toBeInTheDocument());

    const patches = api.calls('PATCH', `/api/v1/appointments/${BOOKED.id}`);
    expect(patches.map((p) => p.headers.get('If-Match'))).toEqual(['"2"', '"3"']);
    expect(patches[1].body).toEqual({
      startsAt: `${DAY}T10:00:00+08:00`,
      durationMinutes: 60,
      itemId: PHOTO.id,
      staffId: DOCTOR.id,
      note: '客户要求女医生',
    });
  });

  it('cancels only with a reason, and confirms a booked appointment', async () => {
    const user = userEvent.setup();
    const api = apiFor(['consultant'])
      .on('POST', '/api/v1/appointments/{id}/cancel', json({ ...BOOKED, status: 'CANCELLED', cancelReason: '客户出差' }))
      .on('POST', '/api/v1/appointments/{id}/confirm', json({ ...BOOKED, status: 'CONFIRMED' }));
    renderApp(api, { path: `/calendar?date=${DAY}&appointment=${BOOKED.id}` });
    const drawer = await screen.findByTestId('appointment-drawer');
    // Not started yet: it cannot be a no-show.
    expect(await within(drawer).findByTestId('appointment-arrive')).toBeInTheDocument();
    expect(within(drawer).queryByTestId('appointment-no-show')).not.toBeInTheDocument();

    await user.click(within(drawer).getByTestId('appointment-confirm'));
    expect(await screen.findByText('已确认「李静」的预约')).toBeInTheDocument();

    await user.click(within(drawer).getByTestId('appointment-cancel'));
    await user.click(await screen.findByTestId('cancel-form-submit'));
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/appointments/${BOOKED.id}/cancel`)).toHaveLength(0);
    await fill(user, screen.getByTestId('cancel-form-reason'), ' 客户出差 ');
    await user.click(screen.getByTestId('cancel-form-submit'));
    expect(await screen.findByText('已取消「李静」的预约')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/appointments/${BOOKED.id}/cancel`)[0].body).toEqual({ reason: '客户出差' });
  });

  it('shows a clinician the books, with nothing to book or change', async () => {
    const user = userEvent.setup();
    const api = apiFor(['clinician']);
    renderApp(api, { path: `/calendar?date=${DAY}` });
    await user.click(await screen.findByTestId(`appointment-${BOOKED.id}`));
    const drawer = await screen.findByTestId('appointment-drawer');
    expect(await within(drawer).findByTestId('appointment-time')).toBeInTheDocument();
    expect(within(drawer).queryByTestId('appointment-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('calendar-book-button')).not.toBeInTheDocument();
    await user.click(screen.getByTestId(`slot-${DOCTOR.id}-1400`));
    expect(screen.queryByTestId('booking-form')).not.toBeInTheDocument();
  });

  it('shows a week in English, Sunday first, with each appointment on its day and its staff member', async () => {
    const api = apiFor(['front-desk']);
    renderApp(api, { path: `/calendar?date=${DAY}&view=week`, locale: 'en-US' });
    const grid = await screen.findByTestId('calendar-grid');
    const headers = within(grid).getAllByTestId(/^calendar-column-/);
    expect(headers).toHaveLength(7);
    expect(headers[0]).toHaveTextContent('Sun');
    expect(screen.getByTestId(`calendar-column-${DAY}`)).toBeInTheDocument();
    expect(await screen.findByTestId(`appointment-${BOOKED.id}`)).toHaveTextContent('Booked · 光子嫩肤 · 周医生');
    const query = api.calls('GET', '/api/v1/appointments')[0].query;
    expect(dayjs(query.get('to')!).diff(dayjs(query.get('from')!), 'day')).toBe(7);
  });
});
