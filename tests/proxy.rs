//! The recording proxy with real clients: curl, Python (`requests`, `huggingface_hub`)
//! and Node (`fetch`, `@huggingface/inference`) send to real host names
//! (`router.huggingface.co`, an endpoint's URL), over https and http, pointed at a
//! session by the variables of `proxy::environment` alone; the session records what
//! they sent and answers as the endpoint would. Everything stays on 127.0.0.1.
//!
//! A runtime that is not installed skips its test with a message, except in CI
//! (`CI=true`), where it fails (the conformance suite's rule).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use inference_snippets::proxy::{
    self, Answers, Limits, Proxy, Recorded, Session, Traffic, Trust, Via,
};
use inference_snippets::{Language, Task};
use serde_json::{Value, json};

use super::conformance::run::{Outcome, run};
use super::conformance::setup;

/// One program's deadline: a Python import of huggingface_hub takes seconds on a busy
/// machine; nothing here should take a minute.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The chat request every client sends.
const CHAT: &str =
    r#"{"model":"meta-llama/Llama-3.1-8B-Instruct","messages":[{"role":"user","content":"Hi"}]}"#;

/// A folder for one test, the run's trust files in it, and a proxy.
struct Bench {
    dir: PathBuf,
    proxy: Proxy,
    trust: Trust,
}

impl Bench {
    fn new(name: &str) -> Bench {
        let dir = super::scratch(&format!("proxy-{name}"));
        let proxy = Proxy::start().expect("a CA and a proxy");
        let trust = proxy.write_trust(&dir).expect("write the trust files");
        Bench { dir, proxy, trust }
    }

    /// Runs `program args...` in the folder with nothing of the caller's environment
    /// but `PATH`, and `session`'s variables for `language`.
    fn run(
        &self,
        session: &Session,
        language: Language,
        program: &Path,
        args: &[&str],
        name: &str,
    ) -> Outcome {
        let environment = session.environment(language, &self.trust);
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &self.dir)
            .env("HF_HOME", self.dir.join("hf-home"))
            .env("HF_HUB_DISABLE_TELEMETRY", "1")
            .env("LANG", "C.UTF-8")
            .envs(environment.vars.iter().map(|(k, v)| (k, v)))
            .args(&environment.args)
            .args(args);
        run(&mut command, &self.dir, name, TIMEOUT)
    }

    fn write(&self, name: &str, text: &str) -> String {
        fs::write(self.dir.join(name), text).expect("write a script");
        name.to_owned()
    }
}

/// Whether `program` runs; when it does not, the test is skipped with a message, or
/// fails in CI.
fn installed(program: &str, needed_for: &str) -> bool {
    let runs = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !runs {
        let message = format!("proxy: {program} is not installed; it is needed for {needed_for}");
        let ci = std::env::var("CI").is_ok_and(|value| value == "true" || value == "1");
        assert!(!ci, "{message} (CI must install it)");
        eprintln!("RUNTIME MISSING: {message}");
    }
    runs
}

fn succeeded(outcome: &Outcome, what: &str) {
    assert!(
        outcome.success(),
        "{what}: {}; stdout: {}",
        outcome.failure(TIMEOUT),
        outcome.stdout
    );
}

/// The one request `traffic` holds that was not auxiliary, with no problem on the way.
fn only_call(traffic: &Traffic) -> &Recorded {
    assert!(traffic.problems.is_empty(), "{:?}", traffic.problems);
    let calls: Vec<&Recorded> = traffic.calls().collect();
    assert_eq!(calls.len(), 1, "{:#?}", traffic.requests);
    calls[0]
}

fn header<'a>(request: &'a Recorded, name: &str) -> Vec<&'a str> {
    request.values(name)
}

fn json_body(request: &Recorded) -> Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

