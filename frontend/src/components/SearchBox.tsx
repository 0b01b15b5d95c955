import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** Search input (the test id sits on the <input>) with a search button; Enter searches, clearing resets. */
export function SearchBox({
  placeholder,
  onSearch,
  testId,
  width = 360,
}: {
  placeholder: string;
  onSearch: (q: string) => void;
  testId: string;
  width?: number;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
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
          setValue(e.target.value);
          if (e.target.value === '') onSearch('');
        }}
        onPressEnter={() => onSearch(value.trim())}
      />
      <Button type="primary" onClick={() => onSearch(value.trim())} data-testid={`${testId}-button`}>
        {t('common.search')}
      </Button>
    </Space.Compact>
  );
}
