import { Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { serverMessage } from '../../../graphql/errors';
import { FormErrors } from '../../../lib/FormErrors';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { LocationSelect, SkuSelect, WarehouseSelect } from '../pickers';
import { StockTransferCreateMutation } from './documents';
import { transferPath } from './parts';
import { lineInputs, placeErrors, type LineValues } from './transfer';

interface Values {
  reference: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  note?: string;
  lines: LineValues[];
}

/**
 * Sends units to another warehouse: a reference, the warehouse they leave and the one they go
 * to, and per line a SKU, the bin it leaves and the units. The units leave their bins at once
 * and are `incoming` at the destination until received. A retry of the same submission (a
 * double click, a lost answer) sends nothing twice.
 */
export function NewTransferModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const fromWarehouseId = Form.useWatch('fromWarehouseId', form);
  const submission = useSubmissionKey();
  const [{ fetching }, create] = useMutation(StockTransferCreateMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const required = [{ required: true, message: t('validation.required') }];

  const onFinish = async (v: Values) => {
    setErrors([]);
    const answer = await create({
      input: {
        reference: v.reference.trim(),
        toWarehouseId: v.toWarehouseId,
        note: v.note?.trim() || null,
        lines: lineInputs(v.lines),
        idempotencyKey: submission.current(),
      },
    });
    if (answer.error) {
      setErrors([serverMessage(answer.error) ?? t('common.networkError')]);
      return;
    }
    const payload = answer.data?.stockTransferCreate;
    const placed = placeErrors(payload?.userErrors ?? []);
    if (placed.fields.length > 0 || placed.form.length > 0) {
      form.setFields(placed.fields as Parameters<typeof form.setFields>[0]);
      setErrors(placed.form);
      return;
    }
    submission.reset();
    if (payload?.stockTransfer) navigate(transferPath(payload.stockTransfer.id));
  };

  return (
    <Modal
      open
      title={t('transfers.new')}
      onCancel={onClose}
      okText={t('transfers.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: fetching, id: 'transfer-create-submit', 'data-testid': 'transfer-create-submit' } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
      width={720}
    >
      <FormErrors messages={errors} />
      <Form<Values>
        name="transfer-create"
        form={form}
        layout="vertical"
        initialValues={{ lines: [{ quantity: 1 }] }}
        onValuesChange={(changed) => {
          submission.reset();
          if ('fromWarehouseId' in changed) {
            const lines: LineValues[] = form.getFieldValue('lines') ?? [];
            form.setFieldValue('lines', lines.map((l) => ({ ...l, fromLocationId: undefined })));
          }
        }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="reference" label={t('transfers.reference')} rules={required} extra={t('transfers.referenceHelp')}>
          <Input data-testid="transfer-reference" maxLength={64} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="fromWarehouseId" label={t('transfers.from')} rules={required}>
            <WarehouseSelect data-testid="transfer-from" style={{ minWidth: 220 }} />
          </Form.Item>
          <Form.Item name="toWarehouseId" label={t('transfers.to')} rules={required}>
            <WarehouseSelect data-testid="transfer-to" style={{ minWidth: 220 }} />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset key={field.key} style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 12px', marginBottom: 12 }}>
                  <legend style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px', border: 0 }}>{t('transfers.line', { n: index + 1 })}</legend>
                  <Form.Item name={[field.name, 'skuId']} label={t('transfers.sku')} rules={required}>
                    <SkuSelect data-testid={`transfer-sku-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fromLocationId']} label={t('transfers.fromLocation')} rules={required}>
                    <LocationSelect data-testid={`transfer-location-${index}`} warehouseId={fromWarehouseId} />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'lot']} label={t('transfers.lot')}>
                      <Input data-testid={`transfer-lot-${index}`} maxLength={64} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quantity']} label={t('transfers.quantity')} rules={required}>
                      <InputNumber data-testid={`transfer-quantity-${index}`} min={1} precision={0} />
                    </Form.Item>
                  </Space>
                  {fields.length > 1 && (
                    <Button size="small" onClick={() => remove(field.name)}>
                      {t('transfers.removeLine')}
                    </Button>
                  )}
                </fieldset>
              ))}
              <Button data-testid="transfer-add-line" onClick={() => add({ quantity: 1 })}>
                {t('transfers.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('transfers.note')} style={{ marginTop: 12 }}>
          <Input.TextArea data-testid="transfer-note" maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
