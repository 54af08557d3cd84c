//! Serves the built portal (`web/dist`): files as they are, and
//! `index.html` for every other path so client-side routes load.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::{HttpResponse, web};

pub fn routes(cfg: &mut web::ServiceConfig, dir: &Path) {
    let index = dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(web.dir = %dir.display(), "portal not built; `/` serves a notice (run `npm run build` in web/)");
        cfg.default_service(web::to(|| async {
            HttpResponse::NotFound()
                .content_type("text/plain; charset=utf-8")
                .body("Silkport API is running. The portal is not built: run `npm ci && npm run build` in web/.")
        }));
        return;
    }
    let fallback: PathBuf = index;
    cfg.service(Files::new("/", dir).index_file("index.html").default_handler(fn_service(
        move |req: ServiceRequest| {
            let fallback = fallback.clone();
            async move {
                let (req, _) = req.into_parts();
                let file = NamedFile::open_async(&fallback).await?;
                let response = file.into_response(&req);
                Ok(ServiceResponse::new(req, response))
            }
        },
    )));
}
