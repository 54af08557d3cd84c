import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyText } from '../../../lib/EmptyText';
import type { Merchant } from './MerchantFormModal';

interface Props {
  merchants: Merchant[];
  loading: boolean;
  /** The search the list was filtered by, for the empty text. */
  query: string;
  /** Absent when the viewer may not change merchants. */
  onEdit?(merchant: Merchant): void;
}

export function MerchantTable({ merchants, loading, query, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Table<Merchant>
      rowKey="id"
      loading={loading}
      dataSource={merchants}
      pagination={false}
      locale={{ emptyText: <EmptyText>{query ? t('merchants.noMatch', { query }) : t('merchants.empty')}</EmptyText> }}
      columns={[
        { title: t('merchants.code'), dataIndex: 'code', key: 'code', render: (code: string) => <span data-testid="merchant-code-cell">{code}</span> },
        { title: t('merchants.name'), dataIndex: 'name', key: 'name' },
        {
          title: t('merchants.contact'),
          key: 'contact',
          render: (_, m) => {
            const lines = [m.contactName, m.contactEmail, m.contactPhone].filter(Boolean);
            return lines.length ? lines.map((line) => <div key={line}>{line}</div>) : '—';
          },
        },
        { title: t('merchants.defaultCurrency'), dataIndex: 'defaultCurrency', key: 'defaultCurrency' },
        ...(onEdit
          ? [
              {
                title: t('merchants.actions'),
                key: 'actions',
                render: (_: unknown, m: Merchant) => (
                  <Button size="small" aria-label={t('merchants.editOf', { code: m.code })} onClick={() => onEdit(m)}>
                    {t('merchants.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
