import { Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';

export function FullPage({ children }: { children: ReactNode }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f5f5f7' }}>
      {children}
    </Flex>
  );
}

export function FullPageSpinner({ tip }: { tip: string }) {
  return (
    <FullPage>
      <Flex vertical align="center" gap={16} data-testid="full-page-spinner">
        <Spin size="large" />
        <Typography.Text type="secondary">{tip}</Typography.Text>
      </Flex>
    </FullPage>
  );
}
