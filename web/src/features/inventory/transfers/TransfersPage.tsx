import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import type { StockTransfersQuery as Result, TransferStatus } from '../../../gql/graphql';
import { CursorPager } from '../../../lib/CursorPager';
import { EmptyText } from '../../../lib/EmptyText';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { useDebounced } from '../../../lib/useDebounced';
import { usePager } from '../../../lib/usePager';
import { MerchantSelect } from '../../catalog/merchants/MerchantSelect';
import { WarehouseSelect } from '../pickers';
import { StockTransfersQuery } from './documents';
import { NewTransferModal } from './NewTransferModal';
import { TRANSFER_STATUSES, TransferStatusTag, transferPath } from './parts';
import { unitsOf } from './transfer';

const PAGE_SIZE = 50;
type Transfer = Result['stockTransfers']['nodes'][number];

/**
 * Transfers between warehouses, newest first, filtered by status, warehouses, merchant and
 * reference; the units of one IN_TRANSIT are `incoming` at its destination until received. A
 * merchant user sees its own only (the server scopes the list) and is offered no merchant
 * filter; warehouse staff send new ones, and receive or cancel them on their page.
 */
export function TransfersPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const canSend = viewer.scopes.includes('INVENTORY_WRITE');
  const withMerchant = viewer.scopes.includes('MERCHANTS_READ');
  const pickMerchant = withMerchant && viewer.role !== 'MERCHANT';
  const pager = usePager(PAGE_SIZE);
  const [sending, setSending] = useState(false);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<TransferStatus | null>(null);
  const [fromWarehouseId, setFrom] = useState<string | null>(null);
  const [toWarehouseId, setTo] = useState<string | null>(null);
  const [merchantId, setMerchant] = useState<string | null>(null);
  const query = useDebounced(search.trim(), 300);
  useEffect(() => pager.reset(), [query, status, fromWarehouseId, toWarehouseId, merchantId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({
    query: StockTransfersQuery,
    variables: { ...pager.args, status, fromWarehouseId, toWarehouseId, merchantId, query: query || null, withMerchant },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.stockTransfers;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('transfers.title')}
        </Typography.Title>
        {canSend && (
          <Button type="primary" data-testid="transfer-new" onClick={() => setSending(true)}>
            {t('transfers.new')}
          </Button>
        )}
      </div>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('transfers.ownOnly')}</Typography.Paragraph>}
      {sending && <NewTransferModal onClose={() => setSending(false)} />}
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <Input.Search
          data-testid="transfers-search"
          aria-label={t('transfers.search')}
          placeholder={t('transfers.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        <Select
          data-testid="transfers-status"
          aria-label={t('transfers.status')}
          allowClear
          placeholder={t('transfers.allStatuses')}
          value={status ?? undefined}
          onChange={(value: TransferStatus | undefined) => setStatus(value ?? null)}
          options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transfers.statuses.${s}`) }))}
          optionRender={(o) => <span data-testid={`transfers-status-${o.value}`}>{o.label}</span>}
          style={{ width: 180 }}
        />
        <label htmlFor="transfers-from-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          {t('transfers.from')}
          <WarehouseSelect id="transfers-from-filter" data-testid="transfers-from" allowClear value={fromWarehouseId} onChange={(id) => setFrom(id ?? null)} style={{ minWidth: 180 }} />
        </label>
        <label htmlFor="transfers-to-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          {t('transfers.to')}
          <WarehouseSelect id="transfers-to-filter" data-testid="transfers-to" allowClear value={toWarehouseId} onChange={(id) => setTo(id ?? null)} style={{ minWidth: 180 }} />
        </label>
        {pickMerchant && (
          <label htmlFor="transfers-merchant-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {t('transfers.merchant')}
            <MerchantSelect id="transfers-merchant-filter" data-testid="transfers-merchant" allowClear value={merchantId} onChange={(id) => setMerchant(id ?? null)} style={{ minWidth: 180 }} />
          </label>
        )}
      </div>
      <section aria-labelledby="transfers-heading">
        <Typography.Title level={2} id="transfers-heading" style={{ fontSize: 18 }}>
          {t('transfers.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Transfer>
          data-testid="transfers-table"
          rowKey="id"
          size="middle"
          pagination={false}
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(x) => ({ 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <EmptyText>{t('transfers.empty')}</EmptyText> }}
          columns={[
            {
              key: 'reference',
              title: t('transfers.reference'),
              render: (_, x) => (
                <Link to={transferPath(x.id)} data-testid={`transfer-open-${x.reference}`}>
                  {x.reference}
                </Link>
              ),
            },
            ...(withMerchant ? [{ key: 'merchant', title: t('transfers.merchant'), render: (_: unknown, x: Transfer) => x.merchant?.code }] : []),
            { key: 'route', title: t('transfers.route'), render: (_, x) => `${x.fromWarehouse?.code ?? '?'} → ${x.toWarehouse?.code ?? '?'}` },
            { key: 'status', title: t('transfers.status'), render: (_, x) => <TransferStatusTag status={x.status} /> },
            {
              key: 'inTransit',
              title: t('transfers.inTransit'),
              align: 'right',
              render: (_, x) => <span data-testid="transfer-in-transit">{x.status === 'IN_TRANSIT' ? unitsOf(x.lines) : '—'}</span>,
            },
            { key: 'units', title: t('transfers.units'), align: 'right', render: (_, x) => unitsOf(x.lines) },
            { key: 'created', title: t('transfers.sent'), render: (_, x) => formatDateTime(x.createdAt, i18n.language) },
            { key: 'received', title: t('transfers.receivedAt'), render: (_, x) => (x.receivedAt ? formatDateTime(x.receivedAt, i18n.language) : '—') },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager testId="transfers-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
        </div>
      </section>
    </Space>
  );
}
