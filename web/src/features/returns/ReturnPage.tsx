import { Alert, Descriptions, Input, Progress, Radio, Result, Space, Table, Tag, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useViewer } from '../../auth/useAuth';
import { serverMessage } from '../../graphql/errors';
import type { ReturnInspection, ReturnQuery as ReturnResult, ReturnMovementsQuery as MovementsResult } from '../../gql/graphql';
import { EmptyText } from '../../lib/EmptyText';
import { formatDateTime } from '../../lib/format';
import { gidUuid } from '../../lib/gid';
import { QueryError } from '../../lib/QueryError';
import { normaliseScan } from '../inbound/scan';
import { matchSkus } from '../inventory/counts/counting';
import { LocationSelect } from '../inventory/pickers';
import { ScanArea, ScanOutcomeAlert, useScanScreen } from '../inventory/scanScreen';
import { levelPath, signed } from '../inventory/stock';
import { ReturnInspectMutation, ReturnMovementsQuery, ReturnQuery, ReturnReceiveMutation } from './documents';
import { LineStateTag, ReturnStatusTag } from './parts';
import { lineState, nextMode, totals, type ScanMode } from './rma';

type Rma = Extract<NonNullable<ReturnResult['node']>, { __typename?: 'Return' }>;
type Line = Rma['lines'][number];
type Movement = MovementsResult['stockMovements']['nodes'][number];

const OUTCOMES: ReturnInspection[] = ['RESTOCK', 'DAMAGED', 'DISPOSE'];

/** The return's SKUs as a scan is matched against them (by code or barcode). */
const skusOf = (lines: readonly Line[]) =>
  lines.flatMap((l) => (l.sku ? [{ id: l.sku.id, code: l.sku.code, barcodes: l.sku.barcodes.map((b) => b.barcode), lotTracked: false }] : []));

/**
 * One return: its lines and where each stands, the scan screen that receives the units coming
 * back (into quarantine) and inspects them one unit a scan (restock to a sellable location,
 * damaged, dispose), and the stock movements it caused, each linked to the SKU's ledger.
 * Receiving turns into inspecting by itself once everything expected is back. Focus stays in
 * the scan field, Enter submits, a refused scan flashes red and beeps low.
 */
