# `make bench` runs deploy/varnish/default.vcl with this as its backends.vcl (the include that
# deploy/varnish/backends.vcl.example models): the one portal under test, probed as
# default.vcl says, the director `portal` and the purge ACL. bench/servers.py fills in
# $backend_host and $backend_port.

backend app1 {
    .host = "$backend_host";
    .port = "$backend_port";
    .probe = portal_health;
}

sub vcl_init {
    new portal = directors.round_robin();
    portal.add_backend(app1);
}

acl purgers {
    "127.0.0.1";
}
