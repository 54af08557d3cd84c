//! The message catalogues: every `src/<context>/locales/<locale>.ftl`,
//! embedded in the binary and loaded once into one Fluent bundle per
//! [`Locale`].

#[cfg(test)]
use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
#[cfg(test)]
use fluent_syntax::ast;

use super::message::Arg;
use super::{Locale, Sources};

type Bundle = FluentBundle<Arc<FluentResource>>;

/// One `.ftl` file.
pub(super) struct File {
    /// `identity/locales/zh-CN.ftl`
    pub path: String,
    pub locale: Locale,
    pub resource: Arc<FluentResource>,
}

pub(super) struct Catalogue {
    bundles: Vec<(Locale, Bundle)>,
    /// The files, for the tests.
    #[cfg(test)]
    pub files: Vec<File>,
    /// What went wrong while loading (syntax errors, an id defined twice,
    /// a file of no known language): logged, and a test expects none.
    #[cfg(test)]
    pub problems: Vec<String>,
}

pub(super) static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::load);

/// `<context>/locales/<locale>.ftl` → (context, locale text).
fn catalogue_path(path: &str) -> Option<(&str, &str)> {
    let (context, rest) = path.split_once('/')?;
    let stem = rest.strip_prefix("locales/")?.strip_suffix(".ftl")?;
    Some((context, stem))
}

impl Catalogue {
    fn load() -> Self {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for path in Sources::iter() {
            let Some((_, stem)) = catalogue_path(&path) else { continue };
            let Some(locale) = Locale::parse(stem) else {
                problems.push(format!("{path}: `{stem}` is not a language we speak"));
                continue;
            };
            let Some(source) = Sources::get(&path).and_then(|f| String::from_utf8(f.data.into_owned()).ok()) else {
                problems.push(format!("{path}: not UTF-8"));
                continue;
            };
            let resource = FluentResource::try_new(source).unwrap_or_else(|(resource, errors)| {
                problems.extend(errors.iter().map(|e| format!("{path}: {e}")));
                resource
            });
            files.push(File { locale, resource: Arc::new(resource), path: path.into_owned() });
        }
        let bundles = Locale::ALL
            .iter()
            .map(|&locale| {
                let language = locale.as_str().parse().unwrap_or_default();
                let mut bundle = Bundle::new_concurrent(vec![language]);
                // Unicode isolation marks around arguments help only
                // right-to-left text, and would show in subjects and JSON.
                bundle.set_use_isolating(false);
                for file in files.iter().filter(|f| f.locale == locale) {
                    if let Err(errors) = bundle.add_resource(Arc::clone(&file.resource)) {
                        problems.extend(errors.iter().map(|e| format!("{}: {e}", file.path)));
                    }
                }
                (locale, bundle)
            })
            .collect();
        for problem in &problems {
            tracing::error!(problem, "message catalogue");
        }
        Self {
            bundles,
            #[cfg(test)]
            files,
            #[cfg(test)]
            problems,
        }
    }

    fn bundle(&self, locale: Locale) -> &Bundle {
        let found = self.bundles.iter().find(|(l, _)| *l == locale).or(self.bundles.first());
        &found.expect("a bundle per locale").1
    }

