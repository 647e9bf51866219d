//! What an endpoint answers, as far as a snippet can tell: the typed clients validate
//! responses, so each answer has the shape of the task's real one, small and fixed; on
//! OpenAI routes (`/chat/completions`, `/completions`, `/embeddings`), the OpenAI
//! shape, which the openai SDKs parse; a request with `"stream": true` gets a stream
//! of server-sent events.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::Task;

/// A 1×1 PNG: huggingface_hub opens text-to-image answers and masks with PIL.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xfc, 0xcf, 0xc0, 0x50,
    0x0f, 0x00, 0x04, 0x85, 0x01, 0x80, 0x84, 0xa9, 0x8c, 0x21, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];
/// The start of a FLAC stream: what the audio answers hold.
pub const FLAC: &[u8] = b"fLaC\0\0\0\x22";
/// The start of an MP4 file (its `ftyp` box): what the video answers hold.
pub const MP4: &[u8] = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
/// The same PNG in base64, for JSON answers that carry an image (segmentation masks).
const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// The text a chat or completion stream carries, chunk by chunk.
const CHAT_CHUNKS: [&str; 2] = ["Hel", "lo"];
/// The tokens a text-generation-inference stream carries.
const TOKEN_CHUNKS: [&str; 2] = ["Hi", " there"];

/// One answer: a status, the type of the body, the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The status code: 200, 404...
    pub status: u16,
    /// The `Content-Type` of the body.
    pub content_type: &'static str,
    /// The body, sent whole with its `Content-Length`.
    pub body: Vec<u8>,
}

impl Answer {
    /// A JSON answer of status 200.
    pub fn json(value: &Value) -> Answer {
        Answer {
            status: 200,
            content_type: "application/json",
            body: value.to_string().into_bytes(),
        }
    }

    /// An answer of status `status` whose JSON body is `{"error": message}`, the shape
    /// the Hugging Face clients read an error from.
    pub fn error(status: u16, message: &str) -> Answer {
        Answer {
            status,
            ..Answer::json(&json!({ "error": message }))
        }
    }

    /// Writes the answer as HTTP/1.1: the status line, the type and length of the
    /// body, whether the connection stays open, then the body (not for `HEAD`).
    pub fn write_to<W: Write>(
        &self,
        writer: &mut W,
        head_only: bool,
        keep_alive: bool,
    ) -> io::Result<()> {
        let head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" },
        );
        let mut bytes = head.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        writer.write_all(&bytes)?;
        writer.flush()
    }
}

/// The reason phrase of the statuses the proxy answers with.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// An OpenAI route.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Route {
    Chat,
    Completions,
    Embeddings,
}

/// The OpenAI route `path` (no case prefix) ends with, if any.
fn route(path: &str) -> Option<Route> {
    let path = path.split('?').next().unwrap_or_default();
    let path = path.trim_end_matches('/');
    if path.ends_with("/chat/completions") {
        Some(Route::Chat)
    } else if path.ends_with("/completions") {
        Some(Route::Completions)
    } else if path.ends_with("/embeddings") {
        Some(Route::Embeddings)
    } else {
        None
    }
}

/// The pieces a streaming snippet prints, in order, for a request to `path` (path
/// and query) with `"stream": true`: what [`answer`] streams there.
pub fn streamed(path: &str) -> &'static [&'static str] {
    match route(path) {
        Some(Route::Chat | Route::Completions) => &CHAT_CHUNKS,
        _ => &TOKEN_CHUNKS,
    }
}

