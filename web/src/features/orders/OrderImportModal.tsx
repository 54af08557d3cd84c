import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Radio, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { OrderImportFormat } from '../../gql/graphql';
import { FormErrors } from '../../lib/FormErrors';
import { ImportProgress, RowFaults } from '../../lib/ImportProgress';
import { isFinished } from '../../lib/imports';
import { useSubmissionKey } from '../../lib/useSubmissionKey';
import { downloadFile, uploadFile } from '../catalog/skus/files';
import { MerchantSelect } from '../catalog/merchants/MerchantSelect';
import { OrderImportQuery, OrderImportStartMutation } from './documents';

interface Values {
  merchantId?: string;
  format: OrderImportFormat;
}

interface Props {
  /** A merchant user imports for its own merchant: no picker. */
  merchantBound: boolean;
  onClose(changed: boolean): void;
}

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

/**
 * "Import orders": a merchant, a format (Shopify's orders export or Silkport's orders CSV) and a
 * file; then the import's progress until it succeeds (orders made, those imported before, those
 * passed over with why) or fails with its faults by line and column and the report as CSV.
 */
export function OrderImportModal({ merchantBound, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const [, start] = useMutation(OrderImportStartMutation);
  const submission = useSubmissionKey();

  const [result, refetch] = useQuery({ query: OrderImportQuery, variables: { id: importId ?? '' }, pause: !importId });
  const running = result.data?.orderImport;
  const finished = isFinished(running?.state);
  useEffect(() => {
    if (!importId || finished) return undefined;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [importId, finished, refetch]);

  const submit = async (values: Values) => {
    setFormErrors([]);
    if (!file) {
      setFormErrors([t('orders.import.fileRequired')]);
      return;
    }
    setBusy(true);
    try {
      const uploaded = await uploadFile(file);
      const started = await start({
        input: {
          merchantId: values.merchantId ?? null,
          format: values.format,
          uploadId: uploaded.id,
          idempotencyKey: submission.current(),
        },
      });
      if (started.error) {
        setFormErrors([started.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
        return;
      }
      const payload = started.data?.orderImportStart;
      setFormErrors(payload?.userErrors.map((e) => e.message) ?? []);
      if (payload?.orderImport) {
        submission.reset();
        setImportId(payload.orderImport.id);
      }
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('common.networkError')]);
    } finally {
      setBusy(false);
    }
  };

  const report = async () => {
    if (!running) return;
    try {
      await downloadFile(running.errorReportUrl, `${running.filename}.report.csv`);
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('common.networkError')]);
    }
  };

  return (
    <Modal
      open
      title={t('orders.import.title')}
      okText={t('orders.import.start')}
      cancelText={t('orders.import.close')}
      okButtonProps={{ loading: busy, disabled: importId !== null, id: 'order-import-submit' }}
      onOk={() => form.submit()}
      onCancel={() => onClose(importId !== null)}
    >
      <FormErrors messages={formErrors} />
      {importId === null ? (
        <Form<Values>
          form={form}
          name="order-import"
          layout="vertical"
          initialValues={{ format: 'SHOPIFY_ORDERS' }}
          onValuesChange={() => submission.reset()}
          onFinish={(v) => void submit(v)}
        >
          {!merchantBound && (
            <Form.Item name="merchantId" label={t('orders.import.merchant')} rules={[{ required: true, message: t('orders.import.merchantRequired') }]}>
              <MerchantSelect data-testid="order-import-merchant" />
            </Form.Item>
          )}
          <Form.Item name="format" label={t('orders.import.format')} extra={t('orders.import.formatHelp')}>
            <Radio.Group>
              <Radio value="SHOPIFY_ORDERS">{t('orders.import.shopify')}</Radio>
              <Radio value="SILKPORT_ORDERS">{t('orders.import.silkport')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('orders.import.file')} required>
            <Upload
              accept=".csv,text/csv"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                submission.reset();
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />} data-testid="order-import-file">
                {t('orders.import.chooseFile')}
              </Button>
            </Upload>
          </Form.Item>
        </Form>
      ) : (
        <ImportProgress
          running={running}
          testId="order-import-progress"
          stateText={(state) => t(`orders.import.state.${state}`)}
          onReport={() => void report()}
          done={
            running &&
            t('orders.import.done', {
              created: running.ordersCreated,
              existing: running.ordersExisting,
              skipped: running.ordersSkipped,
            })
          }
        >
          {running && running.noticeCount > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="order-import-notices"
              message={t('imports.notices', { count: running.noticeCount })}
              description={<RowFaults faults={running.notices} />}
            />
          )}
        </ImportProgress>
      )}
    </Modal>
  );
}
