//! Keyset pagination over time-ordered ids (UUID v7), the shape behind the
//! API's Relay connections. Cursors are ids; the edge makes them opaque.

use sea_orm::{ColumnTrait, ModelTrait, QueryFilter, QueryOrder, QuerySelect, Select, Value};
use uuid::Uuid;

use super::errors::{DomainError, DomainResult, UserErrorCode};
use super::i18n::Message;
use super::messages;
use super::tenancy::{TenantEntity, TenantTx};

/// Largest page a client may ask for.
pub const MAX_PAGE_SIZE: u64 = 250;
/// Page size when the client gives neither `first` nor `last`.
pub const DEFAULT_PAGE_SIZE: u64 = 50;

/// Most items an `offset` may skip: deeper pages cost a scan of every
/// item before them, so narrow the list instead.
pub const MAX_OFFSET: i32 = 100_000;

#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    pub first: Option<i32>,
    pub after: Option<Uuid>,
    pub last: Option<i32>,
    pub before: Option<Uuid>,
    /// Items to skip (forward, after `after` if given) before the page:
    /// page `n` of size `s` is `first: s, offset: (n - 1) * s`.
    pub offset: Option<i32>,
}

/// Listing order by id: oldest first or newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    OldestFirst,
    NewestFirst,
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<(Uuid, T)>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl Fn(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(|(id, item)| (id, f(item))).collect(),
            has_next_page: self.has_next_page,
            has_previous_page: self.has_previous_page,
        }
    }

    /// [`Page::map`] with a conversion that may fail.
    pub fn try_map<U, E>(self, mut f: impl FnMut(T) -> Result<U, E>) -> Result<Page<U>, E> {
        let items = self.items.into_iter().map(|(id, item)| Ok((id, f(item)?))).collect::<Result<_, E>>()?;
        Ok(Page { items, has_next_page: self.has_next_page, has_previous_page: self.has_previous_page })
    }
}

impl PageRequest {
    fn size(&self) -> DomainResult<(u64, bool)> {
        let bad = |field: &str, message: Message| DomainError::user(field, UserErrorCode::Invalid, message);
        let out_of_range = |field: &str| bad(field, messages::page_size(field, MAX_PAGE_SIZE as i64));
        match (self.first, self.last) {
            (Some(_), Some(_)) => Err(bad("first", messages::page_first_or_last())),
            (Some(n), None) if !(0..=MAX_PAGE_SIZE as i32).contains(&n) => Err(out_of_range("first")),
            (None, Some(n)) if !(0..=MAX_PAGE_SIZE as i32).contains(&n) => Err(out_of_range("last")),
            (_, Some(_)) if self.offset.is_some() => Err(bad("offset", messages::offset_with_last())),
            _ if self.offset.is_some_and(|o| !(0..=MAX_OFFSET).contains(&o)) => {
                Err(bad("offset", messages::offset_range(i64::from(MAX_OFFSET))))
            }
            (Some(n), None) => Ok((n as u64, true)),
            (None, Some(n)) => Ok((n as u64, false)),
            (None, None) => Ok((DEFAULT_PAGE_SIZE, true)),
        }
    }
}

/// Runs `select` (already scoped by `tx`) one page at a time, keyed on
/// the entity's id.
pub(crate) async fn fetch<E: TenantEntity>(
    tx: &TenantTx,
    select: Select<E>,
    order: Order,
    request: &PageRequest,
) -> DomainResult<Page<E::Model>> {
    let (size, forward) = request.size()?;
    let id_column = E::id_column();
    let mut select = select;
    // `after`/`before` are positions in the listing order, whatever it is.
    let newest_first = order == Order::NewestFirst;
    if let Some(after) = request.after {
        select = select.filter(if newest_first { id_column.lt(after) } else { id_column.gt(after) });
    }
    if let Some(before) = request.before {
        select = select.filter(if newest_first { id_column.gt(before) } else { id_column.lt(before) });
    }
    let ascending = newest_first != forward;
    select = if ascending { select.order_by_asc(id_column) } else { select.order_by_desc(id_column) };
    let skipped = request.offset.unwrap_or(0) as u64;
    if skipped > 0 {
        select = select.offset(skipped);
    }
    let mut rows = select.limit(size + 1).all(tx.conn()).await?;
    let more = rows.len() as u64 > size;
    rows.truncate(size as usize);
    if !forward {
        rows.reverse();
    }
    let items = rows
        .into_iter()
        .map(|row| match row.get(id_column) {
            Value::Uuid(Some(id)) => Ok((id, row)),
            other => Err(DomainError::Internal(format!("id column holds {other:?}"))),
        })
        .collect::<DomainResult<_>>()?;
    let (has_next_page, has_previous_page) =
        if forward { (more, request.after.is_some() || skipped > 0) } else { (request.before.is_some(), more) };
    Ok(Page { items, has_next_page, has_previous_page })
}
