vcl 4.1;

# Varnish in front of Negotiation Ledger nodes whose answers shared caches may keep
# (LEDGER_HTTP_SHARED_CACHES=true); see docs/scaling.md, "Caches".

backend ledger {
    .host = "ledger:8080";
}

sub vcl_recv {
    # Only reads are kept; every change goes straight to the ledger.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The event stream never ends, and an export is written for one download.
    if (req.url ~ "^/api/(events|export)" || req.url ~ "^/(login|logout|actuator)") {
        return (pass);
    }
    # Varnish does not keep answers to requests with credentials unless told to: the ledger's
    # are kept, each copy for the credentials (or session) that asked, never shown to others.
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.Authorization);
    hash_data(req.http.Cookie);
}

sub vcl_backend_response {
    # An answer about the present (no-cache) is kept, but asked again each time with its ETag:
    # the ledger answers 304 without a query while its view has not moved on. (A time to live of
    # 0 s would not keep it at all; 1 ms keeps it stale at once, for keep's sake.)
    if (beresp.http.Cache-Control ~ "no-cache" && beresp.http.ETag) {
        set beresp.ttl = 1ms;
        set beresp.grace = 0s;
        set beresp.keep = 1h;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
