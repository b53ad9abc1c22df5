//! A W3C WebDriver client for the few commands the tests use, synchronous, over plain
//! HTTP/1.1 to a chromedriver on loopback.
//!
//! Hand-written rather than a WebDriver crate: those bring an async runtime, an HTTP
//! stack and URL parsing with Unicode tables, which took longer to compile than all the
//! tests together, for a protocol that is JSON in a POST to a port on this machine.

use serde_json::{json, Value as Json};
use std::fmt;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The key W3C WebDriver uses for an element reference in JSON.
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The longest a command may take to answer: a whole walk through the quiz runs as one
/// script (the session's script timeout is below this).
const ANSWER_WITHIN: Duration = Duration::from_secs(180);

/// What went wrong with a command: the driver's error and message, or the connection's.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Keys by their WebDriver code points (W3C WebDriver, "Keyboard actions").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Tab,
    Enter,
    Shift,
    Space,
    Up,
    Down,
}

impl From<Key> for char {
    fn from(key: Key) -> char {
        match key {
            Key::Tab => '\u{E004}',
            Key::Enter => '\u{E007}',
            Key::Shift => '\u{E008}',
            Key::Space => '\u{E00D}',
            Key::Up => '\u{E013}',
            Key::Down => '\u{E015}',
        }
    }
}

/// A tab or window opened by [`Client::new_window`].
pub struct NewWindow {
    pub handle: String,
}

/// One session of a chromedriver on `127.0.0.1:port`, over one kept-alive connection
/// (a connection a command would leave thousands of closed sockets waiting out their
/// time in a run that polls every 25 ms).
#[derive(Clone, Debug)]
pub struct Client {
    port: u16,
    session: String,
    connection: Arc<Mutex<Option<BufReader<TcpStream>>>>,
}

impl Client {
    /// Starts a session with these capabilities (`alwaysMatch`).
    pub fn new_session(port: u16, capabilities: &Json) -> Result<Client, Error> {
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let connection = Arc::new(Mutex::new(None));
        let value = request(port, &connection, "POST", "/session", Some(&body))?;
        let session = value["sessionId"].as_str().ok_or_else(|| Error(format!("no session id in {value}")))?;
        Ok(Client { port, session: session.to_string(), connection })
    }

    /// A command on this session: `path` is relative to `/session/{id}/`.
    fn command(&self, method: &str, path: &str, body: Option<Json>) -> Result<Json, Error> {
        let full = if path.is_empty() {
            format!("/session/{}", self.session)
        } else {
            format!("/session/{}/{path}", self.session)
        };
        request(self.port, &self.connection, method, &full, body.as_ref())
    }

    /// A POST to a session-relative path, for chromedriver's own commands
    /// (`goog/cdp/execute`, `se/log`).
    pub fn post(&self, path: &str, body: Json) -> Result<Json, Error> {
        self.command("POST", path, Some(body))
    }

    pub fn goto(&self, url: &str) -> Result<(), Error> {
        self.post("url", json!({ "url": url })).map(drop)
    }

    pub fn execute(&self, script: &str, args: Vec<Json>) -> Result<Json, Error> {
        self.post("execute/sync", json!({ "script": script, "args": args }))
    }

    /// Runs `script`, which calls its last argument with the result.
    pub fn execute_async(&self, script: &str, args: Vec<Json>) -> Result<Json, Error> {
        self.post("execute/async", json!({ "script": script, "args": args }))
    }

    /// Script, page-load and implicit-wait timeouts.
    pub fn update_timeouts(&self, script: Duration, page_load: Duration, implicit: Duration) -> Result<(), Error> {
        let ms = |d: Duration| d.as_millis() as u64;
        let body = json!({ "script": ms(script), "pageLoad": ms(page_load), "implicit": ms(implicit) });
        self.post("timeouts", body).map(drop)
    }

    pub fn back(&self) -> Result<(), Error> {
        self.post("back", json!({})).map(drop)
    }

    pub fn forward(&self) -> Result<(), Error> {
        self.post("forward", json!({})).map(drop)
    }

    pub fn refresh(&self) -> Result<(), Error> {
        self.post("refresh", json!({})).map(drop)
    }

    /// The handle of the current window.
    pub fn window(&self) -> Result<String, Error> {
        let value = self.command("GET", "window", None)?;
        value.as_str().map(String::from).ok_or_else(|| Error(format!("a window handle, got {value}")))
    }

    pub fn windows(&self) -> Result<Vec<String>, Error> {
        let value = self.command("GET", "window/handles", None)?;
        let handles = value.as_array().ok_or_else(|| Error(format!("window handles, got {value}")))?;
        Ok(handles.iter().filter_map(Json::as_str).map(String::from).collect())
    }

    /// Opens a new tab (or window), without switching to it.
    pub fn new_window(&self, as_tab: bool) -> Result<NewWindow, Error> {
        let value = self.post("window/new", json!({ "type": if as_tab { "tab" } else { "window" } }))?;
        let handle = value["handle"].as_str().ok_or_else(|| Error(format!("a new window, got {value}")))?;
        Ok(NewWindow { handle: handle.to_string() })
    }

    pub fn switch_to_window(&self, handle: String) -> Result<(), Error> {
        self.post("window", json!({ "handle": handle })).map(drop)
    }

