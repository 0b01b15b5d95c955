import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Visit = components['schemas']['Visit'];
type Consultation = components['schemas']['Consultation'];
type User = ReturnType<typeof userEvent.setup>;

const CLINIC = clinic(1);
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const LIJING = customer(1, { name: '李静' });
const PHOTO = catalogItem(1, { name: '光子嫩肤' });
const M22 = catalogItem(2, { name: 'M22 光子嫩肤' });
const HA = catalogItem(3, { name: '玻尿酸填充' });

const VISIT: Visit = {
  id: '01900000-0000-7000-8000-0000000ee001',
  customerId: LIJING.id,
  customerName: '李静',
  clinicId: CLINIC.id,
  purpose: 'CONSULTATION',
  checkedInAt: '2026-03-10T10:00:00+08:00',
  checkedOutAt: null,
  walkIn: true,
  appointmentId: null,
  staffIds: [CONSULTANT.id],
  note: null,
  checkedInBy: 'kc-user-1',
  createdAt: '2026-03-10T10:00:00+08:00',
  updatedAt: '2026-03-10T10:00:00+08:00',
  version: 0,
};

const RECORDED: Consultation = {
  id: '01900000-0000-7000-8000-0000000ff001',
  visitId: VISIT.id,
  customerId: LIJING.id,
  customerName: '李静',
  clinicId: CLINIC.id,
  consultantId: CONSULTANT.id,
  consultantName: '王咨询',
  consultedAt: '2026-03-10T10:10:00+08:00',
  summary: '希望改善色斑',
  needs: [
    { rank: 1, area: 'SKIN', concern: '色斑', note: null, suggestedItems: [{ itemId: PHOTO.id, name: '光子嫩肤' }] },
    { rank: 2, area: 'CHEEKS', concern: '法令纹', note: '笑时明显', suggestedItems: [{ itemId: HA.id, name: '玻尿酸填充' }] },
  ],
  outcome: 'PENDING',
  reason: null,
  outcomeNote: null,
  outcomeRecordedAt: null,
  createdAt: '2026-03-10T10:10:00+08:00',
  updatedAt: '2026-03-10T10:10:00+08:00',
  version: 1,
};

function apiFor(roles: Parameters<typeof me>[0], consultations: () => Consultation[] = () => []) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, { staffId: CONSULTANT.id, displayName: '王咨询', allClinics: false, clinicIds: [CLINIC.id] }))
    .on('GET', '/api/v1/clinics', { items: [CLINIC], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(CONSULTANT)], nextCursor: null })
    .on('GET', '/api/v1/catalog/items', { items: [PHOTO, M22, HA], nextCursor: null })
    .on('GET', '/api/v1/visits/{id}', json(VISIT, 200, { ETag: '"0"' }))
    .on('GET', '/api/v1/consultations', () => json({ items: consultations(), nextCursor: null }));
}

/** Picks an option of a select inside `scope` (the option list itself is rendered in a popup). */
async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  const options = await screen.findAllByTitle(option);
  await user.click(options[options.length - 1]);
}

const itemOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

/** Summary, two ranked needs with suggested items, not converted for the price. */
async function fillTwoNeeds(user: User) {
  await fill(user, await screen.findByTestId('consultation-form-summary'), '希望改善色斑和法令纹');
  await user.click(screen.getByTestId('add-need'));
  await pick(user, 'need-0-area', '皮肤');
  await fill(user, screen.getByTestId('need-0-concern'), '色斑');
  await pick(user, 'need-0-items', '光子嫩肤');
  await pick(user, 'need-0-items', 'M22 光子嫩肤');
  await user.click(screen.getByTestId('add-need'));
  await pick(user, 'need-1-area', '面颊');
  await fill(user, screen.getByTestId('need-1-concern'), '法令纹');
  await fill(user, screen.getByTestId('need-1-note'), '笑时明显');
  await pick(user, 'need-1-items', '玻尿酸填充');
}

