//! Logging: readable text on a terminal, JSON lines otherwise (one object
//! per event; `SILKPORT_LOG_FORMAT=json|pretty` chooses). Every line inside
//! a request or job carries its span: request id, tenant and actor, or the
//! job's id, kind and tenant. The filter comes from `SILKPORT_LOG` or
//! `RUST_LOG` (default `info,sqlx=warn`).

use tracing_subscriber::EnvFilter;

pub fn init(json: bool) {
    let filter = std::env::var("SILKPORT_LOG")
        .ok()
        .and_then(|f| EnvFilter::try_new(f).ok())
        .or_else(|| EnvFilter::try_from_default_env().ok())
        .unwrap_or_else(|| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    // A second init (tests) keeps the first subscriber.
    let _ = if json {
        builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init()
    } else {
        builder.try_init()
    };
}
