import { Alert, Button, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { GetRef, InputNumberProps } from 'antd';
import type { CarrierCode, LabelFormat, PackOrderQuery as Result } from '../../gql/graphql';
import { EmptyText } from '../../lib/EmptyText';
import { QueryError } from '../../lib/QueryError';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { downloadFile } from '../catalog/skus/files';
import { ScrollRegion } from '../inbound/ScrollRegion';
import { SCAN_FIELD, SCAN_ROW, useScanField } from '../inbound/useScanField';
import { OrderShipMutation, PackOrderQuery, PackageCreateMutation } from './documents';
import { packScan, positiveWhole, type Tally } from './scanning';

/** A weight or side field: its words, the number and its unit fit a phone's width. */
const SIZE_FIELD = { width: 200 };

type Order = Extract<NonNullable<Result['node']>, { __typename?: 'Order' }>;
type Shipment = Order['shipments'][number];

/**
 * Packing and shipping one order. Scan its items into the package (focus stays in the scan
 * field, Enter adds a unit): an item not in the order, or one unit more than it holds, is
 * refused at once, loudly (red and a low beep). Once every unit is scanned focus goes to the
 * weight; weigh and measure the box and press Enter to create the package (the server checks
 * the scans again). The order is then PACKED and ships, Enter on the focused form: with the
 * simulated carrier (a label to print, PDF or ZPL) or by hand with the tracking number the
 * carrier gave, typed or scanned.
 */
export function PackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, refetch] = useQuery({ query: PackOrderQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, createPackage] = useMutation(PackageCreateMutation);
  const [shipping, ship] = useMutation(OrderShipMutation);
  const submission = useSubmissionKey();
  const [scan, setScan] = useState('');
  const [tally, setTally] = useState<Tally>([]);
  const [weight, setWeight] = useState<number | null>(null);
  const [size, setSize] = useState<{ length: number | null; width: number | null; height: number | null }>({
    length: null,
    width: null,
    height: null,
  });
  const [carrier, setCarrier] = useState<CarrierCode>('SIMULATED');
  const [labelFormat, setLabelFormat] = useState<LabelFormat>('PDF');
  const [trackingNumber, setTrackingNumber] = useState('');
  const weightField = useRef<GetRef<typeof InputNumber>>(null);
  const shipButton = useRef<HTMLButtonElement>(null);
  const order = result.data?.node?.__typename === 'Order' ? (result.data.node as Order) : undefined;
  const packing = order?.status === 'PICKING';
  const { field, outcome, refuse, accept, area } = useScanField(packing);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  // Packed: the ship form is next, Enter ships.
  useEffect(() => {
    if (order?.status === 'PACKED') shipButton.current?.focus();
  }, [order?.status]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !order) return;
    e.preventDefault();
    const raw = scan;
    setScan('');
    const next = packScan(order, tally, raw);
    switch (next.kind) {
      case 'empty':
        return;
      case 'not-in-order':
        refuse(t('fulfilment.pack.notInOrder', { scan: next.scanned }));
        return;
      case 'too-many':
        refuse(t('fulfilment.pack.tooMany', { sku: next.code, ordered: next.ordered }));
        return;
      case 'added': {
        setTally(next.tally);
        const counted = t('fulfilment.pack.scannedOk', { sku: next.code, scanned: next.scanned, ordered: next.ordered });
        accept(next.complete ? `${counted} ${t('fulfilment.pack.allScanned')}` : counted);
        // Every unit is in: weighing is next.
        if (next.complete) setTimeout(() => weightField.current?.focus(), 0);
      }
    }
  };

  /** Enter in the weight or a side creates the package once everything is filled in. */
  const onSizeKeyDown: InputNumberProps['onKeyDown'] = (e) => {
    if (e.key === 'Enter' && ready) void pack();
  };

  const dimensions = {
    length: positiveWhole(size.length),
    width: positiveWhole(size.width),
    height: positiveWhole(size.height),
  };
  const grams = positiveWhole(weight);
  const ready = tally.length > 0 && grams != null && dimensions.length != null && dimensions.width != null && dimensions.height != null;

  const pack = async () => {
    if (!order || !ready) return;
    const answer = await createPackage({
      input: {
        orderId: order.id,
        items: tally.map((x) => ({ barcode: x.barcode, quantity: x.quantity })),
        weightGrams: grams,
        dimensionsMm: { length: dimensions.length!, width: dimensions.width!, height: dimensions.height! },
      },
    });
    const errors = answer.data?.packageCreate.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      refuse(errors.map((e) => e.message).join(' ') || (answer.error?.message ?? t('fulfilment.refused')));
      return;
    }
    setTally([]);
    accept(t('fulfilment.pack.created', { number: answer.data?.packageCreate.package?.number ?? 0 }));
    reload();
  };

  const shipOrder = async () => {
    if (!order) return;
    const answer = await ship({
      input: {
        orderId: order.id,
        carrier,
        labelFormat,
        trackingNumber: carrier === 'MANUAL' ? trackingNumber : null,
        idempotencyKey: submission.current(),
      },
    });
    const errors = answer.data?.orderShip.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      refuse(errors[0]?.message ?? answer.error?.message ?? t('fulfilment.refused'));
      return;
    }
    submission.reset();
    accept(t('fulfilment.ship.shipped'));
    reload();
  };

  const openLabel = async (shipment: Shipment) => {
    if (!shipment.labelUrl) return;
    const extension = shipment.labelFormat === 'ZPL' ? 'zpl' : 'pdf';
    try {
      await downloadFile(shipment.labelUrl, `${shipment.trackingNumber}.${extension}`);
    } catch (e) {
      refuse(e instanceof Error ? e.message : String(e));
    }
  };

  // Next to the scan field while packing, where the eye is; below the package once packed.
  const outcomeAlert = outcome && (
    <Alert
      role={outcome.ok ? 'status' : 'alert'}
      data-testid="pack-outcome"
      showIcon
      type={outcome.ok ? 'success' : 'error'}
      message={outcome.text}
    />
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <QueryError error={result.error} onRetry={reload} />
      {order && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('fulfilment.pack.title', { reference: order.reference })} <Tag>{t(`fulfilment.orderStatuses.${order.status}`)}</Tag>
          </Typography.Title>
          <Typography.Text>
            {order.shipTo.name} · {order.shipTo.city} · {order.shipTo.countryCode}
          </Typography.Text>
          <ScrollRegion label={t('fulfilment.pack.lines')}>
            <Table
              data-testid="pack-lines"
              rowKey={(l) => l.sku?.id ?? ''}
              pagination={false}
              dataSource={order.lines}
              columns={[
                { title: t('fulfilment.pick.sku'), render: (_, l) => l.sku?.code },
                { title: t('fulfilment.pack.barcodes'), render: (_, l) => l.sku?.barcodes.map((b) => b.barcode).join(', ') },
                { title: t('fulfilment.pick.units'), dataIndex: 'quantity' },
              ]}
            />
          </ScrollRegion>
          {packing && (
            <div data-testid="pack-scan-area" {...area()}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <div style={{ ...SCAN_ROW, marginTop: 0 }}>
                  <Input
                    ref={field}
                    data-testid="pack-scan"
                    aria-label={t('fulfilment.pack.field')}
                    placeholder={t('fulfilment.pack.placeholder')}
                    value={scan}
                    onChange={(e) => setScan(e.target.value)}
                    onKeyDown={onKeyDown}
                    autoComplete="off"
                    size="large"
                    style={SCAN_FIELD}
                  />
                </div>
                {outcomeAlert}
                <ScrollRegion label={t('fulfilment.pack.scanned')}>
                  <Table
                    data-testid="pack-tally"
                    rowKey="barcode"
                    size="small"
                    pagination={false}
                    dataSource={[...tally]}
                    locale={{ emptyText: <EmptyText>{t('fulfilment.pack.nothingScanned')}</EmptyText> }}
                    columns={[
                      { title: t('fulfilment.pack.scanned'), dataIndex: 'barcode' },
                      { title: t('fulfilment.pick.sku'), dataIndex: 'code' },
                      { title: t('fulfilment.pick.units'), render: (_, x) => <span data-testid={`pack-tally-${x.code}`}>{x.quantity}</span> },
                    ]}
                  />
                </ScrollRegion>
                <Space wrap>
                  <InputNumber
                    ref={weightField}
                    data-testid="pack-weight"
                    aria-label={t('fulfilment.pack.weight')}
                    addonBefore={t('fulfilment.pack.weight')}
                    addonAfter="g"
                    min={1}
                    precision={0}
                    value={weight}
                    onChange={setWeight}
                    onKeyDown={onSizeKeyDown}
                    style={SIZE_FIELD}
                  />
                  {(['length', 'width', 'height'] as const).map((side) => (
                    <InputNumber
                      key={side}
                      data-testid={`pack-${side}`}
                      aria-label={t(`fulfilment.pack.${side}`)}
                      addonBefore={t(`fulfilment.pack.${side}`)}
                      addonAfter="mm"
                      min={1}
                      precision={0}
                      value={size[side]}
                      onChange={(v) => setSize((now) => ({ ...now, [side]: v }))}
                      onKeyDown={onSizeKeyDown}
                      style={SIZE_FIELD}
                    />
                  ))}
                </Space>
                <Space>
                  <Button type="primary" data-testid="pack-create" disabled={!ready} onClick={() => void pack()}>
                    {t('fulfilment.pack.create')}
                  </Button>
                  <Button onClick={() => setTally([])} data-testid="pack-clear">
                    {t('fulfilment.pack.clear')}
                  </Button>
                </Space>
              </Space>
            </div>
          )}
          {!packing && outcomeAlert}
          {order.packages.length > 0 && (
            <ScrollRegion label={t('fulfilment.pack.packages')}>
              <Table
                data-testid="pack-packages"
                rowKey="id"
                pagination={false}
                dataSource={order.packages}
                columns={[
                  { title: '#', dataIndex: 'number' },
                  { title: t('fulfilment.pack.weight'), render: (_, p) => `${p.weightGrams} g` },
                  { title: t('fulfilment.pack.size'), render: (_, p) => `${p.dimensionsMm.length} × ${p.dimensionsMm.width} × ${p.dimensionsMm.height} mm` },
                  { title: t('fulfilment.pack.items'), render: (_, p) => p.items.map((i) => `${i.sku?.code ?? '?'} × ${i.quantity}`).join(', ') },
                ]}
              />
            </ScrollRegion>
          )}
          {order.status === 'PACKED' && (
            <Space direction="vertical" data-testid="ship-form">
              <Typography.Title level={2} style={{ fontSize: 18 }}>{t('fulfilment.ship.title')}</Typography.Title>
              <Radio.Group
                aria-label={t('fulfilment.waves.carrier')}
                value={carrier}
                onChange={(e) => { setCarrier(e.target.value as CarrierCode); submission.reset(); }}
              >
                <Radio.Button value="SIMULATED">
                  <span data-testid="ship-carrier-SIMULATED">{t('fulfilment.carriers.SIMULATED')}</span>
                </Radio.Button>
                <Radio.Button value="MANUAL">
                  <span data-testid="ship-carrier-MANUAL">{t('fulfilment.carriers.MANUAL')}</span>
                </Radio.Button>
              </Radio.Group>
              {carrier === 'MANUAL' ? (
                <Input
                  autoFocus
                  data-testid="ship-tracking"
                  aria-label={t('fulfilment.ship.trackingNumber')}
                  placeholder={t('fulfilment.ship.trackingPlaceholder')}
                  value={trackingNumber}
                  onChange={(e) => { setTrackingNumber(e.target.value); submission.reset(); }}
                  onPressEnter={() => void shipOrder()}
                  autoComplete="off"
                  style={{ width: 320, maxWidth: '100%' }}
                />
              ) : (
                <Radio.Group value={labelFormat} onChange={(e) => { setLabelFormat(e.target.value as LabelFormat); submission.reset(); }}>
                  <Radio value="PDF">{t('fulfilment.ship.pdf')}</Radio>
                  <Radio value="ZPL">{t('fulfilment.ship.zpl')}</Radio>
                </Radio.Group>
              )}
              <Button ref={shipButton} type="primary" data-testid="ship-submit" loading={shipping.fetching} onClick={() => void shipOrder()}>
                {t('fulfilment.ship.submit')}
              </Button>
            </Space>
          )}
          {order.shipments.length > 0 && (
            <Space wrap>
              <Link to={`/orders/${encodeURIComponent(order.id)}`} data-testid="pack-order-link">
                {t('fulfilment.pack.openOrder', { reference: order.reference })}
              </Link>
              <Link to="/fulfilment">{t('fulfilment.pack.backToWaves')}</Link>
            </Space>
          )}
          {order.shipments.length > 0 && (
            <ScrollRegion label={t('fulfilment.ship.shipments')}>
              <Table<Shipment>
                data-testid="ship-shipments"
                rowKey="id"
                pagination={false}
                dataSource={order.shipments}
                columns={[
                  { title: t('fulfilment.waves.carrier'), render: (_, s) => t(`fulfilment.carriers.${s.carrier}`) },
                  {
                    title: t('fulfilment.ship.trackingNumber'),
                    render: (_, s) => <span data-testid="ship-tracking-number">{s.trackingNumber}</span>,
                  },
                  { title: t('fulfilment.ship.status'), render: (_, s) => t(`fulfilment.trackingStatuses.${s.status}`) },
                  {
                    title: t('fulfilment.ship.events'),
                    // Sentences: wide enough to read on a phone (the region scrolls).
                    onCell: () => ({ style: { minWidth: 220 } }),
                    render: (_, s) => s.events.map((e) => e.description).join(' → '),
                  },
                  {
                    title: t('fulfilment.ship.label'),
                    render: (_, s) =>
                      s.labelUrl ? (
                        <Button size="small" onClick={() => void openLabel(s)} data-testid="ship-label">
                          {t('fulfilment.ship.download', { format: s.labelFormat ?? '' })}
                        </Button>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </ScrollRegion>
          )}
        </>
      )}
    </Space>
  );
}
