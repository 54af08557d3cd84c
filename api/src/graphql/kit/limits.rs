//! Bounded work per request: what a GraphQL document may ask for before it
//! is validated, checked in one linear pass over the document as parsed.
//!
//! The body limit bounds the text, but not the work a short text can
//! cause: 80,000 directives fit in 256 KiB and each becomes a validation
//! error; fragments that spread the next fragment twice double the work
//! of every validation rule at each level. So the document's directives
//! and aliases are counted, its selections are counted as execution sees
//! them (each fragment expanded where it is spread, computed once per
//! fragment), and data and introspection have a nesting limit each. A
//! document over any of them gets one short error naming the limit.
//!
//! Introspection has its own depth rule, graphql-js's
//! `MaxIntrospectionDepthRule`: `fields`, `inputFields`, `interfaces` and
//! `possibleTypes` nested three deep are refused (the circular
//! introspection that multiplies the schema by itself), while any depth of
//! `ofType` is fine (it ends where the type's wrappers end). So the
//! standard introspection query of any graphql-js version passes, and the
//! data depth limit stays small.

use std::collections::HashMap;

use async_graphql::parser::types::{
    ExecutableDocument, FragmentDefinition, OperationDefinition, Selection, SelectionSet,
};
use async_graphql::{Name, Positioned};

/// Most directives (`@include`, `@skip`, …) in one document.
pub const MAX_DIRECTIVES: usize = 50;
/// Most aliased fields in one document.
pub const MAX_ALIASES: usize = 50;
/// Most field selections of one document, each fragment counted as often
/// as it is spread. graphql-js's standard introspection query has 229.
pub const MAX_SELECTIONS: usize = 2_000;
/// Nesting of `fields`, `inputFields`, `interfaces` and `possibleTypes`
/// inside introspection at which a query is refused (graphql-js's rule).
pub const MAX_INTROSPECTION_NESTING: usize = 3;

/// The introspection fields that list the schema again, so that nesting
/// them multiplies the answer.
const INTROSPECTION_LISTS: [&str; 4] = ["fields", "inputFields", "interfaces", "possibleTypes"];

/// Why a document was refused before validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("The query has more than {MAX_DIRECTIVES} directives.")]
    Directives,
    #[error("The query has more than {MAX_ALIASES} aliases.")]
    Aliases,
    #[error("The query selects more than {MAX_SELECTIONS} fields (fragments counted where they are spread); split it.")]
    Selections,
    #[error("Query is nested too deep: the limit is {0} levels of fields.")]
    Depth(usize),
    #[error(
        "Introspection is nested too deep: `fields`, `inputFields`, `interfaces` and `possibleTypes` may nest at most {} deep.",
        MAX_INTROSPECTION_NESTING - 1
    )]
    IntrospectionDepth,
}

/// What one selection set costs, fragments included.
#[derive(Debug, Clone, Copy, Default)]
struct Measure {
    /// Field selections, fragments expanded (saturating).
    selections: usize,
    /// Levels of data fields (introspection excluded).
    depth: usize,
    /// Levels of introspection list fields.
    introspection_nesting: usize,
}

impl Measure {
    /// Two selections side by side: their fields add up, their depths do not.
    fn beside(self, other: Measure) -> Measure {
        Measure {
            selections: self.selections.saturating_add(other.selections),
            depth: self.depth.max(other.depth),
            introspection_nesting: self.introspection_nesting.max(other.introspection_nesting),
        }
    }
}

struct Walk<'a> {
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    /// Fragments measured so far, by name and whether spread inside introspection.
    measured: HashMap<(&'a str, bool), Measure>,
    /// Fragments being measured: a spread of one of these is a cycle,
    /// which validation reports; here it adds nothing.
    open: Vec<(&'a str, bool)>,
}

impl<'a> Walk<'a> {
    fn selection_set(&mut self, set: &'a SelectionSet, in_introspection: bool) -> Measure {
        let mut total = Measure::default();
        for selection in &set.items {
            let measure = match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let name = field.name.node.as_str();
                    let inside = in_introspection || name == "__schema" || name == "__type";
                    let inner = self.selection_set(&field.selection_set.node, inside);
                    Measure {
                        selections: inner.selections.saturating_add(1),
                        depth: if inside { 0 } else { inner.depth + 1 },
                        introspection_nesting: inner.introspection_nesting
                            + usize::from(in_introspection && INTROSPECTION_LISTS.contains(&name)),
                    }
                }
                Selection::InlineFragment(fragment) => {
                    self.selection_set(&fragment.node.selection_set.node, in_introspection)
                }
                Selection::FragmentSpread(spread) => self.fragment(&spread.node.fragment_name.node, in_introspection),
            };
            total = total.beside(measure);
        }
        total
    }

    fn fragment(&mut self, name: &'a str, in_introspection: bool) -> Measure {
        let key = (name, in_introspection);
        if let Some(measure) = self.measured.get(&key) {
            return *measure;
        }
        let Some(fragment) = self.fragments.get(name) else { return Measure::default() };
        if self.open.contains(&key) {
            return Measure::default();
        }
        self.open.push(key);
        let measure = self.selection_set(&fragment.node.selection_set.node, in_introspection);
        self.open.pop();
        self.measured.insert(key, measure);
        measure
    }
}

/// Directives and aliases as written, each definition once.
fn count_written(set: &SelectionSet, directives: &mut usize, aliases: &mut usize) {
    for selection in &set.items {
        match &selection.node {
            Selection::Field(field) => {
                *directives += field.node.directives.len();
                *aliases += usize::from(field.node.alias.is_some());
                count_written(&field.node.selection_set.node, directives, aliases);
            }
            Selection::InlineFragment(fragment) => {
                *directives += fragment.node.directives.len();
                count_written(&fragment.node.selection_set.node, directives, aliases);
            }
            Selection::FragmentSpread(spread) => *directives += spread.node.directives.len(),
        }
    }
}

