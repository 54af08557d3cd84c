import { Button, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { ReturnsQuery as Result, ReturnStatus } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { formatDateTime } from '../../lib/format';
import { QueryError } from '../../lib/QueryError';
import { usePager } from '../../lib/usePager';
import { ReturnsQuery } from './documents';
import { OrderSelect, RETURN_STATUSES, ReturnStatusTag, returnPath } from './parts';
import { totals } from './rma';

const PAGE_SIZE = 50;
type Rma = Result['returns']['nodes'][number];

/**
 * Returns (RMA), newest first, by status and by order, with their units expected back,
 * received and inspected. A merchant user sees its own only (the server scopes the list);
 * whoever may write returns announces a new one against a shipped order.
 */
export function ReturnsPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const canCreate = viewer.scopes.includes('RETURNS_WRITE');
  const pager = usePager(PAGE_SIZE);
  const [status, setStatus] = useState<ReturnStatus | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  useEffect(() => pager.reset(), [status, orderId]); // eslint-disable-line react-hooks/exhaustive-deps
  const [result, refetch] = useQuery({ query: ReturnsQuery, variables: { ...pager.args, status, orderId }, requestPolicy: 'cache-and-network' });
  const connection = result.data?.returns;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('returns.title')}
        </Typography.Title>
        {canCreate && (
          <Button type="primary" data-testid="return-new" onClick={() => navigate('/returns/new')}>
            {t('returns.new')}
          </Button>
        )}
      </div>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('returns.ownOnly')}</Typography.Paragraph>}
      <div role="search" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center' }}>
        <Select
          data-testid="returns-status"
          aria-label={t('returns.status')}
          allowClear
          placeholder={t('returns.allStatuses')}
          value={status ?? undefined}
          onChange={(value: ReturnStatus | undefined) => setStatus(value ?? null)}
          options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.statuses.${s}`) }))}
          optionRender={(o) => <span data-testid={`returns-status-${o.value}`}>{o.label}</span>}
          style={{ width: 180 }}
        />
        <OrderSelect data-testid="returns-order" aria-label={t('returns.order')} allowClear value={orderId} onChange={(id) => setOrderId(id ?? null)} style={{ minWidth: 240 }} />
      </div>
      <section aria-labelledby="returns-heading">
        <Typography.Title level={2} id="returns-heading" style={{ fontSize: 18 }}>
          {t('returns.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Rma>
          data-testid="returns-table"
          rowKey="id"
          size="middle"
          pagination={false}
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <EmptyText>{t('returns.empty')}</EmptyText> }}
          columns={[
            {
              key: 'reference',
              title: t('returns.reference'),
              render: (_, r) => (
                <Link to={returnPath(r.id)} data-testid={`return-open-${r.order?.reference ?? r.reference}`}>
                  {r.reference}
                </Link>
              ),
            },
            {
              key: 'order',
              title: t('returns.order'),
              render: (_, r) => (r.order ? <Link to={`/orders/${encodeURIComponent(r.order.id)}`}>{r.order.reference}</Link> : '—'),
            },
            { key: 'warehouse', title: t('returns.warehouse'), render: (_, r) => r.warehouse?.code },
            { key: 'status', title: t('returns.status'), render: (_, r) => <ReturnStatusTag status={r.status} /> },
            {
              key: 'units',
              title: t('returns.units'),
              render: (_, r) => {
                const sum = totals(r.lines);
                return t('returns.unitsProgress', sum);
              },
            },
            { key: 'reason', title: t('returns.reason'), render: (_, r) => r.reason ?? '—' },
            { key: 'created', title: t('returns.created'), render: (_, r) => formatDateTime(r.createdAt, i18n.language) },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager testId="returns-pager" args={pager.args} pageInfo={connection?.pageInfo} onNext={pager.next} onPrevious={pager.previous} />
        </div>
      </section>
    </Space>
  );
}
