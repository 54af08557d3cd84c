import { Alert, Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import type { InventoryCheckQuery as Result } from '../../gql/graphql';
import { QueryError } from '../../lib/QueryError';
import { InventoryCheckQuery } from './documents';
import { levelPath } from './stock';

type Mismatch = Result['inventoryCheck']['mismatches'][number];

/** Runs `inventoryCheck` (level == movements == bins, nothing negative) and lists what is off. */
export function CheckPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [result, rerun] = useQuery({ query: InventoryCheckQuery, requestPolicy: 'network-only' });
  const report = result.data?.inventoryCheck;
  return (
    <Card
      data-testid="stock-check-report"
      title={t('stock.check.title')}
      loading={result.fetching && !report}
      extra={
        <>
          <Button size="small" onClick={() => rerun({ requestPolicy: 'network-only' })} style={{ marginRight: 8 }}>
            {t('stock.check.again')}
          </Button>
          <Button size="small" onClick={onClose}>
            {t('stock.check.close')}
          </Button>
        </>
      }
    >
      <QueryError error={result.error} onRetry={() => rerun({ requestPolicy: 'network-only' })} />
      {report && (
        <>
          <Alert
            type={report.ok ? 'success' : 'error'}
            showIcon
            data-testid="stock-check-outcome"
            data-ok={String(report.ok)}
            message={report.ok ? t('stock.check.ok') : t('stock.check.bad', { count: report.mismatches.length })}
            description={t('stock.check.counts', {
              levels: report.levelsChecked,
              bins: report.binsChecked,
              movements: report.movementsChecked,
            })}
            style={{ marginBottom: report.ok ? 0 : 12 }}
          />
          {!report.ok && (
            <Table<Mismatch>
              size="small"
              rowKey={(m) => `${m.invariant}|${m.skuId}|${m.warehouseId}|${m.locationId ?? ''}|${m.lot ?? ''}|${m.receivedOn ?? ''}|${m.quantityName}`}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={report.mismatches}
              columns={[
                { key: 'invariant', title: t('stock.check.invariant'), render: (_, m) => t(`stock.check.invariants.${m.invariant}`) },
                { key: 'level', title: t('stock.check.level'), render: (_, m) => <Link to={levelPath(m.skuId, m.warehouseId)}>{t('stock.check.open')}</Link> },
                { key: 'quantity', title: t('stock.check.quantity'), dataIndex: 'quantityName' },
                { key: 'lot', title: t('stock.bins.lot'), render: (_, m) => [m.lot, m.receivedOn].filter(Boolean).join(' · ') || '—' },
                { key: 'recorded', title: t('stock.check.recorded'), dataIndex: 'recorded', align: 'right' },
                { key: 'expected', title: t('stock.check.expected'), dataIndex: 'expected', align: 'right' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
