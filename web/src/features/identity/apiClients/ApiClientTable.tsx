import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { ApiClientsQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { ApiClientRevokeMutation } from './documents';
import { EmptyText } from '../../../lib/EmptyText';

type ApiClient = ApiClientsQuery['apiClients']['nodes'][number];

export function ApiClientTable({ clients, loading, onChanged }: { clients: ApiClient[]; loading: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [, revoke] = useMutation(ApiClientRevokeMutation);

  const onRevoke = async (client: ApiClient) => {
    const r = await revoke({ input: { id: client.id } });
    const errors = r.data?.apiClientRevoke.userErrors ?? [];
    if (r.error) message.error(t('common.networkError'));
    else if (errors.length > 0) message.error(errors.map((e) => e.message).join(' '));
    else message.success(t('apiClients.revoked', { name: client.name }));
    onChanged();
  };

  return (
    <Table<ApiClient>
      rowKey="id"
      loading={loading}
      dataSource={clients}
      pagination={false}
      locale={{ emptyText: <EmptyText>{t('apiClients.empty')}</EmptyText> }}
      columns={[
        { title: t('apiClients.name'), dataIndex: 'name', key: 'name' },
        {
          title: t('apiClients.clientId'),
          key: 'clientId',
          render: (_, c) => <Typography.Text code copyable>{c.clientId}</Typography.Text>,
        },
        {
          title: t('apiClients.scopes'),
          key: 'scopes',
          render: (_, c) => c.scopes.map((s) => <Tag key={s}>{t(`scope.${s}`)}</Tag>),
        },
        {
          title: t('apiClients.merchant'),
          key: 'merchant',
          render: (_, c) => (c.merchant ? <span title={c.merchant.name}>{c.merchant.code}</span> : '—'),
        },
        { title: t('apiClients.createdAt'), key: 'createdAt', render: (_, c) => formatDateTime(c.createdAt, i18n.language) },
        {
          title: t('apiClients.status'),
          key: 'status',
          render: (_, c) =>
            c.revokedAt ? <Tag color="red">{t('apiClients.revokedTag')}</Tag> : <Tag>{t('apiClients.active')}</Tag>,
        },
        {
          title: t('apiClients.actions'),
          key: 'actions',
          render: (_, c) =>
            !c.revokedAt && (
              <Popconfirm
                title={t('apiClients.revokeConfirm', { name: c.name })}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => onRevoke(c)}
              >
                <Button danger size="small" aria-label={t('apiClients.revokeOf', { name: c.name })}>
                  {t('apiClients.revoke')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
