import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json } from '../../test/fakeApi';
import { catalogItem, clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type TimelineEntry = components['schemas']['TimelineEntry'];
type Consultation = components['schemas']['Consultation'];

const CLINIC = clinic(1);
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const DOCTOR = staff(5, { displayName: '周医生', roles: ['clinician'] });
const LIJING = customer(1, { name: '李静', homeClinicId: CLINIC.id, version: 2 });
const ids = {
  appointment: '01900000-0000-7000-8000-0000000dd001',
  visit: '01900000-0000-7000-8000-0000000ee001',
  consultation: '01900000-0000-7000-8000-0000000ff001',
  oldVisit: '01900000-0000-7000-8000-0000000ee000',
};

const FIRST_PAGE: TimelineEntry[] = [
  {
    id: ids.consultation,
    kind: 'CONSULTATION',
    at: '2026-03-10T10:10:00+08:00',
    clinicId: CLINIC.id,
    staffId: CONSULTANT.id,
    status: 'NOT_CONVERTED',
    label: '色斑 · 法令纹',
    visitId: ids.visit,
  },
  { id: ids.visit, kind: 'VISIT', at: '2026-03-10T10:00:00+08:00', clinicId: CLINIC.id, staffId: null, status: 'CHECKED_IN', label: 'TREATMENT', visitId: ids.visit },
  {
    id: ids.appointment,
    kind: 'APPOINTMENT',
    at: '2026-03-10T09:30:00+08:00',
    clinicId: CLINIC.id,
    staffId: DOCTOR.id,
    status: 'ARRIVED',
    label: '光子嫩肤',
    visitId: ids.visit,
  },
];
const SECOND_PAGE: TimelineEntry[] = [
  { id: ids.oldVisit, kind: 'VISIT', at: '2026-01-05T15:00:00+08:00', clinicId: CLINIC.id, staffId: null, status: 'CHECKED_OUT', label: 'REVIEW', visitId: ids.oldVisit },
];

const CONSULTATION: Consultation = {
  id: ids.consultation,
  visitId: ids.visit,
  customerId: LIJING.id,
  customerName: '李静',
  clinicId: CLINIC.id,
  consultantId: CONSULTANT.id,
  consultantName: '王咨询',
  consultedAt: '2026-03-10T10:10:00+08:00',
  summary: '希望改善色斑',
  needs: [{ rank: 1, area: 'SKIN', concern: '色斑', note: null, suggestedItems: [{ itemId: catalogItem(1).id, name: '光子嫩肤' }] }],
  outcome: 'NOT_CONVERTED',
  reason: 'PRICE',
  outcomeNote: '觉得贵',
  outcomeRecordedAt: '2026-03-10T11:00:00+08:00',
  createdAt: '2026-03-10T10:10:00+08:00',
  updatedAt: '2026-03-10T11:00:00+08:00',
  version: 1,
};

function apiFor(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, { allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [CONSULTANT, DOCTOR].map(colleague), nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [catalogItem(1, { name: '光子嫩肤' })], nextCursor: null })
    .on('GET', '/api/v1/customers/{id}', json(LIJING, 200, { ETag: '"2"' }))
    .on('GET', '/api/v1/customers/{id}/timeline', (req) =>
      json(
        new URL(req.url).searchParams.get('cursor') === 'page-2'
          ? { items: SECOND_PAGE, nextCursor: null }
          : { items: FIRST_PAGE, nextCursor: 'page-2' },
      ),
    )
    .on('GET', '/api/v1/consultations', { items: [CONSULTATION], nextCursor: null });
}

const path = `/customers/${LIJING.id}`;

