//! A tiny static file server on loopback for the end-to-end tests: serves a folder,
//! optionally with extra headers (a strict CSP, CORS), records every request, and can
//! hold back the answers to some paths (a slow network, made certain).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

/// Counts the requests served in this run, by every server: a reused browser's storage
/// needs cleaning only for the origins that served it something since it was last cleaned.
static REQUESTS: AtomicU64 = AtomicU64::new(0);

/// Every server's origin, with the count of [`REQUESTS`] at its latest request.
static ORIGINS: Mutex<Vec<(String, Arc<AtomicU64>)>> = Mutex::new(Vec::new());

/// The count of requests so far, and the origins that have served one since `after`.
pub fn served_since(after: u64) -> (u64, Vec<String>) {
    let now = REQUESTS.load(Ordering::SeqCst);
    let origins = ORIGINS.lock().unwrap_or_else(|e| e.into_inner());
    let served = origins.iter().filter(|(_, last)| last.load(Ordering::SeqCst) > after).map(|(o, _)| o.clone());
    (now, served.collect())
}

pub struct Server {
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
    held: Arc<Held>,
}

/// The ending of the paths whose answers wait, while there is one.
#[derive(Default)]
struct Held {
    ending: Mutex<Option<String>>,
    released: Condvar,
}

impl Server {
    /// Serves `root` on a free loopback port; `headers` are added to every response.
    pub fn start(root: PathBuf, headers: Vec<(String, String)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let last = Arc::new(AtomicU64::new(0));
        ORIGINS.lock().unwrap_or_else(|e| e.into_inner()).push((base.clone(), Arc::clone(&last)));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let headers = Arc::new(headers);
        let held = Arc::new(Held::default());
        let hold = Arc::clone(&held);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                last.store(REQUESTS.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                let (root, log, headers, hold) =
                    (root.clone(), Arc::clone(&log), Arc::clone(&headers), Arc::clone(&hold));
                thread::spawn(move || {
                    let _ = serve(stream, &root, &log, &headers, &hold);
                });
            }
        });
        Server { base, requests, held }
    }

    /// From now on, requests for paths ending in `ending` are recorded but answered only
    /// after [`Server::release`].
    pub fn hold(&self, ending: &str) {
        *self.held.ending.lock().unwrap() = Some(ending.to_string());
    }

    /// Answers the held requests, and holds nothing more.
    pub fn release(&self) {
        *self.held.ending.lock().unwrap() = None;
        self.held.released.notify_all();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    /// Paths requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn serve(
    stream: TcpStream,
    root: &Path,
    log: &Mutex<Vec<String>>,
    headers: &[(String, String)],
    held: &Held,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // Drain the request headers.
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    log.lock().unwrap().push(path.clone());
    let mut ending = held.ending.lock().unwrap();
    while ending.as_ref().is_some_and(|e| path.ends_with(e.as_str())) {
        ending = held.released.wait(ending).unwrap();
    }
    drop(ending);
    let relative = if path.ends_with('/') { format!("{path}index.html") } else { path };
    let file = root.join(relative.trim_start_matches('/'));
    let safe = !relative.contains("..");
    let mut out = stream;
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    match std::fs::read(&file) {
        Ok(body) if safe => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{extra}Connection: close\r\n\r\n",
                content_type(&file),
                body.len()
            )?;
            out.write_all(&body)?;
        }
        _ => {
            let body = b"not found";
            write!(out, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n", body.len())?;
            out.write_all(body)?;
        }
    }
    out.flush()
}
