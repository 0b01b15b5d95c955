import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, colleague, customer, me, staff } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { mergePreview } from './mergePreview';

type Customer = components['schemas']['Customer'];

const CONSULTANT = staff(7, { displayName: '王咨询', roles: ['consultant'] });
const ZHANG = customer(1, {
  name: '张三',
  phone: '13800138000',
  occupation: null,
  tags: ['VIP'],
  notes: '对玻尿酸过敏',
  firstVisitAt: '2025-03-02T15:00:00+08:00',
  version: 3,
});
const DUP = customer(9, {
  name: '张三（旧）',
  phone: '13900009999',
  occupation: '教师',
  tags: ['VIP', '敏感肌'],
  notes: '怕疼',
  ownerStaffId: CONSULTANT.id,
  firstVisitAt: '2024-11-20T10:00:00+08:00',
});

function apiFor(roles: Parameters<typeof me>[0], current: () => Customer = () => ZHANG) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [colleague(CONSULTANT)], nextCursor: null })
    .on('GET', '/api/v1/customers', (req) => json({ items: new URL(req.url).searchParams.get('q') === 'zs' ? [current(), DUP] : [], nextCursor: null }))
    .on('GET', '/api/v1/customers/{id}', (_req, m) =>
      m[1] === DUP.id ? json(DUP, 200, { ETag: '"1"' }) : json(current(), 200, { ETag: `"${current().version}"` }),
    );
}

const path = `/customers/${ZHANG.id}`;

async function openMerge(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('customer-record-menu'));
  await user.click(await screen.findByTestId('merge-customer-action'));
  await user.type(within(await screen.findByTestId('merge-form-picker')).getByRole('combobox'), 'zs');
  await user.click(await screen.findByTitle('张三（旧） · 13900009999'));
  return screen.findByTestId('merge-comparison');
}

