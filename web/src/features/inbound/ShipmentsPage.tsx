import { Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { InboundShipmentStatus, InboundShipmentsQuery as Result } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { useDebounced } from '../../lib/useDebounced';
import { usePager } from '../../lib/usePager';
import { InboundShipmentsQuery } from './documents';
import { progressLook } from './progress';
import { percent, shipmentScanned } from './scan';

const PAGE_SIZE = 50;
const STATUSES: InboundShipmentStatus[] = ['IN_TRANSIT', 'RECEIVING', 'RECEIVED', 'CANCELLED'];
/** Tag colours whose text keeps WCAG AA contrast: antd's gold and green presets do not; dark green takes white text. */
const STATUS_COLOURS: Record<InboundShipmentStatus, string> = {
  IN_TRANSIT: 'blue',
  RECEIVING: 'purple',
  RECEIVED: '#237804',
  CANCELLED: 'default',
};

type Shipment = Result['inboundShipments']['nodes'][number];

/**
 * Inbound shipments (ASNs), newest first, with their progress (units received of those
 * announced) and whether a line is short, over or damaged. A merchant user sees its own only
 * (the server scopes the list); warehouse staff open the receiving screen from here, or by
 * scanning a carton's label (its reference, container or waybill number) into the search.
 */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canReceive = viewer.scopes.includes('INVENTORY_WRITE');
  const pager = usePager(PAGE_SIZE);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<InboundShipmentStatus | null>(null);
  const query = useDebounced(search.trim(), 300);
  useEffect(() => pager.reset(), [query, status]); // eslint-disable-line react-hooks/exhaustive-deps

  const [result, refetch] = useQuery({
    query: InboundShipmentsQuery,
    variables: { ...pager.args, status, query: query || null },
  });
  const connection = result.data?.inboundShipments;
  const client = useClient();
  const navigate = useNavigate();

  /** Enter in the search: a scan that names exactly one shipment opens it. */
  const openScanned = async (value: string) => {
    if (!value.trim()) return;
    const answer = await client
      .query(InboundShipmentsQuery, { first: 5, query: value.trim() }, { requestPolicy: 'network-only' })
      .toPromise();
    const found = shipmentScanned(value, answer.data?.inboundShipments.nodes ?? []);
    if (found) navigate(`/inbound/${encodeURIComponent(found.id)}/receive`);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('inbound.title')}
      </Typography.Title>
      {viewer.role === 'MERCHANT' && <Typography.Paragraph style={{ margin: 0 }}>{t('inbound.ownOnly')}</Typography.Paragraph>}
      <Space role="search" wrap>
        <Input.Search
          data-testid="inbound-search"
          aria-label={t('inbound.search')}
          placeholder={t('inbound.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => void openScanned(value)}
          autoComplete="off"
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label={t('inbound.status')}
          allowClear
          placeholder={t('inbound.allStatuses')}
          value={status ?? undefined}
          onChange={(value: InboundShipmentStatus | undefined) => setStatus(value ?? null)}
          options={STATUSES.map((s) => ({ value: s, label: t(`inbound.statuses.${s}`) }))}
          style={{ width: 180 }}
        />
      </Space>
      <section aria-labelledby="inbound-heading">
        <Typography.Title level={2} id="inbound-heading" style={{ fontSize: 18 }}>
          {t('inbound.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <Table<Shipment>
          data-testid="inbound-table"
          rowKey="id"
          size="middle"
          pagination={false}
          loading={result.fetching}
          dataSource={connection?.nodes ?? []}
          locale={{ emptyText: <EmptyText>{t('inbound.empty')}</EmptyText> }}
          columns={[
            { title: t('inbound.reference'), dataIndex: 'reference' },
            { title: t('inbound.merchant'), render: (_, s) => s.merchant?.code },
            { title: t('inbound.warehouse'), render: (_, s) => s.warehouse?.code },
            { title: t('inbound.mode'), render: (_, s) => t(`inbound.modes.${s.mode}`) },
            { title: t('inbound.transport'), render: (_, s) => s.containerNumber ?? s.waybillNumber },
            { title: t('inbound.eta'), dataIndex: 'eta' },
            {
              title: t('inbound.status'),
              render: (_, s) => <Tag color={STATUS_COLOURS[s.status]}>{t(`inbound.statuses.${s.status}`)}</Tag>,
            },
            {
              title: t('inbound.progress'),
              render: (_, s) => (
                <div style={{ minWidth: 140 }}>
                  <Progress
                    aria-label={t('inbound.progressOf', { reference: s.reference })}
                    percent={percent(s.progress)}
                    size="small"
                    {...progressLook(percent(s.progress), s.hasDiscrepancies)}
                  />
                  <Typography.Text type="secondary">
                    {t('inbound.units', { received: s.receivedUnits, expected: s.expectedUnits })}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('inbound.discrepancies'),
              render: (_, s) => (s.hasDiscrepancies ? <Tag color="red">{t('inbound.discrepancies')}</Tag> : null),
            },
            {
              key: 'actions',
              render: (_, s) => (
                <Link to={`/inbound/${encodeURIComponent(s.id)}/receive`} data-testid={`inbound-open-${s.reference}`}>
                  {canReceive && (s.status === 'IN_TRANSIT' || s.status === 'RECEIVING') ? t('inbound.receive') : t('inbound.open')}
                </Link>
              ),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <CursorPager
            testId="inbound-pager"
            args={pager.args}
            pageInfo={connection?.pageInfo}
            onNext={pager.next}
            onPrevious={pager.previous}
          />
        </div>
      </section>
    </Space>
  );
}