#[test]
fn curl_sends_https_and_http_through_a_session_with_only_variables() {
    if !installed("curl", "the proxy's curl test") {
        return;
    }
    let bench = Bench::new("curl");
    let session = bench
        .proxy
        .session(Some(Task::ChatCompletion))
        .expect("session");
    let curl = Path::new("curl");

    let outcome = bench.run(
        &session,
        Language::Curl,
        curl,
        &[
            "-sS",
            "--fail-with-body",
            "https://router.huggingface.co/v1/chat/completions",
            "-H",
            "Authorization: Bearer hf_dummy",
            "-H",
            "Content-Type: application/json",
            "-d",
            CHAT,
        ],
        "https",
    );
    succeeded(&outcome, "curl over https");
    let answer: Value = serde_json::from_str(&outcome.stdout).expect("JSON answer");
    assert_eq!(answer["choices"][0]["message"]["content"], "Hello");
    let traffic = session.take();
    let sent = only_call(&traffic);
    assert_eq!(sent.method, "POST");
    assert_eq!(
        sent.url,
        "https://router.huggingface.co/v1/chat/completions"
    );
    assert_eq!(sent.via, Via::Connect);
    assert_eq!(sent.status, 200);
    let names: Vec<&str> = sent.headers.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Host",
            "User-Agent",
            "Accept",
            "Authorization",
            "Content-Type",
            "Content-Length"
        ]
    );
    assert_eq!(header(sent, "host"), ["router.huggingface.co"]);
    assert_eq!(header(sent, "authorization"), ["Bearer hf_dummy"]);
    assert_eq!(sent.body, CHAT.as_bytes());

    // Plain http: curl reads http_proxy and sends the URL in absolute form.
    let outcome = bench.run(
        &session,
        Language::Curl,
        curl,
        &[
            "-sS",
            "http://xyz.endpoints.huggingface.cloud:8080/generate?a=1&b=%2F",
            "-H",
            "x-lower: 1",
            "-H",
            "X-Upper: 2",
        ],
        "http",
    );
    succeeded(&outcome, "curl over http");
    let traffic = session.take();
    let sent = only_call(&traffic);
    assert_eq!(sent.method, "GET");
    assert_eq!(
        sent.url,
        "http://xyz.endpoints.huggingface.cloud:8080/generate?a=1&b=%2F"
    );
    assert_eq!(sent.via, Via::Absolute);
    assert_eq!(header(sent, "x-lower"), ["1"]);
    assert!(sent.headers.iter().any(|(name, _)| name == "X-Upper"));

    // A chunked upload that waits for `100 Continue`: a 20 s wait if it never came.
    let body: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    fs::write(bench.dir.join("body.bin"), &body).expect("body file");
    let started = Instant::now();
    let outcome = bench.run(
        &session,
        Language::Curl,
        curl,
        &[
            "-sS",
            "--expect100-timeout",
            "20",
            "-H",
            "Transfer-Encoding: chunked",
            "-H",
            "Expect: 100-continue",
            "--data-binary",
            "@body.bin",
            "https://xyz.endpoints.huggingface.cloud/upload",
        ],
        "chunked",
    );
    succeeded(&outcome, "curl chunked upload");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "100 Continue came late"
    );
    let traffic = session.take();
    let sent = only_call(&traffic);
    assert_eq!(header(sent, "transfer-encoding"), ["chunked"]);
    assert_eq!(sent.body, body);
}

#[test]
fn a_client_that_does_not_trust_the_ca_is_refused_and_the_session_says_why() {
    if !installed("curl", "the proxy's curl test") {
        return;
    }
    let bench = Bench::new("untrusted");
    let session = bench.proxy.session(None).expect("session");
    let mut environment = session.environment(Language::Curl, &bench.trust);
    environment
        .vars
        .retain(|(name, _)| name != "CURL_CA_BUNDLE");
    let mut command = Command::new("curl");
    command
        .env_clear()
        .envs(environment.vars.iter().map(|(k, v)| (k, v)))
        .args(["-sS", "https://router.huggingface.co/v1/models"]);
    let outcome = run(&mut command, &bench.dir, "untrusted", TIMEOUT);
    assert!(!outcome.success(), "curl trusted an unknown CA");
    assert!(outcome.stderr.contains("SSL"), "{}", outcome.stderr);
    let traffic = session.take();
    assert!(traffic.requests.is_empty(), "{:#?}", traffic.requests);
    assert_eq!(traffic.problems.len(), 1, "{:?}", traffic.problems);
    assert!(
        traffic.problems[0].contains("TLS handshake for router.huggingface.co failed"),
        "{:?}",
        traffic.problems
    );
}

