//! Drives Debian's chromium through its own chromedriver, one browser per test, and
//! reaches into each widget's open shadow root the way assistive tools do.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value as Json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
const WAIT: Duration = Duration::from_secs(15);

pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

/// A chromedriver extension command: POST to a session-relative path with a JSON body.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Json,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or_default(), self.path))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

fn env_path(name: &str, fallback: &str) -> String {
    std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| fallback.to_string())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// JavaScript that binds `root` to the shadow root of the n-th widget on the page.
pub fn root_js(widget: usize) -> String {
    format!("const host = document.querySelectorAll('leg-pain-quiz')[{widget}]; const root = host && host.shadowRoot;")
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium with a viewport of `width` × `height`.
    pub async fn open(width: u32, height: u32) -> Browser {
        let port = free_port();
        let driver = Command::new(env_path("CHROMEDRIVER", "/usr/bin/chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (scripts/test.sh installs Debian's chromium-driver)");
        let profile = std::env::temp_dir().join(format!("lpq-e2e-{port}"));
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": env_path("CHROMIUM", "/usr/bin/chromium"),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    // A reader in the UK (navigator.languages = en-GB): the region
                    // the widget falls back to when the page doesn't say.
                    "--lang=en-GB", "--accept-lang=en-GB",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let caps = match caps {
            Json::Object(map) => map,
            _ => unreachable!(),
        };
        let started = Instant::now();
        let client = loop {
            let attempt = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(e) if started.elapsed() > WAIT => panic!("could not start a browser session: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let browser = Browser { client, driver, profile };
        browser.viewport(width, height).await;
        browser
    }

    /// Sets the exact viewport, as a phone or desktop of that size would have.
    pub async fn viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
    }

    /// Runs a DevTools protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Json) -> Json {
        self.client
            .issue_cmd(SessionPost { path: "goog/cdp/execute", body: json!({ "cmd": cmd, "params": params }) })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub async fn run(&self, js: &str) -> Json {
        self.client.execute(js, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// Polls a JavaScript expression (in a function body that returns it) until it is truthy.
    pub async fn wait_until(&self, js_returning: &str, what: &str) -> Json {
        let started = Instant::now();
        loop {
            let value = self.run(js_returning).await;
            let truthy = !matches!(value, Json::Null | Json::Bool(false)) && value != json!("") && value != json!(0);
            if truthy {
                return value;
            }
            if started.elapsed() > WAIT {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The element matching `css` inside widget `widget`'s shadow root, once it exists.
    pub async fn find(&self, widget: usize, css: &str) -> Element {
        let js = format!("{} return root ? root.querySelector({}) : null;", root_js(widget), json!(css));
        let value = self.wait_until(&js, &format!("`{css}` in widget {widget}")).await;
        let id = value
            .get(ELEMENT_KEY)
            .and_then(Json::as_str)
            .unwrap_or_else(|| panic!("an element reference, got {value}"))
            .to_string();
        Element::from_element_id(self.client.clone(), ElementRef::from(id))
    }

    pub async fn exists(&self, widget: usize, css: &str) -> bool {
        let js = format!("{} return !!(root && root.querySelector({}));", root_js(widget), json!(css));
        self.run(&js).await == json!(true)
    }

    /// Clicks like a person: a real pointer click at the element's centre.
    pub async fn click(&self, widget: usize, css: &str) {
        let el = self.find(widget, css).await;
        el.click().await.unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Waits for a screen: `question:<id>`, or a selector such as `[data-results]`.
    pub async fn wait_for(&self, widget: usize, css: &str) {
        self.find(widget, css).await;
    }

    /// Answers one question by clicking its options, then Next. A question sharing its
    /// page that is still unanswered (who the answers are about, beside the age) gets its
    /// first option ("Myself").
    pub async fn answer(&self, widget: usize, question: &str, choices: &[&str]) {
        self.wait_for(widget, &format!("[data-question=\"{question}\"]")).await;
        for choice in choices {
            self.click(widget, &format!("[data-question=\"{question}\"] [data-option=\"{choice}\"]")).await;
        }
        for other in self.unanswered_on_page(widget).await {
            self.click(widget, &format!("[data-question=\"{other}\"] [data-option]")).await;
        }
        self.click(widget, "[data-action=\"next\"]").await;
    }

    /// The questions on the page on show, in order.
    pub async fn page_questions(&self, widget: usize) -> Vec<String> {
        let js = format!(
            "{} return [...root.querySelectorAll('[data-question]')].map(q => q.dataset.question);",
            root_js(widget)
        );
        self.run(&js).await.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    }

    /// The questions on the page on show with nothing ticked.
    async fn unanswered_on_page(&self, widget: usize) -> Vec<String> {
        let js = format!(
            "{} return [...root.querySelectorAll('[data-question]')].filter(q => !q.querySelector('input:checked')).map(q => q.dataset.question);",
            root_js(widget)
        );
        self.run(&js).await.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    }

    /// Answers whatever the quiz asks, in its order, from `answers`, until "check your
    /// answers". Urgent guidance is acknowledged with Continue. Returns the questions seen.
    pub async fn complete(&self, widget: usize, answers: &[(&str, &[&str])]) -> Vec<String> {
        let mut seen = Vec::new();
        for _ in 0..40 {
            let js = format!(
                "{} if (!root) return null; if (root.querySelector('.lpq-review')) return 'review';
                 if (root.querySelector('.lpq-interrupt')) return 'interrupt';
                 const q = root.querySelector('[data-question]'); return q ? 'q:' + q.dataset.question : null;",
                root_js(widget)
            );
            let screen = self.wait_until(&js, "a question, an interrupt or the review").await;
            let screen = screen.as_str().unwrap_or_default().to_string();
            if screen == "review" {
                return seen;
            }
            if screen == "interrupt" {
                self.click(widget, "[data-action=\"continue\"]").await;
                self.wait_until(
                    &format!("{} return root && !root.querySelector('.lpq-interrupt');", root_js(widget)),
                    "the interrupt to close",
                )
                .await;
                continue;
            }
            let id = screen.trim_start_matches("q:").to_string();
            let choices = |id: &str| {
                answers
                    .iter()
                    .find(|(q, _)| *q == id)
                    .map(|(_, c)| *c)
                    .unwrap_or_else(|| panic!("the quiz asked `{id}`, which the journey doesn't answer"))
            };
            // The other questions on the page first (the age, beside who it is about).
            for other in self.page_questions(widget).await.into_iter().filter(|q| *q != id) {
                for choice in choices(&other) {
                    self.click(widget, &format!("[data-question=\"{other}\"] [data-option=\"{choice}\"]")).await;
                }
                seen.push(other);
            }
            self.answer(widget, &id, choices(&id)).await;
            self.wait_until(
                &format!("{} const q = root && root.querySelector('[data-question]'); return !q || q.dataset.question !== {};", root_js(widget), json!(id)),
                &format!("the quiz to move on from `{id}`"),
            )
            .await;
            seen.push(id);
        }
        panic!("the quiz never reached the review");
    }

    /// Console errors and warnings the page logged, as Chrome reports them.
    pub async fn console_problems(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(SessionPost { path: "se/log", body: json!({ "type": "browser" }) })
            .await
            .expect("browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| matches!(entry["level"].as_str(), Some("SEVERE") | Some("WARNING")))
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Resources the page loaded from anywhere but `allowed_origins`.
    pub async fn foreign_requests(&self, allowed_origins: &[&str]) -> Vec<String> {
        let names =
            self.run("return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);").await;
        names
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .filter(|name| !allowed_origins.iter().any(|o| name.starts_with(o)))
            .map(str::to_string)
            .collect()
    }

    /// A PNG of the whole page, not just the viewport.
    pub async fn screenshot(&self, path: &Path) {
        let shot = self.cdp("Page.captureScreenshot", json!({ "format": "png", "captureBeyondViewport": true })).await;
        let data = shot["data"].as_str().expect("screenshot data");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, base64_decode(data)).unwrap();
    }

    /// Presses keys on whatever has focus, e.g. `&[Key::Tab.into(), ' ']`.
    pub async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".to_string());
        for key in keys {
            actions = actions.then(KeyAction::Down { value: *key }).then(KeyAction::Up { value: *key });
        }
        self.client.perform_actions(actions).await.expect("key presses");
    }

    /// Presses a key while Shift is held (Shift+Tab).
    pub async fn shift_keys(&self, key: char) {
        let shift = char::from(fantoccini::key::Key::Shift);
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: shift });
        self.client.perform_actions(actions).await.expect("key presses");
    }

    /// Ends the session cleanly; dropping the browser then stops chromedriver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    /// Also runs when a test fails half-way: no chromedriver or profile is left behind.
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // A session that was never closed leaves its Chromium behind: find it by profile.
        let _ = Command::new("pkill").arg("-f").arg(self.profile.as_os_str()).status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| *c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|c| u32::from(value(*c))).collect();
        let n = v.iter().enumerate().fold(0u32, |acc, (i, x)| acc | (x << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if v.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if v.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

pub use fantoccini::key::Key;
