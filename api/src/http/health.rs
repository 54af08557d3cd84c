//! Liveness (the process answers) and readiness (its dependencies answer).

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::state::AppState;

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let database = match state.db.ping().await {
        Ok(()) => "ok".to_owned(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: database unreachable");
            "unreachable".to_owned()
        }
    };
    let redis = match &state.redis {
        None => "not configured".to_owned(),
        Some(manager) => {
            let mut conn = manager.clone();
            let pong: redis::RedisResult<String> = redis::cmd("PING").query_async(&mut conn).await;
            match pong {
                Ok(_) => "ok".to_owned(),
                Err(e) => {
                    tracing::warn!(error = %e, "readiness: redis unreachable");
                    "unreachable".to_owned()
                }
            }
        }
    };
    let ready = database == "ok" && redis != "unreachable";
    let body = json!({"status": if ready { "ready" } else { "not ready" }, "database": database, "redis": redis});
    if ready { HttpResponse::Ok().json(body) } else { HttpResponse::ServiceUnavailable().json(body) }
}
