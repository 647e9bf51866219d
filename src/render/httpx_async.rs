//! Python with httpx's `AsyncClient`, run by `asyncio.run` (the `httpx-async`
//! client): the parts of the `httpx` snippet (`httpx.rs`) inside a coroutine.

use askama::Template;

use super::Response;
use super::httpx::{self, Parts};
use crate::Client;
use crate::error::Error;
use crate::model::Request;

#[derive(Template)]
#[template(path = "python/httpx_async.py")]
pub(crate) struct View {
    parts: Parts,
    /// `async with httpx.AsyncClient(...) as client:`, which holds the connection
    /// options.
    client: String,
    /// `response = await client.post(...)`, or `async with client.stream(...) as
    /// response:`.
    call: String,
    /// curl's `-m`: the seconds `asyncio.wait_for` gives the whole exchange.
    total: Option<f64>,
}

pub(crate) fn view(request: &Request) -> Result<View, Error> {
    let parts = Parts::of(request, Client::HttpxAsync)?;
    let options: Vec<_> = httpx::options(&request.connection, false)
        .into_iter()
        .map(Into::into)
        .collect();
    let client = httpx::call("async with httpx.AsyncClient", &options, " as client:", 4);
    let call = if parts.response.streams() {
        httpx::call("async with client.stream", &parts.args, " as response:", 8)
    } else {
        let head = format!("response = await client.{}", parts.function);
        httpx::call(&head, &parts.args, "", 8)
    };
    Ok(View {
        parts,
        client,
        call,
        total: request.connection.timeout,
    })
}
