import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, customer, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Visit = components['schemas']['Visit'];
type Survey = components['schemas']['Survey'];
type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const LIJING = customer(1, { name: '李静' });
const PHOTO = catalogItem(1, { name: '光子嫩肤' });
const VISIT: Visit = {
  id: '01900000-0000-7000-8000-0000000ee001',
  customerId: LIJING.id,
  customerName: '李静',
  clinicId: CLINIC.id,
  purpose: 'TREATMENT',
  checkedInAt: '2026-03-10T10:00:00+08:00',
  checkedOutAt: '2026-03-10T11:00:00+08:00',
  walkIn: true,
  appointmentId: null,
  staffIds: [],
  note: null,
  checkedInBy: 'kc-user-1',
  createdAt: '2026-03-10T10:00:00+08:00',
  updatedAt: '2026-03-10T11:00:00+08:00',
  version: 1,
};

function survey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: '01900000-0000-7000-8000-0000000ab001',
    visitId: VISIT.id,
    customerId: LIJING.id,
    customerName: '李静',
    clinicId: CLINIC.id,
    clinicName: CLINIC.name,
    consultantId: null,
    consultantName: null,
    visitedAt: VISIT.checkedInAt,
    channel: 'LINK',
    status: 'PENDING',
    linkExpiresAt: '2099-03-13T10:00:00+08:00',
    resultScore: null,
    experienceScore: null,
    nps: null,
    comment: null,
    submittedAt: null,
    items: [],
    complaintId: null,
    createdAt: '2026-03-10T11:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

function deskApi(surveys: () => Survey[]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['front-desk']))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [PHOTO], nextCursor: null })
    .on('GET', '/api/v1/visits/{id}', json(VISIT, 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/satisfaction/surveys', () => json({ items: surveys(), nextCursor: null }));
}

/** Stars of a Rate (1-based) and the NPS number, in the staff's form. */
async function score(user: User, result: number, experience: number, nps: string) {
  const stars = (testId: string) => screen.getByTestId(testId).querySelectorAll('.ant-rate-star > div');
  await user.click(stars('survey-record-result')[result - 1]);
  await user.click(stars('survey-record-experience')[experience - 1]);
  const npsField = screen.getByTestId('survey-record-nps');
  await user.type(npsField.querySelector('input') ?? npsField, nps);
}

describe('The visit’s survey', () => {
  it('creates a one-time link the front desk copies for the customer', async () => {
    const user = userEvent.setup();
    let made: Survey[] = [];
    const api = deskApi(() => made).on('POST', '/api/v1/satisfaction/survey-links', () => {
      made = [survey()];
      return json({ survey: made[0], token: 'tok', path: '/s/tok', expiresAt: '2099-03-13T10:00:00+08:00' }, 201);
    });
    renderApp(api, { path: `/visits/${VISIT.id}` });
    const card = await screen.findByTestId('visit-survey');
    expect(await within(card).findByText('尚未回访')).toBeInTheDocument();
    await user.click(within(card).getByTestId('survey-create-link'));
    expect(await screen.findByTestId('survey-link-url')).toHaveTextContent(`${window.location.origin}/s/tok`);
    expect(api.calls('POST', '/api/v1/satisfaction/survey-links')[0].body).toEqual({ visitId: VISIT.id });
    await waitFor(() => expect(screen.queryByTestId('survey-create-link')).not.toBeInTheDocument());
  });

  it('records the answers staff took down, with the treated items, and says a complaint was opened', async () => {
    const user = userEvent.setup();
    const recorded = survey({ status: 'SUBMITTED', channel: 'STAFF', resultScore: 1, experienceScore: 3, nps: 2, complaintId: '01900000-0000-7000-8000-0000000cc001' });
    const api = deskApi(() => []).on('POST', '/api/v1/satisfaction/surveys', json(recorded, 201));
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await user.click(await screen.findByTestId('survey-record'));
    await user.click(await screen.findByTestId('survey-record-save'));
    expect(await screen.findByText('请填写效果与预期')).toBeInTheDocument();
    await score(user, 1, 3, '2');
    await user.click(within(screen.getByTestId('survey-record-items')).getByRole('combobox'));
    await user.click(await screen.findByTitle('光子嫩肤'));
    await user.click(screen.getByTestId('survey-record-save'));
    await waitFor(() => expect(api.calls('POST', '/api/v1/satisfaction/surveys')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/satisfaction/surveys')[0].body).toEqual({ visitId: VISIT.id, resultScore: 1, experienceScore: 3, nps: 2, comment: null, itemIds: [PHOTO.id] });
    expect(await screen.findByText('评分偏低，已自动创建客怨')).toBeInTheDocument();
  });

  it('shows a second survey of the visit as the conflict it is, and the answers once given', async () => {
    const user = userEvent.setup();
    const api = deskApi(() => []).on(
      'POST',
      '/api/v1/satisfaction/surveys',
      problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: "This visit's survey has been answered already" }),
    );
    const first = renderApp(api, { path: `/visits/${VISIT.id}` });
    await user.click(await screen.findByTestId('survey-record'));
    await score(user, 5, 5, '9');
    await user.click(screen.getByTestId('survey-record-save'));
    expect(await screen.findByTestId('survey-record-error')).toHaveTextContent('answered already');
    first.unmount();

    const answered = deskApi(() => [
      survey({ status: 'SUBMITTED', resultScore: 4, experienceScore: 5, nps: 9, comment: '很满意', submittedAt: '2026-03-11T09:00:00+08:00', items: [{ id: PHOTO.id, name: '光子嫩肤' }] }),
    ]);
    renderApp(answered, { path: `/visits/${VISIT.id}` });
    expect(await screen.findByTestId('survey-answers')).toHaveTextContent('很满意');
    expect(screen.getByTestId('survey-nps')).toHaveTextContent('9');
    expect(screen.queryByTestId('survey-record')).not.toBeInTheDocument();
  });

  it('records a complaint made in person about the visit, which needs what happened', async () => {
    const user = userEvent.setup();
    const api = deskApi(() => []).on('POST', '/api/v1/satisfaction/complaints', (req) => json({ id: '01900000-0000-7000-8000-0000000cc002', ...(req.body as object) }, 201));
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await user.click(await screen.findByTestId('complaint-open'));
    expect(await screen.findByText('登记客怨：李静')).toBeInTheDocument();
    await user.type(screen.getByTestId('complaint-open-description'), '   ');
    await user.click(screen.getByTestId('complaint-open-save'));
    expect(await screen.findByText('请填写内容')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/satisfaction/complaints')).toHaveLength(0);
    await user.click(within(screen.getByTestId('complaint-open-category')).getByRole('combobox'));
    await user.click(await screen.findByTitle('等候'));
    await user.type(screen.getByTestId('complaint-open-description'), '等了四十分钟 ');
    await user.click(screen.getByTestId('complaint-open-save'));
    await waitFor(() => expect(api.calls('POST', '/api/v1/satisfaction/complaints')).toHaveLength(1));
    expect(api.calls('POST', '/api/v1/satisfaction/complaints')[0].body).toEqual({
      customerId: LIJING.id,
      clinicId: CLINIC.id,
      visitId: VISIT.id,
      severity: 'MEDIUM',
      category: 'WAITING',
      description: '等了四十分钟',
    });
    expect(await screen.findByText('客怨已登记，门店店长负责处理')).toBeInTheDocument();
  });
});
