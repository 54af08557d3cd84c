//! The graphql-ws socket (`/graphql/ws`), driven here rather than by a
//! generic adapter so that a subscription ends when the right to it ends:
//!
//! - at the access token's expiry, closed with 4401 Unauthorized;
//! - when the subscriber's membership is removed or changed, or its partner
//!   client revoked, closed with 4403 Forbidden (the close codes of the
//!   graphql-ws protocol, `graphql-transport-ws`, "Termination").
//!
//! Resolvers re-check the permission per event as well (see
//! `graphql::kit::context::Recheck`), so nothing is delivered between a
//! change and the close. The token comes in `connection_init`'s payload as
//! `{"authorization": "Bearer …"}` (browsers cannot set WebSocket headers),
//! and so may the language (`{"accept-language": "zh-CN"}`), else the
//! upgrade request's `Accept-Language`.

use std::str::FromStr;
use std::time::Duration;

use actix_web::http::header::{HeaderValue, SEC_WEBSOCKET_PROTOCOL};
use actix_web::{HttpRequest, HttpResponse, web};
use actix_ws::{CloseCode, CloseReason, Session};
use async_graphql::Data;
use async_graphql::http::{WebSocket, WebSocketProtocols, WsMessage};
use domain::identity::authority::{AuthorityChanged, Freshness};
use domain::platform::i18n::Locale;
use futures_util::StreamExt;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::auth::{Principal, bearer_token, standing};
use crate::graphql::{AppSchema, Loaders, RequestInfo};
use crate::state::AppState;

/// graphql-ws: "4401: Unauthorized".
const UNAUTHORIZED: u16 = 4401;
/// graphql-ws: "4403: Forbidden".
const FORBIDDEN: u16 = 4403;
/// How often the server pings, and how long a silent client is kept.
const PING_EVERY: Duration = Duration::from_secs(15);
const SILENT_FOR: Duration = Duration::from_secs(45);

/// The principal a socket authenticated as, and when its token ends.
struct Grant {
    principal: Principal,
    expires_at: i64,
}

