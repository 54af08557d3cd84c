# 身份：登录、注册、成员、邀请、重置密码、API 客户端。

identity-bad-credentials = 邮箱或密码不正确。
identity-locked = 失败次数过多；请在 { $minutes } 分钟后重试，或重置密码。
identity-refresh-invalid = 刷新令牌无效，请重新登录。
identity-not-a-member = 您不是该租户的成员。
identity-reset-link-invalid = 此重置链接无效，请重新申请。
identity-reset-link-expired = 此重置链接已过期，请重新申请。
identity-already-invited = 此人已有待接受的邀请，请改为重新发送。
identity-resend-accepted = 此邀请已被接受，无需重新发送。
identity-resend-revoked = 此邀请已被撤销，请重新邀请此人。
identity-resend-owner-needs-owner = 只有所有者才能重新发送所有者的邀请。
identity-own-role = 您不能更改自己的角色；请由其他所有者或管理员操作。
identity-own-removal = 您不能移除自己；请由其他所有者或管理员操作。
identity-reset-link-used = 此重置链接已被使用，或已被更新的链接取代；请重新申请。
identity-invitations-capped-address = 今天向该邮箱发送的邀请过多，请明天再试。
identity-invitations-capped-inviter = 您在一小时内发送的邀请过多，请稍后再试。
identity-invitations-capped-tenant = 该租户今天发送的邀请过多，请明天再试。
identity-owner-role-needs-owner = 只有所有者才能授予或撤销所有者角色。
identity-owner-invite-needs-owner = 只有所有者才能邀请所有者。
identity-merchant-needed = 货主成员需要指定其代表的货主。
identity-merchant-only-for-merchants = 只有货主成员才能绑定货主。
identity-last-owner = 租户必须至少保留一名所有者。
identity-name-length = 名称须为 1 到 { $max } 个字符。
identity-scopes-empty = 请至少授予一个权限范围。
identity-scope-not-yours = 您不能授予 `{ $scope }`。
identity-scope-tenant-wide = 绑定货主的客户端不能拥有租户级权限范围 `{ $scope }`。
identity-merchant-own-only = 您只能将客户端绑定到您自己的货主。
identity-password-too-short = 密码至少需要 { $min } 个字符。
identity-password-too-long = 密码最多 { $max } 个字符。
identity-password-one-kind = 密码须包含字母、数字和符号中的至少两种。
identity-password-common = 密码过于常见。
identity-password-contains-email = 密码不能包含您的邮箱地址或其 @ 前的名称。
identity-slug-format = 租户简称（标识）须为 3 到 40 个小写字母、数字或连字符，并以字母开头。
identity-slug-taken = 此租户简称（标识）已被占用。
identity-timezone-invalid = “{ $zone }”不是 IANA 时区（例如 Asia/Shanghai）。
identity-signup-link-invalid = 此确认链接无效，请重新注册以获取新链接。
identity-signup-link-expired = 此确认链接已过期；请用邮箱和密码登录以获取新链接。
identity-signup-link-used = 此确认链接已被使用；请用邮箱和密码登录。
identity-email-unconfirmed = 请先确认您的邮箱：打开我们发送给您的链接。除非过去一小时内已发送三次，新的链接正在发送中。
identity-already-member = 此人已经是成员。
identity-invitation-accepted = 此邀请已被接受；如需撤销，请移除该成员。
identity-invitation-invalid = 此邀请链接无效。
identity-invitation-used = 此邀请已被使用。
identity-invitation-withdrawn = 此邀请已被撤回；请联系邀请人重新邀请。
identity-invitation-expired = 此邀请已过期，请联系邀请人重新发送。
identity-invitation-needs-password = 您已有账号：请输入该账号的密码以接受邀请。
identity-invitation-already-joined = 您已经是该租户的成员。

identity-role = { $role ->
        [owner] 所有者
        [admin] 管理员
        [operator] 仓库操作员
        [merchant] 货主
        [seller] 直播销售
        [store_staff] 门店员工
        [trainer] 培训讲师
        [trainee] 学员
       *[viewer] 只读成员
    }

## 邮件

identity-invitation-subject = { $inviter } 邀请您加入「{ $tenant }」
identity-invitation-intro = { $inviter } 邀请您以「{ $role }」身份加入丝路港（Silkport）上的「{ $tenant }」。
identity-invitation-accept-before = 请在 { $expires } 前点击下面的链接接受邀请：
identity-invitation-accept = 接受邀请
identity-password-reset-subject = 重置您的丝路港密码
identity-password-reset-intro = 我们收到了重置您丝路港（Silkport）密码的请求。
identity-password-reset-before = 请在 { $expires } 前点击下面的链接设置新密码；如非本人操作，请忽略本邮件：
identity-password-reset-button = 设置新密码
identity-signup-confirm-subject = 确认邮箱以开通丝路港上的 { $tenant }
identity-signup-confirm-intro = 欢迎使用丝路港（Silkport）。确认此邮箱即可开通 { $tenant } 并登录。
identity-signup-confirm-before = 请在 { $expires } 前打开下面的链接；如非本人注册，请忽略本邮件，不会有任何变化：
identity-signup-confirm-button = 确认并登录
identity-signup-exists-subject = 您已有丝路港账号
identity-signup-exists-intro = 有人（希望是您本人）用此邮箱注册丝路港。此邮箱已有账号，因此没有创建任何内容。
identity-signup-exists-sign-in = 请用您的密码登录：
identity-signup-exists-reset = 忘记密码？在此设置新密码：
identity-signup-exists-ignore = 如非本人操作，请忽略本邮件：您的账号没有任何变化。
