import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { catalogItem, clinic, me } from '../../test/fixtures';
import { fill } from '../../test/fill';
import { renderApp } from '../../test/renderApp';

const CLINICS = { items: [clinic(1), clinic(2)], nextCursor: null };

function adminApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['tenant-admin']))
    .on('GET', '/api/v1/clinics', CLINICS)
    .on('GET', '/api/v1/catalog/items', { items: [], nextCursor: null });
}

async function pick(user: ReturnType<typeof userEvent.setup>, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

describe('Catalog page', () => {
  it('lists items with prices in yuan, category, experience flag, clinics and state', async () => {
    const api = adminApi().on('GET', '/api/v1/catalog/items', {
      items: [
        catalogItem(1),
        catalogItem(2, {
          code: 'HR-01',
          name: '冰点脱毛',
          category: 'SKIN',
          listPrice: { amount: 29900, currency: 'CNY' },
          entryLevel: true,
          allClinics: false,
          clinicIds: [clinic(2).id],
          active: false,
        }),
      ],
      nextCursor: null,
    });
    renderApp(api, { path: '/catalog' });
    const table = await screen.findByTestId('catalog-table');
    expect(await within(table).findByText('冰点脱毛')).toBeInTheDocument();
    expect(screen.getByTestId('catalog-price-HA-1')).toHaveTextContent('¥6,800.00');
    expect(screen.getByTestId('catalog-price-HR-01')).toHaveTextContent('¥299.00');
    const row = screen.getByText('冰点脱毛').closest('tr')!;
    expect(within(row).getByText('体验项目')).toBeInTheDocument();
    expect(within(row).getByText('皮肤管理')).toBeInTheDocument();
    expect(within(row).getByText('已下架')).toBeInTheDocument();
    expect(await within(row).findByText('上海2号店')).toBeInTheDocument();
    expect(within(row).getByTestId('toggle-item-HR-01')).toHaveTextContent('重新上架');
  });

  it('passes search and filters to the API', async () => {
    const user = userEvent.setup();
    const api = adminApi();
    renderApp(api, { path: '/catalog' });
    await screen.findByTestId('catalog-empty');
    await user.type(screen.getByTestId('catalog-search'), '玻尿酸{Enter}');
    await pick(user, 'catalog-category-filter', '注射');
    await pick(user, 'catalog-active-filter', '已下架');
    await pick(user, 'catalog-entry-filter', '仅体验项目');
    await pick(user, 'catalog-clinic-filter', '上海2号店');
    await waitFor(() => {
      const last = api.calls('GET', '/api/v1/catalog/items').at(-1)!.query;
      expect(Object.fromEntries(last)).toMatchObject({
        q: '玻尿酸',
        category: 'INJECTION',
        active: 'false',
        entryLevel: 'true',
        clinicId: clinic(2).id,
      });
    });
    expect(screen.getByTestId('catalog-empty')).toHaveTextContent('没有符合条件的项目');
  });

  it('adds an item: the price typed in yuan is sent in fen, with the chain currency', async () => {
    const user = userEvent.setup();
    const created = catalogItem(9, { code: 'M22-4', name: 'M22 光子嫩肤' });
    const api = adminApi().on('POST', '/api/v1/catalog/items', json(created, 201, { ETag: '"0"' }));
    renderApp(api, { path: '/catalog' });
    await user.click(await screen.findByTestId('add-item-button'));
    await fill(user, await screen.findByTestId('catalog-form-code'), 'M22-4');
    await fill(user, screen.getByTestId('catalog-form-name'), 'M22 光子嫩肤');
    await pick(user, 'catalog-form-category', '皮肤管理');
    await fill(user, screen.getByTestId('catalog-form-price'), '1280.5');
    await fill(user, screen.getByTestId('catalog-form-duration'), '60');
    await user.click(screen.getByTestId('catalog-form-entry-level'));
    await user.click(screen.getByTestId('catalog-form-all-clinics'));
    await pick(user, 'catalog-form-clinics', '上海1号店 (SH-01)');
    await user.click(screen.getByTestId('catalog-form-submit'));
    expect(await screen.findByText('项目「M22 光子嫩肤」已添加')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/catalog/items')[0].body).toEqual({
      code: 'M22-4',
      name: 'M22 光子嫩肤',
      category: 'SKIN',
      listPrice: { amount: 128050, currency: 'CNY' },
      durationMinutes: 60,
      entryLevel: true,
      allClinics: false,
      clinicIds: [clinic(1).id],
    });
  });

  it('checks the form before sending: required fields, a duration in range, clinics when not everywhere', async () => {
    const user = userEvent.setup();
    const api = adminApi();
    renderApp(api, { path: '/catalog' });
    await user.click(await screen.findByTestId('add-item-button'));
    await fill(user, await screen.findByTestId('catalog-form-code'), '-bad');
    await fill(user, screen.getByTestId('catalog-form-duration'), '3');
    await user.click(screen.getByTestId('catalog-form-all-clinics'));
    await user.click(screen.getByTestId('catalog-form-submit'));
    expect(await screen.findByText('只能包含字母、数字和连字符，且以字母或数字开头，最多 30 位')).toBeInTheDocument();
    expect(await screen.findByText('请填写项目名称')).toBeInTheDocument();
    expect(await screen.findByText('请填写标价')).toBeInTheDocument();
    expect(await screen.findByText('请至少选择一家门店，或打开“所有门店均提供”')).toBeInTheDocument();
    expect(api.calls('POST', '/api/v1/catalog/items')).toHaveLength(0);
  });

  it('shows a code clash (409) on the code field and a price error on the price', async () => {
    const user = userEvent.setup();
    const api = adminApi().on(
      'POST',
      '/api/v1/catalog/items',
      problem(409, { type: 'https://meike.app/problems/conflict', title: 'Conflict', detail: "Item code 'HA-1' is already used" }),
    );
    renderApp(api, { path: '/catalog' });
    await user.click(await screen.findByTestId('add-item-button'));
    await fill(user, await screen.findByTestId('catalog-form-code'), 'HA-1');
    await fill(user, screen.getByTestId('catalog-form-name'), '玻尿酸 1ml');
    await pick(user, 'catalog-form-category', '注射');
    await fill(user, screen.getByTestId('catalog-form-price'), '6800');
    await fill(user, screen.getByTestId('catalog-form-duration'), '45');
    await user.click(screen.getByTestId('catalog-form-submit'));
    const clash = await screen.findByText('该项目编码已被本连锁的其他项目使用，请换一个');
    expect(screen.getByTestId('catalog-form-code').closest('.ant-form-item')).toContainElement(clash);

    api.on(
      'POST',
      '/api/v1/catalog/items',
      problem(400, {
        type: 'https://meike.app/problems/validation',
        title: 'Invalid request',
        errors: [{ field: 'listPrice.amount', message: 'must be less than or equal to 100000000000' }],
      }),
    );
    await user.click(screen.getByTestId('catalog-form-submit'));
    const priceError = await screen.findByText('请输入不小于 0 的金额，最多两位小数，不超过 10 亿');
    expect(screen.getByTestId('catalog-form-price').closest('.ant-form-item')).toContainElement(priceError);
  });

  it('edits an item with If-Match, showing the price in yuan, and explains a 412', async () => {
    const user = userEvent.setup();
    const item = catalogItem(1, { listPrice: { amount: 680050, currency: 'CNY' } });
    const api = adminApi()
      .on('GET', '/api/v1/catalog/items', { items: [item], nextCursor: null })
      .on('GET', '/api/v1/catalog/items/{id}', json(item, 200, { ETag: '"4"' }))
      .on('PATCH', '/api/v1/catalog/items/{id}', problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Precondition Failed' }));
    renderApp(api, { path: '/catalog' });
    await user.click(await screen.findByTestId('edit-item-HA-1'));
    const price = await screen.findByTestId('catalog-form-price');
    await waitFor(() => expect(price).toHaveValue('6800.50'));
    expect(screen.getByTestId('catalog-form-code')).toBeDisabled();
    await user.clear(price);
    await fill(user, price, '7200');
    await user.click(screen.getByTestId('catalog-form-submit'));
    const alert = await screen.findByTestId('catalog-form-error');
    expect(alert).toHaveTextContent('其他人已修改了这条记录，请重新加载后再编辑。');
    expect(within(alert).getByTestId('catalog-form-error-retry')).toHaveTextContent('重新加载');
    const patch = api.calls('PATCH', `/api/v1/catalog/items/${item.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"4"');
    expect(patch.body).toMatchObject({ listPrice: { amount: 720000, currency: 'CNY' }, allClinics: true, clinicIds: [] });
  });

  it('archives an item with the version the list showed', async () => {
    const user = userEvent.setup();
    let listed = catalogItem(1, { version: 3 });
    const api = adminApi()
      .on('GET', '/api/v1/catalog/items', () => json({ items: [listed], nextCursor: null }))
      .on('PATCH', '/api/v1/catalog/items/{id}', () => {
        listed = { ...listed, active: false, version: 4 };
        return json(listed);
      });
    renderApp(api, { path: '/catalog' });
    await user.click(await screen.findByTestId('toggle-item-HA-1'));
    expect(await screen.findByText('确定下架「玻尿酸 1ml」？下架后不能再售卖，历史记录中仍保留其名称。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确 定' }));
    expect(await screen.findByText('已下架「玻尿酸 1ml」')).toBeInTheDocument();
    expect(await within(screen.getByTestId('catalog-table')).findByText('已下架')).toBeInTheDocument();
    const patch = api.calls('PATCH', `/api/v1/catalog/items/${listed.id}`)[0];
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toEqual({ active: false });
  });
});
