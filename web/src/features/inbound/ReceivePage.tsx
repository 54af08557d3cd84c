import { Alert, Button, Input, InputNumber, Popconfirm, Progress, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { InboundShipmentQuery as Result } from '../../gql/graphql';
import { QueryError } from '../../lib/QueryError';
import { InboundCloseMutation, InboundPutawayMutation, InboundReceiveMutation, InboundShipmentQuery, PutawayLocationQuery } from './documents';
import { namesShipment, parseReceiveScan, percent, sameCode, scanMatches } from './scan';
import { progressLook } from './progress';
import { ScrollRegion } from './ScrollRegion';
import { SCAN_FIELD, SCAN_ROW, useScanField } from './useScanField';

type Shipment = Extract<NonNullable<Result['node']>, { __typename?: 'InboundShipment' }>;
type Line = NonNullable<Shipment['lines']>[number];

/** A short line's tag: dark orange under white text (antd's orange preset falls below WCAG AA contrast). */
const SHORT_TAG = '#ad4e00';

/** The scan area's colour while scans go to the damaged location (pale orange). */
const DAMAGED_TINT = '#fff7e6';

/** What the scans do: receive units, or put received units away into storage. */
type Mode = 'receive' | 'putaway';

/**
 * The receiving screen, made for a barcode scanner acting as a keyboard: focus stays in the
 * scan field, Enter submits, a refused scan flashes red and beeps low, a good one beeps high
 * and the line's counts update. Receiving: `12*` sets the units of the next scan, the carton's
 * label (the shipment's reference, container or waybill) is acknowledged, "Damaged" sends the
 * next scans to the damaged location. Putting away: scan an item, then the location label
 * (the suggested one is shown); every unit of that line waiting at receiving goes there.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const client = useClient();
  const canReceive = viewer.scopes.includes('INVENTORY_WRITE');
  const [result, refetch] = useQuery({ query: InboundShipmentQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, receive] = useMutation(InboundReceiveMutation);
  const [, putaway] = useMutation(InboundPutawayMutation);
  const [, close] = useMutation(InboundCloseMutation);
  const [scan, setScan] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [damaged, setDamaged] = useState(false);
  const [mode, setMode] = useState<Mode>('receive');
  /** In putaway: the line whose item was scanned, waiting for its location. */
  const [moving, setMoving] = useState<Line | null>(null);
  const shipment = result.data?.node?.__typename === 'InboundShipment' ? (result.data.node as Shipment) : undefined;
  const open = shipment?.status === 'IN_TRANSIT' || shipment?.status === 'RECEIVING';
  const awaiting = (shipment?.lines ?? []).some((l) => l.awaitingPutaway > 0);
  const scanning = canReceive && (open || awaiting);
  const { field, focus, outcome, refuse, accept, area } = useScanField(scanning);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const activeMode: Mode = open ? mode : 'putaway';

  const receiveScan = async (raw: string) => {
    if (!shipment) return;
    const parsed = parseReceiveScan(raw);
    if (parsed.kind === 'empty') return;
    if (parsed.kind === 'quantity') {
      setQuantity(parsed.quantity);
      accept(t('inbound.scan.quantitySet', { units: parsed.quantity }));
      return;
    }
    if (namesShipment(parsed.barcode, shipment)) {
      accept(t('inbound.scan.carton', { reference: shipment.reference }));
      return;
    }
    const answer = await receive({ input: { shipmentId: shipment.id, barcode: parsed.barcode, quantity, damaged } });
    const errors = answer.data?.inboundReceive.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      refuse(errors[0]?.message ?? answer.error?.graphQLErrors[0]?.message ?? t('inbound.scan.refused'));
      return;
    }
    const line = answer.data?.inboundReceive.line;
    accept(t('inbound.scan.ok', { code: parsed.barcode, units: quantity, received: line?.received ?? 0 }));
    setQuantity(1);
    reload();
  };

  /** The location a putaway scan names: the suggested one at once, another by asking the server. */
  const locationOf = async (scanned: string, line: Line): Promise<{ id: string; code: string } | null> => {
    const suggested = line.suggestedPutawayLocation;
    if (suggested && sameCode(scanned, suggested.code)) return suggested;
    if (!shipment?.warehouse) return null;
    const answer = await client
      .query(PutawayLocationQuery, { warehouseId: shipment.warehouse.id, code: scanned }, { requestPolicy: 'network-only' })
      .toPromise();
    return answer.data?.locations.nodes.find((l) => l.active && sameCode(l.code, scanned)) ?? null;
  };

  const putawayScan = async (raw: string) => {
    if (!shipment) return;
    const scanned = parseReceiveScan(raw);
    if (scanned.kind !== 'item') return;
    if (!moving) {
      const lines = shipment.lines.filter((l) => l.sku && scanMatches(scanned.barcode, l.sku));
      const line = lines.find((l) => l.awaitingPutaway > 0);
      if (!line) {
        refuse(t(lines.length > 0 ? 'inbound.putaway.nothingWaiting' : 'inbound.putaway.notOnShipment', { scan: scanned.barcode }));
        return;
      }
      setMoving(line);
      accept(
        t('inbound.putaway.itemOk', {
          units: line.awaitingPutaway,
          sku: line.sku?.code ?? '',
          location: line.suggestedPutawayLocation?.code ?? t('inbound.line.none'),
        }),
      );
      return;
    }
    const to = await locationOf(scanned.barcode, moving);
    if (!to) {
      refuse(t('inbound.putaway.unknownLocation', { scan: scanned.barcode, warehouse: shipment.warehouse?.code ?? '' }));
      return;
    }
    const answer = await putaway({
      input: { shipmentId: shipment.id, lineId: moving.id, quantity: moving.awaitingPutaway, toLocationId: to.id },
    });
    const errors = answer.data?.inboundPutaway.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      refuse(errors[0]?.message ?? answer.error?.graphQLErrors[0]?.message ?? t('inbound.scan.refused'));
      return;
    }
    accept(t('inbound.line.putawayDone', { count: moving.awaitingPutaway, code: to.code }));
    setMoving(null);
    reload();
  };

  const submit = async () => {
    const raw = scan;
    setScan('');
    if (activeMode === 'receive') await receiveScan(raw);
    else await putawayScan(raw);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };

  /** Enter in the quantity field takes the operator back to scanning. */
  const onQuantityKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      focus();
    }
  };

  const putAway = async (line: Line) => {
    const to = line.suggestedPutawayLocation;
    if (!shipment || !to) return;
    const answer = await putaway({
      input: { shipmentId: shipment.id, lineId: line.id, quantity: line.awaitingPutaway, toLocationId: to.id },
    });
    const errors = answer.data?.inboundPutaway.userErrors ?? [];
    if (answer.error || errors.length > 0) refuse(errors[0]?.message ?? t('inbound.scan.refused'));
    else accept(t('inbound.line.putawayDone', { count: line.awaitingPutaway, code: to.code }));
    setMoving(null);
    reload();
  };

  const closeShipment = async () => {
    if (!shipment) return;
    const answer = await close({ input: { id: shipment.id } });
    const errors = answer.data?.inboundClose.userErrors ?? [];
    if (answer.error || errors.length > 0) refuse(errors[0]?.message ?? answer.error?.graphQLErrors[0]?.message ?? t('inbound.scan.refused'));
    reload();
  };

  const changeMode = (next: Mode) => {
    setMode(next);
    setMoving(null);
    focus();
  };

  const prompt =
    activeMode === 'receive'
      ? t('inbound.scan.placeholder')
      : moving
        ? t('inbound.putaway.scanLocation', { location: moving.suggestedPutawayLocation?.code ?? t('inbound.line.none') })
        : t('inbound.putaway.scanItem');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <QueryError error={result.error} onRetry={reload} />
      {shipment && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {t('inbound.scan.title', { reference: shipment.reference })}{' '}
              <Tag data-testid="inbound-status" data-status={shipment.status}>
                {t(`inbound.statuses.${shipment.status}`)}
              </Tag>
            </Typography.Title>
            {canReceive && open && (
              <Popconfirm
                title={t('inbound.scan.closeConfirm')}
                okText={t('inbound.scan.close')}
                cancelText={t('inbound.scan.keepOpen')}
                okButtonProps={{ id: 'inbound-close-confirm' }}
                onConfirm={() => void closeShipment()}
              >
                <Button data-testid="inbound-close">{t('inbound.scan.close')}</Button>
              </Popconfirm>
            )}
          </div>
          <div data-testid="inbound-progress" data-received={shipment.receivedUnits} data-expected={shipment.expectedUnits}>
            <Progress
              aria-label={t('inbound.progressOf', { reference: shipment.reference })}
              percent={percent(shipment.progress)}
              {...progressLook(percent(shipment.progress), shipment.hasDiscrepancies)}
              format={() => t('inbound.units', { received: shipment.receivedUnits, expected: shipment.expectedUnits })}
            />
            {shipment.hasDiscrepancies && (
              <Tag color="red" data-testid="inbound-has-discrepancies">
                {t('inbound.discrepancies')}
              </Tag>
            )}
          </div>
          {!canReceive && <Alert type="info" message={t('inbound.scan.cannot')} />}
          {canReceive && !open && <Alert type="info" message={t(awaiting ? 'inbound.scan.closedAwaiting' : 'inbound.scan.closed')} />}
          {scanning && (
            <div
              data-testid="inbound-scan-area"
              data-mode={activeMode}
              {...area(activeMode === 'receive' && damaged ? DAMAGED_TINT : undefined)}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                {open && (
                  <Radio.Group
                    aria-label={t('inbound.scan.mode')}
                    optionType="button"
                    value={activeMode}
                    onChange={(e) => changeMode(e.target.value as Mode)}
                    options={[
                      { value: 'receive', label: <span data-testid="inbound-mode-receive">{t('inbound.scan.receiveMode')}</span> },
                      { value: 'putaway', label: <span data-testid="inbound-mode-putaway">{t('inbound.scan.putawayMode')}</span> },
                    ]}
                  />
                )}
                <div style={{ ...SCAN_ROW, marginTop: 0 }}>
                  <Input
                    ref={field}
                    data-testid="inbound-scan"
                    aria-label={t('inbound.scan.field')}
                    placeholder={prompt}
                    value={scan}
                    onChange={(e) => setScan(e.target.value)}
                    onKeyDown={onKeyDown}
                    autoComplete="off"
                    size="large"
                    style={SCAN_FIELD}
                  />
                  {activeMode === 'receive' && (
                    <>
                      <InputNumber
                        data-testid="inbound-quantity"
                        aria-label={t('inbound.scan.quantity')}
                        addonBefore={t('inbound.scan.quantity')}
                        min={1}
                        max={99_999}
                        precision={0}
                        value={quantity}
                        onChange={(v) => setQuantity(v ?? 1)}
                        onKeyDown={onQuantityKeyDown}
                        size="large"
                        style={{ width: 180 }}
                      />
                      <Space>
                        <Switch data-testid="inbound-damaged" checked={damaged} onChange={setDamaged} aria-label={t('inbound.scan.damaged')} />
                        <span aria-hidden>{t('inbound.scan.damaged')}</span>
                      </Space>
                    </>
                  )}
                </div>
                <Typography.Text type="secondary">{t(activeMode === 'receive' ? 'inbound.scan.help' : 'inbound.putaway.help')}</Typography.Text>
                {outcome && (
                  <Alert
                    role={outcome.ok ? 'status' : 'alert'}
                    data-testid="inbound-outcome"
                    type={outcome.ok ? 'success' : 'error'}
                    showIcon
                    message={outcome.text}
                  />
                )}
              </Space>
            </div>
          )}
          <ScrollRegion label={t('inbound.line.title')}>
            <Table<Line>
              data-testid="inbound-lines"
              rowKey="id"
              pagination={false}
              dataSource={shipment.lines}
              onRow={(l) =>
                ({
                  'data-sku': l.sku?.code,
                  'data-suggested': l.suggestedPutawayLocation?.code,
                  'data-selected': moving?.id === l.id ? 'true' : undefined,
                }) as HTMLAttributes<HTMLElement>
              }
              rowClassName={(l) => (moving?.id === l.id ? 'ant-table-row-selected' : '')}
              columns={[
                { key: 'sku', title: t('inbound.line.sku'), render: (_, l) => l.sku?.code },
                { key: 'lot', title: t('inbound.line.lot'), dataIndex: 'lot' },
                { key: 'expected', title: t('inbound.line.expected'), dataIndex: 'expected' },
                { key: 'received', title: t('inbound.line.received'), render: (_, l) => <span data-testid="line-received">{l.received}</span> },
                { key: 'damaged', title: t('inbound.line.damaged'), dataIndex: 'damaged' },
                { key: 'putAway', title: t('inbound.line.putAway'), render: (_, l) => <span data-testid="line-put-away">{l.putAway}</span> },
                {
                  key: 'discrepancy',
                  title: t('inbound.line.discrepancy'),
                  render: (_, l) =>
                    l.discrepancy && l.discrepancy !== 'NONE' ? (
                      <Tag data-testid="line-discrepancy" data-discrepancy={l.discrepancy} color={l.discrepancy === 'SHORT' ? SHORT_TAG : 'red'}>
                        {t(`inbound.discrepancy.${l.discrepancy}`)}
                        {l.discrepancy === 'SHORT' && l.shortUnits > 0 ? ` ${l.shortUnits}` : ''}
                        {l.discrepancy === 'OVER' && l.overUnits > 0 ? ` ${l.overUnits}` : ''}
                      </Tag>
                    ) : null,
                },
                {
                  key: 'suggested',
                  title: t('inbound.line.suggested'),
                  render: (_, l) =>
                    canReceive && l.awaitingPutaway > 0 && l.suggestedPutawayLocation ? (
                      <Button size="small" onClick={() => void putAway(l)} data-testid={`inbound-putaway-${l.sku?.code}`}>
                        {t('inbound.line.putaway', { count: l.awaitingPutaway, code: l.suggestedPutawayLocation.code })}
                      </Button>
                    ) : (
                      (l.suggestedPutawayLocation?.code ?? t('inbound.line.none'))
                    ),
                },
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Space>
  );
}
