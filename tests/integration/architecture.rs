//! Dependency direction (DESIGN.md §2): `domain` knows nothing of HTTP,
//! GraphQL, tokens or mail; inside it, `platform` imports no business
//! context; `api`'s library never reaches into `workers` (only the binary
//! composes them).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_owned()
}

fn normal_dependencies(package: &str) -> HashSet<String> {
    let host = std::process::Command::new("rustc").arg("-vV").output().expect("rustc -vV");
    let host = String::from_utf8_lossy(&host.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("host triple");
    let output = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--filter-platform", &host, "--manifest-path"])
        .arg(workspace().join("Cargo.toml"))
        .output()
        .expect("cargo metadata");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata json");
    let names: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    let nodes: HashMap<&str, &Value> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| Some((n["id"].as_str()?, n)))
        .collect();
    let start = names.iter().find(|(_, name)| **name == package).map(|(id, _)| *id).expect("package in workspace");
    let mut seen = HashSet::new();
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().into_iter().flatten() {
            let normal = dep["dep_kinds"].as_array().into_iter().flatten().any(|k| k["kind"].is_null());
            if let (true, Some(dep_id)) = (normal, dep["pkg"].as_str())
                && seen.insert(names[dep_id].to_owned())
            {
                stack.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn domain_depends_on_no_transport_token_or_mail_crate() {
    let deps = normal_dependencies("silkport-domain");
    for forbidden in
        ["actix-web", "actix-http", "async-graphql", "jsonwebtoken", "lettre", "silkport-api", "silkport-workers"]
    {
        assert!(!deps.contains(forbidden), "domain depends on {forbidden}");
    }
    assert!(deps.contains("sea-orm"), "the check sees real dependencies");
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn api_library_does_not_use_workers() {
    let src = workspace().join("api/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let library: Vec<&PathBuf> = files.iter().filter(|f| !f.starts_with(src.join("bin"))).collect();
    assert!(library.len() > 10, "the check sees the library's files");
    for file in library {
        let text = std::fs::read_to_string(file).expect("read");
        assert!(
            !text.contains("workers::") && !text.contains("use workers"),
            "{} uses the workers crate",
            file.display()
        );
    }
}

#[test]
fn the_platform_imports_no_business_context() {
    let src = workspace().join("domain/src");
    let contexts: Vec<String> = std::fs::read_dir(&src)
        .expect("domain/src")
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name != "platform")
        .collect();
    assert!(contexts.contains(&"identity".to_owned()), "the check sees the contexts: {contexts:?}");
    let mut files = Vec::new();
    rust_files(&src.join("platform"), &mut files);
    assert!(files.len() > 10, "the check sees the platform's files");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for context in &contexts {
            for path in [format!("crate::{context}"), format!("domain::{context}")] {
                assert!(!text.contains(&path), "{} imports the `{context}` context", file.display());
            }
        }
    }
}
