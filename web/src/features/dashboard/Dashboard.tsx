import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import { DashboardInboundQuery, DashboardOrdersQuery, DashboardStockQuery } from './documents';
import { arrivingWithin, localDate } from './week';

function Tile({ testId, title, value, loading, failed, footer }: { testId: string; title: string; value: number | undefined; loading: boolean; failed: boolean; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} data-value={value ?? ''} style={{ height: '100%' }}>
      <Statistic title={title} value={failed ? '—' : (value ?? 0)} loading={loading && value === undefined} />
      {failed && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
      {footer && <div style={{ marginTop: 8 }}>{footer}</div>}
    </Card>
  );
}

/**
 * The day's work at a glance, each card shown to those who may read what it counts: orders
 * to ship, backorders, inbound due this week, stock at its safety level. Carrier cut-offs come
 * with fulfilment; their place is kept, without numbers.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const { scopes } = useViewer();
  const ordersOk = scopes.includes('ORDERS_READ');
  const inboundOk = scopes.includes('INBOUND_READ');
  const stockOk = scopes.includes('INVENTORY_READ');
  const [orders] = useQuery({ query: DashboardOrdersQuery, pause: !ordersOk, requestPolicy: 'cache-and-network' });
  const [inbound] = useQuery({ query: DashboardInboundQuery, pause: !inboundOk, requestPolicy: 'cache-and-network' });
  const [stock] = useQuery({ query: DashboardStockQuery, pause: !stockOk, requestPolicy: 'cache-and-network' });
  if (!ordersOk && !inboundOk && !stockOk) return null;

  const o = orders.data;
  const toShip = o ? o.allocated.totalCount + o.picking.totalCount + o.packed.totalCount : undefined;
  const due = inbound.data ? arrivingWithin(inbound.data.inboundShipments.nodes, localDate(new Date())) : undefined;

  return (
    <section aria-labelledby="dashboard-heading" data-testid="dashboard" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="dashboard-heading" style={{ fontSize: 18 }}>
        {t('dashboard.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {ordersOk && (
          <Col xs={24} sm={12} lg={6}>
            <Tile
              testId="dash-to-ship"
              title={t('dashboard.toShip')}
              value={toShip}
              loading={orders.fetching}
              failed={!!orders.error}
              footer={
                o && (
                  <Typography.Text type="secondary">
                    {t('dashboard.toShipParts', { allocated: o.allocated.totalCount, picking: o.picking.totalCount, packed: o.packed.totalCount })}
                  </Typography.Text>
                )
              }
            />
          </Col>
        )}
        {ordersOk && (
          <Col xs={24} sm={12} lg={6}>
            <Tile
              testId="dash-backorders"
              title={t('dashboard.backorders')}
              value={o?.backordered.totalCount}
              loading={orders.fetching}
              failed={!!orders.error}
              footer={<Link to="/orders?status=BACKORDERED" data-testid="dash-backorders-link">{t('dashboard.seeBackorders')}</Link>}
            />
          </Col>
        )}
        {inboundOk && (
          <Col xs={24} sm={12} lg={6}>
            <Tile
              testId="dash-inbound"
              title={t('dashboard.inboundWeek')}
              value={due?.count}
              loading={inbound.fetching}
              failed={!!inbound.error}
              footer={
                <>
                  {due && <Typography.Text type="secondary">{t('dashboard.inboundUnits', { units: due.units })} · </Typography.Text>}
                  <Link to="/inbound">{t('dashboard.seeInbound')}</Link>
                </>
              }
            />
          </Col>
        )}
        {stockOk && (
          <Col xs={24} sm={12} lg={6}>
            <Tile
              testId="dash-safety"
              title={t('dashboard.atSafety')}
              value={stock.data?.stockLevels.totalCount}
              loading={stock.fetching}
              failed={!!stock.error}
              footer={<Link to="/stock?atSafetyStock=1" data-testid="dash-safety-link">{t('dashboard.seeSafety')}</Link>}
            />
          </Col>
        )}
        {ordersOk && (
          <Col xs={24}>
            <Card size="small" data-testid="dash-cutoffs" title={t('dashboard.cutoffs')}>
              <Typography.Text type="secondary">{t('dashboard.cutoffsLater')}</Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
    </section>
  );
}
