//! One crate's modules as its files say: which file holds each module, the
//! names each `use` binds, the items each file defines, and every `crate::`,
//! `super::` and `self::` path written, resolved to the file that defines what it
//! names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::lex::{Token, lex};
use crate::root;

/// A module path, from the crate's root: `["docs", "lint"]`.
type ModPath = Vec<String>;

/// What one `use` brings into a module: `name` for `path` (`*` for a glob).
#[derive(Debug)]
struct Binding {
    name: String,
    path: Vec<String>,
}

/// A path written in a file: where (module and line) and its segments.
#[derive(Debug)]
struct Written {
    module: ModPath,
    line: usize,
    path: Vec<String>,
}

/// One crate's modules, read from its files.
#[derive(Default)]
pub(super) struct Crate {
    /// Every module, inline ones (`mod tests { }`) included, and its file.
    files: BTreeMap<ModPath, PathBuf>,
    /// The names each module's `use` declarations bind.
    bindings: BTreeMap<ModPath, Vec<Binding>>,
    /// The names each module's file defines (`fn`, `struct`, `const`...).
    items: BTreeMap<ModPath, BTreeSet<String>>,
    /// The `crate::`, `super::` and `self::` paths of every file.
    written: Vec<Written>,
}

/// Where the children of the module in `file` are: beside a `lib.rs`, `main.rs`
/// or `mod.rs`, else in the folder named after the file.
fn children_dir(file: &Path) -> PathBuf {
    let stem = file.file_stem().expect("a file name").to_string_lossy();
    let dir = file.parent().expect("a folder").to_path_buf();
    if ["lib", "main", "mod"].contains(&&*stem) {
        dir
    } else {
        dir.join(&*stem)
    }
}

impl Crate {
    /// The crate whose root is `root_file` (`src/lib.rs`, a binary's `main.rs`),
    /// its modules found from their `mod name;` declarations.
    pub(super) fn read(root_file: &Path) -> Crate {
        let mut krate = Crate::default();
        krate.module(Vec::new(), root_file);
        krate
    }