    pub fn close_window(&self) -> Result<(), Error> {
        self.command("DELETE", "window", None).map(drop)
    }

    /// Into the page's `index`-th frame.
    pub fn enter_frame(&self, index: u16) -> Result<(), Error> {
        self.post("frame", json!({ "id": index })).map(drop)
    }

    pub fn enter_parent_frame(&self) -> Result<(), Error> {
        self.post("frame/parent", json!({})).map(drop)
    }

    /// Presses and releases `keys` on whatever has focus, in order; a key in `held` is
    /// pressed first and released last (Shift+Tab).
    pub fn press_keys(&self, held: Option<char>, keys: &[char]) -> Result<(), Error> {
        let mut actions = Vec::new();
        let key = |kind: &str, value: char| json!({ "type": kind, "value": value.to_string() });
        actions.extend(held.map(|h| key("keyDown", h)));
        for k in keys {
            actions.push(key("keyDown", *k));
            actions.push(key("keyUp", *k));
        }
        actions.extend(held.map(|h| key("keyUp", h)));
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.post("actions", body)?;
        self.command("DELETE", "actions", None).map(drop)
    }

    /// A real pointer click at the centre of the element with this reference.
    pub fn click_element(&self, element: &str) -> Result<(), Error> {
        self.post(&format!("element/{element}/click"), json!({})).map(drop)
    }

    /// Ends the session (which closes its browser).
    pub fn close(self) -> Result<(), Error> {
        self.command("DELETE", "", None).map(drop)
    }
}

/// One request, on the kept-alive connection when there is one (opened again once if
/// the driver closed it), returning the response's `value`, or the error it names.
fn request(
    port: u16,
    connection: &Mutex<Option<BufReader<TcpStream>>>,
    method: &str,
    path: &str,
    body: Option<&Json>,
) -> Result<Json, Error> {
    let body = body.map(Json::to_string).unwrap_or_default();
    let message = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let mut kept = connection.lock().unwrap_or_else(|e| e.into_inner());
    let reused = kept.is_some();
    let content = match exchange(port, &mut kept, &message) {
        Err(_) if reused => exchange(port, &mut kept, &message),
        other => other,
    }
    .map_err(|e| Error(format!("{method} {path}: {e}")))?;
    let json: Json = serde_json::from_slice(&content)
        .map_err(|e| Error(format!("{method} {path}: {e} in {}", String::from_utf8_lossy(&content))))?;
    let value = json.get("value").cloned().unwrap_or(Json::Null);
    if let Some(error) = value.get("error").and_then(Json::as_str) {
        let message = value["message"].as_str().unwrap_or_default();
        return Err(Error(format!("{error}: {message}")));
    }
    Ok(value)
}

/// Sends `message` and reads the response's body; the connection is kept for the next
/// request only when the exchange went through whole.
fn exchange(port: u16, kept: &mut Option<BufReader<TcpStream>>, message: &str) -> std::io::Result<Vec<u8>> {
    let mut connection = match kept.take() {
        Some(connection) => connection,
        None => {
            let stream = TcpStream::connect(("127.0.0.1", port))?;
            stream.set_read_timeout(Some(ANSWER_WITHIN))?;
            stream.set_nodelay(true)?;
            BufReader::new(stream)
        }
    };
    connection.get_mut().write_all(message.as_bytes())?;
    let body = read_response(&mut connection)?;
    *kept = Some(connection);
    Ok(body)
}

/// The body of one HTTP/1.1 response: by its Content-Length, or chunked.
fn read_response(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let broken = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let mut length = None;
    let mut chunked = false;
    let mut line = String::new();
    let mut first = true;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(broken("the driver closed the connection"));
        }
        let header = line.trim_end();
        if first {
            first = false;
            if !header.starts_with("HTTP/1.") {
                return Err(broken("no HTTP response"));
            }
            continue;
        }
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap_or((header, ""));
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.trim().parse::<usize>().ok(),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    if chunked {
        let mut body = Vec::new();
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| broken("a bad chunk size"))?;
            if size == 0 {
                // The trailer ends with an empty line.
                loop {
                    line.clear();
                    if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                        return Ok(body);
                    }
                }
            }
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..])?;
            line.clear();
            reader.read_line(&mut line)?;
        }
    }
    let mut body = vec![0; length.ok_or_else(|| broken("a response with no length"))?];
    reader.read_exact(&mut body)?;
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_read_by_its_length_or_its_chunks() {
        let sized = b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n{\"a\":1}HTTP/1.1 next";
        assert_eq!(read_response(&mut &sized[..]).unwrap(), b"{\"a\":1}");
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n";
        assert_eq!(read_response(&mut &chunked[..]).unwrap(), b"{\"a\":1}");
        assert!(read_response(&mut &b"HTTP/1.1 200 OK\r\n\r\n"[..]).is_err(), "no length: refused");
        assert!(read_response(&mut &b"garbage\r\n\r\n"[..]).is_err(), "not HTTP");
    }

    #[test]
    fn keys_are_webdriver_code_points() {
        assert_eq!(char::from(Key::Tab), '\u{E004}');
        assert_eq!(char::from(Key::Down), '\u{E015}');
    }
}
