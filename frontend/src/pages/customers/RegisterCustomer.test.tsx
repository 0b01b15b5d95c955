import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

const CLINICS = { items: [clinic(1), clinic(2)], nextCursor: null };
const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const LISI = customer(4, { name: '李四', phone: '13900004444' });

type User = ReturnType<typeof userEvent.setup>;

function apiFor(roles: Parameters<typeof me>[0], overrides: Parameters<typeof me>[1] = {}) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles, overrides))
    .on('GET', '/api/v1/clinics', CLINICS)
    .on('GET', '/api/v1/staff/directory', { items: [colleague(CONSULTANT)], nextCursor: null })
    .on('GET', '/api/v1/customers', (req) =>
      new URL(req.url).searchParams.get('q') === 'ls' ? json({ items: [LISI], nextCursor: null }) : json({ items: [], nextCursor: null }),
    );
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

async function openForm(user: User) {
  await user.click(await screen.findByTestId('register-customer-button'));
  return screen.findByTestId('customer-form-name');
}

/** Name, phone and source: what registration requires. */
async function fillRequired(user: User, phone = '138 0013 8000') {
  await fill(user, await openForm(user), '张三');
  await fill(user, screen.getByTestId('customer-form-phone'), phone);
  await pick(user, 'customer-form-source', '自然到店');
}

const itemOf = (testId: string) => screen.getByTestId(testId).closest('.ant-form-item') as HTMLElement;

