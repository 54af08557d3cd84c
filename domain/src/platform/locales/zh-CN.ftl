# 平台的文案：各业务上下文都会遇到的错误，以及每封邮件的框架。

platform-not-found = 记录不存在。
platform-invalid-email = “{ $address }”不是有效的邮箱地址。
platform-page-first-or-last = 请只提供 `first` 或 `last` 之一，不要同时提供。
platform-page-size = `{ $field }` 必须在 0 到 { $max } 之间。
platform-invalid-cursor = `{ $field }` 不是此列表的游标。
platform-invalid-id = 不是 { $kind } 的 ID。
platform-idempotency-key-format = 幂等键应为 1 到 255 个可见 ASCII 字符，例如 UUID。
platform-idempotency-key-reused = 此幂等键已用于另一个请求；新请求请使用新的幂等键。
platform-idempotency-key-conflict = `idempotencyKey` 字段与 `Idempotency-Key` 请求头不一致；请只发送一个幂等键。
platform-offset-with-last = `offset` 只能向后翻页：请与 `first` 一起使用，而不是 `last`。
platform-offset-range = `offset` 必须在 0 到 { $max } 之间；请缩小列表范围。
platform-audit-too-many-actions = 最多只能指定 { $max } 个操作。
platform-audit-until-before-since = `until` 必须晚于 `since`。
platform-amount-invalid = “{ $amount }”不是金额：请只写数字，最多一个小数点，例如 12.50。
platform-amount-negative = 金额不能为负数。
platform-amount-too-many-decimals = { $currency } 金额{ $digits ->
        [0] 不能有小数
       *[other] 最多保留 { $digits } 位小数
    }。
platform-currency-invalid = “{ $code }”不是 ISO 4217 货币代码。
platform-currency-not-for-prices = “{ $code }”没有辅币单位，不能用于标价；请使用 USD、CNY 等货币。
platform-job-not-retryable = 只有已进入死信的任务才能重试。
platform-unauthenticated = 需要身份验证：请发送 `Authorization: Bearer <访问令牌>`。
platform-token-expired = 访问令牌已过期；请重新登录或刷新令牌。
platform-access-revoked = 您对该租户的访问权限已被移除或撤销，请重新登录。
platform-token-invalid = 访问令牌无效：{ $reason ->
        [not_yet_valid] 尚未生效（`nbf`）
        [bad_signature] 签名不匹配
        [bad_algorithm] 使用了不支持的算法
        [unknown_key] 由未知密钥签发
        [bad_claims] 签发方、受众或主体不符
       *[malformed] 不是格式正确的 JWT 持有者令牌
    }。
platform-forbidden = 无权执行此操作：需要 `{ $permission }` 权限。
platform-throttled = 请求过于频繁；请在 { $seconds } 秒后重试。
platform-internal = 服务器出现问题，请稍后重试。

## 文件导入（上传、CSV、报告）

platform-import-too-large = 文件超过 { $max_mib } MiB：请拆分成较小的文件。
platform-import-empty = 文件是空的。
platform-import-not-utf8 = 文件不是 UTF-8 文本（从第 { $line } 行起）：请另存为“CSV UTF-8”后重新上传。
platform-import-missing-columns = 表头缺少列 { $columns }：这是 { $format } 文件吗？表头须在第一行。
platform-import-wrong-delimiter = 各列以 `{ $found }` 分隔，而不是逗号：请导出为逗号分隔的 CSV。
platform-import-unknown-column = `{ $column }` 不是此格式的列。
platform-import-column-twice = 表头中 `{ $column }` 列出现了两次。
platform-import-malformed = 第 { $line } 行不是有效的 CSV（请检查引号）。
platform-import-row-length = 此行有 { $given } 个单元格，表头有 { $expected } 个。
platform-import-required = 此单元格不能为空。
platform-import-number = `{ $raw }` 不是数字。
platform-import-flag = `{ $raw }` 不是“是/否”值：请填写 true 或 false。
platform-import-choice = `{ $raw }` 不是以下之一：{ $allowed }。
platform-import-internal = 导入因我方故障而停止，未再做任何更改。请重新开始导入。
platform-import-upload-not-yours = 此文件是别人上传的：请自己上传。

## 邮件

platform-mail-signature = 丝路港（Silkport）跨境电商平台
platform-mail-automatic = 此邮件由系统自动发送，请勿直接回复。
