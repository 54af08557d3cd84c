//! The demo warehouse: what `silkport seed demo` adds to the demo tenant
//! so a newcomer sees a living public overseas warehouse — two merchants
//! whose catalogues come in as Shopify product exports (the CSV files
//! beside this module, imported as a merchant's would be), two warehouses
//! (Los Angeles and Frankfurt) with their locations and stock, inbound
//! shipments in transit, being received and closed with a discrepancy,
//! and orders allocated, backordered, cancelled, being picked, picked,
//! packed, shipped (one by the simulated carrier, whose tracking the
//! worker follows to delivery) and delivered (one by a manual carrier, as
//! the warehouse reported). Every step goes
//! through the services, audited as the platform; running it again
//! changes nothing (it stops when the demo warehouses exist).

use chrono::Days;
use uuid::Uuid;

use crate::catalog::import::{self, ImportFormat, NewImport};
use crate::catalog::merchants::{self, NewMerchant};
use crate::catalog::skus::{self, Sku, SkuFilter};
use crate::fulfilment::carriers::{CarrierCode, LabelFormat, TrackingStatus};
use crate::fulfilment::packing::{self, NewPackage, PackItem};
use crate::fulfilment::picking::{self, PickScan};
use crate::fulfilment::shipping::{self, ShipOrder};
use crate::fulfilment::tracking;
use crate::fulfilment::waves::{self, NewWave};
use crate::identity::{seed, tenants};
use crate::inbound::receiving::{self, Receipt};
use crate::inbound::shipments::{self, FirstLegMode, NewLine as AsnLine, NewShipment};
use crate::inventory::adjustments::{self, Adjustment};
use crate::inventory::location_codes::{CodeRange, PartRange};
use crate::inventory::locations::{self, LocationType, NewLocation, NewLocations};
use crate::inventory::quantities::AdjustmentReason;
use crate::inventory::warehouses::{self, Address, NewWarehouse, Warehouse};
use crate::orders::addresses::ShipTo;
use crate::orders::intake::{self, NewLine, NewOrder};
use crate::orders::status::OrderChannel;
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::imports::upload as uploads;
use crate::platform::paging::PageRequest;
use crate::platform::tenancy::{TenantCtx, TenantTx};

/// The first merchant's catalogue (apparel), a Shopify product export.
const MERCHANT_1_PRODUCTS: &[u8] = include_bytes!("merchant-1-products.csv");
/// The second merchant's catalogue (tea and tableware), a Shopify product export.
const MERCHANT_2_PRODUCTS: &[u8] = include_bytes!("merchant-2-products.csv");

fn ctx_of(tenant_id: Uuid) -> TenantCtx {
    TenantCtx::system(tenant_id)
}

/// Adds the demo warehouse to the demo tenant ([`seed::demo`] made it,
/// with the merchant its merchant user acts for) unless it is there.
pub async fn warehouse(db: &Db) -> DomainResult<()> {
    let missing = || DomainError::Internal("seed the demo tenant first".into());
    let tenant_id = tenants::find_by_slug(db.connection(), seed::DEMO_SLUG).await?.ok_or_else(missing)?.id;
    let ctx = ctx_of(tenant_id);
    let (existing, merchant_id) = db
        .read(&ctx, async |tx| {
            let (warehouses, _) = warehouses::list(tx, &PageRequest::default()).await?;
            let (merchants, _) = merchants::list(tx, &PageRequest::default(), Some(seed::DEMO_MERCHANT_CODE)).await?;
            let merchant =
                merchants.items.into_iter().find(|(_, m)| m.code == seed::DEMO_MERCHANT_CODE).map(|(id, _)| id);
            Ok((warehouses, merchant))
        })
        .await?;
    if existing.items.iter().any(|(_, w)| w.code == "LAX1") {
        return Ok(());
    }
    let merchant_id = merchant_id.ok_or_else(missing)?;
    let second = db.write(&ctx, async |tx| second_merchant(tx).await).await?;
    for (merchant, file) in [(merchant_id, MERCHANT_1_PRODUCTS), (second, MERCHANT_2_PRODUCTS)] {
        import_catalogue(db, tenant_id, merchant, file).await?;
    }
    db.write(&ctx, async |tx| stock_up(tx, merchant_id, second).await).await
}

