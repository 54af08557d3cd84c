# 库存：仓库、库位（货位）及其标签。

inventory-code-format = 编码须为 1 到 { $max } 个大写字母、数字或连字符。
inventory-code-taken = 仓库编码 `{ $code }` 已被占用。
inventory-name-length = 名称须为 1 到 { $max } 个字符。
inventory-too-long = 最多 { $max } 个字符。
inventory-required = 必填。
inventory-country-invalid = “{ $code }”不是 ISO 3166-1 二位字母国家代码（如 US、DE）。
inventory-timezone-invalid = “{ $zone }”不是 IANA 时区（如 America/Los_Angeles）。
inventory-part-format = 库位编码的每一段须为 1 到 { $max } 个字母或数字。
inventory-part-needs-outer = 请同时给出{ $outer ->
    [zone] 库区
    [aisle] 巷道
    [bay] 列
   *[level] 层
}：库位编码从库区起逐级给出，不可跳过。
inventory-location-taken = 库位 `{ $code }` 在此仓库中已存在。
inventory-more-taken = 另有 { $count } 个库位已存在。
inventory-range-ends = `from` 与 `to` 须同为数字，或同为等长的字母。
inventory-range-order = `from` 不能排在 `to` 之后。
inventory-range-too-large = 此范围将生成 { $count } 个库位，一次最多生成 { $max } 个。请按库区分批生成。
inventory-labels-too-many = 共有 { $count } 个标签符合条件，一次最多打印 { $max } 个。请缩小筛选范围。
inventory-labels-none = 没有符合筛选条件的库位。

# 库存与流水。

inventory-short-at-location = 该库位只有 { $on_hand } 件，需要 { $wanted } 件。
inventory-not-available = 可用库存只有 { $available } 件，还差 { $short } 件。
inventory-below-zero = 此操作会使 { $quantity } 小于零（当前为 { $current }）。
inventory-quantity-positive = 数量必须是大于零的整数。
inventory-quantity-not-negative = 数量不能小于零。
inventory-delta-not-zero = 调整数量为零，没有任何变化。
inventory-lot-required = SKU `{ $code }` 按批次管理库存：请填写批次号。
inventory-lot-not-tracked = SKU `{ $code }` 不按批次管理：请不要填写批次号。
inventory-stale = 数量已被他人修改：当前为 { $current }。请核对后重试。
inventory-same-location = 请选择与当前库位不同的库位。
inventory-other-warehouse = 两个库位必须在同一仓库；跨仓请使用调拨。
inventory-location-holds-stock = 该库位存有 { $units } 件货物：请先移出，再改为残次、隔离或可售库位。

# 调拨与循环盘点。

inventory-lines-count = 请填写 1 到 { $max } 行。
inventory-one-merchant = 一次调拨只能包含一个货主的货物；请为此 SKU 单独创建调拨。
inventory-one-source = 一次调拨只能从一个仓库发出；该库位在另一个仓库。
inventory-not-found-here = 未找到。
inventory-same-warehouse = 货物已在该仓库；请使用库位间移动。
inventory-warehouse-closed = 仓库 `{ $code }` 已关闭。
inventory-transfer-reference-taken = 调拨单号 `{ $reference }` 已被使用。
inventory-transfer-not-in-transit = 该调拨单状态为 { $status }，已不在途。
inventory-receiving-location = 请收入目的仓库的收货库位。
inventory-count-not-in = 该盘点任务状态为 { $status }。
inventory-count-every-line = 请盘点任务的每一行（没有货物请填 0）。
inventory-count-own = 盘点须由盘点人以外的人员批准或驳回。
inventory-count-scope = 盘点一个库位，或一个仓库中的一个 SKU：请填写 `locationId`，或同时填写 `skuId` 和 `warehouseId`。
inventory-opening-unknown-warehouse = 没有代码为 `{ $code }` 的仓库。
inventory-opening-unknown-location = 仓库 `{ $warehouse }` 没有库位 `{ $location }`。
inventory-opening-location-inactive = 库位 `{ $code }` 已停用：请启用它，或把库存导入其他库位。
inventory-opening-differs = 此 SKU 在该库位已有库存记录（现有 { $on_hand }，文件中为 { $quantity }）：期初库存只填入从未存放过它的库位。实际库存请通过库存调整或循环盘点更改。
inventory-delta-against-reason = 原因 `{ $reason }` 与调整方向相反：发现和期初库存只能增加，丢失、损坏和过期只能减少；更正和其他两种方向均可。
