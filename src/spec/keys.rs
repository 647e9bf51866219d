//! Where each object key of a JSON text is, to place a problem at the key it is about
//! (serde_json gives values, not places).

/// One object key of a JSON text: which object holds it (numbered in order of
/// opening, the outermost being 0), its raw text between the quotes, and where its
/// opening quote is.
pub(super) struct Key<'a> {
    pub(super) object: usize,
    pub(super) raw: &'a str,
    pub(super) at: usize,
}

impl Key<'_> {
    /// The bytes of the key, quotes included.
    pub(super) fn range(&self) -> std::ops::Range<usize> {
        self.at..self.at + self.raw.len() + 2
    }
}

/// Every object key of an already valid JSON text, in order, and where each object
/// opens.
pub(super) struct Keys<'a> {
    keys: Vec<Key<'a>>,
    /// The byte offset of each object's `{`, by number.
    objects: Vec<usize>,
}

impl<'a> Keys<'a> {
    pub(super) fn of(text: &'a str) -> Keys<'a> {
        // Per open bracket: the object's number, or None for an array; and whether the
        // next string in that object is a key (after `{` or `,`) rather than a value.
        let mut open: Vec<(Option<usize>, bool)> = Vec::new();
        let mut objects = Vec::new();
        let mut keys = Vec::new();
        let mut chars = text.char_indices();
        while let Some((index, c)) = chars.next() {
            match c {
                '{' => {
                    open.push((Some(objects.len()), true));
                    objects.push(index);
                }
                '[' => open.push((None, false)),
                '}' | ']' => {
                    open.pop();
                }
                ',' => {
                    if let Some((Some(_), expect_key)) = open.last_mut() {
                        *expect_key = true;
                    }
                }
                '"' => {
                    let start = index + 1;
                    let mut end = text.len();
                    while let Some((at, c)) = chars.next() {
                        match c {
                            '\\' => {
                                chars.next();
                            }
                            '"' => {
                                end = at;
                                break;
                            }
                            _ => {}
                        }
                    }
                    if let Some((Some(object), expect_key)) = open.last_mut()
                        && *expect_key
                    {
                        keys.push(Key {
                            object: *object,
                            raw: &text[start..end],
                            at: index,
                        });
                        *expect_key = false;
                    }
                }
                _ => {}
            }
        }
        Keys { keys, objects }
    }

    /// The top-level key `name`.
    pub(super) fn top_level(&self, name: &str) -> Option<&Key<'a>> {
        self.keys
            .iter()
            .find(|key| key.object == 0 && key.raw == name)
    }

    /// The key `name` (as written, else in any case) of the object that is the value
    /// of the top-level key `parent`.
    pub(super) fn member(&self, parent: &str, name: &str) -> Option<&Key<'a>> {
        let parent = self.top_level(parent)?;
        // The value's object is the first one opened after its key.
        let object = self.objects.iter().position(|&open| open > parent.at)?;
        let mut members = self.keys.iter().filter(|key| key.object == object);
        members
            .clone()
            .find(|key| key.raw == name)
            .or_else(|| members.find(|key| key.raw.eq_ignore_ascii_case(name)))
    }

    /// The deepest key on the JSON Pointer `pointer` below the top-level key `root`,
    /// following object keys (an array index ends the walk, arrays having no keys).
    pub(super) fn pointer(&self, root: &str, pointer: &str) -> Option<&Key<'a>> {
        let mut key = self.top_level(root)?;
        for step in pointer.split('/').skip(1) {
            let step = step.replace("~1", "/").replace("~0", "~");
            // The value's object is the first one opened after its key.
            let Some(object) = self.objects.iter().position(|&open| open > key.at) else {
                break;
            };
            match self
                .keys
                .iter()
                .find(|found| found.object == object && found.raw == step)
            {
                Some(found) => key = found,
                None => break,
            }
        }
        Some(key)
    }

    /// The first key given twice in one object: JSON parsers keep the last one
    /// silently, and the user surely meant something by the first.
    pub(super) fn duplicate(&self) -> Option<&Key<'a>> {
        let mut seen = std::collections::HashSet::new();
        self.keys
            .iter()
            .find(|found| !seen.insert((found.object, found.raw)))
    }
}
