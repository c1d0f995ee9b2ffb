vcl 4.1;
# Portal WTZ's front cache and load balancer (Varnish 7.1, Debian 12).
#
# The app servers and the addresses allowed to purge are in backends.vcl beside it, written
# for each host: `deploy/cluster.py` writes one for `make cluster`; backends.vcl.example is
# the model for a real host. Start with, for instance:
#   varnishd -a :80 -p vcl_path=/etc/varnish -f /etc/varnish/default.vcl -s malloc,1g
#
# What it does:
# - round robin over the app servers that answer the probe (GET /healthz, once a second);
#   a GET whose app server fails is tried once more on the next one;
# - caches what the app lets it cache: never a response that sets a cookie or says
#   private/no-store/no-cache, never /admin/, never a POST, never a request with a
#   cookie or Authorization (Varnish's built-in rules) once the cookies no page reads are
#   taken off it (vcl_recv: the reader options, the language cookie);
# - keeps every object 6 hours past its lifetime (grace): while the app servers are down
#   visitors get the last copy, and what was never cached gets the maintenance page (503);
# - PURGE <path> (one address of the Host) and BAN <path> (every address of the Host that
#   starts with the path; `BAN /` is the whole site), only from the `purgers` ACL.

import cookie;
import directors;
import std;

probe portal_health {
    # The app answers /healthz before its host check and SSL redirect (core/app_server.py).
    .request =
        "GET /healthz HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: Varnish health probe";
    .expected_response = 200;
    .interval = 1s;
    .timeout = 2s;
    # Sick after two failed probes of the last three, healthy again after two good ones.
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# Defines the backends (with `.probe = portal_health;`), adds them to the director `portal`
# in a `sub vcl_init`, and the `acl purgers`.
include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = portal.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Portal-Host == " + req.http.host + " && obj.http.X-Portal-Url ~ ^" + req.url);
        return (synth(200, "Banned"));
    }

    # With healthy app servers a stale object is served for 10 s while it is fetched again;
    # with none, for the whole grace period (vcl_backend_response).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.url ~ "^/healthz" || req.url ~ "^/admin(/|$)" || req.url ~ "^/[a-z]{2}/admin/") {
        return (pass);
    }
    # Static files and media are the same for everyone: cookies do not matter for them.
    if (req.url ~ "^/(static|media)/") {
        unset req.http.Cookie;
    }
    call strip_cookies_no_page_reads;
    # Everything else: Varnish's built-in rules (only GET and HEAD are looked up; a request
    # with a Cookie or Authorization header goes to the app).
}

# The page HTML is the same with or without these cookies, so a visitor who has them still
# gets the cached page (Varnish's built-in rules pass any request that keeps a Cookie):
# - reader_options (portal.easyread.reader): read only under /reader-options/ (the style
#   sheet of the choice, and the link that changes it), where it is kept;
# - django_language: the app never sets it; Django reads it only on an address without a
#   language prefix (/ → /pl/ or /en/), where it is kept.
# Every other cookie is kept and makes the request pass, because what the app answers
# depends on it: sessionid (editors, the messages after a form), messages, csrftoken (the
# forms' token is derived from it: a new one would break a form open in another tab) and
# poll-<key> (a poll shows its results instead of its form to a browser that voted).
sub strip_cookies_no_page_reads {
    if (!req.http.Cookie || req.url ~ "^/reader-options/") {
        return;
    }
    cookie.parse(req.http.Cookie);
    cookie.delete("reader_options");
    if (req.url ~ "^/[a-z]{2}/") {
        cookie.delete("django_language");
    }
    set req.http.Cookie = cookie.get_string();
    if (req.http.Cookie == "") {
        unset req.http.Cookie;
    }
}

sub vcl_backend_response {
    # Kept for BAN, which bans on the object's host and address (the ban lurker can test
    # an object's headers, not the request that fetched it).
    set beresp.http.X-Portal-Host = bereq.http.host;
    set beresp.http.X-Portal-Url = bereq.url;
    set beresp.grace = 6h;

    if (bereq.url ~ "^/static/" && beresp.status == 200) {
        # collectstatic's file names carry a hash of the content (whitenoise).
        set beresp.ttl = 1d;
    }
    if (beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Set-Cookie, Surrogate-Control: no-store, Vary: * and zero lifetimes: built-in rules.
}

sub vcl_backend_error {
    # An app server died under this request: a GET or HEAD tries the next one at once,
    # before the probe has noticed. A POST is not repeated (it may have been taken).
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.status = 503;
    synthetic({"<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Przerwa techniczna – Maintenance – Portal WTZ</title>
</head>
<body>
<main>
<h1>Przerwa techniczna</h1>
<p>Portal WTZ jest chwilowo niedostępny. Spróbuj ponownie za kilka minut.
Nic, co wpisano w formularzach, nie zostało zapisane.</p>
<div lang="en">
<h2>Maintenance</h2>
<p>Portal WTZ is briefly unavailable. Please try again in a few minutes.
Nothing typed into a form has been saved.</p>
</div>
</main>
</body>
</html>
"});
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Portal-Host;
    unset resp.http.X-Portal-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
