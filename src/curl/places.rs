//! Where each part of a request is written in the curl command it was read from, to
//! place a problem found later (by validation, or by a front end) at its word.

use super::lex::Word;
use super::parse::{Invocation, Located};
use crate::diagnostic::{Field, Place};
use crate::lines::Lines;

/// Where each field of a request is written in its curl command.
///
/// # Example
/// ```
/// use inference_snippets::{CurlOptions, Field, parse_curl};
///
/// let command = "curl https://x.cloud \\\n  -H 'X-Key: v' -d a=1";
/// let parsed = parse_curl(command, "-", &CurlOptions::default())?;
/// let place = parsed.places.of(&Field::Header("x-key".into()));
/// assert_eq!(place.map(|place| (place.line, place.column)), Some((2, 6)));
/// # Ok::<(), inference_snippets::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Places {
    /// The first URL's word, else the `curl` word.
    url: Place,
    method: Option<Place>,
    /// The headers as written (their names are read when asked for).
    headers: Vec<Located<Word>>,
    bearer: Option<Place>,
    body: Option<Place>,
    /// The `-F` values (`name=...`).
    parts: Vec<Located<(Word, bool)>>,
    /// The first connection option (`-k`, `-m`, `-x`, ...).
    connection: Option<Place>,
}

impl Places {
    /// The places of what `invocation` asked for, taking its words; `url` is its
    /// first URL's word (or its `curl` word).
    pub(crate) fn of_invocation(invocation: &mut Invocation, url: Place) -> Places {
        Places {
            url,
            method: invocation.method.as_ref().map(|method| method.at),
            bearer: invocation.bearer.as_ref().map(|bearer| bearer.at),
            body: invocation
                .upload
                .as_ref()
                .map(|upload| upload.at)
                .or_else(|| invocation.data.first().map(|data| data.at))
                .or_else(|| invocation.forms.first().map(|form| form.at)),
            headers: std::mem::take(&mut invocation.headers),
            parts: std::mem::take(&mut invocation.forms),
            connection: invocation.connection_at,
        }
    }

    /// Where `field` is written; `None` when the command does not write it (a
    /// default, such as the method curl picks).
    pub fn of(&self, field: &Field) -> Option<Place> {
        let header = |wanted: &str| {
            self.headers
                .iter()
                .find(|header| {
                    let text = header.value.text();
                    let name = text.split([':', ';']).next().unwrap_or_default().trim();
                    name.eq_ignore_ascii_case(wanted)
                })
                .map(|header| header.at)
        };
        match field {
            Field::Url => Some(self.url),
            Field::Method => self.method,
            Field::Header(name) => header(name),
            Field::Token => self.bearer.or_else(|| header("authorization")),
            Field::ContentType => header("content-type").or(self.body),
            Field::File | Field::Body | Field::Json(_) => self.body,
            Field::Connection => self.connection,
            Field::Part(wanted) => self
                .parts
                .iter()
                .find(|part| part.value.0.text().split('=').next() == Some(wanted.as_str()))
                .map(|part| part.at),
        }
    }

    /// Where `field` is written, else the URL's place: the place of a problem.
    pub(crate) fn of_problem(&self, field: Option<&Field>) -> Place {
        field.and_then(|field| self.of(field)).unwrap_or(self.url)
    }

    /// Gives every place its bytes in the command's text.
    pub(crate) fn resolve(&mut self, lines: &Lines) {
        let places = [&mut self.url]
            .into_iter()
            .chain(self.method.as_mut())
            .chain(self.bearer.as_mut())
            .chain(self.body.as_mut())
            .chain(self.connection.as_mut())
            .chain(self.headers.iter_mut().map(|header| &mut header.at))
            .chain(self.parts.iter_mut().map(|part| &mut part.at));
        for place in places {
            lines.resolve(place);
        }
    }
}