describe('Visit and consultation', () => {
  it('records a consultation with a ranked design assessment; a reason is asked for when she did not convert', async () => {
    const user = userEvent.setup();
    const api = apiFor(['consultant']).on('POST', '/api/v1/consultations', json(RECORDED, 201, { ETag: '"1"' }));
    renderApp(api, { path: `/visits/${VISIT.id}` });
    expect(await screen.findByTestId('visit-purpose')).toHaveTextContent('咨询');
    expect(screen.getByTestId('visit-staff')).toHaveTextContent('王咨询');
    expect(await screen.findByText('这次到访还没有咨询记录')).toBeInTheDocument();

    await user.click(screen.getByTestId('visit-record-consultation'));
    await fillTwoNeeds(user);
    // Ranks follow the order the needs were added in.
    expect(within(screen.getByTestId('need-1')).getByTitle('第 2 需求')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('consultation-form-outcome')).getByText('未成交'));
    await user.click(screen.getByTestId('consultation-form-submit'));
    expect(await screen.findByText('未成交时请选择原因')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/consultations')).toHaveLength(0);
    await pick(user, 'consultation-form-reason', '价格');
    await user.click(screen.getByTestId('consultation-form-submit'));

    expect(await screen.findByText('已记录「李静」的咨询')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/consultations')[0].body).toEqual({
      visitId: VISIT.id,
      consultantId: CONSULTANT.id,
      summary: '希望改善色斑和法令纹',
      needs: [
        { rank: 1, area: 'SKIN', concern: '色斑', suggestedItemIds: [PHOTO.id, M22.id] },
        { rank: 2, area: 'CHEEKS', concern: '法令纹', note: '笑时明显', suggestedItemIds: [HA.id] },
      ],
      outcome: { outcome: 'NOT_CONVERTED', reason: 'PRICE' },
    });
  });

  it("puts the server's field errors on the need, the suggested item and the reason they name", async () => {
    const user = userEvent.setup();
    const api = apiFor(['manager']).on(
      'POST',
      '/api/v1/consultations',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        errors: [
          { field: 'needs[1].rank', message: 'is given to another need' },
          { field: 'needs[0].suggestedItemIds[1]', message: 'is not offered at this clinic' },
          { field: 'outcome.reason', message: 'say why she did not convert' },
        ],
      }),
    );
    renderApp(api, { path: `/visits/${VISIT.id}` });
    await user.click(await screen.findByTestId('visit-record-consultation'));
    await fillTwoNeeds(user);
    await user.click(within(screen.getByTestId('consultation-form-outcome')).getByText('未成交'));
    await pick(user, 'consultation-form-reason', '时机未到');
    await user.click(screen.getByTestId('consultation-form-submit'));

    expect(await within(itemOf('need-1-rank')).findByText('每个优先级只能用一次')).toBeInTheDocument();
    expect(within(itemOf('need-0-items')).getByText('「M22 光子嫩肤」在本门店不提供或已下架，请移除')).toBeInTheDocument();
    expect(within(itemOf('consultation-form-reason')).getByText('未成交时请选择原因')).toBeInTheDocument();
    expect(within(itemOf('need-0-rank')).queryByText('每个优先级只能用一次')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consultation-form-error')).not.toBeInTheDocument();
    // A manager records in her own name: no consultant chosen, the server takes the caller.
    expect(api.calls('POST', '/api/v1/consultations')[0].body).not.toHaveProperty('consultantId');
  });

  it('edits a consultation with If-Match; after a 412 it reloads her assessment and saves with the new version', async () => {
    const user = userEvent.setup();
    let current = RECORDED;
    const api = apiFor(['consultant'], () => [current])
      .on('GET', '/api/v1/consultations/{id}', () => json(current, 200, { ETag: `"${current.version}"` }))
      .on('PATCH', '/api/v1/consultations/{id}', (req) => {
        if (req.headers.get('If-Match') !== `"${current.version}"`) {
          return problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' });
        }
        current = { ...current, outcome: 'CONVERTED', version: current.version + 1 };
        return json(current, 200, { ETag: `"${current.version}"` });
      });
    renderApp(api, { path: `/visits/${VISIT.id}?consultation=${RECORDED.id}` });
    const card = await screen.findByTestId(`consultation-${RECORDED.id}`);
    expect(within(card).getByTestId(`consultation-${RECORDED.id}-need-1`)).toHaveTextContent('第 1 需求皮肤色斑');
    expect(within(card).getByTestId(`consultation-${RECORDED.id}-need-2`)).toHaveTextContent('建议项目: 玻尿酸填充');
    expect(within(card).getByTestId('consultation-outcome')).toHaveTextContent('待定');

    await user.click(within(card).getByTestId(`edit-consultation-${RECORDED.id}`));
    await waitFor(() => expect(screen.getByTestId('need-1-concern')).toHaveValue('法令纹'));
    // Meanwhile a colleague rewrites the summary.
    current = { ...current, summary: '希望改善色斑（已补充）', version: 2 };
    await user.click(within(screen.getByTestId('consultation-form-outcome')).getByText('已成交'));
    await user.click(screen.getByTestId('consultation-form-submit'));

    const alert = await screen.findByTestId('consultation-form-error');
    expect(alert).toHaveTextContent('数据已被他人修改');
    await user.click(within(alert).getByTestId('consultation-form-error-retry'));
    await waitFor(() => expect(screen.getByTestId('consultation-form-summary')).toHaveValue('希望改善色斑（已补充）'));
    await user.click(within(screen.getByTestId('consultation-form-outcome')).getByText('已成交'));
    await user.click(screen.getByTestId('consultation-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('consultation-form')).not.toBeInTheDocument());

    const patches = api.calls('PATCH', `/api/v1/consultations/${RECORDED.id}`);
    expect(patches.map((p) => p.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
    expect(patches[1].body).toEqual({
      summary: '希望改善色斑（已补充）',
      needs: [
        { rank: 1, area: 'SKIN', concern: '色斑', suggestedItemIds: [PHOTO.id] },
        { rank: 2, area: 'CHEEKS', concern: '法令纹', note: '笑时明显', suggestedItemIds: [HA.id] },
      ],
      outcome: { outcome: 'CONVERTED' },
    });
  });

  it('shows the front desk the visit and its check-out, but no consultations', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on('POST', '/api/v1/visits/{id}/check-out', json({ ...VISIT, checkedOutAt: '2026-03-10T11:00:00+08:00' }));
    renderApp(api, { path: `/visits/${VISIT.id}` });
    expect(await screen.findByTestId('visit-details')).toHaveTextContent('未预约');
    expect(screen.getByTestId('visit-customer-link')).toHaveAttribute('href', `/customers/${LIJING.id}`);
    expect(screen.queryByTestId('visit-consultations')).not.toBeInTheDocument();
    expect(screen.queryByTestId('visit-record-consultation')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('visit-check-out'));
    await user.click(await screen.findByRole('button', { name: '确 定' }));
    expect(await screen.findByText('「李静」已离店')).toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/consultations')).toHaveLength(0);
  });
});