pub async fn subscriptions(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
    request_id: String,
) -> Result<HttpResponse, actix_web::Error> {
    let protocol = req
        .headers()
        .get(SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .and_then(|list| list.split(',').find_map(|p| WebSocketProtocols::from_str(p.trim()).ok()))
        .ok_or_else(|| actix_web::error::ErrorBadRequest("ask for the `graphql-transport-ws` subprotocol"))?;
    let (mut response, session, incoming) = actix_ws::handle(&req, payload)?;
    response.headers_mut().insert(SEC_WEBSOCKET_PROTOCOL, HeaderValue::from_static(protocol.sec_websocket_protocol()));
    let locale = super::language::of_request(&req);
    let socket = Socket { state: state.into_inner(), schema: AppSchema::clone(&schema), request_id, protocol, locale };
    actix_web::rt::spawn(socket.drive(session, incoming));
    Ok(response)
}

struct Socket {
    state: std::sync::Arc<AppState>,
    schema: AppSchema,
    request_id: String,
    protocol: WebSocketProtocols,
    /// The upgrade request's language, unless `connection_init` names one.
    locale: Locale,
}

impl Socket {
    async fn drive(self, mut session: Session, incoming: actix_ws::MessageStream) {
        let mut incoming = incoming.aggregate_continuations();
        let (to_graphql, from_client) = mpsc::unbounded_channel::<Vec<u8>>();
        let from_client =
            futures_util::stream::unfold(from_client, |mut rx| async move { rx.recv().await.map(|m| (m, rx)) });
        let (granted, mut grant) = oneshot::channel::<Grant>();
        let on_init = self.on_connection_init(granted);
        let mut outgoing =
            Box::pin(WebSocket::new(self.schema.clone(), from_client, self.protocol).on_connection_init(on_init));

        // Armed once the token is known.
        let mut expiry = std::pin::pin!(tokio::time::sleep(Duration::from_secs(365 * 86_400)));
        let mut awaiting_grant = true;
        let mut changes = None;
        let mut subject = None;
        let mut ping = tokio::time::interval(PING_EVERY);
        let mut heard = tokio::time::Instant::now();
        let close = loop {
            // An expiry or a change of rights is acted on before any event
            // that is ready at the same moment.
            tokio::select! {
                biased;
                () = &mut expiry => break Some((UNAUTHORIZED, "Unauthorized: the access token expired".to_owned())),
                Some(event) = next_change(&mut changes) => {
                    if domain::platform::bus::decode::<AuthorityChanged>(&event) == subject {
                        break Some((FORBIDDEN, "Forbidden: access was removed or changed; sign in again".to_owned()));
                    }
                }
                message = incoming.next() => match message {
                    Some(Ok(actix_ws::AggregatedMessage::Text(text))) => {
                        heard = tokio::time::Instant::now();
                        if to_graphql.send(text.as_bytes().to_vec()).is_err() { break None; }
                    }
                    Some(Ok(actix_ws::AggregatedMessage::Binary(bytes))) => {
                        heard = tokio::time::Instant::now();
                        if to_graphql.send(bytes.to_vec()).is_err() { break None; }
                    }
                    Some(Ok(actix_ws::AggregatedMessage::Ping(bytes))) => {
                        heard = tokio::time::Instant::now();
                        if session.pong(&bytes).await.is_err() { return; }
                    }
                    Some(Ok(actix_ws::AggregatedMessage::Pong(_))) => heard = tokio::time::Instant::now(),
                    Some(Ok(actix_ws::AggregatedMessage::Close(_))) | Some(Err(_)) | None => break None,
                },
                reply = outgoing.next() => match reply {
                    Some(WsMessage::Text(text)) => if session.text(text).await.is_err() { return; },
                    Some(WsMessage::Close(code, reason)) => break Some((code, reason)),
                    None => break None,
                },
                granted = &mut grant, if awaiting_grant => {
                    awaiting_grant = false;
                    let Ok(granted) = granted else { continue };
                    // Refused over HTTP from the first instant of that second.
                    let left = granted.expires_at * 1000 - chrono::Utc::now().timestamp_millis();
                    let wait = Duration::from_millis(u64::try_from(left).unwrap_or(0));
                    expiry.as_mut().reset(tokio::time::Instant::now() + wait);
                    let tenant_id = granted.principal.tenant_id();
                    changes = Some(self.state.db.bus().subscribe::<AuthorityChanged>(tenant_id).await);
                    subject = Some(subject_of(&granted.principal));
                }
                _ = ping.tick() => {
                    if heard.elapsed() > SILENT_FOR { break None; }
                    if session.ping(b"").await.is_err() { return; }
                }
            }
        };
        let reason = close
            .map(|(code, description)| CloseReason { code: CloseCode::Other(code), description: Some(description) });
        let _ = session.close(reason).await;
    }

    /// Checks `connection_init`'s token against the rights held now and
    /// hands the grant to the socket's driver.
    fn on_connection_init(
        &self,
        granted: oneshot::Sender<Grant>,
    ) -> impl FnOnce(serde_json::Value) -> std::pin::Pin<Box<dyn Future<Output = async_graphql::Result<Data>> + Send>> + use<>
    {
        let state = self.state.clone();
        let request_id = self.request_id.clone();
        let upgrade_locale = self.locale;
        move |init| {
            Box::pin(async move {
                let header = init
                    .get("authorization")
                    .or_else(|| init.get("Authorization"))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned);
                let verified = header.as_deref().map(|h| bearer_token(h).and_then(|t| state.tokens.verify_until(t)));
                let principal = match verified {
                    Some(Ok((principal, expires_at))) => {
                        let current = standing::current(&state.db, principal, Freshness::Now).await;
                        if let Ok(principal) = &current {
                            let _ = granted.send(Grant { principal: principal.clone(), expires_at });
                        }
                        Some(current)
                    }
                    Some(Err(e)) => Some(Err(e)),
                    None => None,
                };
                let locale = ["accept-language", "Accept-Language"]
                    .iter()
                    .find_map(|key| init.get(*key).and_then(|v| v.as_str()))
                    .map_or(upgrade_locale, super::language::negotiate);
                let mut data = Data::default();
                data.insert(RequestInfo { principal, request_id, idempotency_key: None, locale });
                data.insert(Loaders::default());
                Ok(data)
            })
        }
    }
}

fn subject_of(principal: &Principal) -> Uuid {
    match principal {
        Principal::User { user_id, .. } => *user_id,
        Principal::Client { client_id, .. } => *client_id,
    }
}

async fn next_change(
    changes: &mut Option<domain::platform::bus::Subscription>,
) -> Option<std::sync::Arc<domain::platform::bus::Event>> {
    match changes {
        Some(changes) => changes.recv().await,
        None => std::future::pending().await,
    }
}