    /// Reads the module `path` held in `file`, then its children.
    fn module(&mut self, path: ModPath, file: &Path) {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
        let tokens = lex(&text);
        let relative = file.strip_prefix(root()).unwrap_or(file).to_path_buf();
        self.files.insert(path.clone(), relative.clone());
        let ident = |index: usize| match tokens.get(index) {
            Some((Token::Ident(word), _)) => Some(word.as_str()),
            _ => None,
        };
        let punct = |index: usize, c: char| matches!(tokens.get(index), Some((Token::Punct(p), _)) if *p == c);
        let is_path = |index: usize| matches!(tokens.get(index), Some((Token::Path, _)));
        // Inline modules open at a brace depth; their names extend `path`.
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0;
        let mut children = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let here: ModPath = path
                .iter()
                .cloned()
                .chain(inline.iter().map(|(name, _)| name.clone()))
                .collect();
            let line = tokens[i].1;
            match &tokens[i].0 {
                Token::Punct('{') => depth += 1,
                Token::Punct('}') => {
                    if inline.last().is_some_and(|(_, at)| *at == depth) {
                        inline.pop();
                    }
                    depth -= 1;
                }
                Token::Ident(word) if word == "mod" => {
                    if let Some(name) = ident(i + 1) {
                        if punct(i + 2, ';') && inline.is_empty() {
                            children.push(name.to_owned());
                        } else if punct(i + 2, '{') {
                            let mut inner = here.clone();
                            inner.push(name.to_owned());
                            self.files.insert(inner, relative.clone());
                            depth += 1;
                            inline.push((name.to_owned(), depth));
                            i += 3;
                            continue;
                        }
                    }
                }
                Token::Ident(word)
                    if [
                        "fn", "struct", "enum", "trait", "type", "const", "static", "union",
                    ]
                    .contains(&word.as_str()) =>
                {
                    if let Some(name) = ident(i + 1) {
                        self.items
                            .entry(here.clone())
                            .or_default()
                            .insert(name.to_owned());
                    }
                }
                Token::Ident(word) if word == "use" => {
                    let mut end = i + 1;
                    let mut uses = Vec::new();
                    parse_tree(&tokens, &mut end, Vec::new(), &mut uses);
                    for (path_of, name) in uses {
                        if ["crate", "super", "self"].contains(&path_of[0].as_str()) {
                            self.written.push(Written {
                                module: here.clone(),
                                line,
                                path: path_of.clone(),
                            });
                        }
                        self.bindings
                            .entry(here.clone())
                            .or_default()
                            .push(Binding {
                                name,
                                path: path_of,
                            });
                    }
                    i = end;
                    continue;
                }
                Token::Ident(word)
                    if ["crate", "super", "self"].contains(&word.as_str())
                        && is_path(i + 1)
                        && !(i > 0 && punct(i - 1, '$')) =>
                {
                    // An inline path: `crate::curl::Shell`, `super::Severity`.
                    let mut segments = vec![word.clone()];
                    let mut end = i + 1;
                    while is_path(end) {
                        match ident(end + 1) {
                            Some(next) => segments.push(next.to_owned()),
                            None => break,
                        }
                        end += 2;
                    }
                    self.written.push(Written {
                        module: here,
                        line,
                        path: segments,
                    });
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let dir = children_dir(file);
        for child in children {
            let flat = dir.join(format!("{child}.rs"));
            let nested = dir.join(&child).join("mod.rs");
            let file = if flat.is_file() { flat } else { nested };
            let mut child_path = path.clone();
            child_path.push(child);
            self.module(child_path, &file);
        }
    }
}

/// Reads a use tree at `*i` (`a::b::{c, d::e as f, self, *}`) into the paths it
/// names and the name each binds; leaves `*i` after the closing `;` or `}`/`,`.
fn parse_tree(
    tokens: &[(Token, usize)],
    i: &mut usize,
    mut prefix: Vec<String>,
    uses: &mut Vec<(Vec<String>, String)>,
) {
    if matches!(tokens.get(*i), Some((Token::Path, _))) {
        *i += 1; // `use ::name`: an extern crate.
        prefix.push(String::new());
    }
    loop {
        match tokens.get(*i).map(|(token, _)| token) {
            Some(Token::Ident(word)) => {
                let word = word.clone();
                *i += 1;
                if matches!(tokens.get(*i), Some((Token::Path, _))) {
                    prefix.push(word);
                    *i += 1;
                    continue;
                }
                let mut name = if word == "self" {
                    prefix.last().cloned().unwrap_or_default()
                } else {
                    word.clone()
                };
                if matches!(tokens.get(*i), Some((Token::Ident(r#as), _)) if r#as == "as") {
                    if let Some((Token::Ident(alias), _)) = tokens.get(*i + 1) {
                        name = alias.clone();
                    }
                    *i += 2;
                }
                let mut path = prefix.clone();
                if word != "self" {
                    path.push(word);
                }
                if !path.is_empty() {
                    uses.push((path, name));
                }
                break;
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                let mut path = prefix.clone();
                path.push("*".into());
                uses.push((path, "*".into()));
                break;
            }
            Some(Token::Punct('{')) => {
                *i += 1;
                loop {
                    match tokens.get(*i).map(|(token, _)| token) {
                        Some(Token::Punct('}')) => {
                            *i += 1;
                            break;
                        }
                        Some(Token::Punct(',')) => *i += 1,
                        None => return,
                        _ => parse_tree(tokens, i, prefix.clone(), uses),
                    }
                }
                break;
            }
            _ => return,
        }
    }
    if matches!(tokens.get(*i), Some((Token::Punct(';'), _))) {
        *i += 1;
    }
}

/// What a path resolves to: a module, or an item defined in a module's file.
#[derive(Clone, Debug, PartialEq)]
enum Target {
    Module(ModPath),
    Item(ModPath),
}

impl Crate {
    /// The module or item `path`, written in `module`, names; `None` outside the
    /// crate (`std::fmt`, `serde::Serialize`).
    fn resolve(&self, module: &[String], path: &[String], depth: usize) -> Option<Target> {
        assert!(depth < 32, "re-exports loop at {path:?} in {module:?}");
        let (mut current, rest): (ModPath, &[String]) = match path[0].as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" => (module.to_vec(), &path[1..]),
            "super" => {
                let supers = path
                    .iter()
                    .take_while(|segment| *segment == "super")
                    .count();
                let mut current = module.to_vec();
                for _ in 0..supers {
                    current.pop();
                }
                (current, &path[supers..])
            }
            // A relative path starts with a name in scope, or an extern crate.
            _ => {
                let first = self.lookup(module, &path[0], depth)?;
                match first {
                    Target::Module(found) => (found, &path[1..]),
                    Target::Item(_) => return Some(first),
                }
            }
        };
        for segment in rest {
            if segment == "*" {
                break;
            }
            match self.lookup(&current, segment, depth) {
                Some(Target::Module(found)) => current = found,
                Some(item @ Target::Item(_)) => return Some(item),
                // Made by a macro, or an associated item: the module's file.
                None => return Some(Target::Item(current)),
            }
        }
        Some(Target::Module(current))
    }

    /// The name `name` in `module`: a child module, a name a `use` binds (followed
    /// to where it is defined), an item of the module's file, or a glob's name.
    fn lookup(&self, module: &[String], name: &str, depth: usize) -> Option<Target> {
        let mut child = module.to_vec();
        child.push(name.to_owned());
        if self.files.contains_key(&child) {
            return Some(Target::Module(child));
        }
        let bindings = self
            .bindings
            .get(module)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if let Some(binding) = bindings.iter().find(|binding| binding.name == name) {
            return self.resolve(module, &binding.path, depth + 1);
        }
        if self
            .items
            .get(module)
            .is_some_and(|items| items.contains(name))
        {
            return Some(Target::Item(module.to_vec()));
        }
        for glob in bindings.iter().filter(|binding| binding.name == "*") {
            let prefix = &glob.path[..glob.path.len() - 1];
            if prefix.is_empty() {
                continue;
            }
            if let Some(Target::Module(found)) = self.resolve(module, prefix, depth + 1)
                && found != module
                && let Some(target) = self.lookup(&found, name, depth + 1)
            {
                return Some(target);
            }
        }
        None
    }

    /// The file-to-file edges, each with the first line and path that makes it
    /// (`12 crate::curl::Shell`).
    pub(super) fn edges(&self) -> BTreeMap<(PathBuf, PathBuf), String> {
        let mut edges = BTreeMap::new();
        for written in &self.written {
            let target = match self.resolve(&written.module, &written.path, 0) {
                Some(Target::Module(module) | Target::Item(module)) => module,
                None => continue,
            };
            let from = &self.files[&written.module];
            let to = self
                .files
                .get(&target)
                .unwrap_or_else(|| panic!("no file for {target:?} ({written:?})"));
            if from != to {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert_with(|| format!("{} {}", written.line, written.path.join("::")));
            }
        }
        edges
    }
}
