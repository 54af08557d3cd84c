# 入库单（ASN，头程）：预报、收货与上架。

inbound-reference-format = 入库单号须为 1 至 { $max } 个字符。
inbound-reference-taken = 该货主已有入库单号为 `{ $reference }` 的入库单。
inbound-too-long = 最多 { $max } 个字符。
inbound-merchant-required = 请指定货物所属的货主。
inbound-lines-count = 入库单须有 1 至 { $max } 行。
inbound-quantity-positive = 数量必须是大于零的整数。
inbound-not-negative = 不能小于零。
inbound-lot-required = SKU `{ $code }` 按批次管理库存：请填写批次号。
inbound-lot-not-tracked = SKU `{ $code }` 不按批次管理：请不要填写批次号。
inbound-expiry-required = SKU `{ $code }` 管理有效期：请填写到期日。
inbound-expiry-not-tracked = SKU `{ $code }` 不管理有效期：请不要填写到期日。
inbound-line-twice = SKU `{ $code }` 在本入库单中出现了两次；每个批次一行。
inbound-warehouse-inactive = 仓库 `{ $code }` 已停用，不再收货。
inbound-not-on-shipment = `{ $scan }` 不在本入库单中。请将该货品放在一旁并核对标签。
inbound-scan-or-sku = 请扫描条码或选择 SKU（二选一）。
inbound-line-or-sku = 请选择明细行或 SKU（二选一）。
inbound-not-open = { $status ->
    [cancelled] 该入库单已取消。
   *[other] 该入库单已关闭：货物已全部收完。
}
inbound-received-already = 已收货 { $units } 件：请关闭入库单，而不是取消。
inbound-not-receiving-location = 库位 `{ $code }` 不是本入库单目的仓的收货库位。
inbound-no-receiving-location = 该仓库没有可用的收货库位：请先创建。
inbound-no-damaged-location = 该仓库没有可用的残次（DAMAGED）库位存放破损货物：请先创建。
inbound-putaway-exceeds = 该行只有 { $awaiting } 件待上架，却要上架 { $wanted } 件。
inbound-putaway-target = 库位 `{ $code }` 是收货或残次库位：请上架到存储库位。
inbound-other-warehouse = 该库位不在本入库单的目的仓。
