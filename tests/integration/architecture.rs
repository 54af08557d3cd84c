//! Dependency direction (DESIGN.md §2), read from the real graphs rather
//! than from text: the arrows between crates from `cargo metadata`, the
//! arrows between modules from a parse (`syn`) of every path the source
//! names — `use` trees with their groups, renames and globs, paths in types,
//! expressions, patterns and attributes, `crate`/`super`/`self` paths inside
//! macro calls and definitions — resolved against the module they are in.
//!
//! `domain` knows nothing of HTTP, GraphQL, tokens or mail; inside it,
//! `platform` imports no business context; `api`'s library never reaches
//! into `workers` (only the binary composes them); `migrations` stands alone.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use serde_json::Value;
use syn::visit::Visit;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_owned()
}

/// Each workspace package's normal (non-dev, non-build) dependencies, by
/// name, from `cargo metadata` for the host platform.
fn dependency_graph() -> HashMap<String, Vec<String>> {
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
    metadata["resolve"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|node| {
            let deps = node["deps"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|dep| dep["dep_kinds"].as_array().into_iter().flatten().any(|k| k["kind"].is_null()))
                .filter_map(|dep| Some(names[dep["pkg"].as_str()?].to_owned()))
                .collect();
            Some((names[node["id"].as_str()?].to_owned(), deps))
        })
        .collect()
}

/// Every package `package` depends on, directly or not (normal dependencies).
fn closure(graph: &HashMap<String, Vec<String>>, package: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut stack = vec![package.to_owned()];
    while let Some(name) = stack.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                stack.push(dep.clone());
            }
        }
    }
    seen
}

/// The workspace crates each workspace crate may depend on.
const CRATE_ARROWS: [(&str, &[&str]); 4] = [
    ("silkport-domain", &[]),
    ("silkport-migrations", &[]),
    ("silkport-workers", &["silkport-domain"]),
    ("silkport-api", &["silkport-domain", "silkport-migrations", "silkport-workers"]),
];

#[test]
fn crates_depend_only_in_the_allowed_directions() {
    let graph = dependency_graph();
    for (package, allowed) in CRATE_ARROWS {
        let deps = graph.get(package).unwrap_or_else(|| panic!("{package} is in the workspace"));
        let arrows: Vec<&String> =
            deps.iter().filter(|d| graph.contains_key(*d) && d.starts_with("silkport-")).collect();
        for arrow in arrows {
            assert!(allowed.contains(&arrow.as_str()), "{package} depends on {arrow}; allowed: {allowed:?}");
        }
    }
    assert!(graph["silkport-api"].iter().any(|d| d == "silkport-domain"), "the check sees workspace arrows");
}

#[test]
fn domain_depends_on_no_transport_token_or_mail_crate() {
    let deps = closure(&dependency_graph(), "silkport-domain");
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

/// The module a file of crate root `src` defines: `platform/jobs/queue.rs`
/// is `platform::jobs::queue`, `platform/jobs/mod.rs` is `platform::jobs`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("file under src").with_extension("");
    let mut module: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        module.pop();
    }
    module
}

/// Where a path was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// A `use` item or `extern crate`: every segment names a module or item.
    Import,
    /// In a type, expression, pattern or attribute: one segment is a local name.
    Code,
    /// Inside a macro's tokens.
    Macro,
}

/// A path as written, with the module it was written in.
#[derive(Debug, Clone)]
struct Reference {
    module: Vec<String>,
    written: Written,
    leading_colon: bool,
    segments: Vec<String>,
}

impl Reference {
    /// Where the path leads: `Some(crate-relative path)` inside the crate,
    /// `None` for another crate (a leading `::`). A path of one segment is
    /// an item in scope, not a module arrow, and leads nowhere.
    fn in_crate(&self) -> Option<Vec<String>> {
        if self.leading_colon || self.segments.len() < 2 {
            return None;
        }
        let mut resolved = self.module.clone();
        let mut rest = self.segments.as_slice();
        match rest.first().map(String::as_str) {
            Some("crate") => {
                resolved.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    resolved.pop();
                    rest = &rest[1..];
                }
            }
            _ => {}
        }
        resolved.extend(rest.iter().cloned());
        Some(resolved)
    }

    /// The crate a path leads into when it starts with a crate's name
    /// (`::workers::x`, `workers::x`, `use workers;`); a single name in code
    /// is a local binding, not a crate.
    fn external_crate(&self) -> Option<&str> {
        let anchored = matches!(self.segments.first().map(String::as_str), Some("crate" | "self" | "super"));
        let names_a_crate = self.written == Written::Import || self.segments.len() > 1;
        if anchored || !names_a_crate { None } else { self.segments.first().map(String::as_str) }
    }
}

/// Collects every path of a file, tracking inline modules.
struct Paths {
    module: Vec<String>,
    found: Vec<Reference>,
}

impl Paths {
    fn push(&mut self, written: Written, leading_colon: bool, segments: Vec<String>) {
        self.found.push(Reference { module: self.module.clone(), written, leading_colon, segments });
    }

