//! The words of an order's life: its status (DESIGN.md §4: received →
//! allocated | backordered → picking → packed → shipped → delivered, plus
//! cancelled and exception), the channel it came by, and the kinds of step
//! its timeline records.

use crate::platform::text_enum::string_enum;

string_enum!(
    /// Where an order is: RECEIVED (taken, not yet allocated), ALLOCATED
    /// (every unit reserved in a warehouse), BACKORDERED (some units wait
    /// for stock), PICKING, PACKED, SHIPPED, DELIVERED, CANCELLED, or
    /// EXCEPTION (a shipment of it met a problem on the way: for a person
    /// to look at; DELIVERED once it arrives after all).
    OrderStatus {
        Received = "received",
        Allocated = "allocated",
        Backordered = "backordered",
        Picking = "picking",
        Packed = "packed",
        Shipped = "shipped",
        Delivered = "delivered",
        Cancelled = "cancelled",
        Exception = "exception",
    }
);

impl OrderStatus {
    /// Whether an order in this status may still be cancelled: anything
    /// before its units leave the building.
    pub fn cancellable(self) -> bool {
        matches!(
            self,
            OrderStatus::Received
                | OrderStatus::Allocated
                | OrderStatus::Backordered
                | OrderStatus::Picking
                | OrderStatus::Packed
        )
    }
}

string_enum!(
    /// How an order came in.
    OrderChannel {
        Api = "api",
        Portal = "portal",
        Csv = "csv",
    }
);

string_enum!(
    /// A step of an order's timeline: RECEIVED, ALLOCATED, BACKORDERED,
    /// PICKING (taken into a wave; the detail is its warehouse), PICKED
    /// (every unit picked, waiting at packing), PACKED, SHIPPED (the detail
    /// is the tracking numbers), DELIVERED, CANCELLED, EXCEPTION (the detail
    /// is what went wrong).
    OrderEventKind {
        Received = "received",
        Allocated = "allocated",
        Backordered = "backordered",
        Picking = "picking",
        Picked = "picked",
        Packed = "packed",
        Shipped = "shipped",
        Delivered = "delivered",
        Cancelled = "cancelled",
        Exception = "exception",
    }
);

string_enum!(
    /// Why units were reserved in the warehouse they were: IN_STOCK_NEAREST
    /// (the nearest warehouse to the destination with every unit of the
    /// line, preferring one the order already uses on a tie), SPLIT (no
    /// warehouse had them all: units taken nearest first).
    AllocationRule {
        InStockNearest = "in_stock_nearest",
        Split = "split",
    }
);