fn operation_directives(operation: &OperationDefinition) -> usize {
    let on_variables: usize = operation.variable_definitions.iter().map(|v| v.node.directives.len()).sum();
    operation.directives.len() + on_variables
}

/// Checks `document` against the limits above and `max_depth` levels of
/// data fields. Linear in the document's size.
pub fn check(document: &ExecutableDocument, max_depth: usize) -> Result<(), LimitError> {
    let (mut directives, mut aliases) = (0, 0);
    for (_, operation) in document.operations.iter() {
        directives += operation_directives(&operation.node);
        count_written(&operation.node.selection_set.node, &mut directives, &mut aliases);
    }
    for fragment in document.fragments.values() {
        directives += fragment.node.directives.len();
        count_written(&fragment.node.selection_set.node, &mut directives, &mut aliases);
    }
    if directives > MAX_DIRECTIVES {
        return Err(LimitError::Directives);
    }
    if aliases > MAX_ALIASES {
        return Err(LimitError::Aliases);
    }
    let mut walk = Walk { fragments: &document.fragments, measured: HashMap::new(), open: Vec::new() };
    let mut selections = 0usize;
    for (_, operation) in document.operations.iter() {
        let measure = walk.selection_set(&operation.node.selection_set.node, false);
        selections = selections.saturating_add(measure.selections);
        if measure.depth > max_depth {
            return Err(LimitError::Depth(max_depth));
        }
        if measure.introspection_nesting >= MAX_INTROSPECTION_NESTING {
            return Err(LimitError::IntrospectionDepth);
        }
    }
    if selections > MAX_SELECTIONS {
        return Err(LimitError::Selections);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn checked(query: &str) -> Result<(), LimitError> {
        check(&parse_query(query).expect("a GraphQL document"), 6)
    }

    #[test]
    fn ordinary_queries_pass() {
        assert_eq!(checked("{ viewer { user { email } tenant { name } } a: tenant { name } }"), Ok(()));
        assert_eq!(checked("query Q($x: Boolean!) { viewer @include(if: $x) { role } }"), Ok(()));
    }

    #[test]
    fn directives_and_aliases_are_counted_over_the_whole_document() {
        let spread = (0..10).map(|i| format!("f{i}: viewer @skip(if: false) @include(if: true) {{ role }}"));
        let query = format!("{{ {} }}", spread.collect::<Vec<_>>().join(" "));
        assert_eq!(checked(&query), Ok(()), "20 directives and 10 aliases");
        let many = format!("{{ viewer {} {{ role }} }}", "@skip(if: false) ".repeat(MAX_DIRECTIVES + 1));
        assert_eq!(checked(&many), Err(LimitError::Directives));
        let in_fragment = format!(
            "{{ ...F }} fragment F on QueryRoot {{ viewer {} {{ role }} }}",
            "@skip(if: false) ".repeat(MAX_DIRECTIVES + 1)
        );
        assert_eq!(checked(&in_fragment), Err(LimitError::Directives));
        let aliases = (0..=MAX_ALIASES).map(|i| format!("a{i}: __typename")).collect::<Vec<_>>().join(" ");
        assert_eq!(checked(&format!("{{ {aliases} }}")), Err(LimitError::Aliases));
    }

    #[test]
    fn fragments_count_where_they_are_spread_and_a_fragment_bomb_is_refused_quickly() {
        // Each fragment spreads the next twice: 2^40 fields once expanded.
        let mut query = String::from("{ ...F0 }");
        for i in 0..40 {
            query.push_str(&format!(" fragment F{i} on QueryRoot {{ ...F{next} ...F{next} }}", next = i + 1));
        }
        query.push_str(" fragment F40 on QueryRoot { __typename }");
        let started = std::time::Instant::now();
        assert_eq!(checked(&query), Err(LimitError::Selections));
        assert!(started.elapsed() < std::time::Duration::from_millis(100), "linear, not exponential");
    }

    #[test]
    fn data_depth_counts_through_fragments_and_introspection_has_its_own_rule() {
        assert_eq!(checked("{ a { b { c { d { e { f } } } } } }"), Ok(()));
        assert_eq!(checked("{ a { b { c { d { e { f { g } } } } } } }"), Err(LimitError::Depth(6)));
        assert_eq!(
            checked("{ a { b { c { ...F } } } } fragment F on X { d { e { f { g } } } }"),
            Err(LimitError::Depth(6))
        );
        let of_type = format!("{{ __schema {{ types {{ {} name {} }} }} }}", "ofType { ".repeat(20), "} ".repeat(20));
        assert_eq!(checked(&of_type), Ok(()), "type wrappers end by themselves");
        assert_eq!(checked("{ __schema { types { fields { type { fields { name } } } } } }"), Ok(()));
        assert_eq!(
            checked("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"),
            Err(LimitError::IntrospectionDepth)
        );
        assert_eq!(
            checked(
                "{ __type(name: \"X\") { ...T } } fragment T on __Type { interfaces { possibleTypes { interfaces { name } } } }"
            ),
            Err(LimitError::IntrospectionDepth)
        );
        assert_eq!(checked("{ fields { fields { fields { name } } } }"), Ok(()), "data fields named `fields` are data");
    }

    #[test]
    fn fragment_cycles_end_the_walk() {
        assert_eq!(checked("{ ...A } fragment A on QueryRoot { ...B } fragment B on QueryRoot { ...A }"), Ok(()));
    }
}
