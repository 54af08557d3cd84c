import { Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { StockAdjustmentReason } from '../../gql/graphql';
import { ChangeModal } from './ChangeModal';
import {
  InventoryAdjustMutation,
  InventoryMoveMutation,
  InventorySetOnHandMutation,
  InventorySetSafetyStockMutation,
} from './documents';
import { LocationSelect, SkuSelect, WarehouseSelect } from './pickers';
import { unitsAt, type BinLike } from './stock';

export const REASONS: StockAdjustmentReason[] = ['CORRECTION', 'FOUND', 'LOST', 'DAMAGED', 'EXPIRED', 'OPENING_STOCK', 'OTHER'];

/** What every action knows: the level it acts on. */
export interface LevelRef {
  skuId: string;
  warehouseId: string;
  lotTracked: boolean;
  onClose(): void;
  onRefresh(): void;
}

const noteOrNull = (note: string | undefined) => note?.trim() || null;
const lotOrNull = (lot: string | undefined) => lot?.trim() || null;

function ReasonSelect(props: { id?: string; value?: StockAdjustmentReason; onChange?(v: StockAdjustmentReason): void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <Select<StockAdjustmentReason>
      {...props}
      virtual={false}
      options={REASONS.map((r) => ({ value: r, label: t(`stock.reasons.${r}`) }))}
      optionRender={(o) => <span data-testid={`reason-option-${o.value}`}>{o.label}</span>}
    />
  );
}

function LotField({ lotTracked }: { lotTracked: boolean }) {
  const { t } = useTranslation();
  if (!lotTracked) return null;
  return (
    <Form.Item name="lot" label={t('stock.bins.lot')}>
      <Input data-testid="change-lot" maxLength={64} />
    </Form.Item>
  );
}

function NoteField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="note" label={t('stock.actions.note')}>
      <Input.TextArea data-testid="change-note" maxLength={500} rows={2} />
    </Form.Item>
  );
}

interface AdjustValues { skuId?: string; warehouseId?: string; locationId: string; lot?: string; delta: number; reason: StockAdjustmentReason; note?: string }

/**
 * Adds or takes units in one location, with a reason code. Opened from the stock list (no
 * level yet: opening stock) it asks for the SKU and the warehouse too.
 */
export function AdjustModal({ skuId: levelSku, warehouseId: levelWarehouse, lotTracked, onClose, onRefresh }: Omit<LevelRef, 'skuId' | 'warehouseId'> & { skuId?: string; warehouseId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdjustValues>();
  const pickedWarehouse = Form.useWatch('warehouseId', form);
  const warehouseId = levelWarehouse ?? pickedWarehouse;
  const [, adjust] = useMutation(InventoryAdjustMutation);
  return (
    <ChangeModal<AdjustValues>
      title={t('stock.actions.adjust')}
      testId="adjust"
      form={form}
      initialValues={{ reason: 'CORRECTION' }}
      onClose={onClose}
      onRefresh={onRefresh}
      submit={async (v) => {
        const answer = await adjust({
          input: { skuId: levelSku ?? v.skuId ?? '', locationId: v.locationId, lot: lotOrNull(v.lot), delta: v.delta, reason: v.reason, note: noteOrNull(v.note) },
        });
        return { error: answer.error, userErrors: answer.data?.inventoryAdjust.userErrors ?? [] };
      }}
    >
      {!levelSku && (
        <Form.Item name="skuId" label={t('stock.sku')} rules={[{ required: true, message: t('validation.required') }]}>
          <SkuSelect data-testid="adjust-sku" />
        </Form.Item>
      )}
      {!levelWarehouse && (
        <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={[{ required: true, message: t('validation.required') }]}>
          <WarehouseSelect data-testid="adjust-warehouse" />
        </Form.Item>
      )}
      <Form.Item name="locationId" label={t('stock.actions.location')} rules={[{ required: true, message: t('validation.required') }]}>
        <LocationSelect data-testid="adjust-location" warehouseId={warehouseId} />
      </Form.Item>
      <LotField lotTracked={lotTracked || !levelSku} />
      <Form.Item name="delta" label={t('stock.actions.delta')} extra={t('stock.actions.deltaHelp')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber data-testid="adjust-delta" precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('stock.actions.reason')} rules={[{ required: true, message: t('validation.required') }]}>
        <ReasonSelect data-testid="adjust-reason" />
      </Form.Item>
      <NoteField />
    </ChangeModal>
  );
}

interface MoveValues { fromLocationId: string; toLocationId: string; lot?: string; quantity: number; note?: string }

/** Moves units between two locations of the warehouse (putaway, into damaged, between bins). */
export function MoveModal({ skuId, warehouseId, lotTracked, onClose, onRefresh }: LevelRef) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const [, move] = useMutation(InventoryMoveMutation);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ChangeModal<MoveValues>
      title={t('stock.actions.move')}
      testId="move"
      form={form}
      onClose={onClose}
      onRefresh={onRefresh}
      submit={async (v) => {
        const answer = await move({
          input: { skuId, fromLocationId: v.fromLocationId, toLocationId: v.toLocationId, lot: lotOrNull(v.lot), quantity: v.quantity, note: noteOrNull(v.note) },
        });
        return { error: answer.error, userErrors: answer.data?.inventoryMove.userErrors ?? [] };
      }}
    >
      <Form.Item name="fromLocationId" label={t('stock.actions.from')} rules={required}>
        <LocationSelect data-testid="move-from" warehouseId={warehouseId} />
      </Form.Item>
      <Form.Item name="toLocationId" label={t('stock.actions.to')} rules={required}>
        <LocationSelect data-testid="move-to" warehouseId={warehouseId} />
      </Form.Item>
      <LotField lotTracked={lotTracked} />
      <Form.Item name="quantity" label={t('stock.actions.quantity')} rules={required}>
        <InputNumber data-testid="move-quantity" min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <NoteField />
    </ChangeModal>
  );
}

