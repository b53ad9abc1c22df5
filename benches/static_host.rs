//! A static host for the benchmark, serving files as a CDN or a well-set-up web server
//! would: each file compressed ahead of time (brotli quality 11, gzip level 9), the
//! encoding picked from the request's `Accept-Encoding` (brotli, else gzip, else none),
//! `Vary: Accept-Encoding`, and connections kept alive. Several folders can be mounted
//! under URL prefixes (the widget's dist/ at `/`, the peer at `/peer/`).
//!
//! Each response leaves in one write (head and body together) on a socket without Nagle's
//! delay, as nginx (`tcp_nodelay`, `writev`) and Node's http server send them. Written
//! piece by piece on a kept-alive connection, a response's later pieces waited for the
//! client to acknowledge the first, which it delays (about 40 ms on Linux: curl saw every
//! response after a connection's first take 42 to 52 ms).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// One file, ready to send in each encoding.
struct Body {
    content_type: &'static str,
    raw: Vec<u8>,
    gzip: Option<Vec<u8>>,
    brotli: Option<Vec<u8>>,
}

pub struct StaticHost {
    pub base: String,
    /// The encodings sent, by path: what the browser asked for, as the host saw it.
    sent: Arc<Mutex<Vec<(String, &'static str)>>>,
}

impl StaticHost {
    /// Serves `files` (URL path → file on disk), each compressed now, before any request.
    pub fn start(files: Vec<(String, PathBuf)>) -> StaticHost {
        let bodies: HashMap<String, Body> = files
            .into_iter()
            .map(|(url, path)| {
                let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                let content_type = content_type(&path);
                let compress = raw.len() > 256 && !content_type.starts_with("image/png");
                let body = Body {
                    content_type,
                    gzip: compress.then(|| gzip(&raw)),
                    brotli: compress.then(|| brotli(&raw)),
                    raw,
                };
                (url, body)
            })
            .collect();
        let bodies = Arc::new(bodies);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let sent = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&sent);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (bodies, log) = (Arc::clone(&bodies), Arc::clone(&log));
                thread::spawn(move || {
                    let _ = serve(stream, &bodies, &log);
                });
            }
        });
        StaticHost { base, sent }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    /// The encodings sent so far, counted by name (`br`, `gzip`, `identity`).
    pub fn encodings(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for (_, encoding) in self.sent.lock().unwrap().iter() {
            match counts.iter_mut().find(|c| c.0 == *encoding) {
                Some(c) => c.1 += 1,
                None => counts.push((encoding, 1)),
            }
        }
        counts
    }
}

/// Every file under `dir`, as URL paths under `prefix` (which ends with `/`).
pub fn mount(prefix: &str, dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    walk(dir, &mut |path| {
        let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        out.push((format!("{prefix}{rel}"), path.to_path_buf()));
    });
    out
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, f);
        } else {
            f(&path);
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out
}

/// Answers requests on one connection until the browser closes it.
fn serve(
    stream: TcpStream,
    bodies: &HashMap<String, Body>,
    log: &Mutex<Vec<(String, &'static str)>>,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    // The response, head and body, put together before it is sent in one write.
    let mut response = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut accept = String::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
                break;
            }
            if let Some((name, value)) = h.split_once(':') {
                if name.trim().eq_ignore_ascii_case("accept-encoding") {
                    accept = value.trim().to_ascii_lowercase();
                }
            }
        }
        let target = line.split_whitespace().nth(1).unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let path = if path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
        let offers = |name: &str| accept.split(',').any(|e| e.split(';').next().unwrap_or("").trim() == name);
        match bodies.get(&path) {
            Some(body) => {
                let (encoding, bytes) = match (&body.brotli, &body.gzip) {
                    (Some(br), _) if offers("br") => ("br", br),
                    (_, Some(gz)) if offers("gzip") => ("gzip", gz),
                    _ => ("identity", &body.raw),
                };
                log.lock().unwrap().push((path.clone(), encoding));
                let coding =
                    if encoding == "identity" { String::new() } else { format!("Content-Encoding: {encoding}\r\n") };
                write!(
                    response,
                    "HTTP/1.1 200 OK\r\nContent-Type: {}\r\n{coding}Vary: Accept-Encoding\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n",
                    body.content_type,
                    bytes.len()
                )?;
                response.extend_from_slice(bytes);
            }
            None => {
                let body = b"not found";
                write!(
                    response,
                    "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n",
                    body.len()
                )?;
                response.extend_from_slice(body);
            }
        }
        out.write_all(&response)?;
        response.clear();
    }
}
