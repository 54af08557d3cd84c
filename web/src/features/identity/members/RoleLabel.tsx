import { useTranslation } from 'react-i18next';
import type { Role } from '../../../gql/graphql';

interface MerchantRef {
  code: string;
  name: string;
}

// Not antd's secondary grey: it falls below WCAG AA contrast.
const SMALL = { fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' } as const;

/** A role, and for a merchant-role invitee the merchant it will act for: "Merchant · DEMO-M1", its name below. */
export function RoleLabel({ role, merchant }: { role: Role; merchant?: MerchantRef | null }) {
  const { t } = useTranslation();
  if (!merchant) return <>{t(`role.${role}`)}</>;
  return (
    <span data-testid="role-merchant">
      {t('members.roleWithMerchant', { role: t(`role.${role}`), code: merchant.code })}
      <br />
      <span style={SMALL}>{merchant.name}</span>
    </span>
  );
}

/** The merchant a member acts for, beside its role select: "· DEMO-M1", its name below. */
export function MerchantLabel({ merchant }: { merchant: MerchantRef }) {
  const { t } = useTranslation();
  return (
    <span data-testid="member-merchant">
      {t('members.withMerchant', { code: merchant.code })}
      <br />
      <span style={SMALL}>{merchant.name}</span>
    </span>
  );
}
