//! Where a file's base64 may stand: alone, as a string of a JSON body. Every
//! renderer writes it as one expression there, and nowhere else.

use crate::diagnostic::{Code, Field};
use crate::error::Error;
use crate::model::{PartContent, Payload, Request, Token};
use crate::text::{Segment, Text};

pub(super) fn check(request: &Request) -> Result<(), Error> {
    let elsewhere = |field: Field, what: &str| {
        Err(Error::new(
            Code::MisplacedBase64,
            format!("{what} reads a file's base64, which only a string of a JSON body may"),
        )
        .about(field)
        .advice("put it in the JSON body, alone in its string"))
    };
    if request.url.reads_base64() {
        return elsewhere(Field::Url, "the URL");
    }
    if let Some((name, _)) = request
        .headers
        .iter()
        .find(|(_, value)| value.reads_base64())
    {
        return elsewhere(Field::Header(name.clone()), &format!("header {name:?}"));
    }
    if let Token::Basic { user, password } = &request.token
        && (user.reads_base64() || password.reads_base64())
    {
        return elsewhere(Field::Token, "the credentials");
    }
    if request
        .connection
        .proxy
        .as_ref()
        .is_some_and(Text::reads_base64)
    {
        return elsewhere(Field::Connection, "the proxy");
    }
    match &request.payload {
        Payload::Text { body, .. } if body.reads_base64() => elsewhere(Field::Body, "a text body"),
        Payload::Multipart(parts)
            if parts.iter().any(
                |part| matches!(&part.content, PartContent::Text(text) if text.reads_base64()),
            ) =>
        {
            elsewhere(Field::Body, "a multipart part")
        }
        Payload::JsonTemplate(template) => {
            for slot in &template.slots {
                if !slot.text.reads_base64() {
                    continue;
                }
                let field = || Field::Json(slot.pointer.clone());
                let [Segment::FileBase64(path)] = slot.text.segments() else {
                    return elsewhere(field(), "a JSON string with other text");
                };
                if slot.number {
                    return elsewhere(field(), "a bare JSON value");
                }
                if path.is_empty() || path.chars().any(char::is_control) {
                    return Err(Error::new(
                        Code::InvalidFilePath,
                        format!("file path {path:?} is empty or holds a control character"),
                    )
                    .about(field()));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
