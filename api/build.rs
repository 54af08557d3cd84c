//! Points the embedded portal at `web/dist` when it is built, else at an
//! empty folder (the server then says how to build it). Build the portal
//! before the binary to ship it inside.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dist = manifest.join("../web/dist");
    println!("cargo:rerun-if-changed=../web/dist/index.html");
    let folder = if dist.join("index.html").is_file() {
        dist
    } else {
        let empty = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("no-portal");
        std::fs::create_dir_all(&empty).expect("an empty portal folder");
        empty
    };
    let folder = folder.canonicalize().expect("the portal folder resolves");
    println!("cargo:rustc-env=SILKPORT_PORTAL_DIR={}", folder.display());
}