#[test]
fn a_client_that_ignores_the_proxy_gets_no_answer_from_it() {
    if !installed("curl", "the proxy's curl test") {
        return;
    }
    let bench = Bench::new("bypass");
    let session = bench.proxy.session(None).expect("session");
    // --noproxy '*' ignores the variables; --connect-to sends the connection that
    // would have gone to the internet to a closed loopback port instead.
    let outcome = bench.run(
        &session,
        Language::Curl,
        Path::new("curl"),
        &[
            "-sS",
            "--noproxy",
            "*",
            "--connect-to",
            "router.huggingface.co:443:127.0.0.1:1",
            "--max-time",
            "10",
            "https://router.huggingface.co/v1/chat/completions",
            "-d",
            CHAT,
        ],
        "bypass",
    );
    assert!(!outcome.success(), "a bypassing curl got an answer");
    assert_eq!(outcome.code, Some(7), "{}", outcome.stderr); // couldn't connect
    assert_eq!(session.take(), Traffic::default());
}

#[test]
fn python_requests_goes_through_a_session_with_only_variables() {
    if !installed("python3", "the proxy's Python test") {
        return;
    }
    let python = match setup::python_with(super::root(), &["requests"]) {
        Ok(python) => python,
        Err(err) => panic!("proxy: the requests venv: {err}"),
    };
    let bench = Bench::new("requests");
    let session = bench
        .proxy
        .session(Some(Task::TextClassification))
        .expect("session");
    let script = bench.write(
        "send.py",
        r#"import requests
r = requests.post(
    "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?wait=1",
    headers={"Authorization": "Bearer hf_dummy", "X-Order": "2"},
    json={"inputs": "Deploying my first endpoint was an amazing experience."},
)
r.raise_for_status()
print(r.json()[0][0]["label"])
r = requests.get("http://router.huggingface.co/plain")
print(r.status_code)
"#,
    );
    let outcome = bench.run(&session, Language::Python, &python, &[&script], "requests");
    succeeded(&outcome, "requests");
    assert_eq!(outcome.stdout, "POSITIVE\n200\n");
    let traffic = session.take();
    assert!(traffic.problems.is_empty(), "{:?}", traffic.problems);
    let [post, get] = traffic.requests.as_slice() else {
        panic!("two requests: {:#?}", traffic.requests);
    };
    assert_eq!(
        post.url,
        "https://xyz.endpoints.huggingface.cloud/distilbert-sentiment?wait=1"
    );
    assert_eq!(post.via, Via::Connect);
    assert_eq!(header(post, "x-order"), ["2"]);
    assert_eq!(header(post, "content-type"), ["application/json"]);
    assert_eq!(
        json_body(post),
        json!({"inputs": "Deploying my first endpoint was an amazing experience."})
    );
    assert_eq!(
        (get.method.as_str(), get.url.as_str(), get.via),
        ("GET", "http://router.huggingface.co/plain", Via::Absolute)
    );
}

#[test]
fn huggingface_hub_looks_the_model_up_then_calls_through_a_session() {
    if !installed("python3", "the proxy's Python test") {
        return;
    }
    let python = match setup::python_with(super::root(), &["huggingface_hub"]) {
        Ok(python) => python,
        Err(err) => panic!("proxy: the huggingface_hub venv: {err}"),
    };
    let bench = Bench::new("huggingface-hub");
    let session = bench
        .proxy
        .session(Some(Task::TextClassification))
        .expect("session");
    // httpx (huggingface_hub 1+) reads SSL_CERT_FILE and HTTPS_PROXY.
    let script = bench.write(
        "send.py",
        r#"from huggingface_hub import InferenceClient
client = InferenceClient(provider="hf-inference", api_key="hf_dummy")
result = client.text_classification("I like you.", model="distilbert/sst2")
print(result[0].label)
"#,
    );
    let outcome = bench.run(&session, Language::Python, &python, &[&script], "hub");
    succeeded(&outcome, "huggingface_hub");
    assert_eq!(outcome.stdout, "POSITIVE\n");
    let traffic = session.take();
    let call = only_call(&traffic);
    assert_eq!(
        call.url,
        "https://router.huggingface.co/hf-inference/models/distilbert/sst2"
    );
    assert_eq!(
        json_body(call),
        json!({"inputs": "I like you.", "parameters": {}})
    );
    let lookups: Vec<&str> = traffic
        .requests
        .iter()
        .filter(|request| request.auxiliary)
        .map(|request| request.url.as_str())
        .collect();
    assert!(!lookups.is_empty());
    assert!(
        lookups
            .iter()
            .all(|url| url.starts_with("https://huggingface.co/api/models/distilbert/sst2")),
        "{lookups:?}"
    );
}

