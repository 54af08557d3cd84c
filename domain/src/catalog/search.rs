//! Search conditions of the catalog's lists: a prefix or a substring of a
//! column, matched without regard to case (ASCII on SQLite, all letters on
//! PostgreSQL), with `%`, `_` and `\` in what was typed taken literally.

use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};

/// `%`, `_` and the escape itself taken literally in a LIKE pattern.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

fn lower_like(column: impl ColumnTrait, pattern: String) -> SimpleExpr {
    Expr::expr(Func::lower(Expr::col(column))).like(LikeExpr::new(pattern).escape('\\'))
}

/// `column` starts with `text`.
pub(super) fn starts_with(column: impl ColumnTrait, text: &str) -> SimpleExpr {
    lower_like(column, format!("{}%", like_literal(&text.to_lowercase())))
}

/// `column` contains `text`.
pub(super) fn contains(column: impl ColumnTrait, text: &str) -> SimpleExpr {
    lower_like(column, format!("%{}%", like_literal(&text.to_lowercase())))
}

/// The search text of a list, trimmed; `None` when nothing was typed.
pub(super) fn query_text(query: Option<&str>) -> Option<&str> {
    query.map(str::trim).filter(|q| !q.is_empty())
}
