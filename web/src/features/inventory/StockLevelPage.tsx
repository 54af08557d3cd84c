import { Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { BinStocksQuery, StockMovementsQuery as MovementsResult } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../lib/QueryError';
import { usePager } from '../../lib/usePager';
import { AdjustModal, MoveModal, SafetyStockModal, SetOnHandModal } from './actions';
import { AgeSummary, AgeTag } from './AgeTag';
import { QUANTITIES } from './columns';
import { BinStocksQuery as BinsQuery, StockLevelsQuery, StockMovementsQuery } from './documents';
import { actorKind, signed } from './stock';

type Bin = BinStocksQuery['binStocks']['nodes'][number];
type Movement = MovementsResult['stockMovements']['nodes'][number];
type Action = { kind: 'adjust' } | { kind: 'move' } | { kind: 'setOnHand'; locationId?: string; lot?: string | null } | { kind: 'safety' };

const LEDGER_PAGE = 25;

/** One SKU's stock in one warehouse: its quantities, its bins with their age, and its ledger. */
export function StockLevelPage() {
  const { t, i18n } = useTranslation();
  const { skuId = '', warehouseId = '' } = useParams();
  const viewer = useViewer();
  const canWrite = viewer.scopes.includes('INVENTORY_WRITE');
  const pager = usePager(LEDGER_PAGE);
  const [action, setAction] = useState<Action | null>(null);
  const ids = { skuId, warehouseId };
  const [levelResult, refetchLevel] = useQuery({ query: StockLevelsQuery, variables: { ...ids, first: 1 } });
  const [binsResult, refetchBins] = useQuery({ query: BinsQuery, variables: { ...ids, first: 100 } });
  const [ledgerResult, refetchLedger] = useQuery({ query: StockMovementsQuery, variables: { ...ids, ...pager.args } });
  const level = levelResult.data?.stockLevels.nodes[0];
  const bins = binsResult.data?.binStocks.nodes ?? [];
  const ledger = ledgerResult.data?.stockMovements;
  const refresh = () => {
    const fresh = { requestPolicy: 'network-only' as const };
    refetchLevel(fresh);
    refetchBins(fresh);
    refetchLedger(fresh);
  };
  const ref = { skuId, warehouseId, lotTracked: !!level?.sku?.lotTracked, onClose: () => setAction(null), onRefresh: refresh };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/stock">{t('stock.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="stock-level-title">
        {t('stock.level.title', { sku: level?.sku?.code ?? '…', warehouse: level?.warehouse?.code ?? '…' })}
      </Typography.Title>
      <QueryError error={levelResult.error ?? binsResult.error ?? ledgerResult.error} onRetry={refresh} />
      {level?.sku && (
        <Typography.Text type="secondary">{[level.sku.nameZh, level.sku.nameEn].filter(Boolean).join(' / ')}</Typography.Text>
      )}
      {levelResult.data && !level && <Typography.Paragraph>{t('stock.level.none')}</Typography.Paragraph>}
      {level && (
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="stock-level-quantities">
          {QUANTITIES.map((q) => (
            <Descriptions.Item key={q} label={t(`stock.quantities.${q}`)}>
              <span data-testid={`level-${q}`}>{level[q]}</span>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {canWrite && (
        <Space wrap>
          <Button type="primary" data-testid="stock-adjust" onClick={() => setAction({ kind: 'adjust' })}>
            {t('stock.actions.adjust')}
          </Button>
          <Button data-testid="stock-move" onClick={() => setAction({ kind: 'move' })}>
            {t('stock.actions.move')}
          </Button>
          <Button data-testid="stock-set-on-hand" onClick={() => setAction({ kind: 'setOnHand' })}>
            {t('stock.actions.setOnHand')}
          </Button>
          <Button data-testid="stock-set-safety" onClick={() => setAction({ kind: 'safety' })} disabled={!level}>
            {t('stock.actions.setSafety')}
          </Button>
        </Space>
      )}
      {action?.kind === 'adjust' && <AdjustModal {...ref} />}
      {action?.kind === 'move' && <MoveModal {...ref} />}
      {action?.kind === 'setOnHand' && <SetOnHandModal {...ref} bins={bins} initialLocationId={action.locationId} initialLot={action.lot} />}
      {action?.kind === 'safety' && level && <SafetyStockModal {...ref} current={level.safetyStock} />}

      <section aria-labelledby="level-bins-heading">
        <Typography.Title level={2} id="level-bins-heading" style={{ fontSize: 18 }}>
          {t('stock.bins.title')}
        </Typography.Title>
        <AgeSummary bins={bins} />
        <Table<Bin>
          data-testid="stock-bins"
          style={{ marginTop: 12 }}
          rowKey={(b) => `${b.location?.id}|${b.lot ?? ''}|${b.receivedOn}`}
          size="middle"
          pagination={false}
          loading={binsResult.fetching}
          dataSource={bins}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyText>{t('stock.bins.empty')}</EmptyText> }}
          columns={[
            { key: 'location', title: t('stock.bins.location'), render: (_, b) => b.location?.code },
            { key: 'type', title: t('stock.bins.type'), render: (_, b) => (b.location ? t(`stock.locationTypes.${b.location.type}`) : null) },
            { key: 'lot', title: t('stock.bins.lot'), render: (_, b) => b.lot ?? '—' },
            { key: 'receivedOn', title: t('stock.bins.receivedOn'), dataIndex: 'receivedOn' },
            { key: 'expiresOn', title: t('stock.bins.expiresOn'), render: (_, b) => b.expiresOn ?? '—' },
            { key: 'onHand', title: t('stock.quantities.onHand'), dataIndex: 'onHand', align: 'right' },
            { key: 'age', title: t('stock.bins.age'), render: (_, b) => <AgeTag days={b.ageDays} /> },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('stock.bins.actions'),
                    render: (_: unknown, b: Bin) => (
                      <Button size="small" onClick={() => setAction({ kind: 'setOnHand', locationId: b.location?.id, lot: b.lot })}>
                        {t('stock.actions.setOnHand')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="level-ledger-heading">
        <Typography.Title level={2} id="level-ledger-heading" style={{ fontSize: 18 }}>
          {t('stock.ledger.title')}
        </Typography.Title>
        <Table<Movement>
          data-testid="stock-ledger"
          rowKey="id"
          size="middle"
          pagination={false}
          loading={ledgerResult.fetching}
          dataSource={ledger?.nodes ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(m) => ({ 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <EmptyText>{t('stock.ledger.empty')}</EmptyText> }}
          columns={[
            { key: 'time', title: t('stock.ledger.time'), render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
            { key: 'kind', title: t('stock.ledger.kind'), render: (_, m) => <Tag data-testid="ledger-kind">{t(`stock.kinds.${m.kind}`)}</Tag> },
            { key: 'quantity', title: t('stock.ledger.quantity'), render: (_, m) => t(`stock.quantityNames.${m.quantityName}`) },
            { key: 'location', title: t('stock.bins.location'), render: (_, m) => [m.location?.code, m.lot].filter(Boolean).join(' · ') || '—' },
            {
              key: 'delta',
              title: t('stock.ledger.delta'),
              align: 'right',
              render: (_, m) => <Typography.Text type={m.delta < 0 ? 'danger' : 'success'} data-testid="ledger-delta">{signed(m.delta)}</Typography.Text>,
            },
            { key: 'change', title: t('stock.ledger.change'), render: (_, m) => `${m.quantityBefore} → ${m.quantityAfter}` },
            {
              key: 'reason',
              title: t('stock.ledger.reason'),
              render: (_, m) => [m.reason ? t(`stock.reasons.${m.reason.toUpperCase()}`, { defaultValue: m.reason }) : null, m.note].filter(Boolean).join(' — ') || '—',
            },
            { key: 'actor', title: t('stock.ledger.actor'), render: (_, m) => <span title={m.actor}>{t(`stock.actors.${actorKind(m.actor)}`)}</span> },
            {
              key: 'reference',
              title: t('stock.ledger.reference'),
              render: (_, m) => (m.referenceType ? `${m.referenceType}${m.referenceId ? ` ${m.referenceId.slice(0, 8)}` : ''}` : '—'),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager testId="stock-ledger-pager" args={pager.args} pageInfo={ledger?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
        </div>
      </section>
    </Space>
  );
}