#[test]
fn node_fetch_goes_through_a_session_with_the_preload() {
    if !installed("node", "the proxy's Node test") {
        return;
    }
    let bench = Bench::new("fetch");
    let session = bench
        .proxy
        .session(Some(Task::ChatCompletion))
        .expect("session");
    let script = bench.write(
        "send.mjs",
        &format!(
            r#"const response = await fetch("https://router.huggingface.co/v1/chat/completions", {{
  method: "POST",
  headers: {{ Authorization: "Bearer hf_dummy", "Content-Type": "application/json" }},
  body: JSON.stringify({{ ...{CHAT}, stream: true }}),
}});
let text = "";
for (const line of (await response.text()).split("\n")) {{
  if (line.startsWith("data: ") && line !== "data: [DONE]") {{
    text += JSON.parse(line.slice(6)).choices[0].delta.content ?? "";
  }}
}}
console.log(text);
const plain = await fetch("http://xyz.endpoints.huggingface.cloud/health");
console.log(plain.status);
"#
        ),
    );
    let outcome = bench.run(
        &session,
        Language::JavaScript,
        Path::new("node"),
        &[&script],
        "fetch",
    );
    succeeded(&outcome, "node fetch");
    assert_eq!(outcome.stdout, "Hello\n200\n");
    assert_eq!(outcome.stderr, "", "the preload is silent");
    let traffic = session.take();
    assert!(traffic.problems.is_empty(), "{:?}", traffic.problems);
    let [chat, plain] = traffic.requests.as_slice() else {
        panic!("two requests: {:#?}", traffic.requests);
    };
    assert_eq!(
        chat.url,
        "https://router.huggingface.co/v1/chat/completions"
    );
    assert_eq!(chat.via, Via::Connect);
    assert_eq!(header(chat, "authorization"), ["Bearer hf_dummy"]);
    let mut expected: Value = serde_json::from_str(CHAT).expect("JSON");
    expected["stream"] = json!(true);
    assert_eq!(json_body(chat), expected);
    assert_eq!(plain.url, "http://xyz.endpoints.huggingface.cloud/health");
    // undici's proxy agent tunnels plain http too.
    assert_eq!(plain.via, Via::Connect);
}

#[test]
fn huggingface_js_looks_the_model_up_then_calls_through_a_session() {
    if !installed("node", "the proxy's Node test") || !installed("npm", "the proxy's Node test") {
        return;
    }
    let modules = match setup::node(super::root()) {
        Ok(dir) => dir,
        Err(err) => panic!("proxy: npm ci of the conformance packages: {err}"),
    };
    let bench = Bench::new("huggingface-js");
    let session = bench
        .proxy
        .session(Some(Task::TextClassification))
        .expect("session");
    let inference = modules.join("node_modules/@huggingface/inference/dist/esm/index.js");
    let script = bench.write(
        "send.mjs",
        &format!(
            r#"import {{ InferenceClient }} from {inference:?};
const client = new InferenceClient("hf_dummy");
const result = await client.textClassification({{
  provider: "hf-inference",
  model: "distilbert/sst2",
  inputs: "I like you.",
}});
console.log(result[0].label);
"#,
            inference = inference.display().to_string()
        ),
    );
    let outcome = bench.run(
        &session,
        Language::JavaScript,
        Path::new("node"),
        &[&script],
        "js",
    );
    succeeded(&outcome, "@huggingface/inference");
    assert_eq!(outcome.stdout, "POSITIVE\n");
    let traffic = session.take();
    let call = only_call(&traffic);
    assert_eq!(
        call.url,
        "https://router.huggingface.co/hf-inference/models/distilbert/sst2"
    );
    assert_eq!(json_body(call), json!({"inputs": "I like you."}));
    let lookups: Vec<&str> = traffic
        .requests
        .iter()
        .filter(|request| request.auxiliary)
        .map(|request| request.url.as_str())
        .collect();
    assert_eq!(
        lookups,
        ["https://huggingface.co/api/models/distilbert/sst2?expand[]=inferenceProviderMapping"]
    );
}

