import { Alert, Button, Input, InputNumber, Popconfirm, Progress, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import type { InputRef } from 'antd';
import type { InboundShipmentQuery as Result } from '../../gql/graphql';
import { QueryError } from '../../lib/QueryError';
import { InboundCloseMutation, InboundPutawayMutation, InboundReceiveMutation, InboundShipmentQuery } from './documents';
import { beep, normaliseScan, percent } from './scan';

type Shipment = Extract<NonNullable<Result['node']>, { __typename?: 'InboundShipment' }>;
type Line = NonNullable<Shipment['lines']>[number];

/** How the last scan went, shown (and heard) at once. */
type Outcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * The receiving screen, made for a barcode scanner acting as a keyboard: focus stays in the
 * scan field, Enter submits, a refused scan flashes red and beeps low, a good one beeps high
 * and the line's counts update. "Damaged" sends the next scans to the damaged location. Each
 * line offers putaway of its waiting units to the suggested location.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const canReceive = viewer.scopes.includes('INVENTORY_WRITE');
  const [result, refetch] = useQuery({ query: InboundShipmentQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, receive] = useMutation(InboundReceiveMutation);
  const [, putaway] = useMutation(InboundPutawayMutation);
  const [, close] = useMutation(InboundCloseMutation);
  const [scan, setScan] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [damaged, setDamaged] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [flash, setFlash] = useState(false);
  const field = useRef<InputRef>(null);
  const shipment = result.data?.node?.__typename === 'InboundShipment' ? (result.data.node as Shipment) : undefined;
  const open = shipment?.status === 'IN_TRANSIT' || shipment?.status === 'RECEIVING';
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const refocus = () => field.current?.focus();

  // Focus returns to the scan field whenever anything else took it, so the next scan lands there.
  useEffect(() => {
    refocus();
    const keep = () => setTimeout(refocus, 0);
    window.addEventListener('click', keep);
    return () => window.removeEventListener('click', keep);
  }, []);

  const refuse = (text: string) => {
    setOutcome({ ok: false, text });
    setFlash(true);
    setTimeout(() => setFlash(false), 600);
    beep(false);
  };

  const submit = async () => {
    const barcode = normaliseScan(scan);
    setScan('');
    if (!barcode || !shipment) return;
    const answer = await receive({ input: { shipmentId: shipment.id, barcode, quantity, damaged } });
    const errors = answer.data?.inboundReceive.userErrors ?? [];
    if (answer.error || errors.length > 0) {
      refuse(errors[0]?.message ?? answer.error?.graphQLErrors[0]?.message ?? t('inbound.scan.refused'));
      return;
    }
    beep(true);
    const line = answer.data?.inboundReceive.line;
    setOutcome({ ok: true, text: t('inbound.scan.ok', { code: barcode, received: line?.received ?? 0 }) });
    setQuantity(1);
    reload();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
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
    else setOutcome({ ok: true, text: t('inbound.line.putawayDone', { count: line.awaitingPutaway, code: to.code }) });
    reload();
  };

  const closeShipment = async () => {
    if (!shipment) return;
    const answer = await close({ input: { id: shipment.id } });
    const errors = answer.data?.inboundClose.userErrors ?? [];
    if (errors.length > 0) refuse(errors[0]?.message ?? t('inbound.scan.refused'));
    reload();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <QueryError error={result.error} onRetry={reload} />
      {shipment && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {t('inbound.scan.title', { reference: shipment.reference })}{' '}
              <Tag>{t(`inbound.statuses.${shipment.status}`)}</Tag>
            </Typography.Title>
            {canReceive && open && (
              <Popconfirm title={t('inbound.scan.closeConfirm')} onConfirm={() => void closeShipment()}>
                <Button data-testid="inbound-close">{t('inbound.scan.close')}</Button>
              </Popconfirm>
            )}
          </div>
          <Progress percent={percent(shipment.progress)} />
          {!canReceive && <Alert type="info" message={t('inbound.scan.cannot')} />}
          {canReceive && !open && <Alert type="info" message={t('inbound.scan.closed')} />}
          {canReceive && open && (
            <div
              data-testid="inbound-scan-area"
              data-flash={flash ? 'refused' : undefined}
              style={{
                padding: 16,
                borderRadius: 8,
                transition: 'background-color 0.15s',
                backgroundColor: flash ? '#ff4d4f' : damaged ? '#fff1f0' : '#f6ffed',
              }}
            >
              <Space wrap align="center">
                <Input
                  ref={field}
                  data-testid="inbound-scan"
                  aria-label={t('inbound.scan.field')}
                  placeholder={t('inbound.scan.placeholder')}
                  value={scan}
                  onChange={(e) => setScan(e.target.value)}
                  onKeyDown={onKeyDown}
                  autoComplete="off"
                  size="large"
                  style={{ width: 360 }}
                />
                <InputNumber
                  aria-label={t('inbound.scan.quantity')}
                  min={1}
                  precision={0}
                  value={quantity}
                  onChange={(v) => setQuantity(v ?? 1)}
                  size="large"
                />
                <Space>
                  <Switch data-testid="inbound-damaged" checked={damaged} onChange={setDamaged} aria-label={t('inbound.scan.damaged')} />
                  <span>{t('inbound.scan.damaged')}</span>
                </Space>
              </Space>
              {outcome && (
                <Alert
                  role={outcome.ok ? 'status' : 'alert'}
                  data-testid="inbound-outcome"
                  style={{ marginTop: 12 }}
                  type={outcome.ok ? 'success' : 'error'}
                  message={outcome.text}
                />
              )}
            </div>
          )}
          <Table<Line>
            data-testid="inbound-lines"
            rowKey="id"
            pagination={false}
            dataSource={shipment.lines}
            columns={[
              { title: t('inbound.line.sku'), render: (_, l) => l.sku?.code },
              { title: t('inbound.line.lot'), dataIndex: 'lot' },
              { title: t('inbound.line.expected'), dataIndex: 'expected' },
              { title: t('inbound.line.received'), dataIndex: 'received' },
              { title: t('inbound.line.damaged'), dataIndex: 'damaged' },
              { title: t('inbound.line.putAway'), dataIndex: 'putAway' },
              {
                title: t('inbound.line.discrepancy'),
                render: (_, l) =>
                  l.discrepancy && l.discrepancy !== 'NONE' ? (
                    <Tag color={l.discrepancy === 'SHORT' ? 'orange' : 'red'}>{t(`inbound.discrepancy.${l.discrepancy}`)}</Tag>
                  ) : null,
              },
              {
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
        </>
      )}
    </Space>
  );
}
