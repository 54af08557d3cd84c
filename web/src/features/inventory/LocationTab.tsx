import { Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { BinStocksQuery as Result } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { usePager } from '../../lib/usePager';
import { AgeSummary, AgeTag } from './AgeTag';
import { BinStocksQuery } from './documents';
import { LocationSelect, WarehouseSelect } from './pickers';
import { levelPath } from './stock';

const PAGE_SIZE = 100;
type Bin = Result['binStocks']['nodes'][number];

/** What one location (bin) holds: SKUs per lot and receipt day, with their stock age. */
export function LocationTab() {
  const { t } = useTranslation();
  const pager = usePager(PAGE_SIZE);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  useEffect(() => pager.reset(), [warehouseId, locationId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({
    query: BinStocksQuery,
    variables: { ...pager.args, warehouseId, locationId },
    pause: !warehouseId && !locationId,
  });
  const connection = result.data?.binStocks;
  const bins = connection?.nodes ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <WarehouseSelect
          data-testid="stock-bin-warehouse"
          aria-label={t('stock.filters.warehouse')}
          allowClear
          value={warehouseId}
          onChange={(id) => {
            setWarehouseId(id ?? null);
            setLocationId(null);
          }}
          style={{ minWidth: 200 }}
        />
        <LocationSelect
          data-testid="stock-bin-location"
          aria-label={t('stock.filters.location')}
          allowClear
          warehouseId={warehouseId}
          value={locationId}
          onChange={(id) => setLocationId(id ?? null)}
          style={{ minWidth: 220 }}
        />
      </div>
      {!warehouseId && !locationId ? (
        <Typography.Paragraph>{t('stock.bins.pick')}</Typography.Paragraph>
      ) : (
        <section aria-labelledby="stock-bins-heading">
          <Typography.Title level={2} id="stock-bins-heading" style={{ fontSize: 18 }}>
            {t('stock.bins.title')}
          </Typography.Title>
          <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
          <AgeSummary bins={bins} />
          <Table<Bin>
            data-testid="stock-bins-by-location"
            style={{ marginTop: 12 }}
            rowKey={(b) => `${b.sku?.id}|${b.location?.id}|${b.lot ?? ''}|${b.receivedOn}`}
            size="middle"
            pagination={false}
            loading={result.fetching}
            dataSource={bins}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText>{t('stock.bins.empty')}</EmptyText> }}
            columns={[
              { key: 'location', title: t('stock.bins.location'), render: (_, b) => b.location?.code },
              {
                key: 'sku',
                title: t('stock.sku'),
                render: (_, b) =>
                  b.sku && b.location ? <Link to={levelPath(b.sku.id, b.location.warehouse.id)}>{b.sku.code}</Link> : null,
              },
              { key: 'lot', title: t('stock.bins.lot'), render: (_, b) => b.lot ?? '—' },
              { key: 'receivedOn', title: t('stock.bins.receivedOn'), dataIndex: 'receivedOn' },
              { key: 'onHand', title: t('stock.quantities.onHand'), dataIndex: 'onHand', align: 'right' },
              { key: 'age', title: t('stock.bins.age'), render: (_, b) => <AgeTag days={b.ageDays} /> },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <CursorPager testId="stock-bins-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
          </div>
        </section>
      )}
    </Space>
  );
}
