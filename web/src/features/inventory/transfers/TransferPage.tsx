import { Alert, Button, Descriptions, Popconfirm, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useViewer } from '../../../auth/useAuth';
import { serverMessage } from '../../../graphql/errors';
import type { StockTransferQuery as Result } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/format';
import { QueryError } from '../../../lib/QueryError';
import { LocationSelect } from '../pickers';
import { levelPath } from '../stock';
import { StockTransferCancelMutation, StockTransferQuery, StockTransferReceiveMutation } from './documents';
import { TransferStatusTag } from './parts';
import { unitsOf } from './transfer';

type Transfer = Extract<NonNullable<Result['node']>, { __typename?: 'StockTransfer' }>;
type Line = Transfer['lines'][number];

/**
 * One transfer: its lines, the units in transit and what its destination now expects
 * (`incoming`, each line linked to the SKU's ledger there and at the source). Warehouse staff
 * receive it whole into a RECEIVING location of the destination, or cancel it before it
 * arrives (its units go back to the bins they left).
 */
export function TransferPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const canWork = viewer.scopes.includes('INVENTORY_WRITE');
  const withMerchant = viewer.scopes.includes('MERCHANTS_READ');
  const [result, refetch] = useQuery({ query: StockTransferQuery, variables: { id, withMerchant }, requestPolicy: 'network-only' });
  const [receiving, receive] = useMutation(StockTransferReceiveMutation);
  const [cancelling, cancel] = useMutation(StockTransferCancelMutation);
  const [toLocationId, setToLocation] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const transfer = result.data?.node?.__typename === 'StockTransfer' ? (result.data.node as Transfer) : undefined;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const report = (error: CombinedError | undefined, errors: ReadonlyArray<{ message: string }>, done: string) => {
    if (error || errors.length > 0) {
      setAnswer({ ok: false, text: errors.map((e) => e.message).join(' ') || (serverMessage(error) ?? t('common.networkError')) });
      return;
    }
    setAnswer({ ok: true, text: done });
    reload();
  };
  const receiveIt = async (transferId: string, locationId: string) => {
    const outcome = await receive({ input: { id: transferId, toLocationId: locationId } });
    report(outcome.error, outcome.data?.stockTransferReceive.userErrors ?? [], t('transfers.received'));
  };
  const cancelIt = async (transferId: string) => {
    const outcome = await cancel({ input: { id: transferId } });
    report(outcome.error, outcome.data?.stockTransferCancel.userErrors ?? [], t('transfers.cancelled'));
  };

  const destination = transfer?.toWarehouse;
  const incomingThere = (line: Line) => line.sku?.stock.find((s) => s.warehouse?.id === destination?.id)?.incoming ?? 0;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/transfers">{t('transfers.back')}</Link>
      <QueryError error={result.error} onRetry={reload} />
      {result.data && !transfer && <Typography.Paragraph>{t('transfers.notFound')}</Typography.Paragraph>}
      {transfer && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="transfer-title">
            {t('transfers.titleOne', { reference: transfer.reference })} <TransferStatusTag status={transfer.status} />
          </Typography.Title>
          <Space wrap size="large">
            <Statistic title={t('transfers.inTransit')} value={transfer.status === 'IN_TRANSIT' ? unitsOf(transfer.lines) : 0} valueRender={(v) => <span data-testid="transfer-in-transit">{v}</span>} />
            <Statistic title={t('transfers.units')} value={unitsOf(transfer.lines)} />
          </Space>
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            {transfer.merchant && <Descriptions.Item label={t('transfers.merchant')}>{transfer.merchant.code}</Descriptions.Item>}
            <Descriptions.Item label={t('transfers.from')}>{transfer.fromWarehouse ? `${transfer.fromWarehouse.code} · ${transfer.fromWarehouse.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('transfers.to')}>{destination ? `${destination.code} · ${destination.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('transfers.sent')}>{formatDateTime(transfer.createdAt, i18n.language)}</Descriptions.Item>
            {transfer.receivedAt && <Descriptions.Item label={t('transfers.receivedAt')}>{formatDateTime(transfer.receivedAt, i18n.language)}</Descriptions.Item>}
            {transfer.note && <Descriptions.Item label={t('transfers.note')}>{transfer.note}</Descriptions.Item>}
          </Descriptions>
          {canWork && transfer.status === 'IN_TRANSIT' && destination && (
            <section aria-labelledby="transfer-receive-heading">
              <Typography.Title level={2} id="transfer-receive-heading" style={{ fontSize: 18 }}>
                {t('transfers.receiveTitle', { warehouse: destination.code })}
              </Typography.Title>
              <Space wrap>
                <LocationSelect
                  data-testid="transfer-receive-location"
                  aria-label={t('transfers.receiveInto')}
                  warehouseId={destination.id}
                  type="RECEIVING"
                  value={toLocationId}
                  onChange={(next) => setToLocation(next ?? null)}
                  style={{ minWidth: 220 }}
                />
                <Button
                  type="primary"
                  data-testid="transfer-receive"
                  disabled={!toLocationId}
                  loading={receiving.fetching}
                  onClick={() => toLocationId && void receiveIt(transfer.id, toLocationId)}
                >
                  {t('transfers.receive')}
                </Button>
                <Popconfirm
                  title={t('transfers.cancelConfirm')}
                  okText={t('transfers.cancel')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ id: 'transfer-cancel-confirm', danger: true }}
                  onConfirm={() => void cancelIt(transfer.id)}
                >
                  <Button danger data-testid="transfer-cancel" loading={cancelling.fetching}>
                    {t('transfers.cancel')}
                  </Button>
                </Popconfirm>
              </Space>
            </section>
          )}
          {answer && <Alert role={answer.ok ? 'status' : 'alert'} data-testid="transfer-answer" type={answer.ok ? 'success' : 'error'} showIcon message={answer.text} />}
          <section aria-labelledby="transfer-lines-heading">
            <Typography.Title level={2} id="transfer-lines-heading" style={{ fontSize: 18 }}>
              {t('transfers.lines')}
            </Typography.Title>
            <Table<Line>
              data-testid="transfer-lines"
              rowKey={(l) => `${l.sku?.id}|${l.fromLocation?.id}|${l.lot ?? ''}`}
              size="middle"
              pagination={false}
              dataSource={transfer.lines}
              scroll={{ x: 'max-content' }}
              onRow={(l) => ({ 'data-sku': l.sku?.code }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'sku', title: t('transfers.sku'), render: (_, l) => l.sku?.code },
                { key: 'from', title: t('transfers.fromLocation'), render: (_, l) => l.fromLocation?.code },
                { key: 'lot', title: t('transfers.lot'), render: (_, l) => l.lot ?? '—' },
                { key: 'quantity', title: t('transfers.quantity'), align: 'right', dataIndex: 'quantity' },
                { key: 'to', title: t('transfers.toLocation'), render: (_, l) => l.toLocation?.code ?? '—' },
                {
                  key: 'incoming',
                  title: t('transfers.incomingThere', { warehouse: destination?.code ?? '' }),
                  align: 'right',
                  render: (_, l) => <span data-testid="transfer-incoming">{incomingThere(l)}</span>,
                },
                {
                  key: 'ledger',
                  title: t('transfers.ledger'),
                  render: (_, l) =>
                    l.sku ? (
                      <Space wrap>
                        {transfer.fromWarehouse && (
                          <Link to={levelPath(l.sku.id, transfer.fromWarehouse.id)}>{transfer.fromWarehouse.code}</Link>
                        )}
                        {destination && (
                          <Link to={levelPath(l.sku.id, destination.id)} data-testid={`transfer-ledger-${l.sku.code}`}>
                            {destination.code}
                          </Link>
                        )}
                      </Space>
                    ) : null,
                },
              ]}
            />
          </section>
        </>
      )}
    </Space>
  );
}
