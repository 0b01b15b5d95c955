import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

type Customer = components['schemas']['Customer'];

const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'], userId: 'kc-7' });
const LISI = customer(4, { name: '李四', phone: '13900004444' });
const ZHANG = customer(1, {
  name: '张三',
  phone: '13800138000',
  gender: 'FEMALE',
  birthDate: '1990-05-20',
  occupation: '设计师',
  incomeBand: 'FROM_300K_TO_1M',
  city: '上海',
  address: '静安区南京西路 1 号',
  source: 'REFERRAL',
  ownerStaffId: CONSULTANT.id,
  homeClinicId: clinic(2).id,
  tags: ['VIP', '敏感肌'],
  notes: '对玻尿酸过敏',
  marketingConsent: { granted: true, channel: '纸质表单', recordedAt: '2025-03-01T10:00:00+08:00' },
  firstVisitAt: '2025-03-02T15:00:00+08:00',
  firstPurchaseAt: '2025-03-05T16:30:00+08:00',
  lastVisitAt: '2025-04-10T11:00:00+08:00',
  status: 'ACTIVE',
  referrer: { customerId: LISI.id, name: '李四', attachedAt: '2025-03-01T10:05:00+08:00', attachedBy: 'kc-7' },
  version: 3,
});

function apiFor(roles: Parameters<typeof me>[0], current: () => Customer = () => ZHANG) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [CONSULTANT], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(CONSULTANT)], nextCursor: null })
    .on('GET', '/api/v1/customers', (req) =>
      json({ items: new URL(req.url).searchParams.get('q') === 'ls' ? [LISI] : [], nextCursor: null }),
    )
    .on('GET', '/api/v1/customers/{id}', (_req, m) =>
      m[1] === LISI.id ? json(LISI, 200, { ETag: '"1"' }) : json(current(), 200, { ETag: `"${current().version}"` }),
    );
}

const path = `/customers/${ZHANG.id}`;