#[test]
fn sessions_in_parallel_keep_their_own_requests() {
    use std::io::{Read, Write};
    let proxy = Proxy::start().expect("proxy");
    let sessions: Vec<Session> = (0..4)
        .map(|_| proxy.session(None).expect("session"))
        .collect();
    std::thread::scope(|scope| {
        for (index, session) in sessions.iter().enumerate() {
            scope.spawn(move || {
                for round in 0..5 {
                    let mut stream =
                        std::net::TcpStream::connect(("127.0.0.1", session.port())).expect("connect");
                    let request = format!(
                        "GET http://same.host/{index}/{round} HTTP/1.1\r\nHost: same.host\r\nConnection: close\r\n\r\n"
                    );
                    stream.write_all(request.as_bytes()).expect("send");
                    let mut answer = String::new();
                    stream.read_to_string(&mut answer).expect("answer");
                    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
                }
            });
        }
    });
    for (index, session) in sessions.iter().enumerate() {
        let urls: Vec<String> = session.take().requests.into_iter().map(|r| r.url).collect();
        let expected: Vec<String> = (0..5)
            .map(|round| format!("http://same.host/{index}/{round}"))
            .collect();
        assert_eq!(urls, expected);
    }
}

#[test]
fn a_session_with_a_task_per_request_shapes_each_answer_and_keeps_its_port() {
    use std::io::{Read, Write};
    use std::sync::Arc;
    let proxy = Proxy::start().expect("proxy");
    // The conformance suite's way: the first path segment names a case, and its task.
    let task_of = Arc::new(|recorded: &Recorded| match recorded.path() {
        path if path.starts_with("/image/") => Some(Task::TextToImage),
        _ => None,
    });
    let first = proxy.session_with(task_of.clone(), None).expect("session");
    let port = first.port();
    let ask = |path: &str| {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("answer");
        answer
    };
    let image = ask("/image/models/x");
    assert!(
        image.ends_with(proxy::PNG),
        "{}",
        String::from_utf8_lossy(&image)
    );
    let other = String::from_utf8(ask("/other/models/x")).expect("text");
    assert!(other.contains("application/json"), "{other}");
    let urls: Vec<String> = first.take().requests.into_iter().map(|r| r.url).collect();
    assert_eq!(
        urls,
        [
            format!("http://127.0.0.1:{port}/image/models/x"),
            format!("http://127.0.0.1:{port}/other/models/x"),
        ]
    );
    drop(first);
    // A port kept from run to run: compiled snippets hold it.
    let again = proxy.session_with(task_of, Some(port)).expect("session");
    assert_eq!(again.port(), port);
}

#[test]
fn the_answers_are_the_library_s() {
    // What a snippet's runtime parses: the same table the conformance server uses.
    let chat = proxy::answer(None, "/v1/chat/completions", br#"{"stream": true}"#);
    assert_eq!(chat.content_type, "text/event-stream");
    assert_eq!(proxy::streamed("/v1/chat/completions"), ["Hel", "lo"]);
    let image = proxy::answer(Some(Task::TextToImage), "/models/x", b"{}");
    assert_eq!(image.body, proxy::PNG);
}

/// Whether `program` is here, for the runtimes the library has no `Language` for yet:
/// skipped when missing, even in CI, which installs them with their language.
fn here(program: &str, version_flag: &str) -> bool {
    let runs = Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|output| output.status.success());
    if !runs {
        eprintln!("proxy: {program} is not installed: its check is skipped");
    }
    runs
}

