import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Search input (the test id sits on the <input>) with a search button; Enter searches, clearing
 * resets. With `debounceMs` it also searches as the user types, once they pause that long.
 */
export function SearchBox({
  placeholder,
  onSearch,
  testId,
  width = 360,
  debounceMs,
  initialValue = '',
}: {
  placeholder: string;
  onSearch: (q: string) => void;
  testId: string;
  width?: number;
  debounceMs?: number;
  initialValue?: string;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initialValue);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (q: string) => {
    clearTimeout(timer.current);
    onSearch(q.trim());
  };

  return (
    <Space.Compact style={{ width: '100%', maxWidth: width }}>
      <Input
        allowClear
        prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,.35)' }} />}
        placeholder={placeholder}
        maxLength={100}
        value={value}
        aria-label={placeholder}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          if (next === '') search('');
          else if (debounceMs !== undefined) {
            clearTimeout(timer.current);
            timer.current = setTimeout(() => onSearch(next.trim()), debounceMs);
          }
        }}
        onPressEnter={() => search(value)}
      />
      <Button type="primary" onClick={() => search(value)} data-testid={`${testId}-button`}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
