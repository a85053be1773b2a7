//! Who the preview answers: requests that name it, from none of the web's other pages; and the
//! headers every response carries.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The names a request may call the server by.
pub(super) struct Hosts {
    /// The address listened on.
    pub(super) listening: IpAddr,
}

impl Hosts {
    /// Whether a `Host` header, or the host of an `Origin`, names this server: `localhost`,
    /// a loopback address, the address listened on, or, when listening on every address,
    /// any address. A name other than `localhost` is never taken: that is what a DNS
    /// rebinding attack sends.
    fn allows(&self, authority: &str) -> bool {
        let host = match authority.rsplit_once(':') {
            Some((host, port))
                if !port.is_empty()
                    && port.bytes().all(|b| b.is_ascii_digit())
                    && (!host.contains(':') || host.ends_with(']')) =>
            {
                host
            }
            _ => authority,
        };
        if host.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        match literal.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.listening || self.listening.is_unspecified(),
            Err(_) => false,
        }
    }
}

/// Answers only requests that name this server, from no other web page, and marks every
/// response as not to be framed, sniffed or used by other sites.
pub(super) async fn guard(
    State(hosts): State<Arc<Hosts>>,
    request: Request,
    next: Next,
) -> Response {
    // Read before any await: a borrowed request cannot be held across one.
    let (host, origin) = {
        let header = |name: header::HeaderName| {
            request
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let host =
            header(header::HOST).or_else(|| request.uri().authority().map(ToString::to_string));
        // An `Origin` that is not text is as foreign as any.
        let origin = request
            .headers()
            .contains_key(header::ORIGIN)
            .then(|| header(header::ORIGIN).unwrap_or_default());
        (host, origin)
    };
    let mut response = if !host.is_some_and(|h| hosts.allows(&h)) {
        (
            StatusCode::MISDIRECTED_REQUEST,
            "This preview answers only to localhost or this computer's address.",
        )
            .into_response()
    } else if origin.is_some_and(|origin| {
        !origin
            .strip_prefix("http://")
            .is_some_and(|authority| hosts.allows(authority))
    }) {
        (
            StatusCode::FORBIDDEN,
            "Other web pages may not read the preview.",
        )
            .into_response()
    } else {
        next.run(request).await
    };
    protect(response.headers_mut());
    response
}

/// The headers every response carries.
pub(super) fn protect(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name, value| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    headers.insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
}