describe('Customer 360: timeline, consultations, booking and check-in', () => {
  it('shows her timeline newest first, each entry in words with a link to where it is kept, and loads more', async () => {
    const user = userEvent.setup();
    const api = apiFor(['consultant']);
    renderApp(api, { path });
    await user.click(await screen.findByRole('tab', { name: '客户动态' }));
    const timeline = await screen.findByTestId('customer-timeline');

    const consultation = within(timeline).getByTestId(`timeline-entry-${ids.consultation}`);
    expect(consultation).toHaveTextContent('2026-03-10 10:10咨询未成交');
    expect(consultation).toHaveTextContent('色斑 · 法令纹');
    expect(within(consultation).getByTestId('timeline-link')).toHaveAttribute('href', `/visits/${ids.visit}?consultation=${ids.consultation}`);
    await waitFor(() => expect(consultation).toHaveTextContent('上海1号店 · 王咨询'));

    const visit = within(timeline).getByTestId(`timeline-entry-${ids.visit}`);
    expect(visit).toHaveTextContent('到访在店');
    expect(visit).toHaveTextContent('治疗');
    expect(within(visit).getByTestId('timeline-link')).toHaveAttribute('href', `/visits/${ids.visit}`);

    const appointment = within(timeline).getByTestId(`timeline-entry-${ids.appointment}`);
    expect(appointment).toHaveTextContent('预约已到店');
    expect(appointment).toHaveTextContent('光子嫩肤');
    expect(appointment).toHaveTextContent('周医生');
    expect(within(appointment).getByTestId('timeline-link')).toHaveAttribute(
      'href',
      `/calendar?clinic=${CLINIC.id}&date=2026-03-10&appointment=${ids.appointment}`,
    );

    expect(timeline).toHaveTextContent('已加载 3 条');
    await user.click(screen.getByTestId('customer-timeline-load-more'));
    const old = await within(timeline).findByTestId(`timeline-entry-${ids.oldVisit}`);
    expect(old).toHaveTextContent('已离店');
    expect(old).toHaveTextContent('复诊');
    expect(timeline).toHaveTextContent('已全部加载（4 条）');
  });

  it('shows her consultations with the assessment and outcome', async () => {
    const user = userEvent.setup();
    const api = apiFor(['clinician']);
    renderApp(api, { path });
    await user.click(await screen.findByRole('tab', { name: '咨询记录' }));
    const card = await screen.findByTestId(`consultation-${ids.consultation}`);
    expect(card).toHaveTextContent('咨询师：王咨询');
    expect(within(card).getByTestId('consultation-outcome')).toHaveTextContent('未成交 · 价格');
    expect(card).toHaveTextContent('希望改善色斑');
    expect(within(card).getByTestId(`consultation-${ids.consultation}-need-1`)).toHaveTextContent('第 1 需求皮肤色斑建议项目: 光子嫩肤');
    expect(card).toHaveTextContent('觉得贵');
    expect(api.calls('GET', '/api/v1/consultations')[0].query.get('customerId')).toBe(LIJING.id);
    // A clinician reads consultations but does not record them.
    expect(within(card).queryByTestId(`edit-consultation-${ids.consultation}`)).not.toBeInTheDocument();
    expect(screen.queryByTestId('book-customer-button')).not.toBeInTheDocument();
  });

  it('hides consultations from the front desk, who books and checks her in from her page', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk'])
      .on('POST', '/api/v1/appointments', (req) => req.json().then((body) => json({ ...body, id: ids.appointment, customerName: '李静' }, 201)))
      .on('POST', '/api/v1/visits', json({ visit: { id: ids.visit, customerId: LIJING.id, customerName: '李静' }, customerRegistered: false }, 201));
    renderApp(api, { path });
    await screen.findByTestId('customer-name');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['客户资料', '客户动态', '会员与积分', '储值卡', '推荐', '订单', '疗程卡', '优惠券', '年度规划']);

    await user.click(screen.getByTestId('book-customer-button'));
    expect(await screen.findByTestId('booking-form-customer-name')).toHaveTextContent('李静');
    await user.click(screen.getByTestId('booking-form-submit'));
    await waitFor(() => expect(api.calls('POST', '/api/v1/appointments')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/appointments')[0].body).toMatchObject({ customerId: LIJING.id, clinicId: CLINIC.id });

    await user.click(screen.getByTestId('check-in-customer-button'));
    expect(await screen.findByTestId('check-in-form-customer-name')).toHaveTextContent('李静');
    await user.click(screen.getByTestId('check-in-form-submit'));
    expect(await screen.findByText('「李静」已到店。')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/visits')[0].body).toEqual({
      customerId: LIJING.id,
      clinicId: CLINIC.id,
      purpose: 'CONSULTATION',
      staffIds: [],
    });
    expect(api.calls('GET', '/api/v1/consultations')).toHaveLength(0);
  });
});