    fn use_tree(&mut self, leading_colon: bool, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(leading_colon, prefix, &path.tree);
                prefix.pop();
            }
            // `use a::b::{self}` names `a::b` itself.
            syn::UseTree::Name(name) if name.ident == "self" => {
                self.push(Written::Import, leading_colon, prefix.clone())
            }
            syn::UseTree::Name(name) => {
                let mut full = prefix.clone();
                full.push(name.ident.to_string());
                self.push(Written::Import, leading_colon, full);
            }
            syn::UseTree::Rename(rename) => {
                let mut full = prefix.clone();
                full.push(rename.ident.to_string());
                self.push(Written::Import, leading_colon, full);
            }
            // `use a::b::*` leads into `a::b` as surely as naming an item of it.
            syn::UseTree::Glob(_) => {
                let mut full = prefix.clone();
                full.push("*".into());
                self.push(Written::Import, leading_colon, full);
            }
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(leading_colon, prefix, tree);
                }
            }
        }
    }

    /// `crate::…`, `$crate::…`, `self::…`, `super::…` and `::x::…` inside
    /// macro tokens (macro bodies are not parsed as Rust).
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(group) = &trees[i] {
                self.tokens(group.stream());
                i += 1;
                continue;
            }
            let start = i;
            let mut segments = Vec::new();
            let leading_colon = colons(&trees, i);
            if leading_colon {
                i += 2;
            }
            while let Some(TokenTree::Ident(ident)) = trees.get(i) {
                segments.push(ident.to_string());
                if colons(&trees, i + 1) {
                    i += 3;
                } else {
                    i += 1;
                    break;
                }
            }
            let anchored = matches!(segments.first().map(String::as_str), Some("crate" | "self" | "super"));
            if segments.len() > 1 && (anchored || leading_colon) {
                self.push(Written::Macro, leading_colon && !anchored, segments);
            }
            i = i.max(start + 1);
        }
    }
}

/// Whether `::` starts at token `i`.
fn colons(trees: &[TokenTree], i: usize) -> bool {
    matches!((trees.get(i), trees.get(i + 1)), (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
        if a.as_char() == ':' && b.as_char() == ':' && a.spacing() == proc_macro2::Spacing::Joint)
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        self.module.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.module.pop();
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(item.leading_colon.is_some(), &mut Vec::new(), &item.tree);
    }

    fn visit_item_extern_crate(&mut self, item: &'ast syn::ItemExternCrate) {
        self.push(Written::Import, true, vec![item.ident.to_string(), "*".into()]);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.push(Written::Code, path.leading_colon.is_some(), segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
        syn::visit::visit_macro(self, mac);
    }
}

/// Every path named in the files of `dir`, a part of the crate rooted at `src`.
fn references(src: &Path, dir: &Path) -> Vec<(PathBuf, Reference)> {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    assert!(files.len() > 3, "the check sees the files of {}", dir.display());
    files
        .into_iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(&file).expect("read");
            let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{} parses: {e}", file.display()));
            let mut paths = Paths { module: module_of(src, &file), found: Vec::new() };
            paths.visit_file(&parsed);
            paths.found.into_iter().map(move |r| (file.clone(), r))
        })
        .collect()
}

/// The business contexts: the modules `domain/src/lib.rs` declares, but the platform.
fn contexts(src: &Path) -> Vec<String> {
    let lib = syn::parse_file(&std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs")).expect("lib.rs parses");
    lib.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Mod(module) if module.ident != "platform" => Some(module.ident.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_platform_imports_no_business_context() {
    let src = workspace().join("domain/src");
    let contexts = contexts(&src);
    assert!(contexts.contains(&"identity".to_owned()), "the check sees the contexts: {contexts:?}");
    let found = references(&src, &src.join("platform"));
    assert!(found.iter().any(|(_, r)| r.in_crate().is_some_and(|p| p.starts_with(&["platform".into()]))));
    for (file, reference) in found {
        let Some(target) = reference.in_crate() else { continue };
        if let Some(context) = contexts.iter().find(|c| target.first() == Some(*c)) {
            panic!(
                "{} (module {}) reaches the `{context}` context: {reference:?}",
                file.display(),
                reference.module.join("::")
            );
        }
    }
}

#[test]
fn api_library_does_not_use_workers() {
    let src = workspace().join("api/src");
    let found = references(&src, &src);
    let library: Vec<&(PathBuf, Reference)> =
        found.iter().filter(|(file, _)| !file.starts_with(src.join("bin"))).collect();
    assert!(library.iter().any(|(_, r)| r.external_crate() == Some("domain")), "the check sees paths into domain");
    let binary = found.iter().filter(|(file, _)| file.starts_with(src.join("bin")));
    assert!(binary.into_iter().any(|(_, r)| r.external_crate() == Some("workers")), "and the binary's into workers");
    for (file, reference) in library {
        assert_ne!(
            reference.external_crate(),
            Some("workers"),
            "{} (module {}) uses the workers crate: {reference:?}",
            file.display(),
            reference.module.join("::")
        );
    }
}
