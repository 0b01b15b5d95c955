import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type TimelineEntry = components['schemas']['TimelineEntry'];

const CLINIC = clinic(1);
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const LIJING = customer(1, { name: '李静', homeClinicId: CLINIC.id, version: 2 });
const CONTACT: TimelineEntry = {
  id: '01900000-0000-7000-8000-0000000ab001',
  kind: 'TOUCHPOINT',
  at: '2026-03-11T15:00:00+08:00',
  clinicId: CLINIC.id,
  staffId: CONSULTANT.id,
  status: 'CALL',
  label: 'BOOKED',
  visitId: null,
};

function apiFor(roles: Parameters<typeof me>[0]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(CONSULTANT)], nextCursor: null })
    .on('GET', '/api/v1/customers/{id}', json(LIJING, 200, { ETag: '"2"' }))
    .on('GET', '/api/v1/customers/{id}/timeline', { items: [CONTACT], nextCursor: null })
    .on('GET', '/api/v1/consultations', { items: [], nextCursor: null });
}

describe('Contacts with a customer', () => {
  it('shows a contact on her timeline and records another from her page', async () => {
    const user = userEvent.setup();
    const api = apiFor(['clinician']).on('POST', '/api/v1/follow-ups/touchpoints', json({}, 201));
    renderApp(api, { path: `/customers/${LIJING.id}` });
    await user.click(await screen.findByRole('tab', { name: '客户动态' }));
    const entry = await screen.findByTestId(`timeline-entry-${CONTACT.id}`);
    expect(entry).toHaveTextContent('联系电话');
    expect(entry).toHaveTextContent('已预约');
    expect(within(entry).queryByTestId('timeline-link')).not.toBeInTheDocument();
    await waitFor(() => expect(entry).toHaveTextContent('王咨询'));

    await user.click(screen.getByTestId('record-contact'));
    await user.click(within(await screen.findByTestId('contact-channel')).getByRole('combobox'));
    await user.click(await screen.findByText('礼品'));
    await user.type(screen.getByTestId('contact-note'), '生日送花');
    await user.click(screen.getByTestId('contact-save'));
    await waitFor(() => expect(api.calls('POST', '/api/v1/follow-ups/touchpoints')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/follow-ups/touchpoints')[0].body).toEqual({
      customerId: LIJING.id,
      clinicId: CLINIC.id,
      channel: 'GIFT',
      note: '生日送花',
    });
  });

  it('keeps the dialog open with the server’s reason when the contact is refused', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on('POST', '/api/v1/follow-ups/touchpoints', problem(403, { type: 'https://meike.app/problems/forbidden', title: 'Not allowed', detail: 'You do not work at clinic 上海1号店' }));
    renderApp(api, { path: `/customers/${LIJING.id}` });
    await user.click(await screen.findByTestId('record-contact'));
    await user.click(await screen.findByTestId('contact-save'));
    expect(await screen.findByTestId('contact-error')).toBeInTheDocument();
    expect(screen.getByTestId('contact-save')).toBeInTheDocument();
  });
});
