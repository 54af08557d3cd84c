import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { OrderStatus, OrdersQuery as Result } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../lib/QueryError';
import { useDebounced } from '../../lib/useDebounced';
import { usePager } from '../../lib/usePager';
import { MerchantSelect } from '../catalog/merchants/MerchantSelect';
import { OrdersQuery } from './documents';
import { filtersFromParams, ORDER_STATUSES, orderVariables } from './order';
import { OrderImportModal } from './OrderImportModal';
import { StatusTag } from './StatusTag';

const PAGE_SIZE = 50;
type Order = Result['orders']['nodes'][number];

/**
 * Orders, newest first, by status, merchant and reference; a merchant user sees its own only.
 * "Import orders" takes a Shopify orders export or Silkport's orders CSV in as orders.
 */
export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = filtersFromParams(params);
  const pager = usePager(PAGE_SIZE);
  const [status, setStatus] = useState<OrderStatus | null>(initial.status ?? null);
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [search, setSearch] = useState(initial.search ?? '');
  const [importing, setImporting] = useState(false);
  const debounced = useDebounced(search, 300);
  const variables = orderVariables({ status, merchantId, search: debounced });
  useEffect(() => pager.reset(), [variables.status, variables.merchantId, variables.query]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({ query: OrdersQuery, variables: { ...pager.args, ...variables }, requestPolicy: 'cache-and-network' });
  const connection = result.data?.orders;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('orders.title')}
        </Typography.Title>
        {viewer.scopes.includes('ORDERS_WRITE') && (
          <Space wrap>
            <Button data-testid="order-import" onClick={() => setImporting(true)}>
              {t('orders.import.open')}
            </Button>
            <Button type="primary" data-testid="order-new" onClick={() => navigate('/orders/new')}>
              {t('orders.new')}
            </Button>
          </Space>
        )}
      </div>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('orders.ownOnly')}</Typography.Paragraph>}
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <Input.Search
          data-testid="orders-search"
          aria-label={t('orders.search')}
          placeholder={t('orders.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 300 }}
        />
        <Select<OrderStatus>
          data-testid="orders-status"
          aria-label={t('orders.status')}
          allowClear
          virtual={false}
          placeholder={t('orders.allStatuses')}
          value={status ?? undefined}
          onChange={(value) => setStatus(value ?? null)}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
          optionRender={(o) => <span data-testid={`order-status-option-${o.value}`}>{o.label}</span>}
          style={{ width: 180 }}
        />
        {viewer.role !== 'MERCHANT' && (
          <label htmlFor="orders-merchant-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {t('orders.merchant')}
            <MerchantSelect
              id="orders-merchant-filter"
              data-testid="orders-merchant"
              allowClear
              value={merchantId}
              onChange={(id) => setMerchantId(id ?? null)}
              style={{ minWidth: 200 }}
            />
          </label>
        )}
      </div>
      <section aria-labelledby="orders-heading">
        <Typography.Title level={2} id="orders-heading" style={{ fontSize: 18 }}>
          {t('orders.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Order>
          data-testid="orders-table"
          rowKey="id"
          size="middle"
          pagination={false}
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText>{t('orders.empty')}</EmptyText> }}
          columns={[
            {
              key: 'reference',
              title: t('orders.reference'),
              render: (_, o) => (
                <Link to={`/orders/${encodeURIComponent(o.id)}`} data-testid={`order-open-${o.reference}`}>
                  {o.reference}
                </Link>
              ),
            },
            { key: 'merchant', title: t('orders.merchant'), render: (_, o) => o.merchant?.code },
            { key: 'status', title: t('orders.status'), render: (_, o) => <StatusTag status={o.status} /> },
            { key: 'units', title: t('orders.units'), dataIndex: 'totalUnits', align: 'right' },
            { key: 'country', title: t('orders.country'), render: (_, o) => o.shipTo.countryCode },
            { key: 'created', title: t('orders.created'), render: (_, o) => formatDateTime(o.createdAt, i18n.language) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager testId="orders-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
        </div>
      </section>
      {importing && (
        <OrderImportModal
          merchantBound={viewer.role === 'MERCHANT'}
          onClose={(changed) => {
            setImporting(false);
            if (changed) refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </Space>
  );
}
