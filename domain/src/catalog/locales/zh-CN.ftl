# 商品目录：货主（以及之后的商品和 SKU）。

catalog-code-format = 编码须为 1 到 32 个字母、数字、连字符或下划线。
catalog-code-taken = 货主编码 `{ $code }` 已被占用。
catalog-name-length = 名称须为 1 到 { $max } 个字符。
catalog-currency-invalid = “{ $code }”不是 ISO 4217 货币代码。
catalog-too-long = 最多 { $max } 个字符。