export function ReturnPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const canWork = viewer.scopes.includes('INVENTORY_WRITE');
  const [result, refetch] = useQuery({ query: ReturnQuery, variables: { id }, requestPolicy: 'network-only' });
  const referenceId = gidUuid(id) ?? '';
  const [movements, refetchMovements] = useQuery({ query: ReturnMovementsQuery, variables: { referenceId }, pause: !referenceId, requestPolicy: 'network-only' });
  const [, receive] = useMutation(ReturnReceiveMutation);
  const [, inspect] = useMutation(ReturnInspectMutation);
  const [scan, setScan] = useState('');
  const [chosen, setChosen] = useState<ScanMode>('receive');
  const [outcome, setOutcome] = useState<ReturnInspection>('RESTOCK');
  const [restockTo, setRestockTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rma = result.data?.node?.__typename === 'Return' ? (result.data.node as Rma) : undefined;
  const open = rma?.status === 'REQUESTED' || rma?.status === 'RECEIVING';
  const mode = rma ? nextMode(rma.lines, chosen) : null;
  const screen = useScanScreen(mode);
  const sum = totals(rma?.lines ?? []);
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchMovements({ requestPolicy: 'network-only' });
  };

  const submit = async () => {
    const barcode = normaliseScan(scan);
    setScan('');
    if (!barcode || !rma || !mode || busy) return;
    if (mode === 'inspect' && outcome === 'RESTOCK' && !restockTo) {
      screen.refuse(t('returns.scan.restockWhere'));
      return;
    }
    setBusy(true);
    try {
      const answer =
        mode === 'receive'
          ? await receive({ input: { returnId: rma.id, barcode, quantity: 1 } }).then((r) => ({ error: r.error, payload: r.data?.returnReceive }))
          : await inspect({
              input: { returnId: rma.id, barcode, quantity: 1, outcome, toLocationId: outcome === 'RESTOCK' ? restockTo : null },
            }).then((r) => ({ error: r.error, payload: r.data?.returnInspect }));
      const errors = answer.payload?.userErrors ?? [];
      if (answer.error || errors.length > 0) {
        screen.refuse(errors.map((e) => e.message).join(' ') || (serverMessage(answer.error) ?? t('common.networkError')));
        return;
      }
      const scanned = matchSkus(skusOf(rma.lines), barcode)[0];
      const line = answer.payload?.return?.lines.find((l) => l.sku?.id === scanned?.id);
      const code = line?.sku?.code ?? barcode;
      screen.accept(
        mode === 'receive'
          ? t('returns.scan.received', { sku: code, received: line?.received ?? 0, expected: line?.expected ?? 0 })
          : t('returns.scan.inspected', { sku: code, outcome: t(`returns.outcomes.${outcome}`) }),
      );
      reload();
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void submit();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/returns">{t('returns.back')}</Link>
      <QueryError error={result.error ?? movements.error} onRetry={reload} />
      {result.data && !rma && <Typography.Paragraph>{t('returns.notFound')}</Typography.Paragraph>}
      {rma && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="return-title">
            {t('returns.titleOne', { reference: rma.reference })} <ReturnStatusTag status={rma.status} />
          </Typography.Title>
          <Progress
            aria-label={t('returns.progress')}
            status="normal"
            percent={sum.expected > 0 ? Math.round((sum.inspected / sum.expected) * 100) : 0}
            format={() => t('returns.unitsProgress', sum)}
          />
          <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('returns.order')}>
              {rma.order ? <Link to={`/orders/${encodeURIComponent(rma.order.id)}`}>{rma.order.reference}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('returns.warehouse')}>{rma.warehouse ? `${rma.warehouse.code} · ${rma.warehouse.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('returns.reason')}>{rma.reason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('returns.created')}>{formatDateTime(rma.createdAt, i18n.language)}</Descriptions.Item>
            {rma.completedAt && <Descriptions.Item label={t('returns.completed')}>{formatDateTime(rma.completedAt, i18n.language)}</Descriptions.Item>}
          </Descriptions>
          {canWork && open && mode && (
            <ScanArea testId="return-scan" flash={screen.flash} refusals={screen.refusals} outcome={screen.outcome}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Radio.Group
                  data-testid="return-mode"
                  optionType="button"
                  buttonStyle="solid"
                  value={mode}
                  onChange={(e) => setChosen(e.target.value as ScanMode)}
                  options={[
                    { value: 'receive', label: t('returns.modes.receive'), disabled: sum.received >= sum.expected },
                    { value: 'inspect', label: t('returns.modes.inspect'), disabled: !rma.lines.some((l) => l.awaitingInspection > 0) },
                  ]}
                />
                <Typography.Paragraph strong data-testid="return-prompt" data-mode={mode} style={{ fontSize: 18, margin: 0 }}>
                  {mode === 'receive' ? t('returns.prompt.receive') : t('returns.prompt.inspect', { outcome: t(`returns.outcomes.${outcome}`) })}
                </Typography.Paragraph>
                {mode === 'inspect' && (
                  <Space wrap align="center">
                    <Radio.Group
                      data-testid="return-outcome-choice"
                      value={outcome}
                      onChange={(e) => setOutcome(e.target.value as ReturnInspection)}
                      options={OUTCOMES.map((o) => ({ value: o, label: <span data-testid={`return-outcome-${o}`}>{t(`returns.outcomes.${o}`)}</span> }))}
                    />
                    {outcome === 'RESTOCK' && rma.warehouse && (
                      <LocationSelect
                        data-testid="return-restock-location"
                        aria-label={t('returns.scan.restockTo')}
                        warehouseId={rma.warehouse.id}
                        accept={['PICK', 'BULK', 'STAGING', 'RECEIVING']}
                        value={restockTo}
                        onChange={(next) => {
                          setRestockTo(next ?? null);
                          screen.refocus();
                        }}
                        style={{ minWidth: 220 }}
                      />
                    )}
                  </Space>
                )}
                <Input
                  ref={screen.field}
                  data-testid="return-scan"
                  aria-label={t('returns.scan.field')}
                  placeholder={t('returns.scan.placeholder')}
                  value={scan}
                  onChange={(e) => setScan(e.target.value)}
                  onKeyDown={onKeyDown}
                  autoComplete="off"
                  size="large"
                  style={{ width: '100%', maxWidth: 360 }}
                />
              </Space>
            </ScanArea>
          )}
          {canWork && !(open && mode) && <ScanOutcomeAlert testId="return-scan" outcome={screen.outcome} />}
          {canWork && open && !mode && <Alert type="info" message={t('returns.scan.nothingLeft')} />}
          {rma.status === 'COMPLETED' && <Result status="success" title={t('returns.done')} style={{ padding: 16 }} />}
          <section aria-labelledby="return-lines-heading">
            <Typography.Title level={2} id="return-lines-heading" style={{ fontSize: 18 }}>
              {t('returns.lines')}
            </Typography.Title>
            <Table<Line>
              data-testid="return-lines"
              rowKey={(l) => l.sku?.id ?? ''}
              size="middle"
              pagination={false}
              dataSource={rma.lines}
              scroll={{ x: 'max-content' }}
              onRow={(l) => ({ 'data-sku': l.sku?.code }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'sku',
                  title: t('returns.sku'),
                  render: (_, l) => (l.sku && rma.warehouse ? <Link to={levelPath(l.sku.id, rma.warehouse.id)}>{l.sku.code}</Link> : l.sku?.code),
                },
                { key: 'state', title: t('returns.state'), render: (_, l) => <LineStateTag state={lineState(l)} /> },
                { key: 'expected', title: t('returns.expected'), align: 'right', dataIndex: 'expected' },
                { key: 'received', title: t('returns.received'), align: 'right', render: (_, l) => <span data-testid="return-received">{l.received}</span> },
                { key: 'awaiting', title: t('returns.awaiting'), align: 'right', dataIndex: 'awaitingInspection' },
                { key: 'restocked', title: t('returns.outcomes.RESTOCK'), align: 'right', render: (_, l) => <span data-testid="return-restocked">{l.restocked}</span> },
                { key: 'damaged', title: t('returns.outcomes.DAMAGED'), align: 'right', render: (_, l) => <span data-testid="return-damaged">{l.damaged}</span> },
                { key: 'disposed', title: t('returns.outcomes.DISPOSE'), align: 'right', dataIndex: 'disposed' },
              ]}
            />
          </section>
          <section aria-labelledby="return-ledger-heading">
            <Typography.Title level={2} id="return-ledger-heading" style={{ fontSize: 18 }}>
              {t('returns.ledger.title')}
            </Typography.Title>
            <Table<Movement>
              data-testid="return-ledger"
              rowKey="id"
              size="middle"
              pagination={false}
              loading={movements.fetching}
              dataSource={movements.data?.stockMovements.nodes ?? []}
              scroll={{ x: 'max-content' }}
              onRow={(m) => ({ 'data-reason': m.reason ?? '', 'data-location-type': m.location?.type ?? '' }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: <EmptyText>{t('returns.ledger.empty')}</EmptyText> }}
              columns={[
                { key: 'time', title: t('stock.ledger.time'), render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
                {
                  key: 'sku',
                  title: t('returns.sku'),
                  render: (_, m) =>
                    m.sku && m.warehouse ? (
                      <Link to={levelPath(m.sku.id, m.warehouse.id)} data-testid={`return-ledger-link-${m.sku.code}`}>
                        {m.sku.code}
                      </Link>
                    ) : (
                      m.sku?.code
                    ),
                },
                { key: 'quantity', title: t('stock.ledger.quantity'), render: (_, m) => t(`stock.quantityNames.${m.quantityName}`) },
                {
                  key: 'location',
                  title: t('stock.bins.location'),
                  render: (_, m) => (m.location ? `${m.location.code} (${t(`stock.locationTypes.${m.location.type}`)})` : '—'),
                },
                {
                  key: 'delta',
                  title: t('stock.ledger.delta'),
                  align: 'right',
                  render: (_, m) => <Typography.Text type={m.delta < 0 ? 'danger' : 'success'}>{signed(m.delta)}</Typography.Text>,
                },
                { key: 'change', title: t('stock.ledger.change'), render: (_, m) => `${m.quantityBefore} → ${m.quantityAfter}` },
                {
                  key: 'reason',
                  title: t('stock.ledger.reason'),
                  render: (_, m) => (m.reason ? <Tag>{t(`returns.ledger.reasons.${m.reason}`, { defaultValue: m.reason })}</Tag> : '—'),
                },
              ]}
            />
          </section>
        </>
      )}
    </Space>
  );
}
