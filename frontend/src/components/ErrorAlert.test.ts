import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { describeError } from './ErrorAlert';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en-US', key, vars);
const problem = (status: number, type: string, detail?: string) =>
  new ApiProblem({ type: `https://meike.app/problems/${type}`, title: 'English title', status, detail, requestId: 'r-1' });

describe('describeError', () => {
  it('says what each kind of problem means in the UI language, keeping the request id', () => {
    expect(describeError(problem(403, 'forbidden', 'Your role may not do this'), zh)).toEqual({
      title: '没有权限',
      detail: '您的角色不能执行此操作。',
      requestId: 'r-1',
    });
    expect(describeError(problem(403, 'tenant-suspended'), zh).title).toBe('您所在的连锁已被暂停');
    expect(describeError(problem(403, 'staff-disabled'), zh).title).toBe('您的账号已被停用');
    expect(describeError(problem(403, 'no-tenant'), zh).title).toBe('此账号未关联任何连锁');
    expect(describeError(problem(401, 'unauthorized'), zh).title).toBe('登录已过期');
    expect(describeError(problem(404, 'not-found'), zh).title).toBe('记录不存在');
    expect(describeError(problem(412, 'precondition-failed'), zh).detail).toBe('其他人已修改了这条记录，请重新加载后再编辑。');
    expect(describeError(problem(428, 'precondition-required'), zh).detail).toBe('缺少版本信息，请重新加载后再试。');
    expect(describeError(problem(503, 'identity-provider-unavailable'), zh)).toMatchObject({
      title: '账号服务暂时不可用',
      detail: '登录账号的更改未能完成，也没有保存任何修改。请稍后重试。',
    });
    expect(describeError(problem(500, 'internal', 'NullPointerException'), en)).toMatchObject({
      title: 'Something went wrong',
      detail: 'The service is temporarily unavailable. Please try again shortly.',
    });
    expect(describeError(ApiProblem.network(new TypeError('fetch failed')), en).detail).toBe(
      'The server could not be reached. Check your connection and try again.',
    );
  });

  it("keeps the server's detail where it is specific (409, 400 without field errors)", () => {
    expect(describeError(problem(409, 'conflict', "A clinic chain with slug 'x' already exists"), zh)).toMatchObject({
      title: '与已有数据冲突',
      detail: "A clinic chain with slug 'x' already exists",
    });
    expect(describeError(problem(400, 'validation', 'The identity provider refused these login details'), zh)).toMatchObject({
      title: '提交的内容有误',
      detail: 'The identity provider refused these login details',
    });
  });
});
