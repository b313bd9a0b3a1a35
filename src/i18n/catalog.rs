//! The message catalogs: `i18n/en/obs-cost.ftl` and `i18n/ko/obs-cost.ftl` (Fluent), compiled
//! into the binary and parsed once into `fluent_bundle` bundles. Arguments are text the caller
//! formatted (numbers are grouped by `units`, money by `money`), so Fluent only places them; a
//! plain integer is also passed as a number, for English plural selectors. Isolation marks are off:
//! the outputs are plain text, tables and HTML with `lang` set, not mixed-direction text.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::Lang;

/// The English catalog's text.
pub const EN: &str = include_str!("../../i18n/en/obs-cost.ftl");
/// The Korean catalog's text.
pub const KO: &str = include_str!("../../i18n/ko/obs-cost.ftl");

/// A catalog's source text.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Ko => KO,
    }
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let langid: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    // A catalog that does not parse, or redefines an id, is caught by the catalog tests; at run
    // time the messages that did parse still serve.
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static KO_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::En => EN_BUNDLE.get_or_init(|| build(Lang::En)),
        Lang::Ko => KO_BUNDLE.get_or_init(|| build(Lang::Ko)),
    }
}

/// A plain integer (no sign, grouping or leading zero) passed as a Fluent number.
fn value(text: &str) -> FluentValue<'_> {
    let plain = !text.is_empty()
        && text.len() <= 15
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    match text.parse::<f64>() {
        Ok(n) if plain => FluentValue::from(n),
        _ => FluentValue::from(text),
    }
}

/// Formats message `id` of `lang` with `args`; falls back to English, then to the id itself (the
/// catalog tests make both fallbacks unreachable for the ids the code uses).
pub fn format(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, v) in args {
        fargs.set(*name, value(v));
    }
    for l in [lang, Lang::En] {
        let b = bundle(l);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
    }
    id.to_string()
}

/// Whether `lang`'s catalog has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Every message id of a catalog with the variables its value uses (selectors included), in id
/// order; `Err` with the parser's errors when the text does not parse.
pub fn messages(text: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let resource = fluent_syntax::parser::parse(text).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            if out.insert(m.id.name.to_string(), vars).is_some() {
                return Err(format!("message {} is defined twice", m.id.name));
            }
        }
    }
    Ok(out)
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

/// Whether message `id` of a catalog's text has a select expression (document sentences must not:
/// they are recognised by their one English pattern).
pub fn has_selector(text: &str, id: &str) -> bool {
    let Ok(resource) = fluent_syntax::parser::parse(text) else { return false };
    resource.body.iter().any(|e| match e {
        ast::Entry::Message(m) if m.id.name == id => m.value.as_ref().is_some_and(|p| {
            p.elements
                .iter()
                .any(|el| matches!(el, ast::PatternElement::Placeable { expression: ast::Expression::Select { .. } }))
        }),
        _ => false,
    })
}

/// Formats `id` of `lang` with `args`, returning Fluent's errors too (for the catalog tests).
pub fn format_checked(lang: Lang, id: &str, args: &[(&str, String)]) -> Result<String, String> {
    let b = bundle(lang);
    let pattern = b.get_message(id).and_then(|m| m.value()).ok_or_else(|| format!("{lang}: no message {id}"))?;
    let mut fargs = FluentArgs::new();
    for (name, v) in args {
        fargs.set(*name, value(v));
    }
    let mut errors = Vec::new();
    let text = b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        Err(format!("{lang}: {id}: {errors:?}"))
    }
}
