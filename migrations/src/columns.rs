//! Column and key shapes shared by the migrations, so every tenant table is
//! keyed and linked the same way.

use sea_orm_migration::prelude::*;

pub fn uuid(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).uuid().not_null().take()
}

pub fn uuid_null(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).uuid().null().take()
}

pub fn text(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).text().not_null().take()
}

pub fn text_null(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).text().null().take()
}

pub fn int(name: &'static str, default: i32) -> ColumnDef {
    ColumnDef::new(name).integer().not_null().default(default).take()
}

pub fn boolean(name: &'static str, default: bool) -> ColumnDef {
    ColumnDef::new(name).boolean().not_null().default(default).take()
}

pub fn time(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().not_null().take()
}

pub fn time_null(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).timestamp_with_time_zone().null().take()
}

pub fn json_null(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).json_binary().null().take()
}

/// A tenant-owned table: `tenant_id` first, primary key `(tenant_id, id)`,
/// and a foreign key to the tenant.
pub fn tenant_table(name: &'static str) -> TableCreateStatement {
    Table::create()
        .table(name)
        .col(uuid("tenant_id"))
        .col(uuid("id"))
        .primary_key(Index::create().col("tenant_id").col("id"))
        .foreign_key(
            ForeignKey::create().from(name, "tenant_id").to("tenants", "id").on_delete(ForeignKeyAction::Cascade),
        )
        .take()
}

pub fn index(table: &'static str, name: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for col in cols {
        index.col(*col);
    }
    index.take()
}

pub fn flag(name: &'static str, default: bool) -> ColumnDef {
    ColumnDef::new(name).boolean().not_null().default(default).take()
}

/// A whole number of units (grams, millimetres) that is unknown (null) or
/// not negative.
pub fn measure(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).integer().null().check(Expr::col(name).gte(0)).take()
}

/// A foreign key between tenant tables: `tenant_id` first on both sides
/// (DESIGN.md §3), then `columns` of `from` naming `to_columns` of `to`.
pub fn tenant_link(
    from: &'static str,
    columns: &[&'static str],
    to: &'static str,
    to_columns: &[&'static str],
) -> ForeignKeyCreateStatement {
    let mut key = ForeignKey::create();
    key.from_tbl(from).from_col("tenant_id").to_tbl(to).to_col("tenant_id");
    for (column, to_column) in columns.iter().zip(to_columns) {
        key.from_col(*column).to_col(*to_column);
    }
    key.take()
}
