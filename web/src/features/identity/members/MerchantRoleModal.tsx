import { Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { MembersQuery } from '../../../gql/graphql';
import { FormErrors } from '../../../lib/FormErrors';
import { splitUserErrors } from '../../../lib/userErrors';
import { MerchantSelect } from '../../catalog/merchants/MerchantSelect';
import { MemberRoleChangeMutation } from './documents';
import { merchantRequired } from './merchantRule';

type Member = MembersQuery['members']['nodes'][number];

interface Values {
  merchantId?: string;
}

const FIELDS = ['merchantId'] as const;

interface Props {
  /** The member to make a MERCHANT (or to bind to another merchant). Mount afresh for each (a `key`). */
  member: Member;
  onCancel(): void;
  onChanged(): void;
}

/** Asks which merchant a member acts for, then changes its role to MERCHANT. */
export function MerchantRoleModal({ member, onCancel, onChanged }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, changeRole] = useMutation(MemberRoleChangeMutation);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const submit = async (values: Values) => {
    setFormErrors([]);
    const r = await changeRole({ input: { memberId: member.id, role: 'MERCHANT', merchantId: values.merchantId ?? null } });
    if (r.error) {
      setFormErrors([r.error.graphQLErrors[0]?.message ?? t('common.networkError')]);
      return;
    }
    const payload = r.data?.memberRoleChange;
    const split = splitUserErrors(payload?.userErrors ?? [], FIELDS);
    form.setFields(split.fieldErrors);
    setFormErrors(split.formErrors);
    if (payload?.member) onChanged();
  };

  return (
    <Modal
      open
      title={t('members.merchantRole.title', { name: member.user.name })}
      okText={t('members.merchantRole.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: fetching, id: 'merchant-role-submit' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <FormErrors messages={formErrors} />
      <Form<Values>
        form={form}
        name="merchantRole"
        layout="vertical"
        initialValues={{ merchantId: member.merchant?.id }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="merchantId"
          label={t('members.merchant')}
          extra={t('members.merchantRole.help')}
          rules={[merchantRequired(t('members.merchantRequired'))]}
        >
          <MerchantSelect data-testid="role-merchant-select" initial={member.merchant} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
