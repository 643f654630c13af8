vcl 4.1;
# Varnish (Debian's varnish 7.x) in front of Bayan: it keeps public pages as Bayan's Cache-Control
# says (s-maxage), drops exactly the ones a change affects when Bayan sends a purge naming their
# Surrogate-Key (BAYAN_PURGE_URLS=http://this-varnish:6081/), and keeps answering with the pages
# it holds while every Bayan node is down. README, "Several nodes", says how to run it:
#   varnishd -a :6081 -f /path/to/bayan.vcl -s malloc,1G
# The backend below is the load balancer in front of the nodes (nginx, see ../nginx), or a node.

import std;

backend bayan {
    .host = "127.0.0.1";
    .port = "8080";
    # Seen as down after two failed looks in a row: then pages are answered from what is kept.
    .probe = {
        .url = "/robots.txt";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the Bayan nodes. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.Surrogate-Key) {
            # No keys: every page may have changed.
            if (!std.ban("obj.status != 0")) {
                return (synth(500, std.ban_error()));
            }
            return (synth(200, "Purged every page"));
        }
        # Bayan's keys are letters, digits and hyphens, separated by spaces.
        if (req.http.Surrogate-Key !~ "^[a-z0-9 -]+$") {
            return (synth(400, "Bad keys"));
        }
        if (!std.ban({"obj.http.Surrogate-Key ~ (^|\s)("} + regsuball(req.http.Surrogate-Key, " +", "|") + {")(\s|$)"})) {
            return (synth(500, std.ban_error()));
        }
        return (synth(200, "Purged"));
    }
    # The staff area, the login and anything but reading: straight to Bayan, never kept.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|login|logout)([/?]|$)") {
        return (pass);
    }
    # A member of staff browsing the site sees it as it is this moment.
    if (req.http.Cookie ~ "(^|;\s*)BAYAN_SESSION=") {
        return (pass);
    }
    # Public pages are the same for every reader: their cookies change nothing.
    unset req.http.Cookie;
    # While Bayan answers, a page past its time is answered for a minute at most while a fresh
    # one is fetched; while every node is down, the pages kept are answered for up to six hours.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        set beresp.grace = 6h;
    }
}

sub vcl_deliver {
    # Readers' browsers and any cache further out must ask again each time: only this one is purged.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = "public, no-cache";
    }
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
    unset resp.http.Surrogate-Key;
}
