import { Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { SkuStockQuery as Result } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { useDebounced } from '../../lib/useDebounced';
import { usePager } from '../../lib/usePager';
import { SkuStockQuery } from './documents';
import { levelPath } from './stock';

const PAGE_SIZE = 50;
type Sku = Result['skus']['nodes'][number];

/** SKUs found by code, barcode or name, with their stock in every warehouse that ever had it. */
export function SkuTab() {
  const { t } = useTranslation();
  const pager = usePager(PAGE_SIZE);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 300);
  useEffect(() => pager.reset(), [query]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({ query: SkuStockQuery, variables: { ...pager.args, query: query || null } });
  const connection = result.data?.skus;
  const total = (s: Sku, q: 'onHand' | 'available') => s.stock.reduce((sum, l) => sum + l[q], 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div role="search">
        <Input.Search
          data-testid="stock-sku-search"
          aria-label={t('stock.filters.skuSearch')}
          placeholder={t('stock.filters.skuSearchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 360 }}
        />
      </div>
      <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('stock.skusTitle', { total: connection?.totalCount ?? 0 })}
      </Typography.Title>
      <Table<Sku>
        data-testid="stock-skus"
        rowKey="id"
        size="middle"
        pagination={false}
        loading={result.fetching}
        dataSource={connection?.nodes ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{t('stock.empty')}</EmptyText> }}
        columns={[
          { key: 'code', title: t('stock.sku'), dataIndex: 'code' },
          { key: 'merchant', title: t('stock.merchant'), render: (_, s) => s.merchant?.code },
          {
            key: 'warehouses',
            title: t('stock.byWarehouse'),
            render: (_, s) =>
              s.stock.length === 0 ? (
                '—'
              ) : (
                <Space wrap size={[12, 4]}>
                  {s.stock.map((l) =>
                    l.warehouse ? (
                      <Link key={l.warehouse.id} to={levelPath(s.id, l.warehouse.id)} data-testid={`stock-sku-level-${s.code}-${l.warehouse.code}`}>
                        {t('stock.inWarehouse', { warehouse: l.warehouse.code, available: l.available, onHand: l.onHand })}
                      </Link>
                    ) : null,
                  )}
                </Space>
              ),
          },
          { key: 'onHand', title: t('stock.quantities.onHand'), align: 'right', render: (_, s) => total(s, 'onHand') },
          { key: 'available', title: t('stock.quantities.available'), align: 'right', render: (_, s) => <strong>{total(s, 'available')}</strong> },
        ]}
      />
      <CursorPager testId="stock-skus-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
    </Space>
  );
}
