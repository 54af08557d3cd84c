import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CursorPager } from '../../../lib/CursorPager';
import { QueryError } from '../../../lib/QueryError';
import { usePager } from '../../../lib/usePager';
import { ApiClientTable } from './ApiClientTable';
import { CreateApiClientModal } from './CreateApiClientModal';
import { ApiClientsQuery } from './documents';
import { SecretModal, type IssuedSecret } from './SecretModal';

export function ApiClientsPage() {
  const { t } = useTranslation();
  const pager = usePager(50);
  const [result, refetch] = useQuery({ query: ApiClientsQuery, variables: pager.args });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<IssuedSecret | null>(null);
  const connection = result.data?.apiClients;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('apiClients.title')}
        </Typography.Title>
        <Button type="primary" data-testid="api-client-create" onClick={() => setCreating(true)}>
          {t('apiClients.create')}
        </Button>
      </div>
      <QueryError error={result.error} onRetry={reload} />
      <div data-testid="api-clients-table">
        <ApiClientTable clients={connection?.nodes ?? []} loading={result.fetching} onChanged={reload} />
      </div>
      <CursorPager
        testId="api-clients-pager"
        args={pager.args}
        pageInfo={connection?.pageInfo}
        onNext={pager.next}
        onPrevious={pager.previous}
      />
      <CreateApiClientModal
        open={creating}
        onCancel={() => setCreating(false)}
        onCreated={(issued) => {
          setCreating(false);
          setSecret(issued);
          reload();
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Space>
  );
}
