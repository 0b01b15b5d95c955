import { describe, expect, it } from 'vitest';
import { attachmentName, csvBlob, csvText } from './download';

describe('csv files made in the browser', () => {
  it('quotes what needs it and keeps Excel from running formulas', () => {
    expect(csvText([['姓名', '手机号'], ['张三', 13800138000]])).toBe('姓名,手机号\r\n张三,13800138000\r\n');
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', ' padded', null, undefined]])).toBe(
      '"a,b","say ""hi""","two\nlines"," padded",,\r\n',
    );
    expect(csvText([['=HYPERLINK("x")', '+1', '-2', '@sum', 'ok'], [-3]])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@sum,ok\r\n-3\r\n`,
    );
  });

  it('starts the file with a UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array(await csvBlob([['姓名']]).arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('姓名\r\n');
  });

  it('reads the file name of an attachment', () => {
    expect(attachmentName('attachment; filename="customers-2026-11-23.csv"')).toBe('customers-2026-11-23.csv');
    expect(attachmentName("attachment; filename*=UTF-8''%E5%AE%A2%E6%88%B7.xlsx")).toBe('客户.xlsx');
    expect(attachmentName(null)).toBeUndefined();
  });
});
