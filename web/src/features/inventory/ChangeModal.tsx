import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormErrors } from '../../lib/FormErrors';
import { splitUserErrors, type UserErrorLike } from '../../lib/userErrors';

/** The input fields of the inventory mutations, where userErrors may point. */
const FIELDS = ['skuId', 'locationId', 'fromLocationId', 'toLocationId', 'warehouseId', 'lot', 'delta', 'quantity', 'compareQuantity', 'reason', 'note'] as const;

export interface ChangeAnswer {
  error?: CombinedError;
  userErrors: ReadonlyArray<UserErrorLike>;
}

interface Props<V> {
  title: string;
  testId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onClose(): void;
  /** After a change went through, or when the server said what was seen is `STALE`. */
  onRefresh(): void;
  submit(values: V): Promise<ChangeAnswer>;
  children: ReactNode;
  onValuesChange?(changed: Partial<V>, all: V): void;
}

/**
 * A modal form around one inventory mutation: userErrors beside their fields (the rest above
 * the form); a `STALE` answer (someone changed the units meanwhile) is said at the top and
 * the page refreshes, so the form's compare value follows what is there now.
 */
export function ChangeModal<V extends object>({ title, testId, form, initialValues, onClose, onRefresh, submit, children, onValuesChange }: Props<V>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [stale, setStale] = useState<string | null>(null);

  const onFinish = async (values: V) => {
    setBusy(true);
    setErrors([]);
    setStale(null);
    try {
      const answer = await submit(values);
      if (answer.error) {
        setErrors([answer.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
        return;
      }
      const staleError = answer.userErrors.find((e) => e.code === 'STALE');
      if (staleError) {
        setStale(staleError.message);
        onRefresh();
        return;
      }
      if (answer.userErrors.length > 0) {
        const { fieldErrors, formErrors } = splitUserErrors(answer.userErrors, FIELDS);
        form.setFields(fieldErrors as Parameters<typeof form.setFields>[0]);
        setErrors(formErrors);
        return;
      }
      onRefresh();
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, id: `${testId}-submit`, 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {stale && <Alert type="warning" showIcon role="alert" data-testid="stock-stale" message={stale} description={t('stock.actions.staleHelp')} style={{ marginBottom: 16 }} />}
      <FormErrors messages={errors} />
      <Form<V>
        name={testId}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={onValuesChange}
      >
        {children}
      </Form>
    </Modal>
  );
}