/// The answer to an inference request of `task` (when known) sent to `path` (path
/// and query) with `body`.
///
/// ```
/// use inference_snippets::Task;
/// use inference_snippets::proxy::answer;
///
/// let answer = answer(Some(Task::TextClassification), "/models/x", br#"{"inputs": "hi"}"#);
/// assert_eq!(answer.status, 200);
/// assert!(String::from_utf8_lossy(&answer.body).contains("POSITIVE"));
/// ```
pub fn answer(task: Option<Task>, path: &str, body: &[u8]) -> Answer {
    let streams = serde_json::from_slice::<Value>(body)
        .ok()
        .is_some_and(|value| value.get("stream") == Some(&Value::Bool(true)));
    if streams {
        return event_stream(path);
    }
    let usage = json!({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3});
    match route(path) {
        Some(Route::Chat) => {
            return Answer::json(&json!({
                "id": "c1", "object": "chat.completion", "created": 1_700_000_000, "model": "tgi",
                "system_fingerprint": "x",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"},
                             "logprobs": null, "finish_reason": "stop"}],
                "usage": usage,
            }));
        }
        Some(Route::Completions) => {
            return Answer::json(&json!({
                "id": "c1", "object": "text_completion", "created": 1_700_000_000, "model": "tgi",
                "system_fingerprint": "x",
                "choices": [{"index": 0, "text": "Hello", "logprobs": null,
                             "finish_reason": "stop"}],
                "usage": usage,
            }));
        }
        Some(Route::Embeddings) => {
            return Answer::json(&json!({
                "object": "list", "model": "tgi",
                "data": [{"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            }));
        }
        None => {}
    }
    let bytes = |content_type, body: &[u8]| Answer {
        status: 200,
        content_type,
        body: body.to_vec(),
    };
    let value = match task {
        Some(Task::TextToImage | Task::ImageToImage | Task::ImageTextToImage) => {
            return bytes("image/png", PNG);
        }
        Some(Task::TextToSpeech | Task::TextToAudio) => return bytes("audio/flac", FLAC),
        Some(Task::TextToVideo | Task::ImageToVideo | Task::ImageTextToVideo) => {
            return bytes("video/mp4", MP4);
        }
        // huggingface.js reads element 0 of a nested list here...
        Some(Task::TextClassification) => json!([[{"label": "POSITIVE", "score": 0.9}]]),
        // ...and wants the flat list for these.
        Some(Task::ImageClassification | Task::AudioClassification) => {
            json!([{"label": "cat", "score": 0.9}])
        }
        Some(Task::ZeroShotClassification) => json!([{"label": "refund", "score": 0.9}]),
        Some(Task::AutomaticSpeechRecognition) => json!({"text": "hello"}),
        Some(Task::FeatureExtraction) => json!([[0.1, 0.2]]),
        Some(Task::SentenceSimilarity) => json!([0.5]),
        Some(Task::QuestionAnswering) => {
            json!({"answer": "Clara", "score": 0.9, "start": 11, "end": 16})
        }
        Some(Task::TableQuestionAnswering) => {
            json!({"answer": "36542", "coordinates": [[0, 1]], "cells": ["36542"], "aggregator": "NONE"})
        }
        Some(Task::Summarization) => json!([{"summary_text": "short"}]),
        Some(Task::Translation) => json!([{"translation_text": "hello"}]),
        Some(Task::TextGeneration | Task::ImageToText) => json!([{"generated_text": "Hi there"}]),
        Some(Task::TokenClassification) => {
            json!([{"entity_group": "PER", "score": 0.9, "word": "Sarah", "start": 11, "end": 16}])
        }
        Some(Task::FillMask) => {
            json!([{"score": 0.9, "token": 3000, "token_str": "paris", "sequence": "paris"}])
        }
        Some(Task::ObjectDetection) => json!([{"label": "cat", "score": 0.9,
            "box": {"xmin": 1, "ymin": 2, "xmax": 3, "ymax": 4}}]),
        Some(Task::ImageSegmentation) => {
            json!([{"label": "cat", "score": 0.9, "mask": PNG_BASE64}])
        }
        // Each separated source: its base64 and its type.
        Some(Task::AudioToAudio) => json!([{"label": "speech", "content-type": "audio/flac",
            "blob": "ZkxhQwAAACI="}]),
        Some(Task::ZeroShotImageClassification) => json!([{"label": "cat", "score": 0.9}]),
        Some(Task::VisualQuestionAnswering) => json!([{"answer": "two", "score": 0.9}]),
        Some(Task::DocumentQuestionAnswering) => {
            json!([{"answer": "us-001", "score": 0.9, "start": 16, "end": 16}])
        }
        // Class labels as numbers: huggingface.js reads nothing else.
        Some(Task::TabularClassification) => json!([5, 6]),
        Some(Task::TabularRegression) => json!([110.5, 120.0]),
        _ => json!({"ok": true}),
    };
    Answer::json(&value)
}

/// Server-sent events ending `data: [DONE]`: chat chunks on chat routes, completion
/// chunks on completion routes, else text-generation-inference token chunks.
fn event_stream(path: &str) -> Answer {
    let route = route(path);
    let events: Vec<Value> = if let Some(route @ (Route::Chat | Route::Completions)) = route {
        let chunk = |text: &str, finish: Value| {
            if route == Route::Chat {
                json!({"id": "c1", "object": "chat.completion.chunk", "created": 1_700_000_000,
                       "model": "tgi", "system_fingerprint": "x",
                       "choices": [{"index": 0, "delta": {"role": "assistant", "content": text},
                                    "logprobs": null, "finish_reason": finish}]})
            } else {
                json!({"id": "c1", "object": "text_completion", "created": 1_700_000_000,
                       "model": "tgi", "system_fingerprint": "x",
                       "choices": [{"index": 0, "text": text, "logprobs": null,
                                    "finish_reason": finish}]})
            }
        };
        let mut events: Vec<Value> = CHAT_CHUNKS
            .iter()
            .map(|text| chunk(text, Value::Null))
            .collect();
        events.push(chunk("", json!("stop")));
        events
    } else {
        let last = TOKEN_CHUNKS.len();
        (1..=last)
            .zip(TOKEN_CHUNKS)
            .map(|(index, text)| {
                let generated = (index == last).then(|| TOKEN_CHUNKS.concat());
                json!({"index": index, "token": {"id": index, "text": text, "logprob": 0.0,
                                                 "special": false},
                       "generated_text": generated, "details": null})
            })
            .collect()
    };
    let mut body = String::new();
    for event in events {
        body.push_str(&format!("data: {event}\n\n"));
    }
    body.push_str("data: [DONE]\n\n");
    Answer {
        status: 200,
        content_type: "text/event-stream",
        body: body.into_bytes(),
    }
}