#[test]
fn java_httpclient_goes_through_a_session_with_system_properties() {
    // Java is not a language of the library yet: these are the arguments its arm of
    // `proxy::environment` will give. `HttpClient.newHttpClient()` uses the default
    // proxy selector (the system properties) and the default SSL context (the
    // truststore properties); it asks for h2 by ALPN, which the proxy declines.
    if !here("java", "-version") {
        return;
    }
    let bench = Bench::new("java");
    let session = bench
        .proxy
        .session(Some(Task::ChatCompletion))
        .expect("session");
    let chat = CHAT.replace('"', "\\\"");
    let source = bench.write(
        "Send.java",
        &format!(
            r#"import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Send {{
    public static void main(String[] args) throws Exception {{
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest chat = HttpRequest.newBuilder(URI.create("https://router.huggingface.co/v1/chat/completions"))
            .header("Authorization", "Bearer hf_dummy")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{chat}"))
            .build();
        HttpResponse<String> answer = client.send(chat, HttpResponse.BodyHandlers.ofString());
        System.out.println(answer.statusCode() + " " + answer.body().contains("Hello"));
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://xyz.endpoints.huggingface.cloud/health")).build();
        System.out.println(client.send(plain, HttpResponse.BodyHandlers.ofString()).statusCode());
    }}
}}
"#
        ),
    );
    // As arguments: JAVA_TOOL_OPTIONS works as well, but says so on stderr.
    let port = session.port();
    let truststore = bench.trust.java_truststore.display();
    let mut command = Command::new("java");
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", &bench.dir)
        .args([
            "-Dhttps.proxyHost=127.0.0.1".to_owned(),
            format!("-Dhttps.proxyPort={port}"),
            "-Dhttp.proxyHost=127.0.0.1".to_owned(),
            format!("-Dhttp.proxyPort={port}"),
            format!("-Djavax.net.ssl.trustStore={truststore}"),
            format!(
                "-Djavax.net.ssl.trustStorePassword={}",
                Trust::JAVA_PASSWORD
            ),
        ])
        .arg(&source);
    let outcome = run(&mut command, &bench.dir, "java", TIMEOUT);
    succeeded(&outcome, "java");
    assert_eq!(outcome.stdout, "200 true\n200\n");
    assert_eq!(outcome.stderr, "");
    let traffic = session.take();
    assert!(traffic.problems.is_empty(), "{:?}", traffic.problems);
    let [chat, plain] = traffic.requests.as_slice() else {
        panic!("two requests: {:#?}", traffic.requests);
    };
    assert_eq!(
        chat.url,
        "https://router.huggingface.co/v1/chat/completions"
    );
    assert_eq!(chat.via, Via::Connect);
    assert_eq!(chat.body, CHAT.as_bytes());
    assert_eq!(plain.url, "http://xyz.endpoints.huggingface.cloud/health");
    assert_eq!(plain.via, Via::Absolute);
    // Through a proxy, Java asks for no h2c upgrade on plain http.
    assert!(plain.values("upgrade").is_empty(), "{:?}", plain.headers);
}

