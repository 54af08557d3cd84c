# 履约：波次、扫码拣货、打包、发货与物流跟踪。

fulfilment-max-orders = 一个波次包含 1 到 { $max } 个订单。
fulfilment-nothing-to-pick = 该仓库目前没有可拣货的已分配订单（按当前筛选条件，且货物须在拣货位或存储位）。
fulfilment-quantity-positive = 数量必须是大于零的整数。
fulfilment-wrong-location = 库位错误：扫描的是 `{ $scanned }`，此任务在 `{ $expected }`。
fulfilment-wrong-sku = 商品错误：扫描的是 `{ $scanned }`，此任务是 SKU `{ $expected }`。请放回。
fulfilment-over-pick = 此任务只剩 { $left } 件待拣，扫描了 { $wanted } 件。
fulfilment-not-picking = 此订单状态为 { $status }，不在拣货中。
fulfilment-not-picked = 此订单还有 { $left } 件未拣：全部拣完后再打包。
fulfilment-not-in-order = `{ $scanned }` 不在此订单中，请放到一边。
fulfilment-over-pack = SKU `{ $code }` 只剩 { $left } 件已拣未打包，却打包了 { $wanted } 件。
fulfilment-scan-or-sku = 每件商品请扫描条码或选择 SKU，二选一。
fulfilment-items-required = 一个包裹至少装一件商品。
fulfilment-weight-positive = 重量以克计，至少为 1。
fulfilment-size-positive = 每边长度以毫米计，至少为 1。
fulfilment-not-packed = 只有已打包的订单才能发货；此订单状态为 { $status }。
fulfilment-tracking-number-missing = 请输入承运商给出的运单号。
fulfilment-tracking-number-invalid = `{ $number }` 不是运单号：应为 4 到 40 个字母、数字或符号，不含空格。
fulfilment-too-heavy = 该承运商接受 1 到 { $max } 克的包裹，而不是 { $grams } 克。
fulfilment-too-big = 该承运商接受每边 1 到 { $max } 毫米的包裹。
fulfilment-tracking-number-manual-only = 只有手动发货才需要输入运单号。
fulfilment-tracking-label-created = 面单已打印，承运商尚未揽收。
fulfilment-tracking-picked-up = 承运商已在仓库揽收。
fulfilment-tracking-in-transit = 运输中。
fulfilment-tracking-out-for-delivery = 派送中。
fulfilment-tracking-delivered = 已签收。
fulfilment-cutoff-format = 截单时间应为 HH:MM 格式的时刻，例如 16:00。