describe('Customer 360', () => {
  it('shows her profile, stage, first visit and purchase, referrer, consent, tags and notes', async () => {
    const api = apiFor(['tenant-admin']);
    renderApp(api, { path });
    expect(await screen.findByTestId('customer-name')).toHaveTextContent('张三');
    const profile = screen.getByTestId('customer-profile');
    expect(within(profile).getByTestId('customer-phone')).toHaveTextContent('13800138000');
    expect(profile).toHaveTextContent('女');
    expect(profile).toHaveTextContent('1990-05-20');
    expect(profile).toHaveTextContent('设计师');
    expect(profile).toHaveTextContent('年收入 30–100 万');
    expect(profile).toHaveTextContent('静安区南京西路 1 号');
    expect(profile).toHaveTextContent('老客推荐');
    expect(await within(profile).findByText('上海2号店')).toBeInTheDocument();
    await waitFor(() => expect(within(profile).getByTestId('customer-owner')).toHaveTextContent('王咨询'));

    const lifecycle = screen.getByTestId('customer-lifecycle');
    expect(within(lifecycle).getByTestId('customer-status')).toHaveTextContent('活跃');
    expect(within(lifecycle).getByTestId('customer-first-visit')).toHaveTextContent('2025-03-02');
    expect(within(lifecycle).getByTestId('customer-first-purchase')).toHaveTextContent('2025-03-05');

    const referrer = screen.getByTestId('customer-referrer');
    expect(within(referrer).getByTestId('referrer-link')).toHaveAttribute('href', `/customers/${LISI.id}`);
    expect(referrer).toHaveTextContent('王咨询');
    expect(within(referrer).queryByTestId('attach-referrer-button')).not.toBeInTheDocument();

    expect(screen.getByTestId('consent-state')).toHaveTextContent('已同意');
    expect(screen.getByTestId('customer-consent')).toHaveTextContent('纸质表单');
    expect(screen.getByTestId('customer-tags')).toHaveTextContent('VIP敏感肌');
    expect(screen.getByTestId('customer-notes')).toHaveTextContent('对玻尿酸过敏');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['客户资料', '客户动态', '会员与积分', '储值卡', '推荐', '订单', '疗程卡', '优惠券', '咨询记录', '年度规划', '五大金标准']);
  });

  it('follows the referrer to her page', async () => {
    const user = userEvent.setup();
    renderApp(apiFor(['front-desk']), { path });
    await user.click(await screen.findByTestId('referrer-link'));
    await waitFor(() => expect(screen.getByTestId('customer-name')).toHaveTextContent('李四'));
    expect(screen.getByTestId('attach-referrer-button')).toBeInTheDocument();
  });

  it('shows a clinician the masked phone, and nothing to change', async () => {
    const api = apiFor(['clinician'], () => ({ ...ZHANG, phone: '138****8000', phoneMasked: true }));
    renderApp(api, { path });
    expect(await screen.findByTestId('customer-phone')).toHaveTextContent('138****8000');
    expect(screen.getByLabelText('号码已隐藏：您的角色不能查看客户的完整手机号')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-customer-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consent-button')).not.toBeInTheDocument();
    // She cannot list staff, but the directory names her colleagues.
    await waitFor(() => expect(screen.getByTestId('customer-owner')).toHaveTextContent('王咨询'));
    expect(api.calls('GET', '/api/v1/staff')).toHaveLength(0);
  });

  it('says so when the customer does not exist (or is not of this chain)', async () => {
    const api = apiFor(['front-desk']).on('GET', '/api/v1/customers/{id}', problem(404, { title: 'Not Found', detail: 'Customer not found' }));
    renderApp(api, { path });
    const alert = await screen.findByTestId('customer-error');
    expect(alert).toHaveTextContent('记录不存在');
    expect(screen.getByTestId('back-to-customers')).toHaveAttribute('href', '/customers');
  });

  it('edits with If-Match; after a 412 it says someone else changed her, reloads, and saves with the new version', async () => {
    const user = userEvent.setup();
    let current = ZHANG;
    const api = apiFor(['consultant'], () => current).on('PATCH', '/api/v1/customers/{id}', (req) => {
      if (req.headers.get('If-Match') !== `"${current.version}"`) {
        return problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' });
      }
      current = { ...current, city: '杭州', version: current.version + 1 };
      return json(current, 200, { ETag: `"${current.version}"` });
    });
    renderApp(api, { path });
    await user.click(await screen.findByTestId('edit-customer-button'));
    const city = await screen.findByTestId('customer-form-city');
    await waitFor(() => expect(city).toHaveValue('上海'));
    // Meanwhile a colleague changes her occupation.
    current = { ...current, occupation: '教师', version: 4 };
    await user.clear(city);
    await fill(user, city, '杭州');
    await user.click(screen.getByTestId('customer-form-submit'));

    const alert = await screen.findByTestId('customer-form-error');
    expect(alert).toHaveTextContent('数据已被他人修改');
    expect(alert).toHaveTextContent('其他人已修改了这条记录，请重新加载后再编辑。');
    await user.click(within(alert).getByTestId('customer-form-error-retry'));
    await waitFor(() => expect(screen.getByTestId('customer-form-occupation')).toHaveValue('教师'));
    expect(screen.queryByTestId('customer-form-error')).not.toBeInTheDocument();
    await user.clear(screen.getByTestId('customer-form-city'));
    await fill(user, screen.getByTestId('customer-form-city'), '杭州');
    await user.click(screen.getByTestId('customer-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('customer-form-submit')).not.toBeInTheDocument());

    const patches = api.calls('PATCH', `/api/v1/customers/${ZHANG.id}`);
    expect(patches.map((p) => p.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
    expect(patches[1].body).toEqual({
      name: '张三',
      phone: '13800138000',
      gender: 'FEMALE',
      birthDate: '1990-05-20',
      occupation: '教师',
      incomeBand: 'FROM_300K_TO_1M',
      city: '杭州',
      address: '静安区南京西路 1 号',
      source: 'REFERRAL',
      ownerStaffId: CONSULTANT.id,
      homeClinicId: clinic(2).id,
      tags: ['VIP', '敏感肌'],
      notes: '对玻尿酸过敏',
    });
    expect(await screen.findByText('杭州')).toBeInTheDocument();
  });

  it('attaches a referrer found by search, with If-Match, and shows a referral cycle on the field', async () => {
    const user = userEvent.setup();
    let current: Customer = { ...ZHANG, referrer: null };
    const api = apiFor(['front-desk'], () => current)
      .on(
        'PATCH',
        '/api/v1/customers/{id}',
        problem(400, {
          type: 'https://meike.app/problems/validation',
          title: 'Invalid request',
          errors: [{ field: 'referrerId', message: "would make this customer her own referrer's ancestor (a referral cycle)" }],
        }),
      );
    renderApp(api, { path });
    await user.click(await screen.findByTestId('attach-referrer-button'));
    await user.type(within(await screen.findByTestId('referrer-form-picker')).getByRole('combobox'), 'ls');
    await user.click(await screen.findByTitle('李四 · 13900004444'));
    await user.click(screen.getByTestId('referrer-form-submit'));
    const cycle = await screen.findByText('不能选择此客户作为推荐人：会形成循环推荐，或该客户不存在');
    expect(screen.getByTestId('referrer-form-picker').closest('.ant-form-item')).toContainElement(cycle);

    api.on('PATCH', '/api/v1/customers/{id}', () => {
      current = { ...current, referrer: { customerId: LISI.id, name: '李四', attachedAt: '2025-05-01T10:00:00+08:00', attachedBy: 'kc-user-1' }, version: 4 };
      return json(current);
    });
    await user.click(screen.getByTestId('referrer-form-submit'));
    expect(await screen.findByText('已关联推荐人「李四」')).toBeInTheDocument();
    expect(await screen.findByTestId('referrer-link')).toHaveTextContent('李四');
    expect(screen.queryByTestId('attach-referrer-button')).not.toBeInTheDocument();
    const patch = api.calls('PATCH', `/api/v1/customers/${ZHANG.id}`).at(-1)!;
    expect(patch.body).toEqual({ referrerId: LISI.id });
    expect(patch.headers.get('If-Match')).toBe('"3"');
  });

  it('records a withdrawal of marketing consent with how it was withdrawn', async () => {
    const user = userEvent.setup();
    let current = ZHANG;
    const api = apiFor(['front-desk'], () => current).on('PATCH', '/api/v1/customers/{id}', () => {
      current = { ...current, marketingConsent: { granted: false, channel: '电话', recordedAt: '2025-05-01T10:00:00+08:00' }, version: 4 };
      return json(current);
    });
    renderApp(api, { path });
    await user.click(await screen.findByTestId('consent-button'));
    expect(await screen.findByText('撤回营销授权')).toBeInTheDocument();
    await user.click(screen.getByTestId('consent-form-submit'));
    expect(await screen.findByText('请填写客户是如何表示同意或撤回的')).toBeInTheDocument();
    await fill(user, within(screen.getByTestId('consent-form-channel')).getByRole('combobox'), '电话');
    await user.click(screen.getByTestId('consent-form-submit'));
    expect(await screen.findByText('已撤回营销授权')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('consent-state')).toHaveTextContent('未同意'));
    expect(screen.getByTestId('consent-button')).toHaveTextContent('记录同意');
    expect(api.calls('PATCH', `/api/v1/customers/${ZHANG.id}`)[0].body).toEqual({
      marketingConsent: { granted: false, channel: '电话' },
    });
  });
});
