import { Alert, Button, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { InputRef } from 'antd';
import type { CarrierCode, LabelFormat, PackOrderQuery as Result } from '../../gql/graphql';
import { QueryError } from '../../lib/QueryError';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { downloadFile } from '../catalog/skus/files';
import { beep } from '../inbound/scan';
import { OrderShipMutation, PackOrderQuery, PackageCreateMutation } from './documents';
import { addScan, positiveWhole, type Tally } from './scanning';

type Order = Extract<NonNullable<Result['node']>, { __typename?: 'Order' }>;
type Shipment = Order['shipments'][number];

/**
 * Packing and shipping one order. Scan its items into the package (focus stays in the scan
 * field, Enter adds a unit), weigh and measure the box, create the package: the server refuses
 * an item not in the order or more units than were picked, loudly here (red and a low beep).
 * Once every picked unit is packed the order is PACKED and ships: with the simulated carrier
 * (a label to print, PDF or ZPL) or by hand with the tracking number the carrier gave.
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
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [flash, setFlash] = useState(false);
  const field = useRef<InputRef>(null);
  const order = result.data?.node?.__typename === 'Order' ? (result.data.node as Order) : undefined;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    field.current?.focus();
  }, [order?.status]);

  const refuse = (text: string) => {
    setOutcome({ ok: false, text });
    setFlash(true);
    setTimeout(() => setFlash(false), 600);
    beep(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    setTally((now) => addScan(now, scan));
    setScan('');
    beep(true);
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
    beep(true);
    setTally([]);
    setOutcome({ ok: true, text: t('fulfilment.pack.created', { number: answer.data?.packageCreate.package?.number ?? 0 }) });
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
    beep(true);
    setOutcome({ ok: true, text: t('fulfilment.ship.shipped') });
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

  const packing = order?.status === 'PICKING';
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
          {packing && (
            <div
              data-testid="pack-scan-area"
              data-flash={flash ? 'refused' : undefined}
              style={{ padding: 16, borderRadius: 8, transition: 'background-color 0.15s', backgroundColor: flash ? '#ff4d4f' : '#f6ffed' }}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
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
                  style={{ width: 360 }}
                />
                <Table
                  data-testid="pack-tally"
                  rowKey="barcode"
                  size="small"
                  pagination={false}
                  dataSource={[...tally]}
                  locale={{ emptyText: t('fulfilment.pack.nothingScanned') }}
                  columns={[
                    { title: t('fulfilment.pack.scanned'), dataIndex: 'barcode' },
                    { title: t('fulfilment.pick.units'), dataIndex: 'quantity' },
                  ]}
                />
                <Space wrap>
                  <InputNumber aria-label={t('fulfilment.pack.weight')} addonBefore={t('fulfilment.pack.weight')} addonAfter="g"
                    min={1} precision={0} value={weight} onChange={setWeight} />
                  {(['length', 'width', 'height'] as const).map((side) => (
                    <InputNumber
                      key={side}
                      aria-label={t(`fulfilment.pack.${side}`)}
                      addonBefore={t(`fulfilment.pack.${side}`)}
                      addonAfter="mm"
                      min={1}
                      precision={0}
                      value={size[side]}
                      onChange={(v) => setSize((now) => ({ ...now, [side]: v }))}
                    />
                  ))}
                </Space>
                <Space>
                  <Button type="primary" data-testid="pack-create" disabled={!ready} onClick={() => void pack()}>
                    {t('fulfilment.pack.create')}
                  </Button>
                  <Button onClick={() => setTally([])}>{t('fulfilment.pack.clear')}</Button>
                </Space>
              </Space>
            </div>
          )}
          {outcome && (
            <Alert role={outcome.ok ? 'status' : 'alert'} data-testid="pack-outcome" type={outcome.ok ? 'success' : 'error'} message={outcome.text} />
          )}
          {order.packages.length > 0 && (
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
          )}
          {order.status === 'PACKED' && (
            <Space direction="vertical" data-testid="ship-form">
              <Typography.Title level={2} style={{ fontSize: 18 }}>{t('fulfilment.ship.title')}</Typography.Title>
              <Radio.Group value={carrier} onChange={(e) => { setCarrier(e.target.value as CarrierCode); submission.reset(); }}>
                <Radio.Button value="SIMULATED">{t('fulfilment.carriers.SIMULATED')}</Radio.Button>
                <Radio.Button value="MANUAL">{t('fulfilment.carriers.MANUAL')}</Radio.Button>
              </Radio.Group>
              {carrier === 'MANUAL' ? (
                <Input
                  data-testid="ship-tracking"
                  aria-label={t('fulfilment.ship.trackingNumber')}
                  placeholder={t('fulfilment.ship.trackingNumber')}
                  value={trackingNumber}
                  onChange={(e) => { setTrackingNumber(e.target.value); submission.reset(); }}
                  style={{ width: 320 }}
                />
              ) : (
                <Radio.Group value={labelFormat} onChange={(e) => { setLabelFormat(e.target.value as LabelFormat); submission.reset(); }}>
                  <Radio value="PDF">{t('fulfilment.ship.pdf')}</Radio>
                  <Radio value="ZPL">{t('fulfilment.ship.zpl')}</Radio>
                </Radio.Group>
              )}
              <Button type="primary" data-testid="ship-submit" loading={shipping.fetching} onClick={() => void shipOrder()}>
                {t('fulfilment.ship.submit')}
              </Button>
            </Space>
          )}
          {order.shipments.length > 0 && (
            <Table<Shipment>
              data-testid="ship-shipments"
              rowKey="id"
              pagination={false}
              dataSource={order.shipments}
              columns={[
                { title: t('fulfilment.waves.carrier'), render: (_, s) => t(`fulfilment.carriers.${s.carrier}`) },
                { title: t('fulfilment.ship.trackingNumber'), dataIndex: 'trackingNumber' },
                { title: t('fulfilment.ship.status'), render: (_, s) => t(`fulfilment.trackingStatuses.${s.status}`) },
                { title: t('fulfilment.ship.events'), render: (_, s) => s.events.map((e) => e.description).join(' → ') },
                {
                  title: t('fulfilment.ship.label'),
                  render: (_, s) =>
                    s.labelUrl ? (
                      <Button size="small" onClick={() => void openLabel(s)}>
                        {t('fulfilment.ship.download', { format: s.labelFormat ?? '' })}
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
