//! What a snippet uses, for the languages that must name it: the imports (Go refuses
//! an unused one; Java lists each class) and the helper functions written at the
//! snippet's end.

/// The imports and helpers of one snippet, gathered while its view is made.
#[derive(Default)]
pub(crate) struct Uses {
    /// Sorted byte-wise (as gofmt sorts packages), each once. A snippet imports a
    /// handful: a sorted `Vec` costs less than a tree.
    pub(crate) imports: Vec<&'static str>,
    /// In the order they were first needed.
    pub(crate) helpers: Vec<&'static str>,
}

impl Uses {
    pub(crate) fn import(&mut self, names: &[&'static str]) {
        for name in names {
            if let Err(at) = self.imports.binary_search(name) {
                self.imports.insert(at, name);
            }
        }
    }

    /// `helper`, once, and what it imports.
    pub(crate) fn helper(&mut self, helper: &'static str, names: &[&'static str]) {
        if !self.helpers.contains(&helper) {
            self.helpers.push(helper);
        }
        self.import(names);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_sorted_and_each_once() {
        let mut uses = Uses::default();
        uses.import(&["net/http", "io", "log"]);
        uses.helper("func a() {}", &["os", "io"]);
        uses.helper("func a() {}", &["bytes"]);
        assert_eq!(uses.imports, ["bytes", "io", "log", "net/http", "os"]);
        assert_eq!(uses.helpers, ["func a() {}"]);
    }
}
