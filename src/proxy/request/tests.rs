use std::io::{self, BufReader, Cursor, Read, Write};

use proptest::prelude::*;

use super::{Incoming, Limits, read_request};

/// A client's bytes in, what the reader wrote back out.
struct Wire {
    input: Cursor<Vec<u8>>,
    output: Vec<u8>,
}

impl Read for Wire {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.input.read(buf)
    }
}

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.output.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn wire(bytes: &[u8]) -> BufReader<Wire> {
    BufReader::new(Wire {
        input: Cursor::new(bytes.to_vec()),
        output: Vec::new(),
    })
}

fn read_with(bytes: &[u8], limits: &Limits) -> io::Result<Option<Incoming>> {
    read_request(&mut wire(bytes), limits)
}

fn read(bytes: &[u8]) -> Incoming {
    read_with(bytes, &Limits::default())
        .expect("a valid request")
        .expect("a request, not the end")
}

/// The error's message, for a request that must be refused.
fn refused(bytes: &[u8], limits: &Limits) -> String {
    match read_with(bytes, limits) {
        Err(err) => {
            assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{err}");
            err.to_string()
        }
        Ok(incoming) => panic!("accepted: {incoming:?}"),
    }
}

#[test]
fn an_origin_form_request_keeps_its_headers_in_order_with_their_names_as_sent() {
    let incoming = read(
        b"POST /v1/chat/completions?x=1 HTTP/1.1\r\nHost: router.huggingface.co\r\n\
          authorization:  Bearer hf_x \r\nX-Twice: 1\r\nx-twice: 2\r\nContent-Length: 4\r\n\r\nbody",
    );
    assert_eq!(incoming.method, "POST");
    assert_eq!(incoming.target, "/v1/chat/completions?x=1");
    assert_eq!(incoming.version, "HTTP/1.1");
    let names: Vec<&str> = incoming.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Host",
            "authorization",
            "X-Twice",
            "x-twice",
            "Content-Length"
        ]
    );
    assert_eq!(incoming.header("Authorization"), Some("Bearer hf_x"));
    assert_eq!(incoming.values("x-twice"), ["1", "2"]);
    assert_eq!(incoming.body, b"body");
}

#[test]
fn an_absolute_form_target_is_kept_as_sent() {
    let incoming = read(b"GET http://Example.COM:8080/a%20b?q=%2F HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(incoming.target, "http://Example.COM:8080/a%20b?q=%2F");
    assert!(incoming.body.is_empty());
}

#[test]
fn connect_reads_no_body_and_leaves_what_follows_unread() {
    let mut reader = wire(b"CONNECT router.huggingface.co:443 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n\x16\x03\x01");
    let incoming = read_request(&mut reader, &Limits::default())
        .expect("valid")
        .expect("a request");
    assert_eq!(incoming.method, "CONNECT");
    assert_eq!(incoming.target, "router.huggingface.co:443");
    assert!(incoming.body.is_empty());
    assert_eq!(reader.buffer(), b"\x16\x03\x01");
}

#[test]
fn a_chunked_body_is_decoded_past_extensions_and_trailers() {
    let incoming = read(
        b"POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n\
          4;name=value\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nX-Trailer: 1\r\n\r\n",
    );
    assert_eq!(incoming.body, b"Wikipedia in\r\n\r\nchunks.");
}

#[test]
fn chunked_wins_over_content_length() {
    let incoming =
        read(b"POST / HTTP/1.1\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n");
    assert_eq!(incoming.body, b"a");
}

#[test]
fn expect_100_continue_is_answered_before_the_body() {
    let mut reader =
        wire(b"PUT /x HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\nhi");
    let incoming = read_request(&mut reader, &Limits::default())
        .expect("valid")
        .expect("a request");
    assert_eq!(incoming.body, b"hi");
    assert_eq!(reader.get_ref().output, b"HTTP/1.1 100 Continue\r\n\r\n");
    // Not without a body, nor to HTTP/1.0.
    for request in [
        &b"GET /x HTTP/1.1\r\nExpect: 100-continue\r\n\r\n"[..],
        b"POST /x HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
    ] {
        let mut quiet = wire(request);
        read_request(&mut quiet, &Limits::default()).expect("valid");
        assert!(quiet.get_ref().output.is_empty());
    }
}

#[test]
fn requests_follow_each_other_on_a_kept_connection_until_it_closes() {
    let mut reader = wire(
        b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 1\r\n\r\nxGET /3 HTTP/1.0\r\n\r\n",
    );
    let limits = Limits::default();
    let mut targets = Vec::new();
    while let Some(incoming) = read_request(&mut reader, &limits).expect("valid") {
        targets.push((incoming.target.clone(), incoming.keeps_alive()));
    }
    assert_eq!(
        targets,
        [
            ("/1".to_owned(), true),
            ("/2".to_owned(), true),
            ("/3".to_owned(), false)
        ]
    );
}

#[test]
fn connection_close_and_keep_alive_are_read_as_tokens() {
    let alive = |head: &[u8]| read(head).keeps_alive();
    assert!(!alive(b"GET / HTTP/1.1\r\nConnection: TE, close\r\n\r\n"));
    assert!(alive(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"));
    assert!(alive(b"GET / HTTP/1.1\r\nConnection: closed\r\n\r\n"));
}

#[test]
fn what_breaks_the_grammar_is_refused_with_the_reason() {
    let limits = Limits::default();
    let cases: [(&[u8], &str); 17] = [
        (b"GET /\r\n\r\n", "METHOD TARGET VERSION"),
        (b"GET  / HTTP/1.1\r\n\r\n", "METHOD TARGET VERSION"),
        (b"GET / HTTP/2.0\r\n\r\n", "not HTTP/1.0"),
        (b"G(T / HTTP/1.1\r\n\r\n", "method"),
        (b"GET /\x01 HTTP/1.1\r\n\r\n", "control character"),
        (b"GET / HTTP/1.1\r\nHost : x\r\n\r\n", "not a token"),
        (b"GET / HTTP/1.1\r\nNo colon\r\n\r\n", "without a colon"),
        (
            b"GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n",
            "without a colon",
        ),
        (b"GET / HTTP/1.1\r\nA: 1\x002\r\n\r\n", "NUL"),
        (b"GET / HTTP/1.1\r\nA: 1\r2\r\n\r\n", "CR"),
        (
            b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            "not a number",
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
            "two different",
        ),
        (
            b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            "too large",
        ),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            "other than chunked",
        ),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n",
            "hexadecimal",
        ),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
            "hexadecimal",
        ),
        (
            b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n0\r\n\r\n",
            "CRLF",
        ),
    ];
    for (request, reason) in cases {
        let message = refused(request, &limits);
        assert!(
            message.contains(reason),
            "{:?}: {message}",
            String::from_utf8_lossy(request)
        );
    }
}

