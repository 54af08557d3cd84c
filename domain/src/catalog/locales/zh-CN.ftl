# 商品目录：货主、商品、SKU 及其条码。

catalog-code-format = 编码须为 1 到 32 个字母、数字、连字符或下划线。
catalog-code-taken = 货主编码 `{ $code }` 已被占用。
catalog-name-length = 名称须为 1 到 { $max } 个字符。
catalog-currency-invalid = “{ $code }”不是 ISO 4217 货币代码。
catalog-too-long = 最多 { $max } 个字符。
catalog-name-missing = 请填写中文名称或英文名称（或两者）。
catalog-merchant-required = 请选择这些货物所属的货主（`merchantId`）。
catalog-handle-format = 商品标识须为 1 到 { $max } 个小写字母、数字、连字符或下划线，例如 `linen-shirt`。
catalog-handle-taken = 该货主已有标识为 `{ $handle }` 的商品。
catalog-sku-code-format = SKU 编码须为 1 到 { $max } 个可见 ASCII 字符且不含空格，例如 `LT-SHIRT-RED-M`。
catalog-sku-code-taken = 该货主已有编码为 `{ $code }` 的 SKU。
catalog-too-many-options = 一个 SKU 最多有 { $max } 个规格。
catalog-option-length = 规格名和规格值须各为 1 到 { $max } 个字符。
catalog-option-twice = 规格“{ $name }”重复。
catalog-measure-negative = 不能小于 0。
catalog-hs-code-format = “{ $raw }”不是 HS 编码：请填写 6 到 10 位数字，例如 6109.10 或 6109100000。
catalog-country-invalid = “{ $code }”不是 ISO 3166-1 二字母国家代码，例如 CN 或 US。
catalog-too-many-barcodes = 一个 SKU 最多有 { $max } 个条码。
catalog-barcode-digits-only = { $kind } 条码只能包含数字。
catalog-barcode-length = { $kind } 条码应为 { $digits } 位数字，而不是 { $given } 位。
catalog-barcode-check-digit = 条码 `{ $barcode }` 的校验位不正确：请检查是否输错或扫错。
catalog-barcode-internal-format = 内部条码须为 1 到 { $max } 个可打印 ASCII 字符。
catalog-barcode-twice = 条码 `{ $barcode }` 重复填写。
catalog-barcode-taken = 该货主的另一个 SKU 已使用条码 `{ $barcode }`。
catalog-import-variant-without-sku = 此变体没有 SKU 编码：仓库按 SKU 管理货物，请为每个变体填写 Variant SKU。
catalog-import-code-twice = SKU 编码 `{ $code }` 在第 { $line } 行也出现了。
catalog-import-barcode-twice = 条码 `{ $barcode }` 在第 { $line } 行也出现了。
catalog-import-title-conflict = 此商品的标题与第 { $line } 行的不同。
catalog-import-options-format = 规格请写成以 | 分隔的 名称=值，例如 Color=Red|Size=M。
catalog-import-stock-quantity = `{ $raw }` 不是件数：请填写 0 或以上的整数。
