//! An order's packages and shipments, as fields of `Order`: loaded for a
//! whole page of orders at once.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use domain::fulfilment::carriers::{CarrierCode, LabelFormat, ServiceLevel, TrackingStatus};
use domain::fulfilment::packing;
use domain::fulfilment::shipping::{self, TrackingEvent};
use domain::fulfilment::{PACKAGE, SHIPMENT};
use domain::{DomainResult, TenantTx, catalog};
use uuid::Uuid;

use crate::graphql::catalog::{Dimensions, Sku};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::loaders::{self, Batch};
use crate::graphql::kit::locale::locale;
use crate::graphql::kit::payload::OrGql;

pub struct Package(pub packing::Package);

/// A box an order's picked units were packed into.
#[Object]
impl Package {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(PACKAGE, self.0.id)
    }
    /// 1, 2, … within the order.
    async fn number(&self) -> i32 {
        self.0.number
    }
    /// Gross weight, packing included.
    async fn weight_grams(&self) -> i32 {
        self.0.weight_grams
    }
    /// Outer size, each side in millimetres.
    async fn dimensions_mm(&self) -> Dimensions {
        let p = &self.0;
        catalog::Dimensions { length: p.length_mm, width: p.width_mm, height: p.height_mm }.into()
    }
    async fn items(&self) -> Vec<PackageItem> {
        self.0.items.iter().map(|(sku, quantity)| PackageItem { sku_id: *sku, quantity: *quantity }).collect()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct PackageItem {
    sku_id: Uuid,
    quantity: i64,
}

/// Units of one SKU in a package.
#[Object]
impl PackageItem {
    /// Needs `catalog:read`.
    async fn sku(&self, ctx: &Context<'_>) -> Result<Option<Sku>> {
        Sku::load(ctx, self.sku_id).await
    }
    async fn quantity(&self) -> i32 {
        i32::try_from(self.quantity).unwrap_or(i32::MAX)
    }
}

pub struct Shipment(pub shipping::Shipment);

/// A package handed to a carrier, and what the carrier reported of it.
#[Object]
impl Shipment {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(SHIPMENT, self.0.id)
    }
    async fn package_id(&self) -> ID {
        ids::encode(PACKAGE, self.0.package_id)
    }
    async fn carrier(&self) -> Enum<CarrierCode> {
        Enum(self.0.carrier)
    }
    async fn tracking_number(&self) -> &str {
        &self.0.tracking_number
    }
    async fn service_level(&self) -> Enum<ServiceLevel> {
        Enum(self.0.service_level)
    }
    /// None when the carrier printed no label (manual shipping).
    async fn label_format(&self) -> Option<Enum<LabelFormat>> {
        self.0.label_format.map(Enum)
    }
    /// Where to fetch the label (`GET`, with the same bearer token):
    /// `application/pdf`, or ZPL as `text/plain` for a thermal printer.
    async fn label_url(&self) -> Option<String> {
        self.0.label_format.map(|_| format!("/labels/shipments/{}", self.0.id))
    }
    /// Where the shipment is, as its carrier last reported.
    async fn status(&self) -> Enum<TrackingStatus> {
        Enum(self.0.status)
    }
    async fn shipped_at(&self) -> DateTime<Utc> {
        self.0.shipped_at
    }
    async fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.0.delivered_at
    }
    /// Oldest first.
    async fn events(&self) -> Vec<ShipmentEvent> {
        self.0.events.iter().cloned().map(ShipmentEvent).collect()
    }
}

pub struct ShipmentEvent(TrackingEvent);

/// One thing a carrier reported of a shipment.
#[Object]
impl ShipmentEvent {
    async fn status(&self) -> Enum<TrackingStatus> {
        Enum(self.0.status)
    }
    /// The status in words, in the request's language.
    async fn description(&self, ctx: &Context<'_>) -> String {
        shipping::describe(self.0.status).render(locale(ctx))
    }
    /// When it happened, as the carrier says.
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
}

struct ShipmentsOfOrders;

impl Batch for ShipmentsOfOrders {
    type Value = Vec<shipping::Shipment>;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Self::Value)>> {
        Ok(shipping::of_orders(tx, ids).await?.into_iter().collect())
    }
}

struct PackagesOfOrders;

impl Batch for PackagesOfOrders {
    type Value = Vec<packing::Package>;

    async fn load(tx: &TenantTx, ids: &[Uuid]) -> DomainResult<Vec<(Uuid, Self::Value)>> {
        Ok(packing::of_orders(tx, ids).await?.into_iter().collect())
    }
}

/// The shipments of order `order_id`, batched with the page's other orders.
pub async fn shipments_of(ctx: &Context<'_>, order_id: Uuid) -> Result<Vec<Shipment>> {
    let found = loaders::load::<ShipmentsOfOrders>(ctx, order_id).await?;
    Ok(found.unwrap_or_default().into_iter().map(Shipment).collect())
}

/// The packages of order `order_id`, batched with the page's other orders.
pub async fn packages_of(ctx: &Context<'_>, order_id: Uuid) -> Result<Vec<Package>> {
    let found = loaders::load::<PackagesOfOrders>(ctx, order_id).await?;
    Ok(found.unwrap_or_default().into_iter().map(Package).collect())
}

pub async fn shipment_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Shipment>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| shipping::get(tx, id).await).await.or_gql()?.map(Shipment))
}

pub async fn package_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Package>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| packing::get(tx, id).await).await.or_gql()?.map(Package))
}