describe('Merge a duplicate', () => {
  it('shows both side by side with what she keeps, asks to confirm, and merges with If-Match', async () => {
    const user = userEvent.setup();
    let current = ZHANG;
    const api = apiFor(['tenant-admin'], () => current).on('POST', '/api/v1/customers/{id}/merge', () => {
      current = { ...ZHANG, occupation: '教师', tags: ['VIP', '敏感肌'], version: 4 };
      return json(current, 200, { ETag: '"4"' });
    });
    renderApp(api, { path });
    const comparison = await openMerge(user);
    // She cannot be her own duplicate: the picker leaves her out.
    expect(screen.queryByTitle('张三 · 13800138000')).not.toBeInTheDocument();

    expect(within(comparison).getByTestId('merge-result-name')).toHaveTextContent('张三');
    expect(within(comparison).getByTestId('merge-result-phone')).toHaveTextContent('13800138000');
    expect(within(comparison).getByTestId('merge-result-occupation')).toHaveTextContent('教师来自重复记录');
    expect(within(comparison).getByTestId('merge-result-tags')).toHaveTextContent('VIP、敏感肌来自重复记录');
    expect(within(comparison).getByTestId('merge-result-notes')).toHaveTextContent('对玻尿酸过敏 怕疼');
    expect(within(comparison).getByTestId('merge-result-firstVisitAt')).toHaveTextContent('2024-11-20来自重复记录');
    await waitFor(() => expect(within(comparison).getByTestId('merge-result-ownerStaffId')).toHaveTextContent('王咨询'));
    expect(screen.getByTestId('merge-form')).toHaveTextContent('合并不能撤销');

    // Not before she confirms they are the same person.
    expect(screen.getByTestId('merge-form-submit')).toBeDisabled();
    await user.click(screen.getByTestId('merge-form-confirm'));
    await user.click(screen.getByTestId('merge-form-submit'));

    expect(await screen.findByText('已将「张三（旧）」合并到「张三」')).toBeInTheDocument();
    const [merge] = api.calls('POST', `/api/v1/customers/${ZHANG.id}/merge`);
    expect(merge.body).toEqual({ duplicateId: DUP.id });
    expect(merge.headers.get('If-Match')).toBe('"3"');
    await waitFor(() => expect(screen.queryByTestId('merge-form')).not.toBeInTheDocument());
  });

  it('says in the UI language when both are checked in right now (409), and merges nothing', async () => {
    const user = userEvent.setup();
    const api = apiFor(['tenant-admin']).on(
      'POST',
      '/api/v1/customers/{id}/merge',
      problem(409, {
        type: 'https://meike.app/problems/conflict',
        title: 'Conflict',
        detail: 'Both customers are checked in right now; check one of the visits out before merging',
      }),
    );
    renderApp(api, { path });
    await openMerge(user);
    await user.click(screen.getByTestId('merge-form-confirm'));
    await user.click(screen.getByTestId('merge-form-submit'));
    const alert = await screen.findByTestId('merge-form-error');
    expect(alert).toHaveTextContent('与已有数据冲突');
    expect(alert).toHaveTextContent('两位客户此刻都在店内（已签到、未签出）。请先为其中一次到店签出，再合并。');
  });

  it('after a 412 (she was changed meanwhile) reloads her and merges with the new version', async () => {
    const user = userEvent.setup();
    let current = ZHANG;
    const api = apiFor(['tenant-admin'], () => current).on('POST', '/api/v1/customers/{id}/merge', (req) =>
      req.headers.get('If-Match') === `"${current.version}"`
        ? json(current)
        : problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' }),
    );
    renderApp(api, { path });
    await openMerge(user);
    current = { ...ZHANG, occupation: '医生', version: 5 };
    await user.click(screen.getByTestId('merge-form-confirm'));
    await user.click(screen.getByTestId('merge-form-submit'));
    const alert = await screen.findByTestId('merge-form-error');
    expect(alert).toHaveTextContent('数据已被他人修改');
    await user.click(within(alert).getByTestId('merge-form-error-retry'));
    await waitFor(() => expect(screen.getByTestId('merge-result-occupation')).toHaveTextContent('医生'));
    await user.click(screen.getByTestId('merge-form-submit'));
    await waitFor(() => expect(screen.queryByTestId('merge-form')).not.toBeInTheDocument());
    expect(api.calls('POST', `/api/v1/customers/${ZHANG.id}/merge`).map((c) => c.headers.get('If-Match'))).toEqual(['"3"', '"5"']);
  });

  it('on the duplicate’s page, says where she went, with a link, and offers no changes', async () => {
    const tombstone = { ...DUP, mergedInto: ZHANG.id };
    const api = apiFor(['tenant-admin']).on('GET', '/api/v1/customers/{id}', (_req, m) =>
      json(m[1] === DUP.id ? tombstone : ZHANG),
    );
    renderApp(api, { path: `/customers/${DUP.id}` });
    const notice = await screen.findByTestId('customer-merged-notice');
    expect(notice).toHaveTextContent('此记录已合并到另一位客户');
    await waitFor(() => expect(screen.getByTestId('customer-merged-into-link')).toHaveTextContent('打开「张三」'));
    expect(screen.getByTestId('customer-merged-into-link')).toHaveAttribute('href', path);
    expect(screen.queryByTestId('edit-customer-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('customer-record-menu')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consent-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('attach-referrer-button')).not.toBeInTheDocument();
  });

  it('is for chain admins only: a manager edits, but neither merges nor erases', async () => {
    renderApp(apiFor(['manager']), { path });
    expect(await screen.findByTestId('edit-customer-button')).toBeInTheDocument();
    expect(screen.queryByTestId('customer-record-menu')).not.toBeInTheDocument();
  });
});

describe('Erase personal data', () => {
  it('explains what goes and stays, erases only once her name is typed, then shows the erased state', async () => {
    const user = userEvent.setup();
    let current = ZHANG;
    const api = apiFor(['tenant-admin'], () => current).on('POST', '/api/v1/customers/{id}/erase', () => {
      current = {
        ...ZHANG,
        name: '已删除客户 #000c0001',
        phone: 'erased-000c0001',
        notes: null,
        tags: [],
        erasedAt: '2026-11-23T11:00:00+08:00',
        version: 4,
      };
      return json(current);
    });
    renderApp(api, { path });
    await user.click(await screen.findByTestId('customer-record-menu'));
    await user.click(await screen.findByTestId('erase-customer-action'));
    const dialog = await screen.findByTestId('erase-form');
    expect(dialog).toHaveTextContent('此操作不可撤销');
    expect(dialog).toHaveTextContent('到店和消费记录');

    const submit = screen.getByTestId('erase-form-submit');
    expect(submit).toBeDisabled();
    await fill(user, screen.getByTestId('erase-form-name'), '张');
    expect(submit).toBeDisabled();
    expect(api.calls('POST', `/api/v1/customers/${ZHANG.id}/erase`)).toHaveLength(0);

    await fill(user, screen.getByTestId('erase-form-name'), '三');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    expect(await screen.findByText('已删除「张三」的个人信息')).toBeInTheDocument();
    expect(api.calls('POST', `/api/v1/customers/${ZHANG.id}/erase`)).toHaveLength(1);
    expect(await screen.findByTestId('customer-erased-notice')).toHaveTextContent('此客户的个人信息已删除');
    expect(screen.getByTestId('customer-name')).toHaveTextContent('已删除客户 #000c0001');
    expect(screen.queryByTestId('edit-customer-button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('customer-record-menu')).not.toBeInTheDocument();
  });
});

describe('mergePreview', () => {
  it('gives her the duplicate’s referrer when the duplicate was her referrer, never herself', () => {
    const survivor = customer(1, { referrer: { customerId: DUP.id, name: DUP.name, attachedAt: '2025-01-01T00:00:00Z', attachedBy: 'kc' } });
    const grandParent = { customerId: customer(5).id, name: '王五', attachedAt: '2025-01-01T00:00:00Z', attachedBy: 'kc' };
    const referrer = (dup: Customer) => mergePreview(survivor, dup).find((r) => r.field === 'referrer')!;
    expect(referrer({ ...DUP, referrer: grandParent }).result).toEqual(grandParent);
    expect(referrer({ ...DUP, referrer: null }).result).toBeNull();
    const selfReferred = { ...DUP, referrer: { ...grandParent, customerId: survivor.id } };
    expect(mergePreview(customer(1), selfReferred).find((r) => r.field === 'referrer')!.result).toBeNull();
  });

  it('keeps her values, fills only blanks, and leaves equal dates alone', () => {
    const rows = mergePreview(customer(1, { city: '上海', lastVisitAt: null }), customer(2, { city: '杭州', lastVisitAt: null }));
    expect(rows.find((r) => r.field === 'city')).toMatchObject({ result: '上海', fromDuplicate: false });
    expect(rows.find((r) => r.field === 'lastVisitAt')).toMatchObject({ fromDuplicate: false });
    expect(rows.filter((r) => r.fromDuplicate)).toEqual([]);
  });
});
