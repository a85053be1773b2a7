//! `mht-guide serve`, the live preview, as an editor and an attacker meet it; and
//! `export --watch`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{browser, embedded_copy, tempdir};

/// A running `serve`, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) port: u16,
    /// What it said on standard error until it was ready.
    said: String,
    /// What it said on standard error after that, so far.
    heard: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port no one is listening on, as far as one can tell.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts `serve` over the content in `dir` and waits until it listens. A port found free can
/// be taken by another test (or a browser) before `serve` binds it; then another is tried.
pub(crate) fn serve(cwd: &Path, args: &[&str]) -> Server {
    let mut tries = 0;
    loop {
        match start_serve(cwd, args, free_port()) {
            Ok(server) => return server,
            Err(said) if said.contains("is in use") && tries < 5 => tries += 1,
            Err(said) => panic!("serve did not start: {said}"),
        }
    }
}

/// Starts `serve` on `port`, or returns what it said when it did not start.
fn start_serve(cwd: &Path, args: &[&str], port: u16) -> Result<Server, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .arg("serve")
        .args(args)
        .args(["--port", &port.to_string()])
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    let start = Instant::now();
    while !said.contains("previewing") {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 || start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(said);
        }
        said.push_str(&line);
    }
    // Keep reading, so that a full pipe never blocks the server.
    let heard = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let keep = std::sync::Arc::clone(&heard);
    std::thread::spawn(move || {
        let mut line = String::new();
        while stderr.read_line(&mut line).is_ok_and(|n| n > 0) {
            keep.lock().unwrap().push_str(&line);
            line.clear();
        }
    });
    Ok(Server {
        child,
        port,
        said,
        heard,
    })
}

/// One GET request over a fresh connection: the status code and the body.
pub(crate) fn get(port: u16, path: &str) -> (u16, Vec<u8>) {
    let (status, _, body) = request(port, path, "Host: 127.0.0.1\r\n");
    (status, body)
}

/// One GET request with the `headers` given (each line ending in CRLF), over a fresh
/// connection: the status code, the head and the body.
pub(crate) fn request(port: u16, path: &str, headers: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let mut body = response[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    } else if let Some(length) = head.lines().find_map(|l| {
        l.to_ascii_lowercase()
            .strip_prefix("content-length: ")
            .map(str::to_owned)
    }) {
        assert_eq!(
            body.len(),
            length.trim().parse::<usize>().unwrap(),
            "a cut response"
        );
    }
    (status, head, body)
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size");
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..line_end]).unwrap(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[line_end + 2..line_end + 2 + size]);
        body = &body[line_end + 2 + size + 2..];
    }
}

fn faq(dir: &Path) -> PathBuf {
    dir.join("faq.toml")
}

#[test]
#[cfg_attr(
    any(missing = "browser", missing = "pdf-tools"),
    ignore = "needs Chromium with playwright-core and axe-core and qpdf with poppler-utils, which `bash .ci/test` installs"
)]
fn an_editor_sees_each_save_in_the_browser() {
    let Some(modules) = browser() else { return };
    let Some(tools) = crate::pdf::tools() else {
        return;
    };
    let dir = tempdir();
    let content = embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    assert!(
        server
            .said
            .contains(&format!("http://127.0.0.1:{}/", server.port)),
        "{}",
        server.said
    );
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/serve");
    std::fs::create_dir_all(&out).unwrap();
    let url = format!("http://127.0.0.1:{}/", server.port);
    let faq = faq(&content);
    let args = [std::ffi::OsStr::new(&url), faq.as_os_str(), out.as_os_str()];
    let report = crate::util::browser_script(&modules, "serve.cjs", &args);
    assert_eq!(report["console"], serde_json::json!([]), "{report}");
    for step in ["edit", "broken", "fixed"] {
        assert!(report["steps"][step].as_u64().unwrap() < 2000, "{report}");
    }
    // The page reloaded at the section that changed.
    assert_eq!(report["steps"]["scrolled"], "#faq");
    // The problem is shown as check prints it: file, line, column, the line, the caret.
    let problems = report["problems"].as_str().unwrap();
    assert!(problems.contains("error: invalid TOML"), "{problems}");
    assert!(problems.contains("faq.toml:"), "{problems}");
    assert!(problems.contains(" | broken = ["), "{problems}");
    // The PDF link gives the edited guide.
    let pdf = report["pdf"].as_str().unwrap();
    crate::pdf::qpdf_check(&tools, &std::fs::read(pdf).unwrap());
    let text = crate::pdf::page_texts(&tools, pdf)
        .join(" ")
        .replace('\n', " ");
    assert!(
        text.contains("Riverside trains its technicians"),
        "the edit is not in the PDF"
    );
    for shot in [
        "preview-desktop",
        "preview-phone",
        "problems-desktop",
        "problems-phone",
    ] {
        assert!(out.join(format!("{shot}.png")).exists());
    }
}

