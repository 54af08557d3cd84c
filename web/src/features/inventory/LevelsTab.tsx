import { Checkbox, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { StockLevelsQuery as Result } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { usePager } from '../../lib/usePager';
import { MerchantSelect } from '../catalog/merchants/MerchantSelect';
import { quantityColumns } from './columns';
import { StockLevelsQuery } from './documents';
import { SkuSelect, WarehouseSelect } from './pickers';
import { levelPath, levelVariables, type LevelFilters } from './stock';

const PAGE_SIZE = 50;
type Level = Result['stockLevels']['nodes'][number];

/** Stock levels per SKU and warehouse, narrowed by warehouse, merchant, SKU and "at safety stock". */
export function LevelsTab({ atSafetyStock }: { atSafetyStock: boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const pager = usePager(PAGE_SIZE);
  const [filters, setFilters] = useState<LevelFilters>({ atSafetyStock });
  const set = (patch: LevelFilters) => setFilters((f) => ({ ...f, ...patch }));
  useEffect(() => pager.reset(), [filters]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({ query: StockLevelsQuery, variables: { ...pager.args, ...levelVariables(filters) } });
  const connection = result.data?.stockLevels;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <WarehouseSelect
          data-testid="stock-warehouse"
          aria-label={t('stock.filters.warehouse')}
          allowClear
          value={filters.warehouseId}
          onChange={(id) => set({ warehouseId: id ?? null })}
          style={{ minWidth: 200 }}
        />
        {viewer.role !== 'MERCHANT' && (
          <label htmlFor="stock-merchant-filter" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {t('stock.filters.merchant')}
            <MerchantSelect
              id="stock-merchant-filter"
              data-testid="stock-merchant"
              allowClear
              value={filters.merchantId}
              onChange={(id) => set({ merchantId: id ?? null })}
              style={{ minWidth: 200 }}
            />
          </label>
        )}
        <SkuSelect
          data-testid="stock-sku"
          aria-label={t('stock.filters.sku')}
          allowClear
          value={filters.skuId}
          onChange={(id) => set({ skuId: id ?? null })}
          style={{ minWidth: 200 }}
        />
        <Checkbox
          data-testid="stock-at-safety"
          checked={!!filters.atSafetyStock}
          onChange={(e) => set({ atSafetyStock: e.target.checked })}
        >
          {t('stock.filters.atSafetyStock')}
        </Checkbox>
      </div>
      <section aria-labelledby="stock-levels-heading">
        <Typography.Title level={2} id="stock-levels-heading" style={{ fontSize: 18 }}>
          {t('stock.levelsTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Level>
          data-testid="stock-levels"
          rowKey={(l) => `${l.sku?.id}|${l.warehouse?.id}`}
          size="middle"
          pagination={false}
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText>{t('stock.empty')}</EmptyText> }}
          columns={[
            {
              key: 'sku',
              title: t('stock.sku'),
              render: (_, l) =>
                l.sku && l.warehouse ? (
                  <Link to={levelPath(l.sku.id, l.warehouse.id)} data-testid={`stock-level-${l.sku.code}`}>
                    {l.sku.code}
                  </Link>
                ) : null,
            },
            { key: 'warehouse', title: t('stock.warehouse'), render: (_, l) => l.warehouse?.code },
            ...quantityColumns<Level>(t),
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager testId="stock-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
        </div>
      </section>
    </Space>
  );
}
