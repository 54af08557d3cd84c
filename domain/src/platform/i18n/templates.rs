//! Mail bodies: minijinja templates `src/<context>/templates/<name>.txt`
//! and `<name>.html` (registered as `<context>/<name>.txt`), HTML
//! auto-escaped. Their words come from the catalogues through
//! `t("id", name=value, …)`, in the language of the `locale` variable
//! [`render_mail`] sets.

use std::sync::LazyLock;

use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, context};

use super::catalogue::CATALOGUE;
use super::{Locale, Message, Sources};
use crate::platform::errors::{DomainError, DomainResult};

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(load);

/// `<context>/templates/<name>` → `<context>/<name>`.
fn template_name(path: &str) -> Option<String> {
    let (context, rest) = path.split_once('/')?;
    Some(format!("{context}/{}", rest.strip_prefix("templates/")?))
}

fn load() -> Environment<'static> {
    let mut env = Environment::new();
    // A variable a template names but the code does not give is a bug, not an empty string.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_function("t", translate);
    for path in Sources::iter() {
        let Some(name) = template_name(&path) else { continue };
        let source = Sources::get(&path).map(|f| String::from_utf8_lossy(&f.data).into_owned()).unwrap_or_default();
        if let Err(error) = env.add_template_owned(name, source) {
            tracing::error!(%error, path = %path, "mail template");
        }
    }
    env
}

/// `t("identity-invitation-intro", inviter=…, tenant=…)`: the message in
/// the template's language. Strict: a missing message or argument fails
/// the rendering (the mail tests render every template in every language).
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let locale = state.lookup("locale").and_then(|l| l.as_str().and_then(Locale::parse)).unwrap_or_default();
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        match value.as_i64() {
            Some(number) => args.set(name.to_owned(), FluentValue::from(number)),
            None => args.set(name.to_owned(), FluentValue::from(value.to_string())),
        }
    }
    kwargs.assert_all_used()?;
    CATALOGUE.format(locale, id, &args).map_err(|problem| Error::new(ErrorKind::InvalidOperation, problem))
}

/// A mail in one language: subject, plain text and HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders `<template>.txt` and `<template>.html` (e.g.
/// `identity/invitation`) with `values` in `locale`, and `subject`.
/// Both templates see `locale` and `subject` besides `values`.
pub fn render_mail(template: &str, locale: Locale, subject: &Message, values: Value) -> DomainResult<RenderedMail> {
    let subject = subject.render(locale);
    let values = context! { locale => locale.as_str(), subject => subject.clone(), ..values };
    let render = |kind: &str| {
        let name = format!("{template}.{kind}");
        TEMPLATES
            .get_template(&name)
            .and_then(|t| t.render(&values))
            .map_err(|e| DomainError::Internal(format!("mail template {name} in {locale}: {e:#}")))
    };
    Ok(RenderedMail { text: render("txt")?, html: render("html")?, subject })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let names: Vec<String> = Sources::iter().filter_map(|p| template_name(&p)).collect();
        assert!(!names.is_empty(), "templates are embedded");
        for name in names {
            if let Err(error) = TEMPLATES.get_template(&name) {
                panic!("{name}: {error:#}");
            }
        }
    }
}
