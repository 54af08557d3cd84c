import { Alert, Button, Descriptions, Form, Input, Modal, Space, Table, Timeline, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { OrderQuery as Result } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../lib/QueryError';
import { OrderCancelMutation, OrderQuery } from './documents';
import { allocationReason, CANCELLABLE, countryName } from './order';
import { StatusTag } from './StatusTag';

type Order = Extract<NonNullable<Result['node']>, { __typename?: 'Order' }>;
type Line = Order['lines'][number];
type Shipment = Order['shipments'][number];

/**
 * One order: where it goes, its lines with where each unit is reserved and why, its shipments
 * with their tracking numbers, its timeline.
 */
export function OrderPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const [result, refetch] = useQuery({ query: OrderQuery, variables: { id }, requestPolicy: 'network-only' });
  const order = result.data?.node?.__typename === 'Order' ? (result.data.node as Order) : undefined;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [cancelling, setCancelling] = useState(false);
  const canCancel = viewer.scopes.includes('ORDERS_WRITE') && order && CANCELLABLE.includes(order.status);

  if (result.data && !order) return <Alert type="warning" message={t('orders.notFound')} />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/orders">{t('orders.back')}</Link>
      <QueryError error={result.error} onRetry={reload} />
      {order && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="order-title">
              {t('orders.detailTitle', { reference: order.reference })} <StatusTag status={order.status} />
            </Typography.Title>
            {canCancel && (
              <Button danger data-testid="order-cancel" onClick={() => setCancelling(true)}>
                {t('orders.cancel.open')}
              </Button>
            )}
          </div>
          {cancelling && <CancelModal orderId={order.id} onClose={() => setCancelling(false)} onDone={reload} />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('orders.merchant')}>{order.merchant ? `${order.merchant.code} · ${order.merchant.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.channel')}>{t(`orders.channels.${order.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.shipTo')}>
              <address data-testid="order-ship-to" style={{ fontStyle: 'normal', margin: 0 }}>
                {[
                  order.shipTo.name,
                  order.shipTo.company,
                  order.shipTo.line1,
                  order.shipTo.line2,
                  [order.shipTo.city, order.shipTo.region, order.shipTo.postalCode].filter(Boolean).join(' '),
                  countryName(order.shipTo.countryCode, i18n.language),
                ]
                  .filter(Boolean)
                  .map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
              </address>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.contact')}>{[order.shipTo.phone, order.shipTo.email].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.serviceLevel')}>{order.serviceLevel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orders.created')}>{formatDateTime(order.createdAt, i18n.language)}</Descriptions.Item>
            {order.note && <Descriptions.Item label={t('orders.note')}>{order.note}</Descriptions.Item>}
          </Descriptions>

          <section aria-labelledby="order-lines-heading">
            <Typography.Title level={2} id="order-lines-heading" style={{ fontSize: 18 }}>
              {t('orders.lines.title', { units: order.totalUnits })}
            </Typography.Title>
            <Table<Line>
              data-testid="order-lines"
              rowKey={(l, i) => `${l.sku?.id ?? ''}|${i}`}
              size="middle"
              pagination={false}
              dataSource={order.lines}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'sku', title: t('orders.lines.sku'), render: (_, l) => l.sku?.code },
                { key: 'quantity', title: t('orders.lines.quantity'), dataIndex: 'quantity', align: 'right' },
                { key: 'allocated', title: t('orders.lines.allocated'), dataIndex: 'allocated', align: 'right' },
                {
                  key: 'backordered',
                  title: t('orders.lines.backordered'),
                  align: 'right',
                  render: (_, l) => (l.backordered > 0 ? <Typography.Text type="warning" strong>{l.backordered}</Typography.Text> : 0),
                },
                {
                  key: 'allocations',
                  title: t('orders.lines.where'),
                  render: (_, l) =>
                    l.allocations.length === 0 ? (
                      '—'
                    ) : (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {l.allocations.map((a, i) => (
                          <li key={i} data-testid="order-allocation" style={a.releasedAt ? { color: 'rgba(0,0,0,0.65)' } : undefined}>
                            {allocationReason(a, t)}
                          </li>
                        ))}
                      </ul>
                    ),
                },
              ]}
            />
          </section>

          {order.shipments.length > 0 && (
            <section aria-labelledby="order-shipments-heading">
              <Typography.Title level={2} id="order-shipments-heading" style={{ fontSize: 18 }}>
                {t('orders.shipments.title')}
              </Typography.Title>
              <Table<Shipment>
                data-testid="order-shipments"
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={order.shipments}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'carrier', title: t('orders.shipments.carrier'), render: (_, s) => t(`fulfilment.carriers.${s.carrier}`) },
                  {
                    key: 'tracking',
                    title: t('orders.shipments.trackingNumber'),
                    render: (_, s) => <span data-testid="order-tracking-number" data-carrier={s.carrier}>{s.trackingNumber}</span>,
                  },
                  {
                    key: 'status',
                    title: t('orders.shipments.status'),
                    render: (_, s) => <span data-testid="order-tracking-status" data-status={s.status}>{t(`fulfilment.trackingStatuses.${s.status}`)}</span>,
                  },
                  { key: 'shippedAt', title: t('orders.shipments.shippedAt'), render: (_, s) => formatDateTime(s.shippedAt, i18n.language) },
                  {
                    key: 'deliveredAt',
                    title: t('orders.shipments.deliveredAt'),
                    render: (_, s) => (s.deliveredAt ? formatDateTime(s.deliveredAt, i18n.language) : '—'),
                  },
                ]}
              />
            </section>
          )}

          <section aria-labelledby="order-timeline-heading">
            <Typography.Title level={2} id="order-timeline-heading" style={{ fontSize: 18 }}>
              {t('orders.timeline.title')}
            </Typography.Title>
            <Timeline
              data-testid="order-timeline"
              items={order.timeline.map((e) => ({
                children: (
                  <div data-testid="order-event" data-kind={e.kind}>
                    <strong>{t(`orders.events.${e.kind}`)}</strong> · {formatDateTime(e.createdAt, i18n.language)}
                    {e.detail && <div>{e.detail}</div>}
                  </div>
                ),
              }))}
            />
          </section>
        </>
      )}
    </Space>
  );
}

/** Asks for a reason and cancels; a refusal (shipped, already cancelled) is shown in the dialog. */
function CancelModal({ orderId, onClose, onDone }: { orderId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, cancel] = useMutation(OrderCancelMutation);
  const submit = async () => {
    setError(null);
    const answer = await cancel({ input: { id: orderId, reason: reason.trim() || null } });
    const refused = answer.data?.orderCancel.userErrors[0]?.message ?? answer.error?.graphQLErrors[0]?.message ?? (answer.error ? t('common.networkError') : null);
    if (refused) {
      setError(refused);
      return;
    }
    onDone();
    onClose();
  };
  return (
    <Modal
      open
      title={t('orders.cancel.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('orders.cancel.confirm')}
      cancelText={t('orders.cancel.keep')}
      okButtonProps={{ danger: true, loading: fetching, 'data-testid': 'order-cancel-submit' } as ButtonProps}
    >
      {error && <Alert type="error" showIcon role="alert" data-testid="form-errors" message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('orders.cancel.reason')} htmlFor="order-cancel-reason">
          <Input.TextArea id="order-cancel-reason" data-testid="order-cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