#[test]
fn every_response_during_saves_is_a_whole_page() {
    let dir = tempdir();
    let content = embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    let port = server.port;
    let file = faq(&content);
    let text = std::fs::read_to_string(&file).unwrap();
    let saving = std::thread::spawn(move || {
        for i in 0..5 {
            std::thread::sleep(Duration::from_millis(300));
            let edited = text.replace(
                "Yes. Most technicians",
                &format!("Yes ({i}). Most technicians"),
            );
            std::fs::write(&file, edited).unwrap();
        }
    });
    // 200 requests, eight at a time, while the edits are saved.
    let pages: Vec<(u16, Vec<u8>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(move || {
                    (0..25)
                        .map(|_| {
                            std::thread::sleep(Duration::from_millis(60));
                            get(port, "/")
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    saving.join().unwrap();
    assert_eq!(pages.len(), 200);
    let mut versions = std::collections::BTreeSet::new();
    for (status, body) in &pages {
        assert_eq!(*status, 200);
        let page = String::from_utf8(body.clone()).unwrap();
        assert!(
            page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"),
            "a partial page"
        );
        assert_eq!(page.matches("</body>").count(), 1);
        let version = page
            .split("data-preview-version=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        versions.insert(version.to_owned());
    }
    assert!(versions.len() > 1, "no save was seen during the requests");
    // A flood of saves is one rebuild, not one per save.
    let before: u64 = newest_version(port);
    for _ in 0..30 {
        let now = std::fs::read_to_string(faq(&content)).unwrap();
        std::fs::write(faq(&content), now).unwrap();
    }
    std::thread::sleep(Duration::from_millis(1500));
    let after = newest_version(port);
    assert!(
        after - before <= 2,
        "{before} → {after}: many rebuilds for one burst of saves"
    );
}

fn newest_version(port: u16) -> u64 {
    let (_, body) = get(port, "/");
    let page = String::from_utf8(body).unwrap();
    page.split("data-preview-version=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn it_serves_nothing_but_what_it_renders() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let secret = "the secret beside the content folder";
    std::fs::write(dir.path().join("secret.txt"), secret).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("guide/link.toml"),
    )
    .unwrap();
    let server = serve(dir.path(), &["--content", "guide"]);
    for path in [
        "/../secret.txt",
        "/guide/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "//secret.txt",
        "/secret.txt",
        "/faq.toml",
        "/guide/faq.toml",
        "/link.toml",
        "/guide/link.toml",
        "/etc/passwd",
        "/%2fetc%2fpasswd",
        "/static/../../secret.txt",
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !String::from_utf8_lossy(&body).contains(secret),
            "{path} read the secret"
        );
    }
    assert_eq!(get(server.port, "/").0, 200);
}

#[test]
fn it_listens_on_this_computer_unless_told_and_says_when_a_port_is_taken() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    assert!(server.said.contains("127.0.0.1"), "{}", server.said);
    // The same port again: a clear error that suggests --port, and exit 1.
    let taken = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args([
            "serve",
            "--content",
            "guide",
            "--port",
            &server.port.to_string(),
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(taken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&taken.stderr);
    assert!(
        stderr.contains(&format!("port {} is in use", server.port)),
        "{stderr}"
    );
    assert!(stderr.contains("--port"), "{stderr}");
    // Another address is allowed only when asked for, with a warning.
    let open = serve(dir.path(), &["--content", "guide", "--host", "0.0.0.0"]);
    assert!(
        open.said.contains("warning: serving on 0.0.0.0"),
        "{}",
        open.said
    );
}

#[test]
fn sigterm_and_ctrl_c_stop_it_within_a_second() {
    let dir = tempdir();
    embedded_copy(dir.path());
    for signal in ["TERM", "INT"] {
        let mut server = serve(dir.path(), &["--content", "guide"]);
        // An open event stream must not hold it up.
        let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(events, "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let start = Instant::now();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &server.child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        while server.child.try_wait().unwrap().is_none() {
            assert!(
                start.elapsed() < Duration::from_secs(1),
                "SIG{signal}: still running"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn export_watch_rewrites_the_files_after_each_save() {
    let dir = tempdir();
    let content = embedded_copy(dir.path());
    let out = dir.path().join("guide.json");
    let mut watcher = Command::new(env!("CARGO_BIN_EXE_mht-guide"))
        .args([
            "export",
            "--watch",
            "--content",
            "guide",
            "-o",
            "guide.json",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(watcher.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("watching") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "export --watch stopped"
        );
    }
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    // Every read of the file, while it is rewritten, finds a whole JSON document.
    let reading = {
        let out = out.clone();
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(4) {
                if let Ok(text) = std::fs::read_to_string(&out) {
                    let json: serde_json::Value =
                        serde_json::from_str(&text).expect("a partial file was read");
                    let answer = json["faq"]["questions"][5]["answer"].to_string();
                    if seen.last() != Some(&answer) {
                        seen.push(answer);
                    }
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            seen
        })
    };
    let file = faq(&content);
    let text = std::fs::read_to_string(&file).unwrap();
    for said in ["first", "second"] {
        std::thread::sleep(Duration::from_millis(800));
        let edited = text.replace(
            "Yes. Most technicians",
            &format!("Yes, the {said} time. Most technicians"),
        );
        std::fs::write(&file, edited).unwrap();
    }
    let seen = reading.join().unwrap();
    let _ = watcher.kill();
    let _ = watcher.wait();
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(
        seen[1].contains("the first time") && seen[2].contains("the second time"),
        "{seen:?}"
    );
}

#[test]
fn it_answers_only_to_its_own_names_and_to_no_other_web_page() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    let port = server.port;
    // A page of attacker.example, made to resolve to 127.0.0.1, sends its own name.
    for host in [
        "attacker.example",
        &format!("attacker.example:{port}"),
        "127.0.0.1.attacker.example",
        "localhost.attacker.example",
        "",
    ] {
        for path in ["/", "/guide.pdf", "/events", "/nothing"] {
            let (status, head, _) = request(port, path, &format!("Host: {host}\r\n"));
            assert_eq!(status, 421, "Host: {host} {path}");
            assert!(head.contains("x-content-type-options: nosniff"), "{head}");
        }
    }
    for host in [
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, head, _) = request(port, "/", &format!("Host: {host}\r\n"));
        assert_eq!(status, 200, "Host: {host}");
        for header in [
            "x-content-type-options: nosniff",
            "content-security-policy: frame-ancestors 'none'",
            "x-frame-options: deny",
            "cross-origin-resource-policy: same-origin",
        ] {
            assert!(
                head.to_ascii_lowercase().contains(header),
                "{header}: {head}"
            );
        }
    }
    // Another site's script may not open the event stream or read a download.
    let ours = format!("Host: 127.0.0.1:{port}\r\n");
    for origin in [
        "http://attacker.example",
        "null",
        "https://127.0.0.1.example",
    ] {
        for path in ["/events", "/guide.pdf"] {
            let (status, _, _) = request(port, path, &format!("{ours}Origin: {origin}\r\n"));
            assert_eq!(status, 403, "Origin: {origin} {path}");
        }
    }
    let (status, _, _) = request(
        port,
        "/guide.epub",
        &format!("{ours}Origin: http://localhost:{port}\r\n"),
    );
    assert_eq!(status, 200);
}

#[test]
fn its_pages_name_no_absolute_path() {
    let dir = tempdir();
    let content = embedded_copy(dir.path());
    let absolute = content.canonicalize().unwrap();
    let server = serve(dir.path(), &["--content", absolute.to_str().unwrap()]);
    // A problem, so the page lists files.
    let file = faq(&content);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("[[questions]]", "[[question]]", 1)).unwrap();
    let start = Instant::now();
    let page = loop {
        let page = String::from_utf8(get(server.port, "/").1).unwrap();
        if page.contains("The content has") || start.elapsed() > Duration::from_secs(20) {
            break page;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(page.contains("guide/faq.toml:"), "{page}");
    let root = dir.path().canonicalize().unwrap();
    assert!(!page.contains(root.to_str().unwrap()), "{page}");
}

#[test]
fn a_slow_or_idle_client_is_closed_and_cannot_crowd_out_others() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    // Headers that never end, and connections that never send.
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(slow, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").unwrap();
    let idle: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    let start = Instant::now();
    // Another user is answered all the same, once the idle ones are closed.
    assert_eq!(get(server.port, "/").0, 200);
    assert!(start.elapsed() < Duration::from_secs(25));
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut rest = Vec::new();
    let closed = slow.read_to_end(&mut rest);
    assert!(
        closed.is_ok(),
        "the slow connection stayed open: {closed:?}"
    );
    assert!(start.elapsed() < Duration::from_secs(25));
    drop(idle);
    // The server holds no more connections than its limit.
    let fds =
        std::fs::read_dir(format!("/proc/{}/fd", server.child.id())).map_or(0, Iterator::count);
    assert!(fds < 100, "{fds} open files");
}

#[test]
fn two_hundred_requests_for_the_pdf_cost_one_render() {
    let dir = tempdir();
    embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide", "--verbose"]);
    let port = server.port;
    let clients: Vec<_> = (0..200)
        .map(|_| std::thread::spawn(move || get(port, "/guide.pdf")))
        .collect();
    let mut sizes = Vec::new();
    for client in clients {
        let (status, body) = client.join().unwrap();
        assert_eq!(status, 200);
        assert!(body.starts_with(b"%PDF-"));
        sizes.push(body.len());
    }
    sizes.dedup();
    assert_eq!(sizes.len(), 1, "every response is the same file");
    let heard = server.heard.lock().unwrap().clone();
    assert_eq!(heard.matches("rendered /guide.pdf").count(), 1, "{heard}");
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .unwrap()
        .trim()
        .trim_end_matches(" kB")
        .parse::<u64>()
        .unwrap();
    eprintln!("peak memory of serve after 200 requests for the PDF: {peak} kB");
    assert!(peak < 150 * 1024, "{peak} kB");
}

#[test]
fn watching_recovers_when_the_folder_is_removed_and_restored() {
    let dir = tempdir();
    let content = embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    let wait_for = |what: &str| {
        let start = Instant::now();
        loop {
            let page = String::from_utf8(get(server.port, "/").1).unwrap();
            if page.contains(what) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let aside = dir.path().join("guide.old");
    std::fs::rename(&content, &aside).unwrap();
    wait_for("The content has");
    std::fs::rename(&aside, &content).unwrap();
    wait_for("Yes. Most technicians");
    // The folder now watched is the one put back.
    let file = faq(&content);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Yes. Most technicians", "Yes, restored. Most"),
    )
    .unwrap();
    wait_for("Yes, restored. Most");
}

#[test]
#[cfg_attr(
    missing = "corpus",
    ignore = "needs the naughty-string and XSS corpora, which `bash .ci/test` installs"
)]
fn every_corpus_string_as_a_path_a_host_or_an_origin_gets_nothing() {
    let strings = crate::corpus::corpus();
    let dir = tempdir();
    embedded_copy(dir.path());
    let server = serve(dir.path(), &["--content", "guide"]);
    let port = server.port;
    let ours = format!("Host: 127.0.0.1:{port}\r\n");
    let routes = [
        "/",
        "/events",
        "/guide.pdf",
        "/fact-sheet.pdf",
        "/guide.epub",
    ];
    // A value a client can send in a header: no line breaks or other controls.
    let sendable = |s: &str| !s.is_empty() && s.bytes().all(|b| b >= 0x20 && b != 0x7F);
    let mut sent = 0;
    for s in &strings {
        let encoded: String = s
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let path = format!("/{encoded}");
        if !routes.contains(&path.as_str()) {
            let (status, _, body) = request(port, &path, &ours);
            assert_eq!(status, 404, "{s:?}");
            assert_eq!(body, b"Not found", "{s:?}");
            sent += 1;
        }
        if sendable(s) {
            // At an address no route answers, so a name the server does take gets 404, never
            // a page or a never-ending event stream.
            let ours_too = |s: &str| {
                let s = s.trim().to_ascii_lowercase();
                let host = s.strip_prefix("http://").unwrap_or(&s);
                host.starts_with("localhost")
                    || host.starts_with("127.")
                    || host.starts_with("[::1]")
            };
            let (status, _, _) = request(port, "/nothing", &format!("Host: {s}\r\n"));
            assert!(
                status == 421 || status == 400 || (status == 404 && ours_too(s)),
                "Host: {s:?} got {status}"
            );
            let (status, _, _) = request(port, "/nothing", &format!("{ours}Origin: {s}\r\n"));
            assert!(
                status == 403 || status == 400 || (status == 404 && ours_too(s)),
                "Origin: {s:?} got {status}"
            );
            sent += 2;
        }
    }
    assert!(sent > 5_000, "{sent} requests");
    // Still answering, and still itself.
    assert_eq!(get(port, "/").0, 200);
}