async fn second_merchant(tx: &mut TenantTx) -> DomainResult<Uuid> {
    let merchant = NewMerchant {
        code: "DEMO-M2".to_owned(),
        name: "玉器家居 Jade Home Goods Co.".to_owned(),
        contact_name: Some("陈静 Chen Jing".to_owned()),
        contact_email: Some("ops@jade-home.example.com".to_owned()),
        contact_phone: Some("+86 571 000 0000".to_owned()),
        default_currency: "USD".to_owned(),
    };
    Ok(merchants::create(tx, merchant, None).await?.id)
}

/// Uploads and imports a Shopify export for `merchant` as its import job
/// would run it.
async fn import_catalogue(db: &Db, tenant_id: Uuid, merchant: Uuid, file: &[u8]) -> DomainResult<()> {
    let ctx = ctx_of(tenant_id);
    let started = db
        .write(&ctx, async |tx| {
            let upload = uploads::store(tx, "products_export.csv", file.to_vec()).await?;
            let input =
                NewImport { merchant_id: Some(merchant), format: ImportFormat::ShopifyProducts, upload_id: upload.id };
            import::start(tx, input, None).await
        })
        .await?;
    import::run(db, tenant_id, started.id, true).await
}

fn address(line1: &str, city: &str, region: Option<&str>, postal_code: &str) -> Address {
    Address {
        line1: line1.to_owned(),
        line2: None,
        city: city.to_owned(),
        region: region.map(str::to_owned),
        postal_code: Some(postal_code.to_owned()),
    }
}

/// A warehouse with a receiving dock, a damaged area and 40 pick faces
/// (zone A, aisles 01–04, bays 01–05, levels 1–2).
async fn build(tx: &mut TenantTx, new: NewWarehouse) -> DomainResult<(Warehouse, Vec<locations::Location>)> {
    let warehouse = warehouses::create(tx, new, None).await?;
    let apart = [("RCV", LocationType::Receiving), ("DMG", LocationType::Damaged), ("QC", LocationType::Quarantine)];
    for (zone, kind) in apart {
        let location = NewLocation {
            warehouse_id: warehouse.id,
            zone: zone.to_owned(),
            aisle: None,
            bay: None,
            level: None,
            bin: None,
            kind,
        };
        locations::create(tx, location, None).await?;
    }
    let range = |from: &str, to: &str| Some(PartRange { from: from.to_owned(), to: to.to_owned() });
    let layout = CodeRange {
        zone: range("A", "A"),
        aisle: range("01", "04"),
        bay: range("01", "05"),
        level: range("1", "2"),
        bin: None,
    };
    locations::generate(tx, NewLocations { warehouse_id: warehouse.id, range: layout, kind: LocationType::Pick }, None)
        .await?;
    let filter =
        locations::Filter { warehouse_id: Some(warehouse.id), kind: Some(LocationType::Pick), code_prefix: None };
    let request = PageRequest { first: Some(50), ..PageRequest::default() };
    let (page, _) = locations::list(tx, &request, &filter).await?;
    Ok((warehouse, page.items.into_iter().map(|(_, l)| l).collect()))
}

async fn skus_of(tx: &TenantTx, merchant: Uuid) -> DomainResult<Vec<Sku>> {
    let request = PageRequest { first: Some(100), ..PageRequest::default() };
    let filter = SkuFilter { merchant_id: Some(merchant), ..SkuFilter::default() };
    Ok(skus::list(tx, &request, &filter).await?.items.into_iter().map(|(_, s)| s).collect())
}

fn named<'a>(skus: &'a [Sku], code: &str) -> DomainResult<&'a Sku> {
    skus.iter()
        .find(|s| s.code == code)
        .ok_or_else(|| DomainError::Internal(format!("the demo catalogue has no SKU {code}")))
}

fn ship_to(name: &str, line1: &str, city: &str, region: Option<&str>, postal: &str, country: &str) -> ShipTo {
    ShipTo {
        name: name.to_owned(),
        company: None,
        line1: line1.to_owned(),
        line2: None,
        city: city.to_owned(),
        region: region.map(str::to_owned),
        postal_code: Some(postal.to_owned()),
        country: country.to_owned(),
        phone: None,
        email: None,
    }
}

