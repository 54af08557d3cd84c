//! Serves the portal built into the binary (`web/dist` at build time), or
//! the folder `SILKPORT_WEB_DIR` names while the portal is developed:
//! files as they are, `index.html` for every other path so client-side
//! routes load, and the portal build's GraphiQL page, which needs no
//! internet, for `GET /graphql`.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "$SILKPORT_PORTAL_DIR"]
struct Embedded;

/// Where the portal's files come from.
#[derive(Clone)]
pub enum Portal {
    Embedded,
    Folder(PathBuf),
}

const NOT_BUILT: &str =
    "Silkport API is running. The portal is not built: run `npm ci && npm run build` in web/, then build silkport.";

impl Portal {
    /// The folder when one is configured, else what the binary carries.
    pub fn new(folder: Option<&Path>) -> Self {
        match folder {
            Some(folder) => Portal::Folder(folder.to_owned()),
            None => Portal::Embedded,
        }
    }

    fn file(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        match self {
            Portal::Embedded => Embedded::get(path).map(|f| f.data),
            Portal::Folder(folder) => {
                // Only plain relative paths: nothing outside the folder.
                let relative = Path::new(path);
                if !relative.components().all(|c| matches!(c, Component::Normal(_))) {
                    return None;
                }
                std::fs::read(folder.join(relative)).ok().map(Cow::Owned)
            }
        }
    }

    pub fn is_built(&self) -> bool {
        self.file("index.html").is_some()
    }

    fn respond(&self, path: &str) -> Option<HttpResponse> {
        let body = self.file(path)?;
        let mime = mime_guess::from_path(path).first_or_octet_stream();
        // Hashed assets never change; pages must be fetched fresh to pick new ones.
        let cache = if path.starts_with("assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
        Some(
            HttpResponse::Ok()
                .insert_header((CONTENT_TYPE, mime.as_ref()))
                .insert_header((CACHE_CONTROL, cache))
                .body(body),
        )
    }

    /// GraphiQL, from the portal build.
    pub fn graphiql(&self) -> HttpResponse {
        self.respond("graphiql.html").unwrap_or_else(not_built)
    }
}

fn not_built() -> HttpResponse {
    HttpResponse::NotFound().content_type("text/plain; charset=utf-8").body(NOT_BUILT)
}

async fn serve(req: HttpRequest, portal: web::Data<Portal>) -> HttpResponse {
    let path = req.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    if let Some(found) = portal.respond(path) {
        return found;
    }
    // A missing asset is a 404, not the app shell.
    if path.starts_with("assets/") {
        return HttpResponse::NotFound().finish();
    }
    portal.respond("index.html").unwrap_or_else(not_built)
}

pub fn routes(cfg: &mut web::ServiceConfig, portal: &Portal) {
    if !portal.is_built() {
        tracing::warn!("portal not built; `/` serves a notice (run `npm run build` in web/, then build silkport)");
    }
    cfg.app_data(web::Data::new(portal.clone())).default_service(web::get().to(serve));
}
