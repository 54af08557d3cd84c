import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Radio, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { SkuImportFormat } from '../../../gql/graphql';
import { FormErrors } from '../../../lib/FormErrors';
import { ImportProgress } from '../../../lib/ImportProgress';
import { isFinished } from '../../../lib/imports';
import { useSubmissionKey } from '../../../lib/useSubmissionKey';
import { MerchantSelect } from '../merchants/MerchantSelect';
import { SkuImportQuery, SkuImportStartMutation } from './documents';
import { downloadFile, uploadFile } from './files';

interface Values {
  merchantId?: string;
  format: SkuImportFormat;
}

interface Props {
  /** A merchant user imports for its own merchant: no picker. */
  merchantBound: boolean;
  onClose(changed: boolean): void;
}

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

/**
 * "Import SKUs": a merchant, a format (Shopify's product export or Silkport's SKU CSV) and a
 * file; then the import's progress (rows done of rows total) until it succeeds, or fails with
 * its faults by line and column and a link to the whole report as CSV.
 */
export function SkuImportModal({ merchantBound, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const [, start] = useMutation(SkuImportStartMutation);
  const submission = useSubmissionKey();

  const [result, refetch] = useQuery({ query: SkuImportQuery, variables: { id: importId ?? '' }, pause: !importId });
  const running = result.data?.skuImport;
  const finished = isFinished(running?.state);
  useEffect(() => {
    if (!importId || finished) return undefined;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [importId, finished, refetch]);

  const submit = async (values: Values) => {
    setFormErrors([]);
    if (!file) {
      setFormErrors([t('skus.import.fileRequired')]);
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
      const payload = started.data?.skuImportStart;
      setFormErrors(payload?.userErrors.map((e) => e.message) ?? []);
      if (payload?.skuImport) {
        submission.reset();
        setImportId(payload.skuImport.id);
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
      await downloadFile(running.errorReportUrl, `${running.filename}.errors.csv`);
    } catch (error) {
      setFormErrors([error instanceof Error ? error.message : t('common.networkError')]);
    }
  };

  return (
    <Modal
      open
      title={t('skus.import.title')}
      okText={t('skus.import.start')}
      cancelText={t('skus.import.close')}
      okButtonProps={{ loading: busy, disabled: importId !== null, id: 'sku-import-submit' }}
      onOk={() => form.submit()}
      onCancel={() => onClose(importId !== null)}
    >
      <FormErrors messages={formErrors} />
      {importId === null ? (
        <Form<Values>
          form={form}
          name="sku-import"
          layout="vertical"
          initialValues={{ format: 'SHOPIFY_PRODUCTS' }}
          onValuesChange={() => submission.reset()}
          onFinish={(v) => void submit(v)}
        >
          {!merchantBound && (
            <Form.Item name="merchantId" label={t('skus.import.merchant')} rules={[{ required: true, message: t('skus.import.merchantRequired') }]}>
              <MerchantSelect data-testid="sku-import-merchant" />
            </Form.Item>
          )}
          <Form.Item name="format" label={t('skus.import.format')} extra={t('skus.import.formatHelp')}>
            <Radio.Group>
              <Radio value="SHOPIFY_PRODUCTS">{t('skus.import.shopify')}</Radio>
              <Radio value="SILKPORT_SKUS">{t('skus.import.silkport')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('skus.import.file')} required>
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
              <Button icon={<UploadOutlined />} data-testid="sku-import-file">
                {t('skus.import.chooseFile')}
              </Button>
            </Upload>
          </Form.Item>
        </Form>
      ) : (
        <ImportProgress
          running={running}
          testId="sku-import-progress"
          stateText={(state) => t(`skus.import.state.${state}`)}
          onReport={() => void report()}
          done={
            running && (
              <>
                {t('skus.import.done', {
                  created: running.skusCreated,
                  updated: running.skusUpdated,
                  unchanged: running.skusUnchanged,
                  products: running.productsCreated,
                })}
                {running.openingStockPlaced > 0 && ` ${t('skus.import.stockPlaced', { count: running.openingStockPlaced })}`}
              </>
            )
          }
        />
      )}
    </Modal>
  );
}