/// Warehouses, opening stock, inbound shipments and orders.
async fn stock_up(tx: &mut TenantTx, apparel: Uuid, home: Uuid) -> DomainResult<()> {
    let (lax, lax_bins) = build(
        tx,
        NewWarehouse {
            code: "LAX1".to_owned(),
            name: "洛杉矶公共海外仓 Los Angeles".to_owned(),
            country: "US".to_owned(),
            timezone: "America/Los_Angeles".to_owned(),
            address: address("5000 E Airport Dr", "Ontario", Some("CA"), "91761"),
        },
    )
    .await?;
    let (fra, fra_bins) = build(
        tx,
        NewWarehouse {
            code: "FRA1".to_owned(),
            name: "法兰克福公共海外仓 Frankfurt".to_owned(),
            country: "DE".to_owned(),
            timezone: "Europe/Berlin".to_owned(),
            address: address("Cargo City Süd, Gebäude 640", "Frankfurt am Main", None, "60549"),
        },
    )
    .await?;
    let clothes = skus_of(tx, apparel).await?;
    let home_goods = skus_of(tx, home).await?;

    // Opening stock: most SKUs in both buildings, a few in one, one in none.
    let opening: [(&[Sku], &str, i64, i64); 11] = [
        (&clothes, "SS-INDIGO", 40, 25),
        (&clothes, "SS-PEONY", 25, 12),
        (&clothes, "LS-WHT-S", 18, 10),
        (&clothes, "LS-WHT-M", 30, 16),
        (&clothes, "LS-WHT-L", 12, 0),
        (&clothes, "LS-SND-M", 6, 4),
        (&clothes, "QP-S", 0, 8),
        (&clothes, "QP-M", 3, 9),
        (&home_goods, "CT-1", 60, 48),
        (&home_goods, "CT-4", 15, 20),
        (&home_goods, "OT-CLASSIC", 80, 0),
    ];
    for (i, (skus, code, at_lax, at_fra)) in opening.iter().enumerate() {
        let sku = named(skus, code)?;
        for (units, bins) in [(*at_lax, &lax_bins), (*at_fra, &fra_bins)] {
            if units == 0 {
                continue;
            }
            let bin = &bins[i % bins.len()];
            let adjustment = Adjustment {
                sku_id: sku.id,
                location_id: bin.id,
                lot: None,
                delta: units,
                reason: AdjustmentReason::OpeningStock,
                note: Some("demo opening stock".to_owned()),
            };
            adjustments::adjust(tx, adjustment).await?;
        }
    }

    // Inbound: one on the water, one being received, one closed short.
    let today = clock::now().date_naive();
    let asn = |reference: &str, warehouse: Uuid, merchant: Uuid, mode, days: u64, lines: Vec<AsnLine>| NewShipment {
        merchant_id: Some(merchant),
        warehouse_id: warehouse,
        reference: reference.to_owned(),
        mode,
        container_number: (mode == FirstLegMode::Sea).then(|| "MSCU1234565".to_owned()),
        waybill_number: (mode != FirstLegMode::Sea).then(|| format!("{reference}-WB")),
        carrier_name: Some(if mode == FirstLegMode::Rail { "China Railway Express" } else { "COSCO" }.to_owned()),
        eta: today.checked_add_days(Days::new(days)),
        cartons: Some(12),
        note: None,
        lines,
    };
    let line = |sku: &Sku, expected: i64| AsnLine { sku_id: sku.id, expected, lot: None, expires_on: None };
    shipments::create(
        tx,
        asn(
            "PO-2026-118",
            lax.id,
            apparel,
            FirstLegMode::Sea,
            12,
            vec![line(named(&clothes, "SS-JADE")?, 60), line(named(&clothes, "QP-S")?, 20)],
        ),
        None,
    )
    .await?;
    let receiving = shipments::create(
        tx,
        asn("PO-2026-121", fra.id, home, FirstLegMode::Rail, 0, vec![line(named(&home_goods, "BS-25")?, 24)]),
        None,
    )
    .await?;
    let scan = |shipment_id, sku: &Sku, quantity, damaged| Receipt {
        shipment_id,
        barcode: Some(sku.code.clone()),
        sku_id: None,
        quantity,
        damaged,
        location_id: None,
    };
    receiving::receive(tx, scan(receiving.id, named(&home_goods, "BS-25")?, 10, false)).await?;
    let closed = shipments::create(
        tx,
        asn("PO-2026-097", lax.id, home, FirstLegMode::Air, 0, vec![line(named(&home_goods, "OT-RESERVE")?, 30)]),
        None,
    )
    .await?;
    receiving::receive(tx, scan(closed.id, named(&home_goods, "OT-RESERVE")?, 27, false)).await?;
    receiving::receive(tx, scan(closed.id, named(&home_goods, "OT-RESERVE")?, 1, true)).await?;
    receiving::close(tx, closed.id).await?;

    // Orders: to the US and to Germany (each served from the nearer
    // warehouse), one waiting for stock, one cancelled.
    let order = |merchant, reference: &str, to: ShipTo, lines: Vec<(&Sku, i64)>| NewOrder {
        merchant_id: Some(merchant),
        reference: reference.to_owned(),
        channel: OrderChannel::Api,
        ship_to: to,
        service_level: Some("standard".to_owned()),
        note: None,
        lines: lines.into_iter().map(|(s, q)| NewLine { sku_id: Some(s.id), sku_code: None, quantity: q }).collect(),
    };
    let us = || ship_to("Emily Chen", "1200 Market St", "San Francisco", Some("CA"), "94102", "US");
    let de = || ship_to("Lukas Schmidt", "Torstraße 101", "Berlin", None, "10119", "DE");
    intake::create(tx, order(apparel, "SHOP-1001", us(), vec![(named(&clothes, "SS-INDIGO")?, 2)]), None).await?;
    intake::create(
        tx,
        order(apparel, "SHOP-1002", de(), vec![(named(&clothes, "LS-WHT-M")?, 1), (named(&clothes, "SS-PEONY")?, 1)]),
        None,
    )
    .await?;
    intake::create(tx, order(apparel, "SHOP-1003", us(), vec![(named(&clothes, "SS-JADE")?, 3)]), None).await?;
    intake::create(tx, order(home, "JH-5001", de(), vec![(named(&home_goods, "CT-4")?, 2)]), None).await?;
    let cancelled =
        intake::create(tx, order(home, "JH-5002", us(), vec![(named(&home_goods, "CT-1")?, 6)]), None).await?;
    intake::cancel(tx, cancelled.id, Some("customer changed their mind".to_owned())).await?;

    // Through the warehouse: a wave in Los Angeles; two orders shipped (a
    // simulated carrier's label, a tracking number typed by hand), one
    // packed, one picked, one waiting to be picked.
    let mut placed = Vec::new();
    for (merchant, reference, skus, code) in [
        (apparel, "SHOP-1004", &clothes, "LS-WHT-S"),
        (apparel, "SHOP-1005", &clothes, "LS-WHT-L"),
        (apparel, "SHOP-1006", &clothes, "LS-WHT-M"),
        (home, "JH-5003", &home_goods, "CT-1"),
    ] {
        let made = intake::create(tx, order(merchant, reference, us(), vec![(named(skus, code)?, 1)]), None).await?;
        placed.push((made.id, code));
    }
    let first =
        intake::create(tx, order(apparel, "SHOP-1007", us(), vec![(named(&clothes, "SS-PEONY")?, 1)]), None).await?;
    placed.insert(0, (first.id, "SS-PEONY"));
    let new_wave =
        NewWave { warehouse_id: lax.id, carrier: None, single_line_only: true, max_orders: None, cutoff: None };
    let wave = waves::create(tx, new_wave, None).await?;
    // The last order stays waiting to be picked.
    for (order_id, code) in &placed[..placed.len() - 1] {
        for task in wave.tasks.iter().filter(|t| t.order_id == *order_id) {
            let scan = PickScan {
                task_id: task.id,
                location_code: task.location_code.clone(),
                barcode: (*code).to_owned(),
                quantity: task.quantity,
            };
            picking::confirm(tx, scan).await?;
        }
    }
    // The fourth stays picked, not packed; the first three are packed.
    for (order_id, code) in &placed[..3] {
        let package = NewPackage {
            order_id: *order_id,
            items: vec![PackItem { barcode: Some((*code).to_owned()), sku_id: None, quantity: 1 }],
            weight_grams: 420,
            dimensions: crate::catalog::Dimensions { length: 300, width: 220, height: 60 },
        };
        packing::create(tx, package).await?;
    }
    let shipments = [
        (placed[0].0, CarrierCode::Simulated, None),
        (placed[1].0, CarrierCode::Manual, Some("1Z999AA10123456784".to_owned())),
    ];
    for (order_id, carrier, tracking_number) in shipments {
        let ship =
            ShipOrder { order_id, carrier, tracking_number, service_level: None, label_format: LabelFormat::Pdf };
        shipping::ship(tx, ship, None).await?;
    }
    // The manual carrier's parcel has arrived: the warehouse says so.
    let shipped = shipping::of_orders(tx, &[placed[1].0]).await?;
    for shipment in shipped.values().flatten() {
        let report = tracking::Report {
            shipment_id: shipment.id,
            status: TrackingStatus::Delivered,
            occurred_at: None,
            note: None,
        };
        tracking::report(tx, report).await?;
    }
    Ok(())
}
