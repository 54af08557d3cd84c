//! `node(id:)`: every type with a global id, one registry line each. The
//! line names the GraphQL type, the domain's [`NodeType`] of its ids and
//! the function that loads one in the request's scope.
//!
//! [`NodeType`]: domain::platform::ids::NodeType

use async_graphql::{Context, ID, Interface, Object, Result};
use domain::catalog::{MERCHANT, PRODUCT, SKU, SKU_IMPORT};
use domain::fulfilment::{PACKAGE, PICK_TASK, SHIPMENT, WAVE};
use domain::identity::{API_CLIENT, INVITATION, MEMBER, TENANT, USER};
use domain::inbound::{INBOUND_LINE, INBOUND_SHIPMENT};
use domain::inventory::{COUNT_TASK, LOCATION, STOCK_MOVEMENT, STOCK_TRANSFER, WAREHOUSE};
use domain::orders::{ORDER, ORDER_IMPORT};
use domain::platform::audit::AUDIT_ENTRY;
use domain::platform::ids::parse_gid;
use domain::platform::jobs::JOB;
use domain::returns::RETURN;

use super::{catalog, fulfilment, identity, inbound, inventory, orders, platform, returns};

macro_rules! nodes {
    ($($variant:ident($context:ident::$ty:ident) = $kind:expr => $load:path),* $(,)?) => {
        /// An object with a global id.
        #[derive(Interface)]
        #[graphql(field(name = "id", ty = "ID"))]
        pub enum Node { $($variant($context::$ty)),* }

        async fn load(ctx: &Context<'_>, kind: &str, id: uuid::Uuid) -> Result<Option<Node>> {
            $(if kind == $kind.name() {
                return Ok($load(ctx, id).await?.map(Node::$variant));
            })*
            Ok(None)
        }

        #[cfg(test)]
        const NAMES: &[(&str, &str)] = &[$((stringify!($variant), $kind.name())),*];
    };
}

nodes! {
    Tenant(identity::Tenant) = TENANT => identity::tenant_node,
    User(identity::User) = USER => identity::user_node,
    Member(identity::Member) = MEMBER => identity::member_node,
    Invitation(identity::Invitation) = INVITATION => identity::invitation_node,
    ApiClient(identity::ApiClient) = API_CLIENT => identity::api_client_node,
    AuditEntry(platform::AuditEntry) = AUDIT_ENTRY => platform::audit_entry_node,
    Job(platform::Job) = JOB => platform::job_node,
    Merchant(catalog::Merchant) = MERCHANT => catalog::merchant_node,
    Warehouse(inventory::Warehouse) = WAREHOUSE => inventory::warehouse_node,
    Location(inventory::Location) = LOCATION => inventory::location_node,
    Product(catalog::Product) = PRODUCT => catalog::product_node,
    Sku(catalog::Sku) = SKU => catalog::sku_node,
    SkuImport(catalog::SkuImport) = SKU_IMPORT => catalog::sku_import_node,
    StockMovement(inventory::StockMovement) = STOCK_MOVEMENT => inventory::movement_node,
    StockTransfer(inventory::StockTransfer) = STOCK_TRANSFER => inventory::transfer_node,
    CountTask(inventory::CountTask) = COUNT_TASK => inventory::count_node,
    Order(orders::Order) = ORDER => orders::order_node,
    OrderImport(orders::OrderImport) = ORDER_IMPORT => orders::order_import_node,
    Return(returns::Return) = RETURN => returns::return_node,
    InboundShipment(inbound::InboundShipment) = INBOUND_SHIPMENT => inbound::shipment_node,
    InboundLine(inbound::InboundLine) = INBOUND_LINE => inbound::line_node,
    Wave(fulfilment::Wave) = WAVE => fulfilment::wave_node,
    PickTask(fulfilment::PickTask) = PICK_TASK => fulfilment::task_node,
    Package(fulfilment::Package) = PACKAGE => fulfilment::package_node,
    Shipment(fulfilment::Shipment) = SHIPMENT => fulfilment::shipment_node,
}

#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// Any object by its global id; null if it does not exist in this tenant.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Node>> {
        super::kit::context::principal(ctx)?;
        let Some((kind, uuid)) = parse_gid(&id) else { return Ok(None) };
        load(ctx, kind, uuid).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_graphql_type_is_named_as_its_ids_say() {
        for (variant, kind) in super::NAMES {
            assert_eq!(variant, kind, "the GraphQL type {variant} must own `gid://silkport/{variant}/…` ids");
        }
    }
}
