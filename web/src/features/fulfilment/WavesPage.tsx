import { Alert, Button, Input, InputNumber, Progress, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { CarrierCode, WavesQuery as Result, WaveStatus } from '../../gql/graphql';
import { CursorPager } from '../../lib/CursorPager';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { usePager } from '../../lib/usePager';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { progressLook } from '../inbound/progress';
import { ScrollRegion } from '../inbound/ScrollRegion';
import { FulfilmentWarehousesQuery, WaveCreateMutation, WavesQuery } from './documents';
import { pickedPercent } from './waves';

const PAGE_SIZE = 20;
const CARRIERS: CarrierCode[] = ['SIMULATED', 'MANUAL'];
/** Tag colours whose text keeps WCAG AA contrast (antd's gold and green presets do not): blue, and dark green under white. */
const STATUS_COLOURS: Record<WaveStatus, string> = { PICKING: 'blue', PICKED: '#237804' };

type Wave = Result['waves']['nodes'][number];

/** The distinct orders of a wave, each with whether all its tasks are done, in path order. */
function ordersOf(wave: Wave): { id: string; reference: string; picked: boolean }[] {
  const orders = new Map<string, { id: string; reference: string; picked: boolean }>();
  for (const task of wave.tasks) {
    const seen = orders.get(task.orderId);
    orders.set(task.orderId, {
      id: task.orderId,
      reference: task.orderReference,
      picked: (seen?.picked ?? true) && task.done,
    });
  }
  return [...orders.values()];
}

/**
 * Waves: warehouse staff take a warehouse's oldest allocated orders into a wave (optionally
 * only single-line ones, for a carrier's collection), then pick it on the scanner screen and
 * pack each order once its units are picked.
 */
export function WavesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const canWork = viewer.scopes.includes('FULFILMENT_WRITE');
  const pager = usePager(PAGE_SIZE);
  const submission = useSubmissionKey();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [singleLineOnly, setSingleLineOnly] = useState(false);
  const [carrier, setCarrier] = useState<CarrierCode | null>(null);
  const [maxOrders, setMaxOrders] = useState(50);
  const [cutoff, setCutoff] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [warehouses] = useQuery({ query: FulfilmentWarehousesQuery });
  // Pickers elsewhere move the waves on: show what is cached, then what the server says now.
  const [result, refetch] = useQuery({ query: WavesQuery, variables: { ...pager.args, warehouseId }, requestPolicy: 'cache-and-network' });
  const [creating, create] = useMutation(WaveCreateMutation);
  const connection = result.data?.waves;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const createWave = async () => {
    if (!warehouseId) return;
    const answer = await create({
      input: { warehouseId, singleLineOnly, carrier, maxOrders, cutoff: cutoff.trim() || null, idempotencyKey: submission.current() },
    });
    const errors = answer.data?.waveCreate.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      setMessage({ ok: false, text: errors[0]?.message ?? answer.error?.message ?? t('fulfilment.refused') });
      return;
    }
    submission.reset();
    const wave = answer.data?.waveCreate.wave;
    setMessage({ ok: true, text: t('fulfilment.waves.created', { orders: wave?.orderCount ?? 0, units: wave?.totalUnits ?? 0 }) });
    reload();
  };

  const changed = () => submission.reset();

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('fulfilment.waves.title')}
      </Typography.Title>
      <Space wrap align="center">
        <Select
          data-testid="waves-warehouse"
          aria-label={t('fulfilment.waves.warehouse')}
          placeholder={t('fulfilment.waves.warehouse')}
          allowClear
          value={warehouseId ?? undefined}
          onChange={(value: string | undefined) => {
            setWarehouseId(value ?? null);
            changed();
          }}
          showSearch
          optionFilterProp="label"
          options={(warehouses.data?.warehouses.nodes ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, code: w.code }))}
          optionRender={(o) => <span data-testid={`waves-warehouse-option-${o.data.code}`}>{o.label}</span>}
          style={{ width: 240, maxWidth: '100%' }}
        />
        {canWork && (
          <>
            <Space>
              <Switch
                data-testid="waves-single-line"
                checked={singleLineOnly}
                onChange={(v) => {
                  setSingleLineOnly(v);
                  changed();
                }}
                aria-label={t('fulfilment.waves.singleLineOnly')}
              />
              <span>{t('fulfilment.waves.singleLineOnly')}</span>
            </Space>
            <Select
              aria-label={t('fulfilment.waves.carrier')}
              placeholder={t('fulfilment.waves.carrier')}
              allowClear
              value={carrier ?? undefined}
              onChange={(value: CarrierCode | undefined) => {
                setCarrier(value ?? null);
                changed();
              }}
              options={CARRIERS.map((c) => ({ value: c, label: t(`fulfilment.carriers.${c}`) }))}
              style={{ width: 160 }}
            />
            <Input
              aria-label={t('fulfilment.waves.cutoff')}
              addonBefore={t('fulfilment.waves.cutoff')}
              placeholder="16:00"
              value={cutoff}
              onChange={(e) => {
                setCutoff(e.target.value);
                changed();
              }}
              style={{ width: 200 }}
            />
            <InputNumber
              aria-label={t('fulfilment.waves.maxOrders')}
              addonBefore={t('fulfilment.waves.maxOrders')}
              min={1}
              max={250}
              precision={0}
              value={maxOrders}
              onChange={(v) => {
                setMaxOrders(v ?? 50);
                changed();
              }}
            />
            <Button
              type="primary"
              data-testid="waves-create"
              disabled={!warehouseId}
              loading={creating.fetching}
              onClick={() => void createWave()}
            >
              {t('fulfilment.waves.create')}
            </Button>
          </>
        )}
      </Space>
      {message && (
        <Alert
          role={message.ok ? 'status' : 'alert'}
          data-testid="waves-message"
          showIcon
          type={message.ok ? 'success' : 'error'}
          message={message.text}
        />
      )}
      <section aria-labelledby="waves-heading">
        <Typography.Title level={2} id="waves-heading" style={{ fontSize: 18 }}>
          {t('fulfilment.waves.listTitle', { total: connection?.totalCount ?? 0 })}
        </Typography.Title>
        <QueryError error={result.error} onRetry={reload} />
        <ScrollRegion label={t('fulfilment.waves.title')}>
          <Table<Wave>
            data-testid="waves-table"
            rowKey="id"
            loading={result.fetching}
            pagination={false}
            onRow={(w) => ({ 'data-warehouse': w.warehouse?.code, 'data-status': w.status }) as HTMLAttributes<HTMLElement>}
            dataSource={connection?.nodes ?? []}
            locale={{ emptyText: <EmptyText>{t('fulfilment.waves.empty')}</EmptyText> }}
            columns={[
              { title: t('fulfilment.waves.warehouse'), render: (_, w) => w.warehouse?.code },
              {
                title: t('fulfilment.waves.status'),
                render: (_, w) => <Tag color={STATUS_COLOURS[w.status]}>{t(`fulfilment.waveStatuses.${w.status}`)}</Tag>,
              },
              { title: t('fulfilment.waves.orders'), dataIndex: 'orderCount' },
              {
                title: t('fulfilment.waves.progress'),
                render: (_, w) => (
                  <Progress
                    aria-label={t('fulfilment.waves.progress')}
                    percent={pickedPercent(w)}
                  {...progressLook(pickedPercent(w))}
                    format={() => t('fulfilment.waves.units', { picked: w.pickedUnits, total: w.totalUnits })}
                  />
                ),
              },
              {
                title: t('fulfilment.waves.carrier'),
                render: (_, w) => [w.carrier ? t(`fulfilment.carriers.${w.carrier}`) : null, w.cutoff].filter(Boolean).join(' · ') || '—',
              },
              {
                title: t('fulfilment.waves.actions'),
                render: (_, w) => (
                  <Space wrap>
                    {canWork && w.status === 'PICKING' && (
                      <Link to={`/fulfilment/waves/${encodeURIComponent(w.id)}/pick`} data-testid="waves-pick">
                        {t('fulfilment.waves.pick')}
                      </Link>
                    )}
                    {canWork &&
                      ordersOf(w)
                        .filter((o) => o.picked)
                        .map((o) => (
                          <Link key={o.id} to={`/fulfilment/orders/${encodeURIComponent(o.id)}/pack`} data-testid={`waves-pack-${o.reference}`}>
                            {t('fulfilment.waves.pack', { reference: o.reference })}
                          </Link>
                        ))}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollRegion>
        <CursorPager
          testId="waves-pager"
          args={pager.args}
          pageInfo={connection?.pageInfo}
          onNext={pager.next}
          onPrevious={pager.previous}
        />
      </section>
    </Space>
  );
}
