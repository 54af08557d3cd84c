import { Alert, Button, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { serverMessage } from '../../../graphql/errors';
import { EmptyText } from '../../../lib/EmptyText';
import { KeyboardScrollTable } from '../../../lib/KeyboardScrollTable';
import { ScanArea, useScanScreen } from '../scanScreen';
import {
  addCount,
  countKey,
  countSubmission,
  matchPlace,
  matchSkus,
  scanAtCount,
  type CountScanOutcome,
  type CountSku,
  type CountStep,
  type CountTally,
  type Known,
  type Place,
} from './counting';
import { CountLocationLookupQuery, CountSkuLookupQuery, CountTasksQuery, CycleCountSubmitMutation } from './documents';
import { countPath, scopeText } from './parts';
import { countSku, scopeOf, taskLines, type Task } from './task';

/** Everything a scan changes, kept together so scans handled one after another see each other. */
interface ScanState {
  step: CountStep;
  tally: CountTally;
  /** Ids of the locations scanned so far. */
  visited: ReadonlySet<string>;
  /** Locations and SKUs not on the task, looked up after a scan named them. */
  places: Place[];
  skus: CountSku[];
}

interface Row {
  key: string;
  location: Place;
  sku: CountSku;
  lot: string | null;
  expected: number | null;
  counted: number | null;
  extra: boolean;
}

const byId = <T extends { id: string }>(items: T[]): T[] => [...new Map(items.map((i) => [i.id, i])).values()];

/**
 * The counting screen, for a barcode scanner acting as a keyboard: scan the location, then
 * each item (one unit a scan, or the units typed beside the field), a lot-tracked item's lot
 * after it; another location's code moves there. Focus stays in the scan field, Enter submits,
 * a refused scan flashes red and beeps low. On a blind count the expected units are not
 * shown. Submitting needs every location of the task visited (what was not scanned there
 * counts as none); then the next open count of the warehouse comes up by itself.
 */
export function CountingScreen({ task, onSubmitted }: { task: Task; onSubmitted(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const screen = useScanScreen();
  const [, submitCount] = useMutation(CycleCountSubmitMutation);
  const scope = scopeOf(task);
  const lines = useMemo(() => taskLines(task), [task]);
  const [state, setState] = useState<ScanState>({ step: { stage: 'location' }, tally: {}, visited: new Set(), places: [], skus: [] });
  const live = useRef(state);
  const queue = useRef(Promise.resolve());
  const [scan, setScan] = useState('');
  const [units, setUnits] = useState(1);
  const [submitting, setSubmitting] = useState(false);
  if (!scope) return <Alert type="error" message={t('counts.unreadable')} />;

  const update = (patch: Partial<ScanState>) => {
    live.current = { ...live.current, ...patch };
    setState(live.current);
  };
  const knownNow = (): Known => ({
    scope,
    places: byId([...(scope.kind === 'location' ? [scope.location] : []), ...lines.map((l) => l.location), ...live.current.places]),
    skus: byId([...(scope.kind === 'sku' ? [scope.sku] : []), ...lines.map((l) => l.sku), ...live.current.skus]),
  });

  const lookUpSku = async (scanned: string): Promise<CountSku[] | string> => {
    const answer = await client.query(CountSkuLookupQuery, { query: scanned }, { requestPolicy: 'network-only' }).toPromise();
    if (answer.error) return serverMessage(answer.error) ?? t('common.networkError');
    return matchSkus((answer.data?.skus.nodes ?? []).map(countSku), scanned);
  };

  const lookUpPlace = async (scanned: string): Promise<Place | undefined | string> => {
    const warehouseId = task.warehouse?.id;
    if (!warehouseId) return undefined;
    const answer = await client
      .query(CountLocationLookupQuery, { warehouseId, query: scanned }, { requestPolicy: 'network-only' })
      .toPromise();
    if (answer.error) return serverMessage(answer.error) ?? t('common.networkError');
    return matchPlace(answer.data?.locations.nodes ?? [], scanned);
  };

  const apply = async (outcome: CountScanOutcome, perScan: number, mayLookUp: boolean): Promise<void> => {
    const { step, tally, visited } = live.current;
    switch (outcome.kind) {
      case 'empty':
        return;
      case 'location':
        update({ step: { stage: 'item', location: outcome.location }, visited: new Set(visited).add(outcome.location.id) });
        screen.accept(t('counts.scan.atLocation', { code: outcome.location.code }));
        return;
      case 'count': {
        const next = addCount(tally, outcome, perScan);
        update({ tally: next, step: { stage: 'item', location: outcome.location } });
        setUnits(1);
        const counted = next[countKey(outcome.location.id, outcome.sku.id, outcome.lot)]?.counted ?? 0;
        const what = outcome.lot ? t('counts.skuLot', { sku: outcome.sku.code, lot: outcome.lot }) : outcome.sku.code;
        screen.accept(t('counts.scan.counted', { what, units: counted, code: outcome.location.code }));
        return;
      }
      case 'need-lot':
        update({ step: outcome.step });
        screen.accept(t('counts.scan.needLot', { sku: outcome.step.sku.code }));
        return;
      case 'location-first':
        screen.refuse(t('counts.scan.locationFirst', { scanned: outcome.scanned }));
        return;
      case 'wrong-location':
        screen.refuse(t('counts.scan.wrongLocation', { scanned: outcome.scanned, expected: outcome.expected }));
        return;
      case 'wrong-sku':
        screen.refuse(t('counts.scan.wrongSku', { scanned: outcome.scanned, expected: outcome.expected }));
        return;
      case 'lot-expected':
        screen.refuse(t('counts.scan.lotExpected', { scanned: outcome.scanned, sku: outcome.sku }));
        return;
      case 'ambiguous':
        screen.refuse(t('counts.scan.ambiguous', { scanned: outcome.scanned, codes: outcome.codes.join(', ') }));
        return;
      case 'lookup-sku': {
        const found = mayLookUp ? await lookUpSku(outcome.scanned) : [];
        if (typeof found === 'string') return screen.refuse(found);
        if (found.length === 0) return screen.refuse(t('counts.scan.unknown', { scanned: outcome.scanned }));
        update({ skus: [...live.current.skus, ...found] });
        return apply(scanAtCount(step, outcome.scanned, knownNow()), perScan, false);
      }
      case 'lookup-location': {
        const found = mayLookUp ? await lookUpPlace(outcome.scanned) : undefined;
        if (typeof found === 'string') return screen.refuse(found);
        if (!found) return screen.refuse(t('counts.scan.noLocation', { scanned: outcome.scanned, warehouse: task.warehouse?.code ?? '' }));
        update({ places: [...live.current.places, found] });
        return apply(scanAtCount(step, outcome.scanned, knownNow()), perScan, false);
      }
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const raw = scan;
    const perScan = units;
    setScan('');
    // Scans are handled one after another: a scanner types the next before a lookup answers.
    queue.current = queue.current.then(() => apply(scanAtCount(live.current.step, raw, knownNow()), perScan, true));
  };

  const required = scope.kind === 'location' ? [scope.location] : [];
  const submission = countSubmission(lines, state.tally, state.visited, required);
  const submit = async () => {
    setSubmitting(true);
    try {
      const answer = await submitCount({ input: { id: task.id, lines: submission.lines } });
      const errors = answer.data?.cycleCountSubmit.userErrors ?? [];
      if (answer.error || errors.length > 0) {
        screen.refuse(errors.map((e) => e.message).join(' ') || (serverMessage(answer.error) ?? t('common.networkError')));
        return;
      }
      const open = await client.query(CountTasksQuery, { status: 'OPEN' }, { requestPolicy: 'network-only' }).toPromise();
      const next = open.data?.countTasks.find((x) => x.id !== task.id && x.warehouse?.id === task.warehouse?.id);
      if (next) navigate(countPath(next.id), { state: { submitted: scopeText(t, task) } });
      else onSubmitted();
    } finally {
      setSubmitting(false);
    }
  };

  const rows: Row[] = [
    ...lines.map((l) => {
      const key = countKey(l.location.id, l.sku.id, l.lot);
      const counted = state.tally[key]?.counted ?? (state.visited.has(l.location.id) ? 0 : null);
      return { key, ...l, counted, extra: false };
    }),
    ...Object.entries(state.tally)
      .filter(([key]) => !lines.some((l) => countKey(l.location.id, l.sku.id, l.lot) === key))
      .map(([key, found]) => ({ key, location: found.location, sku: found.sku, lot: found.lot, expected: null, counted: found.counted, extra: true })),
  ].sort((a, b) => a.location.code.localeCompare(b.location.code) || a.sku.code.localeCompare(b.sku.code));
  const here = state.step.stage === 'location' ? null : state.step.location;
  const forget = (key: string) => {
    const { [key]: _gone, ...rest } = live.current.tally;
    update({ tally: rest });
    screen.refocus();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ScanArea testId="count-scan" flash={screen.flash} refusals={screen.refusals} outcome={screen.outcome}>
        <Typography.Paragraph strong data-testid="count-prompt" style={{ fontSize: 18 }}>
          {state.step.stage === 'location'
            ? scope.kind === 'location'
              ? t('counts.prompt.location', { code: scope.location.code })
              : t('counts.prompt.anyLocation', { sku: scope.sku.code })
            : state.step.stage === 'item'
              ? t('counts.prompt.item', { code: state.step.location.code })
              : t('counts.prompt.lot', { sku: state.step.sku.code })}
        </Typography.Paragraph>
        <Space wrap align="center" style={{ width: '100%' }}>
          <Input
            ref={screen.field}
            data-testid="count-scan"
            aria-label={t('counts.scan.field')}
            placeholder={t('counts.scan.placeholder')}
            value={scan}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            size="large"
            style={{ width: '100%', maxWidth: 360 }}
          />
          <InputNumber
            data-testid="count-units"
            aria-label={t('counts.scan.units')}
            addonBefore={t('counts.scan.units')}
            min={1}
            precision={0}
            value={units}
            onChange={(v) => setUnits(v ?? 1)}
            onPressEnter={() => screen.refocus()}
            size="large"
            style={{ width: 180 }}
          />
        </Space>
      </ScanArea>
      <KeyboardScrollTable<Row>
        data-testid="count-lines"
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (r.location.id === here?.id ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ 'data-sku': r.sku.code, 'data-location': r.location.code }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <EmptyText>{t('counts.noLines')}</EmptyText> }}
        columns={[
          { key: 'location', title: t('counts.location'), render: (_, r) => r.location.code },
          {
            key: 'sku',
            title: t('counts.sku'),
            render: (_, r) => (
              <>
                {r.sku.code} {r.extra && <Tag>{t('counts.found')}</Tag>}
              </>
            ),
          },
          { key: 'lot', title: t('counts.lot'), render: (_, r) => r.lot ?? '—' },
          ...(task.blind ? [] : [{ key: 'expected', title: t('counts.expected'), align: 'right' as const, render: (_: unknown, r: Row) => r.expected ?? '—' }]),
          {
            key: 'counted',
            title: t('counts.counted'),
            align: 'right',
            render: (_, r) => <span data-testid="count-counted">{r.counted ?? '—'}</span>,
          },
          {
            key: 'actions',
            title: t('counts.actions'),
            render: (_, r) =>
              state.tally[r.key] ? (
                <Button size="small" onClick={() => forget(r.key)}>
                  {t('counts.recount')}
                </Button>
              ) : null,
          },
        ]}
      />
      {submission.unvisited.length > 0 && (
        <Typography.Text data-testid="count-unvisited">{t('counts.unvisited', { codes: submission.unvisited.join(', ') })}</Typography.Text>
      )}
      <Button type="primary" size="large" data-testid="count-submit" disabled={submission.unvisited.length > 0} loading={submitting} onClick={() => void submit()}>
        {t('counts.submit')}
      </Button>
    </Space>
  );
}