    /// The message `id` in `locale`, or why it cannot be rendered exactly.
    pub fn format(&self, locale: Locale, id: &str, args: &FluentArgs) -> Result<String, String> {
        let bundle = self.bundle(locale);
        let pattern =
            bundle.get_message(id).and_then(|m| m.value()).ok_or_else(|| format!("no message `{id}` in {locale}"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
        match errors.as_slice() {
            [] => Ok(text),
            errors => Err(format!("`{id}` in {locale}: {errors:?}")),
        }
    }
}

#[cfg(test)]
impl File {
    /// `identity` of `identity/locales/zh-CN.ftl`.
    fn context(&self) -> &str {
        self.path.split('/').next().unwrap_or_default()
    }
}

#[cfg(test)]
impl Catalogue {
    /// The variables message `id` uses in `locale` (through selectors,
    /// function calls and referenced messages); `None` when it is absent.
    pub fn variables(&self, locale: Locale, id: &str) -> Option<BTreeSet<String>> {
        let mut found = BTreeSet::new();
        let pattern = self.bundle(locale).get_message(id)?.value()?;
        self.collect_pattern(locale, pattern, &mut found, 0);
        Some(found)
    }

    fn collect_pattern(&self, locale: Locale, pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>, depth: u8) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.collect_expression(locale, expression, out, depth);
            }
        }
    }

    fn collect_expression(
        &self,
        locale: Locale,
        expression: &ast::Expression<&str>,
        out: &mut BTreeSet<String>,
        depth: u8,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.collect_inline(locale, inline, out, depth),
            ast::Expression::Select { selector, variants } => {
                self.collect_inline(locale, selector, out, depth);
                for variant in variants {
                    self.collect_pattern(locale, &variant.value, out, depth);
                }
            }
        }
    }

    fn collect_inline(
        &self,
        locale: Locale,
        inline: &ast::InlineExpression<&str>,
        out: &mut BTreeSet<String>,
        depth: u8,
    ) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                    self.collect_inline(locale, argument, out, depth);
                }
            }
            ast::InlineExpression::Placeable { expression } => self.collect_expression(locale, expression, out, depth),
            // A referenced message sees the same arguments (bounded: a
            // reference cycle is Fluent's error, not an endless walk here).
            ast::InlineExpression::MessageReference { id, .. } if depth < 8 => {
                if let Some(pattern) = self.bundle(locale).get_message(id.name).and_then(|m| m.value()) {
                    self.collect_pattern(locale, pattern, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

pub(super) fn fluent_args(args: &[(&'static str, Arg)]) -> FluentArgs<'static> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => out.set(*name, FluentValue::from(text.clone())),
            Arg::Number(number) => out.set(*name, FluentValue::from(*number)),
        }
    }
    out
}

/// The message in `locale`; on a catalogue bug, logged, the English text
/// and else whatever Fluent made of it, so a reader still gets words.
pub(super) fn render(id: &str, args: &[(&'static str, Arg)], locale: Locale) -> String {
    let args = fluent_args(args);
    match CATALOGUE.format(locale, id, &args) {
        Ok(text) => text,
        Err(problem) => {
            tracing::error!(problem, "message catalogue");
            CATALOGUE.format(Locale::En, id, &args).unwrap_or_else(|_| id.to_owned())
        }
    }
}

/// Test support: asserts that each declared message (id, argument names)
/// exists in every language, uses exactly its arguments there, and renders
/// without an error.
#[cfg(test)]
pub(crate) fn check_declared(declared: &[(&'static str, &[&'static str])]) {
    let mut problems = Vec::new();
    for (id, names) in declared {
        let expected: BTreeSet<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let args: Vec<(&'static str, Arg)> = names.iter().map(|n| (*n, Arg::Number(7))).collect();
        for &locale in Locale::ALL {
            match CATALOGUE.variables(locale, id) {
                None => problems.push(format!("`{id}` is missing in {locale}")),
                Some(used) if used != expected => {
                    problems.push(format!("`{id}` in {locale} uses {used:?}, the code gives {expected:?}"))
                }
                Some(_) => {
                    if let Err(problem) = CATALOGUE.format(locale, id, &fluent_args(&args)) {
                        problems.push(problem);
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "message catalogue:\n{}", problems.join("\n"));
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn message_ids(resource: &FluentResource) -> BTreeSet<String> {
        resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_catalogue_loads_without_a_problem() {
        assert!(CATALOGUE.problems.is_empty(), "{:#?}", CATALOGUE.problems);
        assert!(CATALOGUE.files.len() >= Locale::ALL.len(), "the catalogues are embedded");
    }

    #[test]
    fn every_context_has_every_message_in_every_language() {
        let mut by_context: BTreeMap<&str, BTreeMap<&str, BTreeSet<String>>> = BTreeMap::new();
        for file in &CATALOGUE.files {
            by_context.entry(file.context()).or_default().insert(file.locale.as_str(), message_ids(&file.resource));
        }
        let mut problems = Vec::new();
        for (context, languages) in &by_context {
            let all: BTreeSet<&String> = languages.values().flatten().collect();
            for &locale in Locale::ALL {
                let Some(ids) = languages.get(locale.as_str()) else {
                    problems.push(format!("{context}/locales/{locale}.ftl is missing"));
                    continue;
                };
                for id in all.iter().filter(|id| !ids.contains(id.as_str())) {
                    problems.push(format!("`{id}` of {context} is missing in {locale}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_message_is_named_after_its_context_and_uses_the_same_arguments_in_every_language() {
        let mut problems = Vec::new();
        for file in CATALOGUE.files.iter().filter(|f| f.locale == Locale::En) {
            for id in message_ids(&file.resource) {
                let bare = id.trim_start_matches('-');
                if !bare.starts_with(&format!("{}-", file.context())) {
                    problems.push(format!("{}: `{id}` should start with `{}-`", file.path, file.context()));
                }
                if id.starts_with('-') {
                    continue;
                }
                let english = CATALOGUE.variables(Locale::En, &id);
                for &locale in Locale::ALL {
                    let other = CATALOGUE.variables(locale, &id);
                    if other.is_some() && other != english {
                        problems.push(format!("`{id}` uses {other:?} in {locale} but {english:?} in en"));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn arguments_are_filled_in_and_a_missing_message_falls_back() {
        let rendered = render("platform-not-found", &[], Locale::ZhCn);
        assert_ne!(rendered, render("platform-not-found", &[], Locale::En), "translated");
        assert_eq!(render("platform-no-such-message", &[], Locale::ZhCn), "platform-no-such-message");
        let page =
            render("platform-page-size", &[("field", Arg::from("first")), ("max", Arg::from(250_i64))], Locale::En);
        assert!(page.contains("`first`") && page.contains("250"), "{page}");
        assert!(!page.contains('\u{2068}'), "no isolation marks: {page:?}");
    }
}