describe('Customer registration', () => {
  it('sends every field the API accepts and opens the new customer', async () => {
    const user = userEvent.setup();
    const created = customer(9, { name: '张三', phone: '13800138000' });
    const api = apiFor(['tenant-admin'])
      .on('POST', '/api/v1/customers', json(created, 201, { ETag: '"0"' }))
      .on('GET', '/api/v1/customers/{id}', json(created, 200, { ETag: '"0"' }));
    renderApp(api, { path: '/customers' });
    await fill(user, await openForm(user), ' 张三 ');
    await fill(user, screen.getByTestId('customer-form-phone'), '138 0013 8000');
    await pick(user, 'customer-form-gender', '女');
    await user.click(screen.getByTestId('customer-form-birth-date'));
    await user.type(screen.getByTestId('customer-form-birth-date'), '1990-05-20{Enter}');
    await pick(user, 'customer-form-source', '老客推荐');
    // The referrer is found by searching existing customers (pinyin initials here).
    await user.type(within(screen.getByTestId('customer-form-referrer')).getByRole('combobox'), 'ls');
    await user.click(await screen.findByTitle('李四 · 13900004444'));
    await pick(user, 'customer-form-owner', '王咨询');
    await pick(user, 'customer-form-clinic', '上海2号店');
    await fill(user, screen.getByTestId('customer-form-occupation'), '设计师');
    await pick(user, 'customer-form-income', '年收入 30–100 万');
    await fill(user, screen.getByTestId('customer-form-city'), '上海');
    await fill(user, screen.getByTestId('customer-form-address'), '静安区南京西路 1 号');
    await user.type(within(screen.getByTestId('customer-form-tags')).getByRole('combobox'), 'VIP{Enter}敏感肌{Enter}');
    await fill(user, screen.getByTestId('customer-form-notes'), '对玻尿酸过敏');
    await user.click(screen.getByTestId('customer-form-consent'));
    await fill(user, within(screen.getByTestId('customer-form-consent-channel')).getByRole('combobox'), '纸质表单');
    await user.click(screen.getByTestId('customer-form-submit'));

    expect(await screen.findByTestId('customer-page')).toBeInTheDocument();
    expect(screen.getByTestId('customer-name')).toHaveTextContent('张三');
    expect(api.calls('POST', '/api/v1/customers')[0].body).toEqual({
      name: '张三',
      phone: '138 0013 8000',
      gender: 'FEMALE',
      birthDate: '1990-05-20',
      occupation: '设计师',
      incomeBand: 'FROM_300K_TO_1M',
      city: '上海',
      address: '静安区南京西路 1 号',
      source: 'REFERRAL',
      referrerId: LISI.id,
      ownerStaffId: CONSULTANT.id,
      homeClinicId: clinic(2).id,
      tags: ['VIP', '敏感肌'],
      notes: '对玻尿酸过敏',
      marketingConsent: { granted: true, channel: '纸质表单' },
    });
  });

  it('checks the form before sending: required fields, the phone, how consent was given', async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']);
    renderApp(api, { path: '/customers' });
    await openForm(user);
    await fill(user, screen.getByTestId('customer-form-phone'), '12345');
    await user.click(screen.getByTestId('customer-form-consent'));
    await user.click(screen.getByTestId('customer-form-submit'));
    expect(await within(itemOf('customer-form-name')).findByText('请填写姓名')).toBeInTheDocument();
    expect(
      await within(itemOf('customer-form-phone')).findByText('请输入有效的号码：大陆手机或座机（如 13800138000），或以 + 开头的国际号码'),
    ).toBeInTheDocument();
    expect(await within(itemOf('customer-form-source')).findByText('请填写来源渠道')).toBeInTheDocument();
    expect(await screen.findByText('请填写客户是如何表示同意或撤回的')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/customers')).toHaveLength(0);
  });

  it("puts the server's field errors under their fields, in the UI language", async () => {
    const user = userEvent.setup();
    const api = apiFor(['front-desk']).on(
      'POST',
      '/api/v1/customers',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        detail: '3 fields are invalid',
        errors: [
          { field: 'phone', message: 'must be a mainland number (such as 13800138000) or an international one starting with +' },
          { field: 'birthDate', message: 'must be a date in the past or in the present' },
          { field: 'tags[1]', message: 'size must be between 0 and 30' },
        ],
      }),
    );
    renderApp(api, { path: '/customers' });
    await fillRequired(user, '13800138000');
    await user.click(screen.getByTestId('customer-form-submit'));
    expect(
      await within(itemOf('customer-form-phone')).findByText('请输入有效的号码：大陆手机或座机（如 13800138000），或以 + 开头的国际号码'),
    ).toBeInTheDocument();
    expect(within(itemOf('customer-form-birth-date')).getByText('出生日期不能晚于今天')).toBeInTheDocument();
    expect(within(itemOf('customer-form-tags')).getByText('size must be between 0 and 30')).toBeInTheDocument();
    expect(screen.queryByTestId('customer-form-error')).not.toBeInTheDocument();
  });

  it('a duplicate phone (409) names the customer who has it, with a link to her page', async () => {
    const user = userEvent.setup();
    const holder = customer(3, { name: '王五', phone: '13800138000' });
    const api = apiFor(['front-desk'])
      .on('POST', '/api/v1/customers', problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: 'Phone 138****8000 belongs to customer 王五' }))
      .on('GET', '/api/v1/customers', (req) =>
        json({ items: new URL(req.url).searchParams.get('q') === '13800138000' ? [holder] : [], nextCursor: null }),
      )
      .on('GET', '/api/v1/customers/{id}', json(holder, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/customers' });
    await fillRequired(user, '+86 138-0013-8000');
    await user.click(screen.getByTestId('customer-form-submit'));

    const phoneItem = itemOf('customer-form-phone');
    expect(await within(phoneItem).findByText('该手机号已登记在另一位客户名下')).toBeInTheDocument();
    const link = await within(phoneItem).findByTestId('phone-holder-link');
    expect(link).toHaveTextContent('王五');
    expect(link).toHaveAttribute('href', `/customers/${holder.id}`);
    await user.click(link);
    expect(await screen.findByTestId('customer-name')).toHaveTextContent('王五');
  });

  it('offers a front desk the consultants of the directory as owners, and gives a consultant her own customers', async () => {
    const user = userEvent.setup();
    const desk = apiFor(['front-desk']);
    const { unmount } = renderApp(desk, { path: '/customers' });
    await openForm(user);
    await user.click(within(await screen.findByTestId('customer-form-owner')).getByRole('combobox'));
    expect(await screen.findByTitle('王咨询')).toBeInTheDocument();
    expect(desk.calls('GET', '/api/v1/staff')).toHaveLength(0);
    unmount();

    const api = apiFor(['consultant'], { staffId: CONSULTANT.id, displayName: '王咨询', allClinics: false, clinicIds: [clinic(2).id] }).on(
      'POST',
      '/api/v1/customers',
      json(customer(9), 201),
    );
    renderApp(api, { path: '/customers' });
    await fillRequired(user);
    expect(within(screen.getByTestId('customer-form-owner')).getByTitle('王咨询')).toBeInTheDocument();
    await user.click(screen.getByTestId('customer-form-submit'));
    await waitFor(() => expect(api.calls('POST', '/api/v1/customers')).toHaveLength(1));
    // Registered at the one clinic she works in, as her own customer.
    expect(api.calls('POST', '/api/v1/customers')[0].body).toMatchObject({ ownerStaffId: CONSULTANT.id, homeClinicId: clinic(2).id });
  });
});
