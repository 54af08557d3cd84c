//! A graphql-ws (`graphql-transport-ws`) client for tests, over a real
//! WebSocket.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;

use crate::app::TestApp;

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Opens `/graphql/ws`, sends `connection_init` (with the token, if any)
/// and returns the socket and the server's first answer.
pub async fn connect(app: &TestApp, token: Option<&str>) -> (Socket, Value) {
    let mut request =
        format!("{}/graphql/ws", app.url.replacen("http", "ws", 1)).into_client_request().expect("request");
    request.headers_mut().insert("sec-websocket-protocol", "graphql-transport-ws".parse().expect("header"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.expect("websocket");
    let payload = token.map(|t| json!({"authorization": format!("Bearer {t}")})).unwrap_or(json!({}));
    socket.send(Message::text(json!({"type": "connection_init", "payload": payload}).to_string())).await.expect("init");
    let ack = next(&mut socket, Duration::from_secs(5)).await.expect("connection_ack");
    (socket, ack)
}

/// Subscribes with `id` to `query`.
pub async fn subscribe(socket: &mut Socket, id: &str, query: &str) {
    socket
        .send(Message::text(json!({"id": id, "type": "subscribe", "payload": {"query": query}}).to_string()))
        .await
        .expect("subscribe");
}

/// The next protocol message other than ping/pong, or `None` after `wait`
/// or when the socket closed.
pub async fn next(socket: &mut Socket, wait: Duration) -> Option<Value> {
    loop {
        let message = tokio::time::timeout(wait, socket.next()).await.ok()??.ok()?;
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).expect("json");
            if value["type"] != "ping" && value["type"] != "pong" {
                return Some(value);
            }
        }
    }
}

/// What the socket brings within `wait`: the messages before the server
/// closed it, and the close frame (`None` when it stayed open).
pub async fn until_closed(socket: &mut Socket, wait: Duration) -> (Vec<Value>, Option<CloseFrame>) {
    let deadline = tokio::time::Instant::now() + wait;
    let mut messages = Vec::new();
    loop {
        let Ok(message) = tokio::time::timeout_at(deadline, socket.next()).await else { return (messages, None) };
        match message {
            Some(Ok(Message::Text(text))) => messages.push(serde_json::from_str(&text).expect("json")),
            Some(Ok(Message::Close(frame))) => return (messages, frame),
            Some(Ok(_)) => {}
            Some(Err(_)) | None => return (messages, None),
        }
    }
}