#[test]
fn hostile_clients_get_refusals_and_the_session_names_each_problem() {
    use std::io::{Read, Write};
    use std::net::TcpStream;

    let limits = Limits {
        body: 64,
        connections: 3,
        kept: 2,
        // Long enough for the held connections below on a busy machine.
        timeout: Duration::from_secs(3),
        ..Limits::default()
    };
    let proxy = Proxy::with(Answers::default(), limits).expect("proxy");
    let session = proxy.session(None).expect("session");
    let connect = || {
        let stream = TcpStream::connect(("127.0.0.1", session.port())).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        stream
    };
    // What the session answers before it closes the connection.
    let exchange = |bytes: &[u8]| {
        let mut stream = connect();
        let _ = stream.write_all(bytes);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    };
    let cases: [(&[u8], &str); 6] = [
        (b"\x00\x01garbage\r\n\r\n", "HTTP/1.1 400 Bad Request"),
        (
            b"CONNECT nohost HTTP/1.1\r\n\r\n",
            "HTTP/1.1 400 Bad Request",
        ),
        (b"GET /no-host HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request"),
        (
            b"POST http://h/x HTTP/1.1\r\nHost: h\r\nContent-Length: 65\r\n\r\n",
            "HTTP/1.1 400 Bad Request",
        ),
        (
            b"CONNECT h:80 HTTP/1.1\r\n\r\nCONNECT i:80 HTTP/1.1\r\n\r\n",
            "HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 400 Bad Request",
        ),
        (b"\x16\x03\x01\x00\x05hello", ""),
    ];
    for (request, start) in cases {
        let answer = exchange(request);
        assert!(
            answer.starts_with(start),
            "{:?}: {answer:?}",
            String::from_utf8_lossy(request)
        );
    }
    // The session keeps two requests; the third is refused.
    let statuses: Vec<String> = (0..3)
        .map(|_| {
            let answer =
                exchange(b"GET http://h/ok HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            answer.lines().next().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(
        statuses,
        [
            "HTTP/1.1 200 OK",
            "HTTP/1.1 200 OK",
            "HTTP/1.1 429 Too Many Requests"
        ]
    );
    // A client that stops in the middle of its head is cut off at the timeout.
    let started = Instant::now();
    assert_eq!(exchange(b"GET / HT"), "");
    assert!(started.elapsed() < Duration::from_secs(8));
    // Past three connections at once, the next is closed unanswered.
    let held: Vec<TcpStream> = (0..3).map(|_| connect()).collect();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(exchange(b"GET http://h/ok HTTP/1.1\r\nHost: h\r\n\r\n"), "");
    drop(held);

    let traffic = session.take();
    assert_eq!(traffic.requests.len(), 2);
    let expected = [
        "CR or NUL",
        "CONNECT to \"nohost\"",
        "without a host",
        "body too large",
        "CONNECT inside a tunnel",
        "TLS handshake for 127.0.0.1 failed",
        "GET http://h/ok: not kept",
        "more than 3 connections at once",
    ];
    for (problem, expected) in traffic.problems.iter().zip(expected) {
        assert!(problem.contains(expected), "{problem:?} ∌ {expected:?}");
    }
    assert_eq!(
        traffic.problems.len(),
        expected.len(),
        "{:#?}",
        traffic.problems
    );
}

#[test]
fn what_a_client_left_as_it_exited_is_in_the_next_take() {
    use std::io::Write;
    use std::net::TcpStream;

    // A client that gives up its handshake and exits at once, as curl does with an
    // unknown CA: its connection is still at work when the caller takes the traffic,
    // and `take` waits for it. Twenty times, so that a race would show.
    let proxy = Proxy::start().expect("proxy");
    let session = proxy.session(None).expect("session");
    for round in 0..20 {
        let mut stream = TcpStream::connect(("127.0.0.1", session.port())).expect("connect");
        stream
            .write_all(b"CONNECT h.example:443 HTTP/1.1\r\nHost: h.example:443\r\n\r\n")
            .expect("write");
        let mut established = [0; 39];
        std::io::Read::read_exact(&mut stream, &mut established).expect("established");
        stream
            .write_all(b"\x16\x03\x01\x00\x05hello")
            .expect("write");
        drop(stream);
        let traffic = session.take();
        assert_eq!(traffic.problems.len(), 1, "round {round}: {traffic:?}");
        assert!(
            traffic.problems[0].contains("TLS handshake for h.example failed"),
            "{traffic:?}"
        );
    }
    // A connection kept alive after its answer waits for its client: `take` does not.
    let mut held = TcpStream::connect(("127.0.0.1", session.port())).expect("connect");
    held.write_all(b"GET http://h/ok HTTP/1.1\r\nHost: h\r\n\r\n")
        .expect("write");
    let mut answer = [0; 15];
    std::io::Read::read_exact(&mut held, &mut answer).expect("answer");
    let started = Instant::now();
    assert_eq!(session.take().requests.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(1));
}
