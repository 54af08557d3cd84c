# 退货（RMA）。

returns-not-shipped = 只有已发货或已签收的订单可以退货；该订单状态为 { $status }。
returns-lines-required = 请至少填写一个退回的 SKU。
returns-not-in-order = 该 SKU 不在订单中。
returns-quantity-range = 该 SKU 还可退回 1 到 { $max } 件。
returns-sku-twice = 每个 SKU 只填写一次。
returns-closed = 该退货单状态为 { $status }。
returns-quantity-positive = 数量必须是大于零的整数。
returns-not-on-return = `{ $barcode }` 不在该退货单中。
returns-no-location = 该仓库没有 { $kind } 类型的库位：请先创建。
returns-more-than-awaiting = 该 SKU 只有 { $awaiting } 件待检验。
returns-wrong-location = 可售货物请放入仓库的可售库位（拣货、存储等）；残次品放入残次库位。
returns-more-than-expected = 该退货单上此 SKU 只剩 { $left } 件待收；多出的货品请另行放置并告知货主。