#[test]
fn the_same_content_length_twice_is_one() {
    let incoming = read(b"POST / HTTP/1.1\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok");
    assert_eq!(incoming.body, b"ok");
}

#[test]
fn every_bound_holds() {
    let limits = Limits {
        head: 64,
        headers: 2,
        body: 8,
        ..Limits::default()
    };
    let long_header = format!("GET / HTTP/1.1\r\nA: {}\r\n\r\n", "x".repeat(64));
    assert!(refused(long_header.as_bytes(), &limits).contains("head too large"));
    let endless =
        "GET / HTTP/1.1\r\nA: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    assert!(refused(endless.as_bytes(), &limits).contains("head too large"));
    let blank_lines = "\r\n".repeat(40);
    assert!(refused(blank_lines.as_bytes(), &limits).contains("head too large"));
    assert!(
        refused(b"GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", &limits).contains("too many")
    );
    assert!(
        refused(
            b"POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n123456789",
            &limits
        )
        .contains("too large")
    );
    let chunks = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n5\r\n12345\r\n0\r\n\r\n";
    assert!(refused(chunks, &limits).contains("too large"));
    let trailers = format!(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n{}",
        "T: 1\r\n".repeat(20)
    );
    assert!(refused(trailers.as_bytes(), &limits).contains("too large"));
}

#[test]
fn a_clean_close_is_the_end_and_a_cut_request_an_error() {
    assert!(read_with(b"", &Limits::default()).expect("clean").is_none());
    for cut in [&b"GET / HTTP/1.1\r\nHost: x\r\n"[..], b"GET / HT", b"\r\n"] {
        let err = read_with(cut, &Limits::default()).expect_err("cut");
        assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{err}");
    }
    // A body shorter than announced: the stream ended, not the grammar.
    let err = read_with(
        b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab",
        &Limits::default(),
    )
    .expect_err("short");
    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_or_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let limits = Limits { head: 256, headers: 8, body: 64, ..Limits::default() };
        let _ = read_with(&bytes, &limits);
    }

    #[test]
    fn a_mangled_request_is_read_or_refused_without_a_panic(
        cut in 0usize..120,
        flip in 0usize..120,
        byte in any::<u8>(),
    ) {
        let mut request = b"POST http://h/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n3\r\nabc\r\n0\r\n\r\n".to_vec();
        if let Some(slot) = request.get_mut(flip) {
            *slot = byte;
        }
        request.truncate(cut.max(1));
        let _ = read_with(&request, &Limits::default());
    }
}
