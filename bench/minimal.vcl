# `make bench` puts Varnish in front of the portal with this VCL when deploy/varnish/ has none:
# only the backend; everything else is Varnish's built-in VCL (it caches what the app's
# Cache-Control allows, never a response with Set-Cookie, never a request with a Cookie).
# bench/servers.py fills in $backend_host and $backend_port.
vcl 4.1;

backend portal {
    .host = "$backend_host";
    .port = "$backend_port";
}
