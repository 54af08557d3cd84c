# 订单：出库订单、收货地址与分配。

orders-address-missing = 该国家的地址必须填写此项。
orders-address-too-long = 最多 { $max } 个字符。
orders-postal-code-format = 不是该国家的邮政编码；例如 { $examples }。
orders-postal-code-not-in-region = 该邮政编码不属于 { $region }；其编码形如 { $examples }。
orders-unknown-region = 不是该国家的地区；例如 { $examples }。
orders-unknown-country = 不是 ISO 3166-1 二位国家代码（如 US、DE）。
orders-invalid-phone = 不是电话号码：只能包含数字、空格和 + - ( ) .，至少 5 位数字。
orders-invalid-email = 不是电子邮件地址。
orders-too-long = 最多 { $max } 个字符。
orders-merchant-required = 请指明订单所属的货主。
orders-reference-format = 订单参考号须为 1 到 { $max } 个字符。
orders-lines-count = 一个订单有 1 到 { $max } 行。
orders-quantity-positive = 数量必须是大于零的整数。
orders-sku-id-or-code = 请用 ID 或编码指明 SKU（二选一）。
orders-sku-not-found = 该货主没有这个 SKU。
orders-sku-inactive = SKU `{ $code }` 已停用，不能下单。
orders-not-cancellable = 状态为 { $status } 的订单已不能取消。
orders-import-skipped-cancelled = 订单 `{ $reference }` 已在店铺中取消：未导入。
orders-import-skipped-fulfilled = 订单 `{ $reference }` 已履约发货：未导入。
orders-import-skipped-no-shipping = `{ $item }` 无需发货（礼品卡、数字商品或服务）：未导入。
orders-import-skipped-line-fulfilled = `{ $item }` 已履约发货：未导入。
orders-import-skipped-nothing-to-ship = 订单 `{ $reference }` 没有需要仓库发货的商品：未创建订单。
orders-import-line-without-sku = 此行没有 SKU 编码：仓库按 SKU 发货，请在店铺中为该商品规格填写 SKU 后重新导出。
orders-import-quantity = `{ $raw }` 不是件数：请填写大于零的整数。
orders-import-order-differs = 与该订单第一行（第 { $line } 行）不同：订单信息只需填写一次，或每行填写相同的内容。
orders-reference-differs = 订单 `{ $reference }` 已存在，但明细或地址不同：重试须发送相同的订单。如需修改，请取消该订单并使用新的订单号。