interface SetOnHandValues { locationId: string; lot?: string; quantity: number; compareQuantity: number; reason: StockAdjustmentReason; note?: string }

/**
 * Sets the units of one location (and lot) by compare-and-swap: `compareQuantity` starts as
 * what the page shows there and follows the page when it refreshes (after a `STALE` answer).
 */
export function SetOnHandModal({ skuId, warehouseId, lotTracked, onClose, onRefresh, bins, initialLocationId, initialLot }: LevelRef & {
  bins: ReadonlyArray<BinLike>;
  initialLocationId?: string;
  initialLot?: string | null;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetOnHandValues>();
  const [, setOnHand] = useMutation(InventorySetOnHandMutation);
  const locationId = Form.useWatch('locationId', form);
  const lot = Form.useWatch('lot', form);
  const shown = locationId ? unitsAt(bins, locationId, lot) : 0;
  useEffect(() => {
    form.setFieldValue('compareQuantity', shown);
  }, [shown, form]);
  return (
    <ChangeModal<SetOnHandValues>
      title={t('stock.actions.setOnHand')}
      testId="set-on-hand"
      form={form}
      initialValues={{ reason: 'CORRECTION', locationId: initialLocationId, lot: initialLot ?? undefined, compareQuantity: initialLocationId ? unitsAt(bins, initialLocationId, initialLot) : 0 }}
      onClose={onClose}
      onRefresh={onRefresh}
      submit={async (v) => {
        const answer = await setOnHand({
          input: {
            skuId,
            locationId: v.locationId,
            lot: lotOrNull(v.lot),
            quantity: v.quantity,
            compareQuantity: v.compareQuantity,
            reason: v.reason,
            note: noteOrNull(v.note),
          },
        });
        return { error: answer.error, userErrors: answer.data?.inventorySetOnHand.userErrors ?? [] };
      }}
    >
      <Form.Item name="locationId" label={t('stock.actions.location')} rules={[{ required: true, message: t('validation.required') }]}>
        <LocationSelect data-testid="set-on-hand-location" warehouseId={warehouseId} />
      </Form.Item>
      <LotField lotTracked={lotTracked} />
      <Form.Item name="compareQuantity" label={t('stock.actions.compareQuantity')} extra={t('stock.actions.compareHelp')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber data-testid="set-on-hand-compare" min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="quantity" label={t('stock.actions.newQuantity')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber data-testid="set-on-hand-quantity" min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('stock.actions.reason')} rules={[{ required: true, message: t('validation.required') }]}>
        <ReasonSelect data-testid="set-on-hand-reason" />
      </Form.Item>
      <NoteField />
    </ChangeModal>
  );
}

interface SafetyValues { quantity: number; compareQuantity: number }

/** Sets the units held back from sale, by compare-and-swap against the safety stock shown. */
export function SafetyStockModal({ skuId, warehouseId, onClose, onRefresh, current }: LevelRef & { current: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SafetyValues>();
  const [, setSafety] = useMutation(InventorySetSafetyStockMutation);
  useEffect(() => {
    form.setFieldValue('compareQuantity', current);
  }, [current, form]);
  return (
    <ChangeModal<SafetyValues>
      title={t('stock.actions.setSafety')}
      testId="set-safety"
      form={form}
      initialValues={{ compareQuantity: current, quantity: current }}
      onClose={onClose}
      onRefresh={onRefresh}
      submit={async (v) => {
        const answer = await setSafety({ input: { skuId, warehouseId, quantity: v.quantity, compareQuantity: v.compareQuantity } });
        return { error: answer.error, userErrors: answer.data?.inventorySetSafetyStock.userErrors ?? [] };
      }}
    >
      <Form.Item name="compareQuantity" label={t('stock.actions.compareQuantity')} extra={t('stock.actions.compareHelp')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber data-testid="set-safety-compare" min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="quantity" label={t('stock.actions.newSafety')} rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber data-testid="set-safety-quantity" min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </ChangeModal>
  );
}
