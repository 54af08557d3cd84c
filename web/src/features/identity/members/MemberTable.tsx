import { App, Button, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { MembersQuery, Role } from '../../../gql/graphql';
import { ROLES } from '../../../lib/enums';
import { formatDateTime } from '../../../lib/format';
import { MemberRemoveMutation, MemberRoleChangeMutation } from './documents';
import { MerchantRoleModal } from './MerchantRoleModal';
import { MerchantLabel } from './RoleLabel';

type Member = MembersQuery['members']['nodes'][number];

interface Props {
  members: Member[];
  loading: boolean;
  onChanged(): void;
}

export function MemberTable({ members, loading, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [, changeRole] = useMutation(MemberRoleChangeMutation);
  const [, remove] = useMutation(MemberRemoveMutation);
  // The member being made a MERCHANT: the role needs a merchant, asked for in a modal.
  const [toMerchant, setToMerchant] = useState<Member | null>(null);

  const report = (errors: { message: string }[] | undefined, failed: boolean, success: string) => {
    if (failed) message.error(t('common.networkError'));
    else if (errors && errors.length > 0) message.error(errors.map((e) => e.message).join(' '));
    else message.success(success);
    onChanged();
  };

  const onRole = async (member: Member, role: Role) => {
    if (role === 'MERCHANT') {
      setToMerchant(member);
      return;
    }
    const r = await changeRole({ input: { memberId: member.id, role } });
    report(r.data?.memberRoleChange.userErrors, Boolean(r.error), t('members.roleChanged'));
  };

  const onRemove = async (member: Member) => {
    const r = await remove({ input: { memberId: member.id } });
    report(r.data?.memberRemove.userErrors, Boolean(r.error), t('members.removed', { name: member.user.name }));
  };

  return (
    <>
      <Table<Member>
        rowKey="id"
        loading={loading}
        dataSource={members}
        pagination={false}
        columns={[
          { title: t('members.name'), key: 'name', render: (_, m) => m.user.name },
          { title: t('members.email'), key: 'email', render: (_, m) => m.user.email },
          {
            title: t('members.role'),
            key: 'role',
            render: (_, m) => (
              <Space align="start" wrap>
                <Select
                  aria-label={t('members.roleOf', { name: m.user.name })}
                  value={m.role}
                  style={{ width: 160 }}
                  onChange={(role) => void onRole(m, role)}
                  options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
                />
                {m.merchant && (
                  <>
                    <MerchantLabel merchant={m.merchant} />
                    <Button
                      size="small"
                      type="link"
                      aria-label={t('members.merchantRole.changeOf', { name: m.user.name })}
                      onClick={() => setToMerchant(m)}
                    >
                      {t('members.merchantRole.change')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
          { title: t('members.joined'), key: 'joined', render: (_, m) => formatDateTime(m.createdAt, i18n.language) },
          {
            title: t('members.actions'),
            key: 'actions',
            render: (_, m) => (
              <Popconfirm
                title={t('members.removeConfirm', { name: m.user.name })}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => onRemove(m)}
              >
                <Button danger size="small" aria-label={t('members.removeOf', { name: m.user.name })}>
                  {t('members.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {toMerchant && (
        <MerchantRoleModal
          key={toMerchant.id}
          member={toMerchant}
          onCancel={() => setToMerchant(null)}
          onChanged={() => {
            setToMerchant(null);
            message.success(t('members.roleChanged'));
            onChanged();
          }}
        />
      )}
    </>
  );
}
